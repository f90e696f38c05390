/**
 * DESIGN.md rule 1: two delimiter families, one parse. `{{ }}` tags resolve against the user context, `[[ ]]` tags
 * against the data-feed context; each family has its own scope stack; both support the same grammar; `[[[x]]]` is
 * `[[ [x] ]]`; feed values are never parsed as template code.
 */
import { describe, expect, it } from 'vitest';
import { iterableHelpers } from '../../../src/helpers/index.js';
import type { HelperDefinition } from '../../../src/helpers/types.js';
import { jsonText } from '../../../src/values/print.js';
import { expectTemplate } from '../../support/expect-template.js';

/** `{{show a b k=v}}` prints its params and hash as JSON, so the tests can see what each family resolved. */
const showHelper: HelperDefinition = {
  meta: { name: 'show', form: 'both', params: [{ name: 'values', type: 'any', variadic: true, optional: true }], description: 'test helper' },
  fn: (call) => {
    const hash = [...call.hash].map(([k, v]) => `${k}=${jsonText(v)}`).join(',');
    const body = call.isBlock ? `|${call.fn()}` : '';
    return `${call.params.map(jsonText).join(',')};${hash}${body}`;
  },
};
const helpers = iterableHelpers().with([showHelper]);

describe('rule 1: each family resolves against its own context', () => {
  it('{{x}} reads the user, [[x]] reads the feed, in one template', () => {
    expectTemplate('{{x}}/[[x]]').withUser({ x: 'user' }).withUnaliasedFeed({ x: 'feed' }).toRender('user/feed');
  });

  it('a {{ }} tag never sees feed fields (without mergeDataFeedContext)', () => {
    expectTemplate('[{{code}}]').withUnaliasedFeed({ code: 'C1' }).toRender('[]');
  });

  it('[[[name]]] is [[ [name] ]]: a feed lookup that never sees user fields', () => {
    expectTemplate('[[[name]]]').withUser({ name: 'Ann' }).toRender('');
  });

  it('a [[ ]] tag never sees user fields: [ [[name]] ]', () => {
    expectTemplate('[ [[name]] ]').withUser({ name: 'Ann' }).toRender('[  ]');
  });

  it('tags of the two families interleave and nest freely', () => {
    expectTemplate('{{#if a}}<[[#if b]]{{n}}:[[c]][[/if]]>{{/if}}').withUser({ a: true, n: 'N' }).withUnaliasedFeed({ b: 1, c: 'C' }).toRender('<N:C>');
  });

  it('a {{#if}} tests the user field even when the feed has the same name', () => {
    expectTemplate('{{#if x}}U{{else}}-{{/if}}[[#if x]]F[[else]]-[[/if]]').withUser({ x: false }).withUnaliasedFeed({ x: true }).toRender('-F');
  });
});

describe('rule 1: each family keeps its own scope stack', () => {
  const user = '{"name": "Ann", "title": "Dr"}';
  const feed = '{"items": [{"code": "A"}, {"code": "B"}], "title": "Deals"}';

  it('[[#each]] pushes only the feed stack: {{this}} inside it is still the user root', () => {
    expectTemplate('[[#each items]]{{this}};[[/each]]').withUser('{"n": 1}').withUnaliasedFeed(feed).toRender('{n&#x3D;1};{n&#x3D;1};');
  });

  it('[[#each]] pushes only the feed stack: {{name}} resolves against the user root, [[code]] against the element', () => {
    expectTemplate('[[#each items]]{{name}}:[[code]] [[/each]]').withUser(user).withUnaliasedFeed(feed).toRender('Ann:A Ann:B ');
  });

  it('{{#each}} pushes only the user stack: [[this]] inside it is still the feed root', () => {
    expectTemplate('{{#each xs}}[[this]];{{/each}}')
      .withUser('{"xs": [1, 2]}')
      .withUnaliasedFeed('{"k": "v"}')
      .toRender('{k&#x3D;&quot;v&quot;};{k&#x3D;&quot;v&quot;};');
  });

  it('{{#each}} pushes only the user stack: [[title]] inside it is the feed root title', () => {
    expectTemplate('{{#each xs}}{{this}}[[title]] {{/each}}').withUser('{"xs": [1, 2], "title": "user"}').withUnaliasedFeed(feed).toRender('1Deals 2Deals ');
  });

  it('../ inside [[#each]] leads to the parent feed scope', () => {
    expectTemplate('[[#each items]][[code]]-[[../title]] [[/each]]').withUser(user).withUnaliasedFeed(feed).toRender('A-Deals B-Deals ');
  });

  it('{{../x}} inside [[#each]] inside {{#each}} climbs the user stack only once', () => {
    expectTemplate('{{#each people}}[[#each items]]{{name}}/{{../title}}/[[code]] [[/each]]{{/each}}')
      .withUser('{"title": "Dr", "people": [{"name": "Ann"}]}')
      .withUnaliasedFeed(feed)
      .toRender('Ann/Dr/A Ann/Dr/B ');
  });

  it('{{../x}} inside [[#each]] at the user root leads nowhere (as corpus path.parent_at_root)', () => {
    expectTemplate('[[#each items]]<{{../title}}>[[/each]]').withUser(user).withUnaliasedFeed(feed).toRender('<><>');
  });

  it('@index belongs to the family whose #each set it', () => {
    expectTemplate('{{#each xs}}[[#each items]]{{@index}}.[[@index]] [[/each]]{{/each}}')
      .withUser('{"xs": ["p", "q"]}')
      .withUnaliasedFeed(feed)
      .toRender('0.0 0.1 1.0 1.1 ');
  });

  it('[[@index]] outside any [[#each]] is missing even inside a {{#each}}', () => {
    expectTemplate('{{#each xs}}[{{@index}}|[[@index]]]{{/each}}').withUser('{"xs": ["p", "q"]}').toRender('[0|][1|]');
  });

  it('[[#with]] changes [[this]] but not {{this}}', () => {
    expectTemplate('[[#with o]][[a]]/{{a}}[[/with]]')
      .withUser('{"a": "user-a"}')
      .withUnaliasedFeed('{"o": {"a": "feed-a"}, "a": "root-a"}')
      .toRender('feed-a/user-a');
  });

  it("{{@root}} and [[@root]] are each family's own root", () => {
    expectTemplate('[[#each items]]{{@root.name}}|[[@root.title]] [[/each]]').withUser(user).withUnaliasedFeed(feed).toRender('Ann|Deals Ann|Deals ');
  });
});

describe('rule 1: both families support the same grammar', () => {
  it('raw output: {{{x}}} and [[{x}]] (corpus sq.raw_brace)', () => {
    expectTemplate('{{{x}}}|[[{x}]]').withUser({ x: '<U>' }).withUnaliasedFeed({ x: '<X>' }).toRender('<U>|<X>');
  });

  it('raw output: {{&x}} and [[&x]] (corpus sq.raw_amp, esc.all.amp)', () => {
    expectTemplate('{{&x}}|[[&x]]').withUser({ x: '<U>' }).withUnaliasedFeed({ x: '<X>' }).toRender('<U>|<X>');
  });

  it('raw output with spaces: [[& x]] [[{ x }]] (corpus x.amp_in_sq)', () => {
    expectTemplate('[[& x]] [[{ x }]]').withUnaliasedFeed({ x: '<' }).toRender('< <');
  });

  it('[[[x]]] is [[ [x] ]], escaped, not raw (corpus sq.triple_bracket)', () => {
    expectTemplate('[[[x]]]').withUnaliasedFeed({ x: '<X>' }).toRender('&lt;X&gt;');
  });

  it('[[ [x] ]] is escaped (corpus sq.triple_bracket_space)', () => {
    expectTemplate('[[ [x] ]]').withUnaliasedFeed({ x: '<X>' }).toRender('&lt;X&gt;');
  });

  it('[[[x y]]] reads the literal key "x y" (corpus sq.literal_key)', () => {
    expectTemplate('[[[x y]]]').withUnaliasedFeed({ 'x y': 'XY' }).toRender('XY');
  });

  it('[[a.[0]]] and [[a.[0].b]] index arrays (corpus sq.path_index, sq.path_index2)', () => {
    expectTemplate('[[a.[0]]]|[[b.[0].c]]')
      .withUnaliasedFeed({ a: ['first'], b: [{ c: 'B' }] })
      .toRender('first|B');
  });

  it('[[a.[b]]] (corpus x.sq_nested_brackets)', () => {
    expectTemplate('[[a.[b]]]')
      .withUnaliasedFeed({ a: { b: 'B' } })
      .toRender('B');
  });

  it('#if / else in the feed family (corpus sq.if_true, sq.if_false)', () => {
    expectTemplate('[[#if x]]yes [[x]][[else]]no[[/if]]').withUnaliasedFeed({ x: '<X>' }).toRender('yes &lt;X&gt;');
    expectTemplate('[[#if x]]yes [[x]][[else]]no[[/if]]').withUnaliasedFeed({}).toRender('no');
  });

  it('#each with @index in the feed family (corpus sq.each)', () => {
    expectTemplate('[[#each a]][[@index]]:[[this]] [[/each]]')
      .withUnaliasedFeed({ a: ['p', 'q'] })
      .toRender('0:p 1:q ');
  });

  it('[[^x]] inverted sections and [[else if]] chains', () => {
    expectTemplate('[[^x]]none[[/x]]').withUnaliasedFeed({ x: [] }).toRender('none');
    expectTemplate('[[#if a]]A[[else if b]]B[[else]]C[[/if]]').withUnaliasedFeed({ a: 0, b: 'y' }).toRender('B');
    expectTemplate('[[#if a]]A[[^]]N[[/if]]').withUnaliasedFeed({ a: false }).toRender('N');
  });

  it('comments ! and !-- --, in both families (corpus sq.comment, ws.comment, ws.comment_long)', () => {
    expectTemplate('a[[! hidden ]]b[[!-- also --]]c').toRender('abc');
    expectTemplate('a{{! hidden }}b{{!-- has }} inside --}}c').toRender('abc');
    expectTemplate('a[[!-- has ]] inside --]]b').toRender('ab');
  });

  it('~ whitespace control in the feed family (corpus sq.tilde)', () => {
    expectTemplate('a  [[~x~]]  b').withUnaliasedFeed({ x: 'X' }).toRender('aXb');
  });

  it('\\{{ and \\[[ escape a tag (corpus sq.escaped_mustache, sq.escaped_sq)', () => {
    expectTemplate('\\{{x}} {{x}}').withUser({ x: 'X' }).toRender('{{x}} X');
    expectTemplate('\\[[x]] [[x]]').withUnaliasedFeed({ x: 'X' }).toRender('[[x]] X');
  });

  it('\\\\{{x}} is one literal backslash, then the escaped tag as text (Handlebars.java lexer)', () => {
    // HbsLexer.g4: TEXT (consumeUntil) stops before `\{{`, so the first backslash is text; ESC_VAR then takes
    // `\{{x}}` and Text.merge writes it without its backslash. So `\\{{x}}` prints `\{{x}}`, not `\X`
    // (handlebars.js prints `\X`; the corpus has only the single-backslash case sq.escaped_mustache).
    expectTemplate('\\\\{{x}} {{x}}').withUser({ x: 'X' }).toRender('\\{{x}} X');
    expectTemplate('\\\\[[x]] [[x]]').withUnaliasedFeed({ x: 'X' }).toRender('\\[[x]] X');
  });

  it('a backslash not before a tag is text', () => {
    expectTemplate('a\\b {{x}}\\').withUser({ x: 'X' }).toRender('a\\b X\\');
  });

  it('{{=<% %>=}} changes the user delimiters for the rest of the template (corpus sq.setdelim)', () => {
    expectTemplate('{{=<% %>=}}<%x%> {{x}}').withUser({ x: 'X' }).toRender('X {{x}}');
  });

  it('helper params and key=value hash params, in both families', () => {
    // `null` is a path, answered by the root JSON node's isNull() (fuzz class null-literal-is-a-path).
    expectTemplate('{{show a "s" 1 2.50 true null k=a}}|[[show a "s" 1 2.50 false null k=a]]')
      .withHelpers(helpers)
      .withUser('{"a": 5.0}')
      .withUnaliasedFeed('{"a": [1]}')
      .toRender('5.0,&quot;s&quot;,1,2.5,true,false;k&#x3D;5.0|[1],&quot;s&quot;,1,2.5,false,false;k&#x3D;[1]');
  });

  it('raw helper output in both families', () => {
    expectTemplate('{{{show "<" k=a}}}|[[{show "<" k=a}]]')
      .withHelpers(helpers)
      .withUser({ a: 'u' })
      .withUnaliasedFeed({ a: 'f' })
      .toRender('"<";k="u"|"<";k="f"');
  });

  it('number literals as params keep their value (corpus x.number_literal_param)', () => {
    expectTemplate('{{#with 5}}{{this}}{{/with}}|{{#with 2.50}}{{this}}{{/with}}|{{#with true}}{{this}}{{/with}}').toRender('5|2.5|true');
    expectTemplate('[[#with 5]][[this]][[/with]]|[[#with 2.50]][[this]][[/with]]|[[#with true]][[this]][[/with]]').toRender('5|2.5|true');
  });

  it('string literal params with escaped quotes (corpus x.string_param_escape)', () => {
    expectTemplate('{{lookup o "a\\"b"}}').withUser('{"o": {"a\\"b": "Q"}}').toRender('Q');
    expectTemplate('[[lookup o "a\\"b"]]').withUnaliasedFeed('{"o": {"a\\"b": "Q"}}').toRender('Q');
  });

  it('sub-expressions in both families (corpus x.subexpr_lookup)', () => {
    expectTemplate('{{#if (lookup o k)}}Y{{else}}N{{/if}}')
      .withUser({ o: { a: 1 }, k: 'a' })
      .toRender('Y');
    expectTemplate('[[#if (lookup o k)]]Y[[else]]N[[/if]]')
      .withUnaliasedFeed({ o: { a: 1 }, k: 'a' })
      .toRender('Y');
    // A key found nowhere returns the object itself, as Handlebars.java's LookupHelper does (fuzz-classes.jsonl).
    expectTemplate('[[#if (lookup o k)]]Y[[else]]N[[/if]]')
      .withUnaliasedFeed({ o: { a: 1 }, k: 'b' })
      .toRender('Y');
    expectTemplate('[[#if (lookup o k)]]Y[[else]]N[[/if]]')
      .withUnaliasedFeed({ o: { a: 1 }, k: 'b', b: false })
      .toRender('N');
  });

  it('a sub-expression takes its params from its own family', () => {
    expectTemplate('[[lookup o (lookup names 0)]]')
      .withUser({ names: ['u'] })
      .withUnaliasedFeed({ o: { f: 'F', u: 'U' }, names: ['f'] })
      .toRender('F');
  });

  it('block params as |a b| in both families (corpus each.block_params, x.hash_in_with)', () => {
    expectTemplate('[[#each items as |it i|]][[i]]=[[it]] [[/each]]')
      .withUnaliasedFeed({ items: ['a', 'b', 'c'] })
      .toRender('0=&quot;a&quot; 1=&quot;b&quot; 2=&quot;c&quot; ');
    expectTemplate('[[#with o as |p|]][[p.a]][[/with]]')
      .withUnaliasedFeed({ o: { a: 'A' } })
      .toRender('A');
  });

  it('a block param of one family is not visible to the other', () => {
    expectTemplate('[[#with o as |p|]][[p.a]]/{{p.a}}[[/with]]')
      .withUser({ p: { a: 'user-p' } })
      .withUnaliasedFeed({ o: { a: 'A' } })
      .toRender('A/user-p');
  });
});

describe('rule 1: feed values are never parsed as template code', () => {
  it('a feed value holding {{x}} and [[x]] text is printed as text (escaped), not evaluated', () => {
    expectTemplate('[[t]]').withUser({ name: 'Ann', x: 'X' }).withUnaliasedFeed({ t: '{{name}} [[t]] <b>', x: 'X' }).toRender('{{name}} [[t]] &lt;b&gt;');
  });

  it('raw output of such a value is the same text, unescaped', () => {
    expectTemplate('[[{t}]]').withUser({ name: 'Ann' }).withUnaliasedFeed({ t: '{{name}} [[t]] <b>' }).toRender('{{name}} [[t]] <b>');
  });

  it('a user value holding [[x]] and {{{x}}} text is printed as text too', () => {
    expectTemplate('{{t}}').withUser({ t: '[[code]] {{{t}}} {{#if x}}' }).withUnaliasedFeed({ code: 'C' }).toRender('[[code]] {{{t}}} {{#if x}}');
  });

  it('an aliased feed value with a tag-like text prints verbatim', () => {
    expectTemplate('[[vf.voucher.code]]')
      .withFeed('vf', { voucher: { code: '[[vf.voucher.code]]' } })
      .toRender('[[vf.voucher.code]]');
  });
});

describe('rule 1 in single-family mode (how Handlebars.java compiles one delimiter pair)', () => {
  it('with only [[ ]], {{x}} is literal text (corpus sq.curly_literal)', () => {
    expectTemplate('a {{x}} b [[x]]').onlyFamily('feed').withUnaliasedFeed({ x: '<X>' }).toRender('a {{x}} b &lt;X&gt;');
  });

  it('with only [[ ]], {{{x}}} and {{#if}} are literal text (corpus sq.curly_triple_literal, sq.curly_block_literal)', () => {
    expectTemplate('{{{x}}} [[x]]').onlyFamily('feed').withUnaliasedFeed({ x: '<X>' }).toRender('{{{x}}} &lt;X&gt;');
    expectTemplate('{{#if x}}A{{/if}}').onlyFamily('feed').withUnaliasedFeed({ x: '<X>' }).toRender('{{#if x}}A{{/if}}');
  });

  it('with only [[ ]], {{y}} inside [[#if]] is literal text (corpus x.sq_with_curly_inside_if)', () => {
    expectTemplate('[[#if x]]{{y}}[[/if]]').onlyFamily('feed').withUnaliasedFeed({ x: 1, y: 'Y' }).toRender('{{y}}');
  });

  it('the same template with both families renders {{y}} from the user context', () => {
    expectTemplate('[[#if x]]{{y}}[[/if]]').withUser({ y: 'U' }).withUnaliasedFeed({ x: 1, y: 'Y' }).toRender('U');
  });

  it('with only {{ }}, [[x]] is literal text', () => {
    const result = expectTemplate('{{x}} [[x]]').onlyFamily('user').withUser({ x: 'X' }).withUnaliasedFeed({ x: 'F' }).toRender('X [[x]]');
    expect(result.diagnostics).toEqual([]);
  });
});
