/**
 * DESIGN.md rule 5: falsy = missing, null, `false`, `""`, `0`, `0.0`, `[]`. Truthy: `{}`, `"0"`, `"false"`, `" "`,
 * `[0]`. Checked through `#if`, `#unless`, `else if` and Mustache sections, in both families (corpus if.*, unless.*,
 * elseif.*, section.*).
 */
import { describe, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

/** [corpus suffix, JSON text of v (undefined: missing), truthy, what `[{{.}}]` prints inside the section] */
const VALUES: Array<[id: string, json: string | undefined, truthy: boolean, section: string]> = [
  ['0', '0', false, ''],
  ['0.0', '0.0', false, ''],
  ['emptystr', '""', false, ''],
  ['str0', '"0"', true, '0'],
  ['emptyarr', '[]', false, ''],
  ['emptyobj', '{}', true, '{}'],
  ['false', 'false', false, ''],
  ['null', 'null', false, ''],
  ['strfalse', '"false"', true, 'false'],
  ['true', 'true', true, '{v&#x3D;true}'],
  ['1', '1', true, '1'],
  ['neg1', '-1', true, '-1'],
  ['0.5', '0.5', true, '0.5'],
  ['str_space', '" "', true, ' '],
  ['arr0', '[0]', true, '0'],
  ['obj', '{"a":1}', true, '{a&#x3D;1}'],
  ['missing', undefined, false, ''],
];

const data = (json: string | undefined) => (json === undefined ? '{}' : `{"v": ${json}}`);

describe('rule 5: truthiness in the user family (corpus if.*, unless.*, elseif.*, section.*)', () => {
  for (const [id, json, truthy, section] of VALUES) {
    it(`#if ${json ?? 'missing'} is ${truthy ? 'truthy' : 'falsy'} (corpus if.${id})`, () => {
      expectTemplate('{{#if v}}T{{else}}F{{/if}}')
        .withUser(data(json))
        .toRender(truthy ? 'T' : 'F');
    });
    it(`#unless ${json ?? 'missing'} (corpus unless.${id})`, () => {
      expectTemplate('{{#unless v}}T{{else}}F{{/unless}}')
        .withUser(data(json))
        .toRender(truthy ? 'F' : 'T');
    });
    it(`else if ${json ?? 'missing'} (corpus elseif.${id})`, () => {
      expectTemplate('{{#if nope}}A{{else if v}}B{{else}}C{{/if}}')
        .withUser(data(json))
        .toRender(truthy ? 'B' : 'C');
    });
    it(`section {{#v}} with ${json ?? 'missing'} (corpus section.${id})`, () => {
      expectTemplate('{{#v}}S[{{.}}]{{/v}}{{^v}}I{{/v}}')
        .withUser(data(json))
        .toRender(truthy ? `S[${section}]` : 'I');
    });
  }
});

describe('rule 5: truthiness in the feed family', () => {
  for (const [id, json, truthy, section] of VALUES) {
    it(`[[#if]] ${json ?? 'missing'} is ${truthy ? 'truthy' : 'falsy'} (as corpus if.${id})`, () => {
      expectTemplate('[[#if v]]T[[else]]F[[/if]]')
        .withUnaliasedFeed(data(json))
        .toRender(truthy ? 'T' : 'F');
    });
    it(`[[#unless]] ${json ?? 'missing'} (as corpus unless.${id})`, () => {
      expectTemplate('[[#unless v]]T[[else]]F[[/unless]]')
        .withUnaliasedFeed(data(json))
        .toRender(truthy ? 'F' : 'T');
    });
    it(`[[else if]] ${json ?? 'missing'} (as corpus elseif.${id})`, () => {
      expectTemplate('[[#if nope]]A[[else if v]]B[[else]]C[[/if]]')
        .withUnaliasedFeed(data(json))
        .toRender(truthy ? 'B' : 'C');
    });
    it(`section [[#v]] with ${json ?? 'missing'} (as corpus section.${id})`, () => {
      expectTemplate('[[#v]]S([[.]])[[/v]][[^v]]I[[/v]]')
        .withUnaliasedFeed(data(json))
        .toRender(truthy ? `S(${section})` : 'I');
    });
  }

  it('through an alias', () => {
    expectTemplate('[[#if vf.a]]A[[/if]][[#if vf.b]]B[[/if]][[#if vf.c]]C[[/if]]').withFeed('vf', '{"a": 0.0, "b": "0", "c": []}').toRender('B');
  });
});

describe('rule 5: more cases', () => {
  it('-0.0 is falsy like 0.0', () => {
    expectTemplate('{{#if v}}T{{else}}F{{/if}}').withUser('{"v": -0.0}').toRender('F');
    expectTemplate('[[#if v]]T[[else]]F[[/if]]').withUnaliasedFeed('{"v": 0e5}').toRender('F');
  });

  it('a tiny non-zero double is truthy', () => {
    expectTemplate('{{#if v}}T{{else}}F{{/if}}').withUser('{"v": 1e-300}').toRender('T');
  });

  it('the string "null" is truthy (corpus x.if_string_compare_like)', () => {
    expectTemplate('{{#if x}}Y{{/if}}').withUser('{"x": "null"}').toRender('Y');
  });

  it('each element, through #each (corpus x.if_on_obj_in_each)', () => {
    expectTemplate('{{#each a}}{{#if this}}T{{else}}F{{/if}}{{/each}}').withUser('{"a":[{},[],0,"",null,"x"]}').toRender('TFFFFT');
    expectTemplate('[[#each a]][[#if this]]T[[else]]F[[/if]][[/each]]').withUnaliasedFeed('{"a":[{},[],0,"",null,"x",[0],0.0,false]}').toRender('TFFFFTTFF');
  });

  it('an empty root object is truthy (corpus x.if_root_emptyobj)', () => {
    expectTemplate('{{#if this}}T{{else}}F{{/if}}').withUser('{}').toRender('T');
    expectTemplate('[[#if this]]T[[else]]F[[/if]]').withUnaliasedFeed('{}').toRender('T');
  });

  it('includeZero=true changes nothing (corpus if.includeZero)', () => {
    expectTemplate('{{#if v includeZero=true}}T{{else}}F{{/if}}').withUser('{"v": 0}').toRender('F');
  });

  it('if with no else renders nothing for falsy (corpus if.no_else)', () => {
    expectTemplate('[{{#if v}}T{{/if}}]').withUser('{"v": 0}').toRender('[]');
  });

  it('else-if chains (corpus if.else_chain3, if.else_unless, if.caret_else)', () => {
    expectTemplate('{{#if a}}A{{else if b}}B{{else if c}}C{{else}}D{{/if}}').withUser('{"a":0,"b":"","c":"x"}').toRender('C');
    expectTemplate('{{#if a}}A{{else unless b}}U{{else}}E{{/if}}').withUser('{"a":false,"b":false}').toRender('U');
    expectTemplate('{{#if a}}A{{^}}N{{/if}}').withUser('{"a":false}').toRender('N');
  });

  it('#each and #with treat falsy values as empty (corpus each.empty_else, each.missing_else, path.with_missing_else)', () => {
    expectTemplate('{{#each e}}X{{else}}none{{/each}}').withUser('{"e": []}').toRender('none');
    expectTemplate('{{#each nope}}X{{else}}none{{/each}}').withUser('{}').toRender('none');
    expectTemplate('{{#with nope}}Y{{else}}N{{/with}}').withUser('{}').toRender('N');
    expectTemplate('[[#with z]]Y[[else]]N[[/with]]').withUnaliasedFeed('{"z": 0}').toRender('N');
    expectTemplate('[[#with z]]Y[[else]]N[[/with]]').withUnaliasedFeed('{"z": {}}').toRender('Y');
  });
});
