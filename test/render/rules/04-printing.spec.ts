/**
 * DESIGN.md rule 4: printing values the way Java prints a Jackson tree. null and missing print nothing; booleans
 * `true`/`false`; integers exactly as written (also beyond 2^53); doubles as Java's `Double.toString`; arrays as
 * compact JSON; objects as `{a=1, b="x"}`; both then HTML-escaped. Data is given as JSON TEXT so that number
 * spelling survives.
 */
import { describe, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

/** [corpus id or '-', JSON text of x, expected output of {{x}}] */
const SCALARS: Array<[id: string, json: string, output: string]> = [
  ['num.int5', '5', '5'],
  ['num.dbl5.0', '5.0', '5.0'],
  ['num.dbl29.90', '29.90', '29.9'],
  ['num.exp1e7', '1e7', '1.0E7'],
  ['num.dbl10000000.0', '10000000.0', '1.0E7'],
  ['num.neg0.5', '-0.5', '-0.5'],
  ['num.long123456789012', '123456789012', '123456789012'],
  ['num.int0', '0', '0'],
  ['num.dbl0.0', '0.0', '0.0'],
  ['num.neg0', '-0', '0'],
  ['num.negdbl0.0', '-0.0', '-0.0'],
  ['num.dbl0.1', '0.1', '0.1'],
  ['num.dbl1e-7', '1e-7', '1.0E-7'],
  ['num.dbl0.001', '0.001', '0.001'],
  ['num.dbl1234567.0', '1234567.0', '1234567.0'],
  ['num.dbl1.5e300', '1.5e300', '1.5E300'],
  ['num.bigint', '12345678901234567890', '12345678901234567890'],
  ['num.intmax', '2147483647', '2147483647'],
  ['num.intmax+1', '2147483648', '2147483648'],
  ['num.dbl100.00', '100.00', '100.0'],
  ['num.dbl19.99', '19.99', '19.99'],
  ['num.dbl1E3', '1E3', '1000.0'],
  ['num.true', 'true', 'true'],
  ['num.false', 'false', 'false'],
  ['num.null', 'null', ''],
  ['num.str', '"hello"', 'hello'],
  ['num.emptystr', '""', ''],
  // DESIGN.md rule 4 examples not in the corpus:
  ['-', '0.0001', '1.0E-4'],
  ['-', '9999999.0', '9999999.0'],
  ['-', '9007199254740993', '9007199254740993'],
  ['-', '-12345678901234567890', '-12345678901234567890'],
  ['-', '1.0e-3', '0.001'],
  ['-', '0.00099', '9.9E-4'],
  ['-', '1.5e7', '1.5E7'],
  ['-', '123.456e2', '12345.6'],
  ['-', '2.50', '2.5'],
  ['-', '-7', '-7'],
];

describe('rule 4: scalars in {{x}} (corpus num.*)', () => {
  for (const [id, json, output] of SCALARS) {
    it(`{{x}} with x = ${json} prints ${JSON.stringify(output)}${id === '-' ? '' : ` (corpus ${id})`}`, () => {
      expectTemplate('{{x}}').withUser(`{"x": ${json}}`).toRender(output);
    });
  }
});

describe('rule 4: scalars in [[x]], from a feed body', () => {
  for (const [id, json, output] of SCALARS) {
    it(`[[x]] with x = ${json} prints ${JSON.stringify(output)}${id === '-' ? '' : ` (as corpus ${id})`}`, () => {
      expectTemplate('[[x]]').withUnaliasedFeed(`{"x": ${json}}`).toRender(output);
    });
  }
  it('through an alias', () => {
    expectTemplate('[[vf.price]]|[[vf.qty]]|[[vf.big]]').withFeed('vf', '{"price": 29.90, "qty": 3, "big": 1e7}').toRender('29.9|3|1.0E7');
  });
});

describe('rule 4: missing values', () => {
  it('a missing field prints nothing (corpus num.missing)', () => {
    expectTemplate('[{{x}}]').withUser('{}').toRender('[]');
    expectTemplate('[[[x]]]|x').withUnaliasedFeed('{}').toRender('|x');
  });
  it('no user profile at all prints nothing', () => {
    expectTemplate('[{{x}}]').toRender('[]');
  });
});

describe('rule 4: arrays print as compact JSON, objects as a Java map (corpus num.arr*, num.obj*)', () => {
  const table: Array<[id: string, template: string, json: string, output: string]> = [
    ['num.arr', '{{x}}', '{"x":[1,2,3]}', '[1,2,3]'],
    ['num.arr_mixed', '{{x}}', '{"x":[1,"a",true,null,5.0]}', '[1,&quot;a&quot;,true,null,5.0]'],
    ['num.arr_empty', '{{x}}', '{"x":[]}', '[]'],
    ['num.obj', '{{x}}', '{"x":{"a":1,"b":"x"}}', '{a&#x3D;1, b&#x3D;&quot;x&quot;}'],
    ['num.obj_empty', '{{x}}', '{"x":{}}', '{}'],
    ['num.arr_of_obj', '{{x}}', '{"x":[{"a":1},{"a":2,"b":[3,4]}]}', '[{&quot;a&quot;:1},{&quot;a&quot;:2,&quot;b&quot;:[3,4]}]'],
    ['num.obj_nested', '{{x}}', '{"x":{"a":{"b":[1,{"c":"<"}]}}}', '{a&#x3D;{&quot;b&quot;:[1,{&quot;c&quot;:&quot;&lt;&quot;}]}}'],
    ['num.arr_of_str_html', '{{x}}', '{"x":["<a>","&"]}', '[&quot;&lt;a&gt;&quot;,&quot;&amp;&quot;]'],
    ['num.triple_arr', '{{{x}}}', '{"x":["<a>","b"]}', '["<a>","b"]'],
    ['num.triple_obj', '{{{x}}}', '{"x":{"a":"<","b":null}}', '{a="<", b=null}'],
    ['num.this_root_obj', '{{this}}', '{"a":1,"b":"x","c":[1,2],"d":5.0}', '{a&#x3D;1, b&#x3D;&quot;x&quot;, c&#x3D;[1,2], d&#x3D;5.0}'],
    ['num.this_root_arr', '{{this}}', '[1,2.0,"x"]', '[1,2.0,&quot;x&quot;]'],
    ['num.this_root_str', '{{this}}', '"<s>"', '&lt;s&gt;'],
    ['num.this_root_num', '{{this}}', '5.0', '5.0'],
    ['num.dot_root', '{{.}}', '"dot"', 'dot'],
    [
      '-',
      '{{{x}}}',
      '{"x":{"n":29.90,"big":12345678901234567890,"e":1e7,"s":"a\\"b\\\\c\\n"}}',
      '{n=29.9, big=12345678901234567890, e=1.0E7, s="a\\"b\\\\c\\n"}',
    ],
    ['-', '{{{x}}}', '{"x":[0.0001,-0.0,100.00]}', '[1.0E-4,-0.0,100.0]'],
    ['-', '{{{x}}}', '{"x":{"z":1,"a":2,"10":3,"2":4}}', '{z=1, a=2, 10=3, 2=4}'],
  ];
  for (const [id, template, json, output] of table) {
    it(`${template} with ${json}${id === '-' ? '' : ` (corpus ${id})`}`, () => {
      expectTemplate(template).withUser(json).toRender(output);
    });
  }

  it('the same in the feed family', () => {
    expectTemplate('[[x]]|[[{x}]]|[[y]]')
      .withUnaliasedFeed('{"x":[1,"a",true,null,5.0],"y":{"a":1,"b":"x"}}')
      .toRender('[1,&quot;a&quot;,true,null,5.0]|[1,"a",true,null,5.0]|{a&#x3D;1, b&#x3D;&quot;x&quot;}');
  });

  it('the feed root printed with [[this]] is the merged object', () => {
    expectTemplate('[[{this}]]').withUnaliasedFeed('{"a":1.0,"b":[2]}').toRender('{a=1.0, b=[2]}');
  });

  it('an aliased feed root prints as one entry per alias', () => {
    expectTemplate('[[{this}]]').withFeed('vf', '{"a":1.0}').toRender('{vf={"a":1.0}}');
  });
});

describe('rule 4: numbers keep their spelling through blocks and helpers', () => {
  it('#with over a double (corpus x.with_number)', () => {
    expectTemplate('{{#with n}}[{{this}}]{{/with}}').withUser('{"n": 5.0}').toRender('[5.0]');
  });

  it('#each elements and object values (corpus each.obj_dot, x.each_arr_of_obj_this_field)', () => {
    expectTemplate('{{#each obj}}{{.}};{{/each}}').withUser('{"obj":{"k1":"v1","k2":5.0,"k3":null}}').toRender('v1;5.0;;');
    expectTemplate('{{#each a}}{{this.n}}/{{n}}/{{@index}} {{/each}}').withUser('{"a":[{"n":1.0},{"n":2}]}').toRender('1.0/1.0/0 2/2/1 ');
    expectTemplate('[[#each a]][[this]] [[/each]]').withUnaliasedFeed('{"a":[29.90, 1e7, 5]}').toRender('29.9 1.0E7 5 ');
  });

  it('lookup returns the value with its spelling', () => {
    expectTemplate('{{lookup a 1}}').withUser('{"a":[1, 2.0]}').toRender('2.0');
  });

  it('length and size print as integers (corpus num.len)', () => {
    expectTemplate('{{x.length}}|{{x.size}}|{{x.empty}}').withUser('{"x":[1,2,3]}').toRender('3|3|false');
  });
});
