/**
 * The list helpers: size, #minInList, #maxInList, #sortBy, #groupBy, inLeftNotInRight.
 *
 * Golden cases come from Iterable's help center; the URL is in each describe/test name:
 *   LOOPING = "Looping Over Objects and Arrays" (https://support.iterable.com/hc/en-us/articles/36531450481300)
 *   PERSONALIZING = "Personalizing Templates with Handlebars" (https://support.iterable.com/hc/en-us/articles/205480365)
 * The stored copies of those pages hold only their beginnings; the helper sections were read from a public
 * Markdown transcription of both articles. Where an article shows its example as an image, the template is
 * rebuilt from the documented output and the data of the article's other examples, and the test says so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iterableHelpers } from '../../src/helpers/index.js';
import type { HelperDefinition } from '../../src/helpers/types.js';
import { compile } from '../../src/iterable/template.js';
import { printValue } from '../../src/values/print.js';
import { expectTemplate } from '../support/expect-template.js';

const LOOPING = 'https://support.iterable.com/hc/en-us/articles/36531450481300';
const PERSONALIZING = 'https://support.iterable.com/hc/en-us/articles/205480365';

const SEED = process.env.MERGETAG_PROPERTY_SEED === 'random' ? undefined : Number(process.env.MERGETAG_PROPERTY_SEED ?? 20250611);
const options = { numRuns: 100, ...(SEED === undefined ? {} : { seed: SEED }) };

/** The cart of LOOPING's #each example ("Item 1: shoes Price: 29.99 Item 2: shirt Price: 14.99 Item 3: jacket Price: 55.99"). */
const CART = '{"shoppingCartItems":[{"name":"shoes","price":29.99},{"name":"shirt","price":14.99},{"name":"jacket","price":55.99}]}';

function render(template: string, user: string) {
  return compile(template, { file: 'arrays.hbs' }).render({ user });
}

function ruleIds(template: string, user: string): string[] {
  return render(template, user).diagnostics.map((d) => d.ruleId);
}

describe(`#minInList / #maxInList: documented examples (${PERSONALIZING})`, () => {
  it('minInList renders the block with the cheapest item as this', () => {
    expectTemplate('{{#minInList shoppingCartItems "price"}}\n    <div>The least expensive item in your cart is: {{price}}</div>\n{{/minInList}}')
      .withUser(CART)
      .toRender('\n    <div>The least expensive item in your cart is: 14.99</div>\n');
  });

  it('maxInList renders the block with the most expensive item as this', () => {
    expectTemplate('{{#maxInList shoppingCartItems "price"}}\n    <div>The most expensive item in your cart is: {{price}}</div>\n{{/maxInList}}')
      .withUser(CART)
      .toRender('\n    <div>The most expensive item in your cart is: 55.99</div>\n');
  });
});

describe(`#minInList / #maxInList: documented outputs (${LOOPING}; template rebuilt from the output, the code is an image)`, () => {
  it('"The least expensive item in your cart is only $14.99!"', () => {
    expectTemplate('{{#minInList shoppingCartItems "price"}}The least expensive item in your cart is only ${{price}}!{{/minInList}}')
      .withUser(CART)
      .toRender('The least expensive item in your cart is only $14.99!');
  });

  it('"The most expensive item in your cart is $55.99 — treat yourself!"', () => {
    expectTemplate('{{#maxInList shoppingCartItems "price"}}The most expensive item in your cart is ${{price}} — treat yourself!{{/maxInList}}')
      .withUser(CART)
      .toRender('The most expensive item in your cart is $55.99 — treat yourself!');
  });
});

describe('#minInList / #maxInList: what the docs leave open (our inference)', () => {
  it('the whole item is this: other fields of it print too', () => {
    expectTemplate('{{#minInList shoppingCartItems "price"}}{{name}}{{/minInList}}|{{#maxInList shoppingCartItems "price"}}{{name}}{{/maxInList}}')
      .withUser(CART)
      .toRender('shirt|jacket');
  });

  it('the item is also the block parameter', () => {
    expectTemplate('{{#minInList shoppingCartItems "price" as |cheapest|}}{{cheapest.name}}{{/minInList}}').withUser(CART).toRender('shirt');
  });

  it('compares numbers by value, not as text (9.5 < 10)', () => {
    expectTemplate('{{#minInList xs "p"}}{{p}}{{/minInList}}|{{#maxInList xs "p"}}{{p}}{{/maxInList}}')
      .withUser('{"xs":[{"p":10},{"p":9.5},{"p":100}]}')
      .toRender('9.5|100');
  });

  it('compares numeric strings by value (XML feeds give text)', () => {
    expectTemplate('{{#minInList xs "p"}}{{p}}{{/minInList}}').withUser('{"xs":[{"p":"10"},{"p":"9"},{"p":"100"}]}').toRender('9');
  });

  it('compares other strings by code unit, ISO dates by instant', () => {
    expectTemplate('{{#minInList xs "s"}}{{s}}{{/minInList}}').withUser('{"xs":[{"s":"pear"},{"s":"Apple"},{"s":"apple"}]}').toRender('Apple');
    expectTemplate('{{#maxInList xs "d"}}{{d}}{{/maxInList}}')
      .withUser('{"xs":[{"d":"2024-06-19 08:00:00 -07:00"},{"d":"2024-06-19T02:00:00Z"},{"d":"2024-06-18"}]}')
      .toRender('2024-06-19 08:00:00 -07:00'); // 15:00 UTC: later, though it sorts first as text
  });

  it('passes over items without the field; a tie keeps the first item', () => {
    expectTemplate('{{#minInList xs "p"}}{{id}}{{/minInList}}|{{#maxInList xs "p"}}{{id}}{{/maxInList}}')
      .withUser('{"xs":[{"id":"a"},{"id":"b","p":2},{"id":"c","p":null},{"id":"d","p":2},{"id":"e","p":1},{"id":"f","p":1}]}')
      .toRender('e|b');
  });

  it('reads nested fields in dot notation', () => {
    expectTemplate('{{#minInList xs "price.amount"}}{{name}}{{/minInList}}')
      .withUser('{"xs":[{"name":"a","price":{"amount":5}},{"name":"b","price":{"amount":3}}]}')
      .toRender('b');
  });

  it('renders the else block for an empty list, a missing list, or no item with the field', () => {
    const template = '{{#minInList xs "p"}}{{p}}{{else}}none{{/minInList}}';
    expectTemplate(template).withUser('{"xs":[]}').toRender('none');
    expectTemplate(template).withUser('{}').toRender('none');
    expectTemplate(template).withUser('{"xs":[{"q":1}]}').toRender('none');
    expectTemplate('{{#maxInList xs "p"}}{{p}}{{/maxInList}}').withUser('{"xs":"text"}').toRender('');
  });

  it('fails the render when it would compare objects (a forgotten field name)', () => {
    expectTemplate('{{#minInList shoppingCartItems}}{{name}}{{/minInList}}')
      .withUser(CART)
      .toSkip('HandlebarsExecutionError', /name the field to compare/);
  });

  it('the undocumented inline form returns the extreme value and warns', () => {
    expectTemplate('{{minInList xs}} {{maxInList xs}} {{minInList shoppingCartItems "price"}}')
      .withUser('{"xs":[3,1,2],"shoppingCartItems":[{"price":2.50},{"price":1.25}]}')
      .toRender('1 3 1.25');
    expectTemplate('{{minInList xs}}').withUser('{"xs":[3,1,2]}').toReport('helper-form', '{{minInList xs}}');
    expectTemplate('[{{maxInList xs}}]').withUser('{"xs":[]}').toRender('[]');
  });

  it('keeps the number spelling of the value it returns (5.0 stays 5.0)', () => {
    expectTemplate('{{#maxInList xs "p"}}{{p}}{{/maxInList}}').withUser('{"xs":[{"p":5.0},{"p":4}]}').toRender('5.0');
  });

  it('property: the inline form agrees with Math.min / Math.max over integer arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 30 }), (xs) => {
        const result = render('{{minInList xs}}|{{maxInList xs}}', JSON.stringify({ xs }));
        expect(result.skip).toBeUndefined();
        expect(result.output).toBe(`${Math.min(...xs)}|${Math.max(...xs)}`);
      }),
      options,
    );
  });

  it('property: the block form picks the first item whose field is Math.min / Math.max', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 30 }), (ns) => {
        const items = ns.map((n, id) => ({ id, n }));
        const result = render(
          '{{#minInList items "n"}}{{id}}:{{n}}{{/minInList}}|{{#maxInList items "n"}}{{id}}:{{n}}{{/maxInList}}',
          JSON.stringify({ items }),
        );
        const min = Math.min(...ns);
        const max = Math.max(...ns);
        expect(result.output).toBe(`${ns.indexOf(min)}:${min}|${ns.indexOf(max)}:${max}`);
      }),
      options,
    );
  });
});

describe(`size: documented as the path {{list.size}} (${PERSONALIZING}, ${LOOPING})`, () => {
  it('"Assuming the shoppingCartItems array has two items, this outputs 2"', () => {
    expectTemplate('{{shoppingCartItems.size}}').withUser('{"shoppingCartItems":[{"name":"shoes"},{"name":"jacket"}]}').toRender('2');
  });

  it('"Take another look at these 3 items!" (template rebuilt from the output)', () => {
    expectTemplate('Take another look at these {{shoppingCartItems.size}} items!').withUser(CART).toRender('Take another look at these 3 items!');
  });

  it('the helper form {{size x}} counts array items, object keys and string characters, and warns', () => {
    expectTemplate('{{size a}} {{size o}} {{size s}} [{{size n}}] [{{size missing}}]')
      .withUser('{"a":[1,2,3],"o":{"k":1,"l":2},"s":"héllo","n":5}')
      .toRender('3 2 5 [] []');
    expectTemplate('{{size a}}').withUser('{"a":[]}').toReport('helper-form', '{{size a}}');
  });

  it('a bare {{size}} stays the profile field named size (shoe size!), as without a helper', () => {
    expectTemplate('{{size}}').withUser('{"size":"42 EU"}').toRender('42 EU');
    expect(ruleIds('{{size}}', '{"size":"42 EU"}')).not.toContain('helper-form');
  });
});

describe(`#sortBy: documented example (${LOOPING})`, () => {
  const template =
    '{{#sortBy shoppingCartItems field="price" order="asc" as |sortedItems|}}\n' +
    '    {{#each sortedItems}}\n' +
    '        <div>{{name}}: ${{price}}</div>\n' +
    '    {{/each}}\n' +
    '{{/sortBy}}';
  const row = (name: string, price: string) => `\n        <div>${name}: $${price}</div>\n    `;

  it('sorts the cart by price from lowest to highest', () => {
    expectTemplate(template)
      .withUser(CART)
      .toRender(`\n    ${row('shirt', '14.99')}${row('shoes', '29.99')}${row('jacket', '55.99')}\n`);
  });

  it('"without changing the original shoppingCartItems array"', () => {
    expectTemplate(`${template}{{#each shoppingCartItems}}{{name}} {{/each}}`)
      .withUser(CART)
      .toRender(`\n    ${row('shirt', '14.99')}${row('shoes', '29.99')}${row('jacket', '55.99')}\nshoes shirt jacket `);
  });

  it('order is optional: "If omitted, the default is asc"; "desc" reverses', () => {
    const names = (order: string) => `{{#sortBy shoppingCartItems field="price"${order} as |s|}}{{#each s}}{{name}} {{/each}}{{/sortBy}}`;
    expectTemplate(names('')).withUser(CART).toRender('shirt shoes jacket ');
    expectTemplate(names(' order="desc"')).withUser(CART).toRender('jacket shoes shirt ');
  });

  it('sorts by several comma-separated fields ("price,name")', () => {
    expectTemplate('{{#sortBy xs field="price,name" as |s|}}{{#each s}}{{name}} {{/each}}{{/sortBy}}')
      .withUser('{"xs":[{"name":"b","price":2},{"name":"c","price":1},{"name":"a","price":2}]}')
      .toRender('c a b ');
  });

  it('sorts by nested fields in dot notation', () => {
    expectTemplate('{{#sortBy xs field="LineItems.ItemName" as |s|}}{{#each s}}{{id}}{{/each}}{{/sortBy}}')
      .withUser('{"xs":[{"id":1,"LineItems":{"ItemName":"Socks"}},{"id":2,"LineItems":{"ItemName":"Hat"}}]}')
      .toRender('21');
  });

  it('compares strings, numbers and dates "automatically"', () => {
    const ids = '{{#sortBy xs field="v" as |s|}}{{#each s}}{{id}} {{/each}}{{/sortBy}}';
    expectTemplate(ids).withUser('{"xs":[{"id":"ten","v":10},{"id":"nine","v":9},{"id":"ninety","v":90.5}]}').toRender('nine ten ninety ');
    expectTemplate(ids).withUser('{"xs":[{"id":"10","v":"10"},{"id":"9","v":"9"}]}').toRender('9 10 ');
    expectTemplate(ids)
      .withUser('{"xs":[{"id":"b","v":"2024-01-02"},{"id":"c","v":"2024-01-01 23:00:00 -05:00"},{"id":"a","v":"2024-01-01T12:00:00Z"}]}')
      .toRender('a b c ');
    expectTemplate(ids).withUser('{"xs":[{"id":"b","v":"banana"},{"id":"B","v":"Banana"},{"id":"a","v":"apple"}]}').toRender('B a b ');
  });
});

describe('#sortBy: what the docs leave open (our inference)', () => {
  it('is stable: equal keys keep their order, ascending and descending', () => {
    const user = '{"xs":[{"id":1,"v":2},{"id":2,"v":1},{"id":3,"v":2},{"id":4,"v":1}]}';
    expectTemplate('{{#sortBy xs field="v" as |s|}}{{#each s}}{{id}}{{/each}}{{/sortBy}}').withUser(user).toRender('2413');
    expectTemplate('{{#sortBy xs field="v" order="desc" as |s|}}{{#each s}}{{id}}{{/each}}{{/sortBy}}').withUser(user).toRender('1324');
  });

  it('puts items without the field last, in both orders', () => {
    const user = '{"xs":[{"id":"x"},{"id":"b","v":2},{"id":"n","v":null},{"id":"a","v":1}]}';
    expectTemplate('{{#sortBy xs field="v" as |s|}}{{#each s}}{{id}}{{/each}}{{/sortBy}}').withUser(user).toRender('abxn');
    expectTemplate('{{#sortBy xs field="v" order="desc" as |s|}}{{#each s}}{{id}}{{/each}}{{/sortBy}}').withUser(user).toRender('baxn');
  });

  it('without a field, sorts the items themselves', () => {
    expectTemplate('{{#sortBy xs as |s|}}{{#each s}}{{this}} {{/each}}{{/sortBy}}').withUser('{"xs":[3,1.5,2]}').toRender('1.5 2 3 ');
  });

  it('renders the else block for a missing list; an empty list sorts to an empty one', () => {
    expectTemplate('{{#sortBy xs field="v" as |s|}}[{{#each s}}{{id}}{{/each}}]{{else}}none{{/sortBy}}').withUser('{}').toRender('none');
    expectTemplate('{{#sortBy xs field="v" as |s|}}[{{#each s}}{{id}}{{/each}}]{{else}}none{{/sortBy}}').withUser('{"xs":[]}').toRender('[]');
  });

  it('without a block parameter, the sorted list becomes this, with a warning', () => {
    expectTemplate('{{#sortBy xs field="v"}}{{#each this}}{{v}}{{/each}}{{/sortBy}}').withUser('{"xs":[{"v":2},{"v":1}]}').toRender('12');
    expectTemplate('{{#sortBy xs field="v"}}{{/sortBy}}').withUser('{"xs":[]}').toReport('block-params');
  });

  it('warns about an order that is neither asc nor desc, and about a positional field', () => {
    expectTemplate('{{#sortBy xs field="v" order="up" as |s|}}{{/sortBy}}').withUser('{"xs":[]}').toReport('helper-argument');
    expectTemplate('{{#sortBy xs "v" as |s|}}{{#each s}}{{v}}{{/each}}{{/sortBy}}').withUser('{"xs":[{"v":2},{"v":1}]}').toRender('12');
    expectTemplate('{{#sortBy xs "v" as |s|}}{{/sortBy}}').withUser('{"xs":[]}').toReport('helper-form');
  });

  it('property: the output is the input stably sorted by the field', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 40 }), fc.boolean(), (ns, desc) => {
        const items = ns.map((n, id) => ({ id, n }));
        const template = `{{#sortBy items field="n" order="${desc ? 'desc' : 'asc'}" as |s|}}{{#each s}}{{id}}:{{n}},{{/each}}{{/sortBy}}`;
        const result = render(template, JSON.stringify({ items }));
        const expected = [...items].sort((a, b) => (desc ? b.n - a.n : a.n - b.n));
        expect(result.output).toBe(expected.map(({ id, n }) => `${id}:${n},`).join(''));
      }),
      options,
    );
  });
});

describe(`#groupBy: documented format (${LOOPING})`, () => {
  const template =
    '{{#groupBy products field="category" as |groups|}}\n' +
    '   {{#each groups as |group|}}\n' +
    '     {{group.key.category}} ({{group.count}})\n' +
    '       {{#each group.items as |product|}}\n' +
    '         {{product.name}}\n' +
    '       {{/each}}\n' +
    '   {{/each}}\n' +
    '{{/groupBy}}';
  const group = (key: string, names: string[]) => `\n     ${key} (${names.length})\n       ${names.map((name) => `\n         ${name}\n       `).join('')}\n   `;

  it('gives each group its key, count and items, in the order the groups first appear', () => {
    expectTemplate(template)
      .withUser('{"products":[{"name":"tee","category":"tops"},{"name":"jeans","category":"bottoms"},{"name":"polo","category":"tops"}]}')
      .toRender(`\n   ${group('tops', ['tee', 'polo'])}${group('bottoms', ['jeans'])}\n`);
  });

  it('groups by several fields; group.key has one property per field, named by its last segment', () => {
    // The documented example (an XML feed, merged context) sorts by two nested fields, then groups by them.
    // dateFormat belongs to another helper family: a stand-in prints its input, to test the grouping only.
    const dateFormat: HelperDefinition = {
      meta: { name: 'dateFormat', form: 'inline', params: [{ name: 'date', type: 'any' }], description: 'test stand-in: prints the date' },
      fn: (call) => `date ${printValue(call.params[0])}`,
    };
    const documented =
      '{{#sortBy xmldata.ShipTos.ShipTo field="LineItems.ItemFirstPromisedDate,LineItems.ItemShippingMethod" order="asc" as |sortedItems|}}' +
      '{{#groupBy sortedItems field="LineItems.ItemFirstPromisedDate,LineItems.ItemShippingMethod" as |groups|}}' +
      '{{#each groups as |group|}}' +
      '<h2>Delivery Date: {{dateFormat group.key.ItemFirstPromisedDate format="MMM dd, yyyy"}}</h2>' +
      '<h3>Shipping Method: {{group.key.ItemShippingMethod}}</h3><p>Total Items: {{group.count}}</p>' +
      '{{#each group.items}}<td>{{LineItems.ItemName}}</td><td>Quantity: {{LineItems.ItemQuantity}}</td><td>Price: ${{LineItems.ItemPrice}}</td>{{/each}}' +
      '{{/each}}{{/groupBy}}{{/sortBy}}';
    const item = (name: string, date: string, method: string) =>
      `{"LineItems":{"ItemName":"${name}","ItemQuantity":"1","ItemPrice":"9.99","ItemFirstPromisedDate":"${date}","ItemShippingMethod":"${method}"}}`;
    const feed = `{"xmldata":{"ShipTos":{"ShipTo":[${item('Hat', '2024-07-02', 'Ground')},${item('Socks', '2024-07-01', 'Air')},${item('Scarf', '2024-07-02', 'Ground')},${item('Belt', '2024-07-01', 'Ground')}]}}}`;
    const line = (name: string) => `<td>${name}</td><td>Quantity: 1</td><td>Price: $9.99</td>`;
    const heading = (date: string, method: string, count: number) =>
      `<h2>Delivery Date: date ${date}</h2><h3>Shipping Method: ${method}</h3><p>Total Items: ${count}</p>`;
    expectTemplate(documented)
      .withHelpers(iterableHelpers().with([dateFormat]))
      .withUnaliasedFeed(feed)
      .mergingContexts()
      .toRender(
        `${heading('2024-07-01', 'Air', 1)}${line('Socks')}` +
          `${heading('2024-07-01', 'Ground', 1)}${line('Belt')}` +
          `${heading('2024-07-02', 'Ground', 2)}${line('Hat')}${line('Scarf')}`,
      );
  });

  it('"groups a maximum of 100 items": items beyond the first 100 are left out, with a warning', () => {
    const xs = Array.from({ length: 130 }, (_, i) => ({ c: i % 2 === 0 ? 'even' : 'odd' }));
    const template2 = '{{#groupBy xs field="c" as |gs|}}{{#each gs as |g|}}{{g.key.c}}={{g.count}} {{/each}}{{/groupBy}}';
    expectTemplate(template2).withUser(JSON.stringify({ xs })).toRender('even=50 odd=50 ');
    expectTemplate(template2).withUser(JSON.stringify({ xs })).toReport('group-by-limit');
    expect(ruleIds(template2, JSON.stringify({ xs: xs.slice(0, 100) }))).not.toContain('group-by-limit');
  });
});

describe('#groupBy: what the docs leave open (our inference)', () => {
  it('a missing field value groups under a null key (prints nothing); 1 and 1.0 are different keys', () => {
    expectTemplate('{{#groupBy xs field="c" as |gs|}}{{#each gs as |g|}}[{{g.key.c}}:{{g.count}}]{{/each}}{{/groupBy}}')
      .withUser('{"xs":[{"c":1},{},{"c":1.0},{"c":1},{"c":null}]}')
      .toRender('[1:2][:2][1.0:1]');
  });

  it('group.key prints as an object; the groups print as JSON', () => {
    expectTemplate('{{#groupBy xs field="c" as |gs|}}{{#each gs as |g|}}{{g.key}}{{/each}}|{{{gs}}}{{/groupBy}}')
      .withUser('{"xs":[{"c":"a"}]}')
      .toRender('{c&#x3D;&quot;a&quot;}|[{"key":{"c":"a"},"items":[{"c":"a"}],"count":1}]');
  });

  it('renders the else block for a missing list; warns without a field', () => {
    expectTemplate('{{#groupBy xs field="c" as |gs|}}x{{else}}none{{/groupBy}}').withUser('{}').toRender('none');
    expectTemplate('{{#groupBy xs as |gs|}}{{#each gs as |g|}}{{g.count}}{{/each}}{{/groupBy}}').withUser('{"xs":[1,2]}').toRender('2');
    expectTemplate('{{#groupBy xs as |gs|}}{{/groupBy}}').withUser('{"xs":[1,2]}').toReport('helper-argument');
  });

  it('property: the groups partition the first 100 items; each holds the items of its key, in first-appearance order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 140, size: 'max' }), (cs) => {
        const items = cs.map((c, id) => ({ id, c }));
        const template =
          '{{#groupBy items field="c" as |gs|}}{{#each gs as |g|}}[{{g.key.c}}|{{g.count}}|{{#each g.items}}{{id}},{{/each}}]{{/each}}{{/groupBy}}';
        const result = render(template, JSON.stringify({ items }));
        const kept = items.slice(0, 100);
        const keys = [...new Set(kept.map((item) => item.c))];
        const expected = keys
          .map((key) => {
            const members = kept.filter((item) => item.c === key);
            return `[${key}|${members.length}|${members.map((item) => `${item.id},`).join('')}]`;
          })
          .join('');
        expect(result.output).toBe(expected);
      }),
      options,
    );
  });
});

describe("inLeftNotInRight (named in Iterable's helper set; form and output undocumented: our inference)", () => {
  it('gives the items of the left array that are not in the right one, as JSON', () => {
    expectTemplate('{{{inLeftNotInRight viewed bought}}}').withUser('{"viewed":["a","b","c","b"],"bought":["b"]}').toRender('["a","c"]');
  });

  it('feeds #each as a subexpression', () => {
    expectTemplate('{{#each (inLeftNotInRight viewed bought)}}{{name}} {{/each}}')
      .withUser('{"viewed":[{"name":"hat"},{"name":"socks"}],"bought":[{"name":"socks"}]}')
      .toRender('hat ');
  });

  it('compares numbers by value; a string is not a number', () => {
    expectTemplate('{{{inLeftNotInRight l r}}}').withUser('{"l":[1,2.0,"3",3],"r":[1.0,2,3]}').toRender('["3"]');
  });

  it('a missing right list removes nothing; a missing left list gives nothing', () => {
    expectTemplate('{{{inLeftNotInRight l r}}}').withUser('{"l":[1,2]}').toRender('[1,2]');
    expectTemplate('[{{inLeftNotInRight l r}}]').withUser('{"r":[1]}').toRender('[]');
  });

  it('a block call renders the difference as this (else when empty), and warns', () => {
    expectTemplate('{{#inLeftNotInRight l r}}{{#each this}}{{this}}{{/each}}{{else}}none{{/inLeftNotInRight}}').withUser('{"l":[1,2],"r":[2]}').toRender('1');
    expectTemplate('{{#inLeftNotInRight l r}}x{{else}}none{{/inLeftNotInRight}}').withUser('{"l":[1],"r":[1]}').toRender('none');
    expectTemplate('{{#inLeftNotInRight l r}}x{{/inLeftNotInRight}}').withUser('{"l":[1],"r":[]}').toReport('helper-form');
  });

  it('property: the result is exactly the left items absent from the right, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 20 }), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 20 }), (l, r) => {
        const result = render('{{{inLeftNotInRight l r}}}', JSON.stringify({ l, r }));
        expect(result.output).toBe(JSON.stringify(l.filter((x) => !r.includes(x))));
      }),
      options,
    );
  });
});

describe('the helpers in the [[ ]] family work on feed data', () => {
  it('[[#sortBy]] and [[#minInList]]', () => {
    expectTemplate('[[#sortBy items field="p" as |s|]][[#each s]][[n]][[/each]][[/sortBy]]/[[#minInList items "p"]][[n]][[/minInList]]')
      .withUnaliasedFeed('{"items":[{"n":"b","p":2},{"n":"a","p":1}]}')
      .toRender('ab/a');
  });
});
