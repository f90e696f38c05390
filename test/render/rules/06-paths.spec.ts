/**
 * DESIGN.md rule 6: paths. `a.b`, `a/b`, `a.[0].b`, `a.0.b` are the same; `[x y]` and `[a.b]` are one literal
 * segment; a number segment indexes an array or names an object key; out of range or missing → missing. `this`,
 * `.`, `../` (parent scope of the same family), `@index`, `@key`, `@first`/`@last`, `x.length`/`x.size`. Never
 * inherited members (`__proto__`, `constructor`, `toString`).
 */
import { describe, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

/** The data the corpus path.* cases ran with. */
const DATA = '{"a":{"b":"ab","0":{"b":"a0b"}},"arr":[{"b":"arr0b"},{"b":"arr1b"}],"x y":"xy","n":{"x y":"nxy"},"a.b":"dotted","list":[10,20,30]}';

/** [corpus id, template in {{ }}, output] */
const CASES: Array<[id: string, template: string, output: string]> = [
  ['path.a.b', '{{a.b}}', 'ab'],
  ['path.a/b', '{{a/b}}', 'ab'],
  ['path.arr.[0].b', '{{arr.[0].b}}', 'arr0b'],
  ['path.arr.0.b', '{{arr.0.b}}', 'arr0b'],
  ['path.arr/0/b', '{{arr/0/b}}', 'arr0b'],
  ['path.arr.1.b', '{{arr.1.b}}', 'arr1b'],
  ['path.a.[0].b_objkey', '{{a.[0].b}}', 'a0b'],
  ['path.a.0.b_objkey', '{{a.0.b}}', 'a0b'],
  ['path.[x y]', '{{[x y]}}', 'xy'],
  ['path.n.[x y]', '{{n.[x y]}}', 'nxy'],
  ['path.[a.b]', '{{[a.b]}}', 'dotted'],
  ['path.list.[1]', '{{list.[1]}}', '20'],
  ['path.list.1', '{{list.1}}', '20'],
  ['path.list.[5]_oob', '[{{list.[5]}}]', '[]'],
  ['path.list.5_oob', '[{{list.5}}]', '[]'],
  ['path.list.[-1]', '[{{list.[-1]}}]', '[]'],
  ['path.arr.[9].b_oob', '[{{arr.[9].b}}]', '[]'],
  ['path.missing.deep', '[{{nope.x.y}}]', '[]'],
  ['path.this.a.b', '{{this.a.b}}', 'ab'],
  ['path../a.b', '{{./a.b}}', 'ab'],
  ['path.this/a/b', '{{this/a/b}}', 'ab'],
  ['path.list.[0]_then_b', '[{{list.[0].b}}]', '[]'],
  ['path.a.b.c_on_string', '[{{a.b.c}}]', '[]'],
  ['path.lookup_helper', '{{lookup list 1}}|{{lookup a "b"}}', '20|ab'],
  ['path.each_parent', '{{#each arr}}{{b}}:{{../a.b}};{{/each}}', 'arr0b:ab;arr1b:ab;'],
  ['path.each_parent_list', '{{#each list}}{{this}}-{{../list.length}};{{/each}}', '10-3;20-3;30-3;'],
  ['path.with_parent', '{{#with a}}{{b}}/{{../list.[0]}}/{{../a.b}}{{/with}}', 'ab/10/ab'],
  ['path.with_this', '{{#with a}}{{this.b}}{{/with}}', 'ab'],
  ['path.parent_at_root', '[{{../a.b}}]', '[]'],
  ['path.each_this_in_obj', '{{#each arr}}{{this}}{{/each}}', '{b&#x3D;&quot;arr0b&quot;}{b&#x3D;&quot;arr1b&quot;}'],
  ['path.literal_seg_num', '{{a.[0]}}', '{b&#x3D;&quot;a0b&quot;}'],
  ['path.at_root', '{{#each list}}{{@root.a.b}}{{/each}}', 'ababab'],
  ['path.deep_parent', '{{#each arr}}{{#with this}}{{../../a.b}}|{{/with}}{{/each}}', 'ab|ab|'],
  ['path.implicit_parent_lookup', '{{#each arr}}[{{list.[0]}}]{{/each}}', '[10][10]'],
  ['path.implicit_parent_lookup_with', '{{#with a}}[{{list.[0]}}]{{/with}}', '[10]'],
];

/** The same template in the feed family: `{{` → `[[`, `}}` → `]]`. */
function toFeed(template: string): string {
  return template.replaceAll('{{', '[[').replaceAll('}}', ']]');
}

/**
 * A corpus case moved to the feed family. Literal `[`/`]` right next to a tag would make `[[[x]]]`, which is
 * `[[ [x] ]]` (rule 1), so such wrappers become `<`/`>` in the template and in the output.
 */
function feedCase(template: string, output: string): [string, string] {
  if (!template.includes('[{{') && !template.includes('}}]')) return [toFeed(template), output];
  const unwrapped = template.replaceAll('[{{', '<{{').replaceAll('}}]', '}}>');
  return [toFeed(unwrapped), output.replaceAll('[', '<').replaceAll(']', '>')];
}

describe('rule 6: paths in the user family (corpus path.*)', () => {
  for (const [id, template, output] of CASES) {
    it(`${template} (corpus ${id})`, () => {
      expectTemplate(template).withUser(DATA).toRender(output);
    });
  }
});

describe('rule 6: the same paths in the feed family', () => {
  for (const [id, template, output] of CASES) {
    const [feedTemplate, feedOutput] = feedCase(template, output);
    it(`${feedTemplate} (as corpus ${id})`, () => {
      expectTemplate(feedTemplate).withUnaliasedFeed(DATA).toRender(feedOutput);
    });
  }

  it('the same paths under an alias', () => {
    expectTemplate('[[d.a.b]]|[[d.arr.[1].b]]|[[d.arr.0.b]]|[[d.[a.b]]]|[[d.n.[x y]]]|[[d.list.length]]')
      .withFeed('d', DATA)
      .toRender('ab|arr1b|arr0b|dotted|nxy|3');
  });
});

describe('rule 6: data variables', () => {
  const EACH = '{"items":["a","b","c"],"obj":{"k1":"v1","k2":5.0,"k3":null},"people":[{"name":"A","tags":["x","y"]},{"name":"B","tags":[]}],"title":"T"}';
  const table: Array<[id: string, template: string, output: string]> = [
    ['each.arr_index', '{{#each items}}{{@index}}:{{this}} {{/each}}', '0:a 1:b 2:c '],
    ['each.arr_first_last', '{{#each items}}[{{@first}}|{{@last}}]{{/each}}', '[first|][|][|last]'],
    ['each.arr_if_first', '{{#each items}}{{#if @first}}F{{/if}}{{#if @last}}L{{/if}}{{this}},{{/each}}', 'Fa,b,Lc,'],
    ['each.arr_unless_last', '{{#each items}}{{this}}{{#unless @last}}, {{/unless}}{{/each}}', 'a, b, c'],
    ['each.arr_key', '{{#each items}}[{{@key}}]{{/each}}', '[0][1][2]'],
    ['each.obj_key', '{{#each obj}}{{@key}}={{this}}@{{@index}}[{{@first}}|{{@last}}];{{/each}}', 'k1=v1@0[first|];k2=5.0@1[|];k3=@2[|last];'],
    ['each.nested_parent', '{{#each people}}{{name}}:{{#each tags}}{{this}}/{{../name}}/{{../../title}},{{/each}};{{/each}}', 'A:x/A/T,y/A/T,;B:;'],
    ['each.nested_index', '{{#each people}}{{#each tags}}{{@../index}}.{{@index}} {{/each}}{{/each}}', '0.0 0.1 '],
    ['each.each_root', '{{#each items}}{{@root.title}}{{/each}}', 'TTT'],
    ['each.each_length', '{{items.length}}', '3'],
    ['each.block_params_obj', '{{#each obj as |v k|}}{{k}}={{v}} {{/each}}', 'k1=&quot;v1&quot; k2=5.0 k3=null '],
    ['each.block_params', '{{#each items as |it i|}}{{i}}={{it}} {{/each}}', '0=&quot;a&quot; 1=&quot;b&quot; 2=&quot;c&quot; '],
    ['each.arr_odd_even', '{{#each items}}[{{@odd}}|{{@even}}]{{/each}}', '[|even][odd|][|even]'],
    ['each.section_list', '{{#items}}<{{.}}>{{/items}}', '<a><b><c>'],
    ['each.each_index_math_like', '{{#each items}}{{@index}}{{/each}}', '012'],
  ];
  for (const [id, template, output] of table) {
    it(`${template} (corpus ${id})`, () => {
      expectTemplate(template).withUser(EACH).toRender(output);
    });
    const [feedTemplate, feedOutput] = feedCase(template, output);
    it(`${feedTemplate} (as corpus ${id})`, () => {
      expectTemplate(feedTemplate).withUnaliasedFeed(EACH).toRender(feedOutput);
    });
  }

  it('@key in nested #each over objects (corpus x.nested_obj_each)', () => {
    const template = '{{#each o}}{{@key}}:{{#each this}}{{@key}}={{this}}{{#unless @last}},{{/unless}}{{/each}};{{/each}}';
    const data = '{"o":{"p":{"a":1,"b":2.5},"q":{"c":"<"}}}';
    expectTemplate(template).withUser(data).toRender('p:a=1,b=2.5;q:c=&lt;;');
    expectTemplate(toFeed(template)).withUnaliasedFeed(data).toRender('p:a=1,b=2.5;q:c=&lt;;');
  });

  it('data variables outside #each print nothing (corpus x.index_outside_each)', () => {
    expectTemplate('[{{@index}}|{{@first}}|{{@key}}]').withUser('{}').toRender('[||]');
    expectTemplate('<[[@index]]|[[@first]]|[[@key]]>').withUnaliasedFeed('{}').toRender('<||>');
  });

  it('a key spelled @x is found when no data variable has that name (corpus x.at_key_in_data)', () => {
    expectTemplate('{{@x}}|{{x}}').withUser('{"@x":"at","x":"plain"}').toRender('at|plain');
  });
});

describe('rule 6: length and size', () => {
  it('of arrays, strings and objects (corpus num.len, num.strlen, num.objsize)', () => {
    expectTemplate('{{x.length}}|{{x.size}}|{{x.empty}}').withUser('{"x":[1,2,3]}').toRender('3|3|false');
    expectTemplate('{{x.length}}|{{x.empty}}').withUser('{"x":"abc"}').toRender('3|false');
    expectTemplate('{{x.size}}|{{x.empty}}|{{x.length}}').withUser('{"x":{"a":1}}').toRender('1|false|');
  });

  it('in the feed family', () => {
    expectTemplate('[[x.length]]|[[x.size]]|[[s.length]]|[[e.length]]').withUnaliasedFeed('{"x":[1,2],"s":"héllo","e":[]}').toRender('2|2|5|0');
  });

  it('a real key named length wins over the property', () => {
    expectTemplate('{{o.length}}|{{o.size}}').withUser('{"o":{"length":"L","size":"S"}}').toRender('L|S');
  });
});

describe('rule 6: more path forms', () => {
  it('literal segments with spaces and dots in one path (corpus path.[x y], path.[a.b])', () => {
    expectTemplate('{{[a.b].[c d]}}').withUser('{"a.b": {"c d": "ok"}, "a": {"b": {"c d": "wrong"}}}').toRender('ok');
    expectTemplate('[[[a.b].[c d]]]').withUnaliasedFeed('{"a.b": {"c d": "ok"}}').toRender('ok');
  });

  it('numbers index arrays in nested arrays', () => {
    expectTemplate('{{m.1.0}}|{{m.[1].[1]}}|{{m/0/1}}').withUser('{"m":[[1,2],[3,4]]}').toRender('3|4|2');
  });

  it('a number segment names an object key', () => {
    expectTemplate('{{o.2}}|[[o.10]]').withUser('{"o": {"2": "two"}}').withUnaliasedFeed('{"o": {"10": "ten"}}').toRender('two|ten');
  });

  it('this and . at the root and in a block (corpus x.this_bracket, num.dot_root)', () => {
    expectTemplate('{{this.[0]}}|{{[0]}}').withUser('["zero","one"]').toRender('zero|zero');
    expectTemplate('{{#with o}}{{.}}|{{this}}{{/with}}').withUser('{"o": "s"}').toRender('s|s');
  });

  it('unicode and dashed keys (corpus x.unicode_key, x.dash_key)', () => {
    expectTemplate('{{ключ}}|{{[ünï]}}').withUser('{"ключ":"K","ünï":"U"}').toRender('K|U');
    expectTemplate('{{first-name}}|{{a-b.c}}').withUser('{"first-name":"F","a-b":{"c":"C"}}').toRender('F|C');
    expectTemplate('[[first-name]]|[[ключ]]').withUnaliasedFeed('{"first-name":"F","ключ":"K"}').toRender('F|K');
  });

  it('whitespace inside a tag (corpus x.whitespace_in_tag, x.newline_in_tag)', () => {
    expectTemplate('{{  x  }}|{{ a.b }}|{{{ x }}}').withUser('{"x":"<","a":{"b":"B"}}').toRender('&lt;|B|<');
    expectTemplate('{{#if\nx}}Y{{/if}}').withUser('{"x":1}').toRender('Y');
    expectTemplate('[[  x  ]]|[[#if\ny]]Y[[/if]]').withUnaliasedFeed('{"x":"<","y":1}').toRender('&lt;|Y');
  });

  it('../ in a feed #each reads the parent feed scope, not the user', () => {
    expectTemplate('[[#each xs]][[../t]]/{{../t}};[[/each]]').withUser('{"t": "U"}').withUnaliasedFeed('{"t": "F", "xs": [1, 2]}').toRender('F/;F/;');
  });

  it('../../ climbs two feed scopes', () => {
    expectTemplate('[[#each outer]][[#each inner]][[../n]]-[[../../t]] [[/each]][[/each]]')
      .withUnaliasedFeed('{"t":"T","outer":[{"n":"o1","inner":[1,2]}]}')
      .toRender('o1-T o1-T ');
  });

  it('a plain name falls back to enclosing feed scopes (as corpus path.implicit_parent_lookup)', () => {
    expectTemplate('[[#each xs]][[t]][[/each]]').withUnaliasedFeed('{"t": "T", "xs": [{}, {"t": "own"}]}').toRender('Town');
  });

  it('this.x does not fall back to enclosing scopes', () => {
    expectTemplate('{{#each xs}}[{{this.t}}]{{/each}}').withUser('{"t": "T", "xs": [{}, {"t": "own"}]}').toRender('[][own]');
  });
});

describe('rule 6: never inherited members', () => {
  const user = '{"o": {"a": 1}, "s": "str", "l": [1]}';

  // JavaScript's members never answer; Java's do, as in Handlebars.java (`toString`, `toUpperCase`: checked against
  // the Java engine, see runtime/java-members.ts).
  it("__proto__, constructor, hasOwnProperty, valueOf of an object are missing; toString is Java's", () => {
    expectTemplate('[{{o.__proto__}}|{{o.constructor}}|{{o.toString}}|{{o.hasOwnProperty}}|{{o.valueOf}}]').withUser(user).toRender('[||{a&#x3D;1}||]');
  });

  it("at the root, where toString is the root JSON node's", () => {
    const json = '{&quot;o&quot;:{&quot;a&quot;:1},&quot;s&quot;:&quot;str&quot;,&quot;l&quot;:[1]}';
    expectTemplate('[{{__proto__}}|{{constructor}}|{{toString}}|{{constructor.name}}]').withUser(user).toRender(`[||${json}|]`);
    expectTemplate('[[[__proto__]]]|[[constructor]]|[[toString]]|[[constructor.name]]').withUnaliasedFeed(user).toRender(`||${json}|`);
  });

  it("of strings and arrays (Java's String.toUpperCase answers)", () => {
    expectTemplate('[{{s.constructor}}|{{s.toUpperCase}}|{{s.0}}|{{l.constructor}}|{{l.map}}|{{l.__proto__}}]').withUser(user).toRender('[|STR||||]');
  });

  it('in conditions', () => {
    expectTemplate('{{#if o.constructor}}Y{{else}}N{{/if}}{{#if __proto__}}Y{{else}}N{{/if}}').withUser(user).toRender('NN');
  });

  it('but a real key spelled __proto__ or constructor is found', () => {
    expectTemplate('{{o.__proto__}}|{{o.constructor}}').withUser('{"o": {"__proto__": "P", "constructor": "C"}}').toRender('P|C');
    expectTemplate('[[o.__proto__]]|[[o.constructor]]').withUnaliasedFeed('{"o": {"__proto__": "P", "constructor": "C"}}').toRender('P|C');
  });
});
