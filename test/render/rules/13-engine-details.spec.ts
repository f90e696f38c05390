/**
 * Details of Iterable's engine that handlebars.js does differently. Each expectation was checked against a
 * build of Iterable's Handlebars.java fork (commit 493047dd, the corpus engine) during development; the
 * differential properties (test/properties) found them.
 */
import { describe, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

describe('comments', () => {
  it('{{!--}} is a complete short comment, not the start of a long one', () => {
    expectTemplate('{{!--}}x--}}').toRender('x--}}');
    expectTemplate('[[!--]]x--]]').onlyFamily('feed').toRender('x--]]');
  });
});

describe('path lookup through enclosing contexts', () => {
  const data = '{"a": {"b": {}}, "b": {"c": "outer"}, "c": "outer c", "x": "X"}';
  it('binds the first segment where it is found, and resolves the rest there only', () => {
    expectTemplate('{{#with a}}[{{b.c}}]{{/with}}').withUser(data).toRender('[]');
  });
  it('still finds a single name in an enclosing context', () => {
    expectTemplate('{{#with a}}[{{c}}]{{/with}}').withUser(data).toRender('[outer c]');
  });
  it('walks outward from the parent for ../x', () => {
    expectTemplate('{{#with a}}{{#with b}}[{{../x}}]{{/with}}{{/with}}').withUser(data).toRender('[X]');
  });
  it('does the same in the feed family', () => {
    expectTemplate('[[#with a]][ [[b.c]] ][[/with]]').withUnaliasedFeed(data).toRender('[  ]');
  });
});

describe("Handlebars.java's qualified 'with'", () => {
  const data = '{"a": {"b": 1}}';
  it('reads {{a.b}} directly inside {{#with a}} as {{this.a.b}}', () => {
    expectTemplate('{{#with a}}[{{a.b}}|{{this.b}}]{{/with}}').withUser(data).toRender('[|1]');
  });
  it('only directly inside the with: a nested block resolves normally', () => {
    expectTemplate('{{#with a}}[{{#if a}}{{a.b}}{{/if}}]{{/with}}').withUser(data).toRender('[1]');
  });
});

describe('else blocks of #with and sections', () => {
  it('#with renders its else with the falsy value as this, ../ reaching the parent', () => {
    expectTemplate('{{#with x}}W{{else}}[{{this}}|{{../y}}]{{/with}}').withUser('{"x": 0, "y": "Y"}').toRender('[0|Y]');
  });
  it('a section renders its else with the falsy value as this', () => {
    expectTemplate('{{#x}}S{{else}}[{{this}}]{{/x}}').withUser('{"x": 0}').toRender('[0]');
  });
  it('#each and #if keep the context in their else', () => {
    expectTemplate('{{#each x}}E{{else}}[{{this.y}}]{{/each}}').withUser('{"x": [], "y": "Y"}').toRender('[Y]');
    expectTemplate('{{#if x}}I{{else}}[{{this.y}}]{{/if}}').withUser('{"x": 0, "y": "Y"}').toRender('[Y]');
  });
});

describe('number literals', () => {
  it("reads .23 as a number (Handlebars.java's NUMBER is '-'? [0-9]* '.'? [0-9]+)", () => {
    expectTemplate('{{#with .23}}{{this}}{{/with}}').toRender('0.23');
    expectTemplate('{{numberFormat .23 "percent"}}').toRender('23%');
  });
  it('reads an integer literal beyond an int as a double, as Java does', () => {
    expectTemplate('{{#with 2147483647}}{{this}}{{/with}}|{{#with 9999999999}}{{this}}{{/with}}').toRender('2147483647|9.999999999E9');
  });
});

describe('#each over an object', () => {
  it('sets @index, @key, @first and @last, but not @odd or @even', () => {
    expectTemplate('{{#each o}}{{@index}}{{@key}}{{@first}}{{@last}}{{@odd}}{{@even}},{{/each}}')
      .withUser('{"o": {"a": 1, "b": 2}}')
      .toRender('0afirst,1blast,');
  });
});

describe("lookup, as Handlebars.java's LookupHelper", () => {
  const data = '{"o": {"k": 1, "n": {"m": "M"}}, "xs": [1, 2], "a": "A"}';
  it('resolves the key as a path in the object, then in the enclosing contexts', () => {
    expectTemplate('{{lookup o "k"}}|{{lookup o "n.m"}}|{{lookup o "a"}}|{{lookup xs 1}}').withUser(data).toRender('1|M|A|2');
  });
  it('returns the object itself when the key is found nowhere', () => {
    expectTemplate('{{lookup o "zz"}}|{{lookup xs 5}}|{{lookup xs "b"}}|{{lookup 0 1}}')
      .withUser(data)
      .toRender('{k&#x3D;1, n&#x3D;{&quot;m&quot;:&quot;M&quot;}}|[1,2]|[1,2]|0');
    expectTemplate('{{#if (lookup o "zz")}}Y{{else}}N{{/if}}').withUser(data).toRender('Y');
  });
  it('prints nothing for a missing object', () => {
    expectTemplate('[{{lookup nothing "k"}}]').withUser(data).toRender('[]');
  });
});

describe('lookup with a missing key', () => {
  it('fails the send, as Handlebars.java does (a NullPointerException)', () => {
    expectTemplate('{{lookup o missingKey}}')
      .withUser('{"o": {"k": 1}}')
      .toSkip('HandlebarsExecutionError', /key is missing/);
    expectTemplate('{{lookup @root a}}').toSkip('HandlebarsExecutionError');
  });
  it('but a missing object still prints nothing', () => {
    expectTemplate('[{{lookup nothing missingKey}}]').toRender('[]');
  });
});

describe('lookup with an empty key', () => {
  it('fails the send, as Handlebars.java does (an IndexOutOfBoundsException parsing the empty path)', () => {
    expectTemplate('[[lookup name tags]]')
      .withUnaliasedFeed('{"tags": "", "name": 1}')
      .toSkip('HandlebarsExecutionError', /key is empty/);
    expectTemplate('{{lookup o ""}}').withUser('{"o": {"": 1}}').toSkip('HandlebarsExecutionError');
  });
});

describe('@../name', () => {
  it('reads the data of the parent context, so a #with in between counts as a level', () => {
    expectTemplate('{{#each xs}}{{#with this}}{{@../index}}{{/with}}{{/each}}').withUser('{"xs": [{"a": 1}, {"a": 2}]}').toRender('01');
    expectTemplate('{{#each xs}}{{#each this}}{{@../index}}{{@index}},{{/each}}{{/each}}').withUser('{"xs": [[1, 2], [3]]}').toRender('00,01,10,');
  });
});

describe('#with of the current string or boolean', () => {
  it('pushes no context level (Handlebars.java keeps the context when the value is the same object)', () => {
    expectTemplate('{{#with s}}{{#with s}}[{{../../r}}|{{../r}}|{{this}}]{{/with}}{{/with}}').withUser('{"s": "a", "r": "R"}').toRender('[|R|a]');
  });
  it('but an object is read afresh, so #with this in an #each pushes a level', () => {
    expectTemplate('{{#each xs}}{{#with this}}[{{../../r}}]{{/with}}{{/each}}').withUser('{"xs": [{"a": 1}], "r": "R"}').toRender('[R]');
  });
});

describe("Handlebars.java's qualified 'with' on a data path", () => {
  it('reads {{@root.y.k}} directly inside {{#with @root.y}} as the key @root of the new context', () => {
    expectTemplate('{{#with @root.y}}[{{@root.y.k}}|{{k}}|{{@root.z}}]{{/with}}').withUser('{"y": {"k": "K"}, "z": "Z"}').toRender('[|K|Z]');
  });
});

describe('../x from the else block of a #with of a missing or null value', () => {
  const data = '{"c": "C", "n": null, "f": false, "xs": [null]}';
  it('finds nothing: the context of the missing value is skipped, so ../ starts above the root', () => {
    expectTemplate('{{#with missing}}x{{else}}[{{../c}}|{{c}}]{{/with}}').withUser(data).toRender('[|C]');
    expectTemplate('{{#with n}}x{{else}}[{{../c}}]{{/with}}').withUser(data).toRender('[]');
  });
  it('but a false value is a context like any other', () => {
    expectTemplate('{{#with f}}x{{else}}[{{../c}}]{{/with}}').withUser(data).toRender('[C]');
  });
  it('and a null #each element is a JSON node, not a missing value', () => {
    expectTemplate('{{#each xs}}[{{../c}}]{{/each}}').withUser(data).toRender('[C]');
  });
});

describe('an object key whose value is null', () => {
  it('is not found, so the Java bean properties size and empty of the object apply', () => {
    expectTemplate('{{size}}|{{empty}}|{{o.size}}|{{o.empty}}|[{{n}}]')
      .withUser('{"size": null, "empty": null, "n": null, "o": {"a": 1}}')
      .toRender('4|false|1|false|[]');
  });
  it('a key with a value still wins', () => {
    expectTemplate('{{size}}|{{o.size}}').withUser('{"size": "S", "o": {"size": 0}}').toRender('S|0');
  });
});

describe('a helper called without params', () => {
  it('works on `this` as #with resolved it', () => {
    expectTemplate('{{#with o}}{{upper}}|{{capitalize}}{{/with}}').withUser('{"o": "abc def"}').toRender('ABC DEF|Abc Def');
  });
  it('but on the raw Jackson node of an #each element, where a scalar node is empty', () => {
    expectTemplate('{{#each a}}[{{upper}}|{{not}}]{{/each}}').withUser('{"a": {"kids": true, "s": "x"}}').toRender('[|true][|true]');
    expectTemplate('{{#each xs}}[{{not}}]{{/each}}').withUser('{"xs": [{"k": 1}, {}]}').toRender('[false][true]');
  });
});

describe('a block helper called without params', () => {
  it('#each iterates `this`; the root is a Jackson object node, an Iterable of its values with the index as @key', () => {
    expectTemplate('{{#each}}[{{@key}}:{{this}}]{{/each}}').withUser('{"a": 1, "b": "x"}').toRender('[0:1][1:x]');
  });
  it('lookup returns `this`, the root node printing as JSON', () => {
    expectTemplate('{{lookup}}').withUser('{"a": 1}').toRender('{&quot;a&quot;:1}');
    expectTemplate('{{#with o}}{{lookup}}{{/with}}').withUser('{"o": "s"}').toRender('s');
  });
});

describe('block parameters, a context level of their own in Handlebars.java', () => {
  it('so ../ from directly inside the block steps to the block context, not its parent', () => {
    expectTemplate('[[#with 5 as |w|]][[../../a.qty]][[/with]]').withUnaliasedFeed('{"a": {"qty": 1}}').toRender('1');
    expectTemplate('{{#each xs as |x|}}[{{../k}}|{{../../k}}]{{/each}}').withUser('{"xs": [{"k": "item"}], "k": "root"}').toRender('[item|root]');
    expectTemplate('{{#with o as |p|}}{{#with p}}[{{../../r}}]{{/with}}{{/with}}').withUser('{"o": {"k": 1}, "r": "R"}').toRender('[R]');
  });
});

describe('{{.}} directly inside a block with block parameters', () => {
  it("prints the block parameter level's Map of names to values; {{this}} is the block's context, an #each element as its raw JSON node", () => {
    expectTemplate('{{#each xs as |it|}}{{.}}|{{this}}{{/each}}').withUser('{"xs": ["a"]}').toRender('{it&#x3D;&quot;a&quot;}|&quot;a&quot;');
    expectTemplate('[[#with "<&>" as |w|]][[.]][[/with]]').withUnaliasedFeed('{}').toRender('{w&#x3D;&lt;&amp;&gt;}');
  });
});
