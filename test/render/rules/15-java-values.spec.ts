/**
 * How Iterable's Handlebars.java sees JSON bound as a Jackson tree, beyond plain keys (issue 11, fuzz classes
 * java-method-name-as-key, null-literal-is-a-path, block-params-raw-jsonnode, jsonnode-iterable-root-or-raw-node).
 * Every expected output here was produced by a build of the corpus engine (Iterable's fork at 493047dd).
 */
import { describe, expect, it } from 'vitest';
import { coreHelpers } from '../../../src/helpers/index.js';
import { expectTemplate } from '../../support/expect-template.js';

describe('a Java method answers for a name the JSON has no value for', () => {
  it('on the root node: isNull(), isObject(), size(), getNodeType()...', () => {
    expectTemplate('{{null}}|{{#if null}}T{{else}}F{{/if}}|{{size}}|{{empty}}|{{object}}|{{array}}|{{nodeType}}|{{number}}|{{containerNode}}')
      .withUser('{"a": 1}')
      .toRender('false|F|1|false|true|false|OBJECT|false|true');
  });

  it('on each kind of #each element node', () => {
    expectTemplate('{{#each xs}}{{null}}|{{textual}}|{{number}}|{{asText}}|{{textValue}}|{{nodeType}}|{{int}}|{{intValue}},{{/each}}')
      .withUser('{"xs": ["a", 1, 2.5, true, null, {"k": 1}]}')
      .toRender(
        'false|true|false|a|a|STRING|false|0,false|false|true|1||NUMBER|true|1,false|false|true|2.5||NUMBER|false|2,' +
          'false|false|false|true||BOOLEAN|false|0,true|false|false|null||NULL|false|0,false|false|false|||OBJECT|false|0,',
      );
  });

  it('so an item without a `number` key prints false for {{number}}', () => {
    expectTemplate('{{#each items}}[{{number}}]{{/each}}').withUser('{"items": [{"number": "A-1"}, {"name": "x"}]}').toRender('[A-1][false]');
  });

  it('on values a path resolved to: String, Map, ArrayNode, Integer, Double, Boolean', () => {
    expectTemplate('{{s.length}}|{{s.empty}}|{{s.blank}}|{{s.toUpperCase}}|{{s.trim}}|{{s.size}}|{{s.textual}}')
      .withUser('{"s": " Ab "}')
      .toRender('4|false|false| AB |Ab||');
    expectTemplate(
      '{{o.size}}|{{o.empty}}|{{o.null}}|{{o.toString}}|{{a.length}}|{{a.size}}|{{a.array}}|{{n.intValue}}|{{n.doubleValue}}|{{d.naN}}|{{b.booleanValue}}',
    )
      .withUser('{"o": {"a": 1}, "a": [1, 2], "n": 5, "d": 2.5, "b": true}')
      .toRender('1|false||{a&#x3D;1}|2|2|true|5|5.0|false|true');
  });

  // Iterable registers helpers named `size` and `length`, which a bare {{size}} calls; the engine's resolvers are
  // seen with the built-in helpers only, as the corpus ran.
  it('a text node (an #each element) has no length, unlike a String', () => {
    expectTemplate('{{#each xs}}[{{length}}|{{this.length}}|{{empty}}]{{/each}}').withHelpers(coreHelpers()).withUser('{"xs": ["abc"]}').toRender('[||true]');
  });

  it("at every level, the level's own HashMap answers size and empty (a #with of a string, block parameters)", () => {
    expectTemplate('{{#with s}}{{size}}|{{empty}}{{/with}}|{{#with s as |w|}}{{size}}{{/with}}|{{#each xs}}{{size}}{{/each}}')
      .withHelpers(coreHelpers())
      .withUser('{"s": "str", "xs": ["a"]}')
      .toRender('0|false|1|0');
    expectTemplate('[[#with size as |w|]][[size]][[/with]]').withHelpers(coreHelpers()).withUnaliasedFeed('{"info": {}}').toRender('1');
  });

  it('a method that prints Java internals prints nothing, with a java-member warning', () => {
    expectTemplate('[{{o.keySet}}]').withUser('{"o": {"a": 1}}').toRender('[]');
    expectTemplate('[{{o.keySet}}]').withUser('{"o": {"a": 1}}').toReport('java-member', 'o.keySet');
    expectTemplate('{{#each xs}}{{elements}}{{/each}}').withUser('{"xs": [[1]]}').toReport('java-member', 'elements');
  });

  it('a real key always wins, and a name no Java class has stays missing without a warning', () => {
    expectTemplate('{{size}}|{{null}}|{{o.keySet}}').withUser('{"size": 7, "null": "N", "o": {"keySet": "K"}}').toRender('7|N|K');
    expectTemplate('[{{nothing}}]').withUser('{}').toReportNothing();
  });
});

describe('raw JSON nodes: the #each element parameter, @root, and this inside a block with block parameters', () => {
  it('an element parameter prints as JSON and is empty unless it is a non-empty object or list', () => {
    expectTemplate('{{#each xs as |it|}}{{#if it}}T{{else}}F{{/if}}{{it}} {{/each}}')
      .withUser('{"xs": [1, "a", {}, {"k": 1}, [], [0], true, null]}')
      .toRender('F1 F&quot;a&quot; F{} T{&quot;k&quot;:1} F[] T[0] Ftrue Fnull ');
    expectTemplate('{{#each xs as |it|}}{{#if it}}T{{/if}}{{/each}}').withUser('{"xs": ["a"]}').toReport('raw-json-node', 'it');
  });

  it('#with and #each over an element parameter, and this there', () => {
    expectTemplate('{{#each xs as |it|}}{{#with it}}{{k}}{{else}}E{{/with}}{{#each it}}I{{else}}N{{/each}},{{/each}}')
      .withUser('{"xs": [{"k": 1}, "s", {}]}')
      .toRender('1I,EN,EN,');
    expectTemplate('{{#each xs as |it|}}{{this.it}}|{{./it}}{{/each}}').withUser('{"xs": [{"k": 1}]}').toRender('{&quot;k&quot;:1}|');
  });

  it('a section over a node iterates an object or array node, and renders the else block for a scalar node', () => {
    expectTemplate('{{#each xs as |it|}}{{#it}}S{{this}}{{/it}}|{{^it}}I{{/it}},{{/each}}')
      .withUser('{"xs": [{"a": 1, "b": 2}, [1, 2], "s", {}, []]}')
      .toRender('S{&quot;a&quot;:1,&quot;b&quot;:2}S{&quot;a&quot;:1,&quot;b&quot;:2}|,S[1,2]S[1,2]|,|I,|I,|I,');
    expectTemplate('{{#@root}}[{{this}}]{{/@root}}').withUser('{"a": 1, "b": "x"}').toRender('[1][x]');
  });

  it('@root is the root node: #each iterates its values with the index as @key, and it prints as JSON', () => {
    expectTemplate('{{#each @root}}{{@key}}={{this}},{{/each}}|{{@root}}|{{#if @root}}T{{/if}}|{{#each @root as |v|}}{{v}}{{/each}}')
      .withUser('{"x": 1, "y": "s"}')
      .toRender('0=1,1=s,|{&quot;x&quot;:1,&quot;y&quot;:&quot;s&quot;}|T|1&quot;s&quot;');
  });

  it("other helpers see a node's emptiness and JSON text", () => {
    expectTemplate('{{capitalize @root}}|{{upper @root}}').withUser('{"x": "a"}').toRender('{&quot;x&quot;:&quot;a&quot;}|{&quot;X&quot;:&quot;A&quot;}');
    expectTemplate('{{capitalize @root}}').withUser('{}').toRender('');
    expectTemplate('{{#each xs as |it|}}[{{upper it}}|{{lower it "d"}}]{{/each}}').withUser('{"xs": ["a"]}').toRender('[|d]');
  });

  it('the raw-json-node warning is given once per tag', () => {
    const result = expectTemplate('{{#each xs as |it|}}{{upper it}}{{/each}}').withUser('{"xs": ["a", "b", "c"]}').toRender('');
    expect(result.diagnostics.filter((d) => d.ruleId === 'raw-json-node')).toHaveLength(1);
  });
});

describe('@name reads the key of the context first (Handlebars.java DataPath)', () => {
  it('an #each item with an index or key field prints that field for @index, @key; @root can be a key too', () => {
    expectTemplate('{{#each xs}}{{@index}}{{@key}},{{/each}}|{{@root}}').withUser('{"xs": [{"index": "I", "key": "K"}, {}], "root": 5}').toRender('IK,11,|5');
  });

  it('@../index directly inside a block with block parameters is that block level', () => {
    expectTemplate('{{#each xs}}{{#each ys as |y|}}{{@../index}}{{/each}}{{/each}}').withUser('{"xs": [1, 2], "ys": [1, 2]}').toRender('0101');
  });
});

describe('contexts below block parameters ask their parent first (Handlebars.java Context.ParentFirst)', () => {
  it('inside #each with block parameters, a #with finds names in the element before its own value', () => {
    expectTemplate('{{#each xs as |x|}}{{#with o}}{{k}}|{{this}}|{{this.k}}{{/with}}{{/each}}')
      .withUser('{"xs": [{"k": "X"}], "o": {"k": "O"}}')
      .toRender('X|{&quot;k&quot;:&quot;X&quot;}|O');
  });

  it('a nested #each reads the outer element and its @index first', () => {
    expectTemplate('{{#each xs as |x|}}{{#each ys}}{{@index}}{{name}},{{/each}}{{/each}}')
      .withUser('{"xs": [{"name": "X"}], "ys": [{"name": "a"}, {"name": "b"}]}')
      .toRender('0X,0X,');
  });
});

describe('#each over a single value (each-over-scalar)', () => {
  it('false, "", 0 and "a" render nothing, not the else block, and warn: Handlebars.java iterates their Java methods', () => {
    for (const value of ['false', '""', '0', '"a"', 'true']) {
      expectTemplate('{{#each x}}-{{else}}E{{/each}}').withUser(`{"x": ${value}}`).toRender('');
      expectTemplate('{{#each x}}-{{else}}E{{/each}}').withUser(`{"x": ${value}}`).toReport('each-over-scalar', '{{#each x}}-{{else}}E{{/each}}');
    }
  });

  it('null, a missing value, [] and {} render the else block', () => {
    expectTemplate('{{#each a}}-{{else}}E{{/each}}{{#each b}}-{{else}}E{{/each}}{{#each c}}-{{else}}E{{/each}}{{#each d}}-{{else}}E{{/each}}')
      .withUser('{"a": null, "c": [], "d": {}}')
      .toRender('EEEE');
  });
});
