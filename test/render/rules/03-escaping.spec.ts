/**
 * DESIGN.md rule 3: HTML escaping of `{{x}}` and `[[x]]` output: `&`→`&amp;` `<`→`&lt;` `>`→`&gt;` `"`→`&quot;`
 * `'`→`&#x27;` `` ` ``→`&#x60;` `=`→`&#x3D;`; nothing else (not `/`, not non-ASCII); existing entities are escaped
 * again. Raw forms (`{{{x}}}`, `{{&x}}`, `[[{x}]]`, `[[&x]]`) do not escape.
 */
import { describe, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

const ALL = '&<>"\'`=/ \\ \u00e9 \u00fc \u2713 \u00a0 {} [] ;';
const ALL_ESCAPED = '&amp;&lt;&gt;&quot;&#x27;&#x60;&#x3D;/ \\ é ü ✓ \u00a0 {} [] ;';

describe('rule 3: one character at a time (corpus esc.amp ... esc.slash)', () => {
  const table: Array<[id: string, input: string, output: string]> = [
    ['esc.amp', '&', '&amp;'],
    ['esc.lt', '<', '&lt;'],
    ['esc.gt', '>', '&gt;'],
    ['esc.quot', '"', '&quot;'],
    ['esc.apos', "'", '&#x27;'],
    ['esc.backtick', '`', '&#x60;'],
    ['esc.eq', '=', '&#x3D;'],
    ['esc.slash', '/', '/'],
  ];
  for (const [id, input, output] of table) {
    it(`{{x}} with ${JSON.stringify(input)} prints ${output} (corpus ${id})`, () => {
      expectTemplate('{{x}}').withUser({ x: input }).toRender(output);
    });
    it(`[[x]] with ${JSON.stringify(input)} prints ${output}`, () => {
      expectTemplate('[[x]]').withUnaliasedFeed({ x: input }).toRender(output);
    });
  }
});

describe('rule 3: everything else is left alone', () => {
  it('{{x}} escapes only the seven characters (corpus esc.all.double)', () => {
    expectTemplate('{{x}}').withUser({ x: ALL }).toRender(ALL_ESCAPED);
  });

  it('[[x]] escapes only the seven characters', () => {
    expectTemplate('[[x]]').withUnaliasedFeed({ x: ALL }).toRender(ALL_ESCAPED);
  });

  it('through an alias too', () => {
    expectTemplate('[[vf.x]]').withFeed('vf', { x: ALL }).toRender(ALL_ESCAPED);
  });

  it('non-ASCII, emoji, control characters and line breaks pass through', () => {
    expectTemplate('{{x}}').withUser({ x: 'ñ 😀 \t\r\n ©' }).toRender('ñ 😀 \t\r\n ©');
  });

  it('existing entities are escaped again (corpus esc.already_entity)', () => {
    expectTemplate('{{x}}').withUser({ x: '&amp; &lt;' }).toRender('&amp;amp; &amp;lt;');
    expectTemplate('[[x]]').withUnaliasedFeed({ x: '&amp; &#x27;' }).toRender('&amp;amp; &amp;#x27;');
  });

  it('template text is never escaped, only values (corpus esc.literal_text)', () => {
    expectTemplate('a & b < c {{x}}').withUser({ x: '&' }).toRender('a & b < c &amp;');
    expectTemplate('a & b < c [[x]] "q"').withUnaliasedFeed({ x: '&' }).toRender('a & b < c &amp; "q"');
  });

  it('values inside #each are escaped (corpus esc.in_each)', () => {
    expectTemplate('{{#each a}}{{this}}|{{/each}}')
      .withUser({ a: ['<', '&'] })
      .toRender('&lt;|&amp;|');
    expectTemplate('[[#each a]][[this]]|[[/each]]')
      .withUnaliasedFeed({ a: ['<', '&'] })
      .toRender('&lt;|&amp;|');
  });
});

describe('rule 3: raw forms do not escape', () => {
  it('{{{x}}} (corpus esc.all.triple)', () => {
    expectTemplate('{{{x}}}').withUser({ x: ALL }).toRender(ALL);
  });

  it('{{&x}} and {{& x}} (corpus esc.all.amp, esc.all.amp_space)', () => {
    expectTemplate('{{&x}}').withUser({ x: ALL }).toRender(ALL);
    expectTemplate('{{& x}}').withUser({ x: ALL }).toRender(ALL);
  });

  it('[[{x}]], [[&x]] and [[& x]]', () => {
    expectTemplate('[[{x}]]|[[&x]]|[[& x]]').withUnaliasedFeed({ x: '<a href="/">' }).toRender('<a href="/">|<a href="/">|<a href="/">');
  });

  it('a missing value prints nothing in the raw form (corpus esc.triple_missing)', () => {
    expectTemplate('[{{{x}}}]').toRender('[]');
    expectTemplate('<[[{x}]]>|<[[&x]]>').toRender('<>|<>');
  });
});

describe('rule 3: helper results are escaped like values', () => {
  it('{{defaultIfEmpty}} and {{lookup}} output is escaped, {{{…}}} output is not', () => {
    expectTemplate('{{defaultIfEmpty x "<n/a>"}}|{{{defaultIfEmpty x "<n/a>"}}}').withUser({}).toRender('&lt;n/a&gt;|<n/a>');
    expectTemplate('{{lookup o "k"}}|[[lookup o "k"]]')
      .withUser({ o: { k: "'" } })
      .withUnaliasedFeed({ o: { k: '"' } })
      .toRender('&#x27;|&quot;');
  });

  it('string literals printed through a tag are escaped', () => {
    expectTemplate('{{#with "<b>"}}{{this}}|{{{this}}}{{/with}}').toRender('&lt;b&gt;|<b>');
  });
});

describe('rule 3: printed arrays and objects are escaped after printing', () => {
  it('an array of strings (corpus num.arr_of_str_html)', () => {
    expectTemplate('{{x}}')
      .withUser({ x: ['<a>', '&'] })
      .toRender('[&quot;&lt;a&gt;&quot;,&quot;&amp;&quot;]');
    expectTemplate('[[x]]')
      .withUnaliasedFeed({ x: ['<a>', '&'] })
      .toRender('[&quot;&lt;a&gt;&quot;,&quot;&amp;&quot;]');
  });

  it('an object, raw and escaped (corpus num.obj, num.triple_obj)', () => {
    expectTemplate('{{x}}').withUser('{"x": {"a": 1, "b": "x"}}').toRender('{a&#x3D;1, b&#x3D;&quot;x&quot;}');
    expectTemplate('{{{x}}}').withUser('{"x": {"a": "<", "b": null}}').toRender('{a="<", b=null}');
    expectTemplate('[[{x}]]').withUnaliasedFeed('{"x": {"a": "<", "b": null}}').toRender('{a="<", b=null}');
  });
});
