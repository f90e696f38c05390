/**
 * The other helpers: #assign, sendSkip, snippet, #catalog, and the block form of #lookup (which the built-in
 * `lookup` does not have yet: tested through a registry that gives it `renderLookupBlock`).
 *
 * Golden cases from Iterable's help center; the URL is in each describe/test name:
 *   PERSONALIZING = "Personalizing Templates with Handlebars" (https://support.iterable.com/hc/en-us/articles/205480365)
 *   SEND_SKIPS = "Reasons for Send Skip Events" (https://support.iterable.com/hc/en-us/articles/360021169631)
 *   SNIPPET_VARIABLES = "Customizing Snippets with Variables" (https://support.iterable.com/hc/en-us/articles/4414796078868)
 * Catalog forms Iterable shows only in pages we could not read are taken from practitioners' guides, and say so.
 */
import { describe, expect, it } from 'vitest';
import { lookupHelper } from '../../src/helpers/builtin/lookup.js';
import { iterableHelpers } from '../../src/helpers/index.js';
import { renderLookupBlock } from '../../src/helpers/iterable/other.js';
import type { HelperRegistry } from '../../src/helpers/registry.js';
import type { HelperDefinition } from '../../src/helpers/types.js';
import type { SkipReason } from '../../src/runtime/errors.js';
import { compile, type RenderInput, type RenderResult } from '../../src/iterable/template.js';
import { JsonNumber } from '../../src/values/json-number.js';
import { expectTemplate } from '../support/expect-template.js';

const PERSONALIZING = 'https://support.iterable.com/hc/en-us/articles/205480365';
const SEND_SKIPS = 'https://support.iterable.com/hc/en-us/articles/360021169631';
const SNIPPET_VARIABLES = 'https://support.iterable.com/hc/en-us/articles/4414796078868';
/** "Using Catalogs & Collections in Messages", as the practitioners' digests (esp-skills data-sources.md §4) quote it. */
const CATALOG_MESSAGES = 'https://support.iterable.com/hc/en-us/articles/360033215032';

function render(template: string, input: RenderInput, helpers?: HelperRegistry): RenderResult {
  return compile(template, { file: 'other.hbs', ...(helpers ? { helpers } : {}) }).render(input);
}

function expectOutput(template: string, input: RenderInput, expected: string, helpers?: HelperRegistry): RenderResult {
  const result = render(template, input, helpers);
  expect(result.skip, `unexpected skip: ${result.skip?.message}`).toBeUndefined();
  expect(result.output).toBe(expected);
  return result;
}

function expectSkip(template: string, input: RenderInput, reason: SkipReason, message?: RegExp): RenderResult {
  const result = render(template, input);
  expect(result.skip?.reason, `expected a ${reason} skip, got output ${JSON.stringify(result.output)}`).toBe(reason);
  if (message) expect(result.skip?.message).toMatch(message);
  expect(result.output).toBe('');
  return result;
}

function rules(result: RenderResult): string[] {
  return result.diagnostics.map((d) => d.ruleId);
}

describe(`#assign (${PERSONALIZING})`, () => {
  it('documented: "Greetings from Iterable" (the article prints a "!" its template does not have)', () => {
    expectTemplate('{{#assign "myVar"}}Iterable{{/assign}}\nGreetings from {{myVar}}').toRender('\nGreetings from Iterable');
  });

  it('prints nothing itself; the variable is a string of the rendered body', () => {
    expectTemplate('[{{#assign "full"}}{{first}} {{last}}{{/assign}}]{{full}}|{{full.length}}')
      .withUser('{"first":"Ada","last":"Lovelace"}')
      .toRender('[]Ada Lovelace|12');
  });

  it('"The assigned variable will be considered a string": an assigned number prints as its text', () => {
    expectTemplate('{{#assign "n"}}{{price}}{{/assign}}{{n}}').withUser('{"price":5.0}').toRender('5.0');
    expectTemplate('{{#assign "n"}}{{price}}{{/assign}}{{#if n}}set{{/if}}').withUser('{"price":0}').toRender('set'); // "0" is truthy
  });

  it('hoists a value computed outside a loop into the loop body', () => {
    expectTemplate('{{#assign "cur"}}{{currency}}{{/assign}}{{#each items}}{{cur}}{{price}} {{/each}}')
      .withUser('{"currency":"€","items":[{"price":1},{"price":2}]}')
      .toRender('€1 €2 ');
  });

  it('shadows a profile field from where it is assigned on, and can be re-assigned', () => {
    expectTemplate('{{x}} {{#assign "x"}}one{{/assign}}{{x}} {{#assign "x"}}two{{/assign}}{{x}}').withUser('{"x":"profile"}').toRender('profile one two');
  });

  it('an assignment inside a block is visible after it', () => {
    expectTemplate('{{#each items}}{{#if @last}}{{#assign "lastName"}}{{name}}{{/assign}}{{/if}}{{/each}}last: {{lastName}}')
      .withUser('{"items":[{"name":"a"},{"name":"b"}]}')
      .toRender('last: b');
  });

  it('a block parameter of the same name wins', () => {
    expectTemplate('{{#assign "item"}}assigned{{/assign}}{{#each xs as |item|}}{{item}}{{/each}}').withUser('{"xs":["p"]}').toRender('&quot;p&quot;');
  });

  it('the body is stored escaped, so {{name}} escapes it again (use {{{name}}})', () => {
    expectTemplate('{{#assign "n"}}{{last}}{{/assign}}{{n}}|{{{n}}}').withUser('{"last":"O\'Brien"}').toRender('O&amp;#x27;Brien|O&#x27;Brien');
  });

  it('needs a quoted name', () => {
    expectTemplate('{{#assign}}x{{/assign}}').toSkip('HandlebarsExecutionError', /assign needs the variable name/);
    expectTemplate('{{#assign missing}}x{{/assign}}').toSkip('HandlebarsExecutionError', /assign needs the variable name/);
  });

  it('the inline form assigns an empty string and warns', () => {
    expectTemplate('{{assign "x"}}[{{x}}]').withUser('{"x":"profile"}').toRender('[]');
    expectTemplate('{{assign "x"}}').toReport('helper-form', '{{assign "x"}}');
  });
});

describe(`sendSkip (${PERSONALIZING})`, () => {
  // The documented example guards sendSkip with #ifLt, a conditionals helper: the real one when it is
  // registered, else a stand-in that compares numbers.
  const ifLt: HelperDefinition = {
    meta: {
      name: 'ifLt',
      form: 'block',
      params: [
        { name: 'a', type: 'any' },
        { name: 'b', type: 'any' },
      ],
      description: 'test stand-in: a < b',
    },
    fn: (call) => {
      const [a, b] = call.params;
      return a instanceof JsonNumber && b instanceof JsonNumber && a.double < b.double ? call.fn() : call.inverse();
    },
  };
  const helpers = iterableHelpers().has('ifLt') ? iterableHelpers() : iterableHelpers().with([ifLt]);
  const documented =
    '{{#ifLt creditAvailable product.price}}\n  {{sendSkip cause="insufficient credit" creditAvailable=creditAvailable creditRequired=product.price}}\n{{/ifLt}}';

  it('documented: aborts the send with reason SendAborted, recording the cause and the named parameters', () => {
    const result = render(documented, { user: '{"creditAvailable":50,"product":{"price":120}}' }, helpers);
    expect(result.skip?.reason).toBe('SendAborted');
    expect(result.skip?.message).toMatch(/insufficient credit/);
    expect(result.skip?.message).toMatch(/creditAvailable=50, creditRequired=120/);
    expect(result.output).toBe('');
  });

  it('documented: renders normally when the branch with sendSkip is not taken', () => {
    expectOutput(documented, { user: '{"creditAvailable":500,"product":{"price":120}}' }, '', helpers);
  });

  it('aborts wherever it is reached, even after output; without a cause too', () => {
    expectTemplate('Hello {{sendSkip}}').toSkip('SendAborted', /no cause given/);
    expectTemplate('{{#unless hasActiveSubscription}}{{sendSkip cause="no active subscription"}}{{/unless}}ok')
      .withUser('{"hasActiveSubscription":true}')
      .toRender('ok');
  });

  it('the skip is reported at the sendSkip tag', () => {
    const result = render('line one\n  {{sendSkip cause="x"}}', {});
    const error = result.diagnostics.find((d) => d.severity === 'error');
    expect(error?.start).toMatchObject({ line: 2, column: 3 });
  });
});

describe(`snippet (${SNIPPET_VARIABLES}, ${PERSONALIZING}, ${SEND_SKIPS})`, () => {
  it('documented: variables passed by name are merge tags inside the snippet ({{color}})', () => {
    expectOutput(
      '{{{snippet "sign_up_button" color="#FF5733" label="Show Me!"}}}',
      { snippets: { sign_up_button: '<a style="color:{{color}}">{{label}}</a>' } },
      '<a style="color:#FF5733">Show Me!</a>',
    );
  });

  it(`documented form {{snippet "snippetname" arg0=x arg1=y}} (${PERSONALIZING})`, () => {
    expectOutput(
      '{{snippet "snippetname" arg0=x arg1=y}}',
      { user: '{"x":"first","y":"second"}', snippets: { snippetname: '{{arg0}} and {{arg1}}' } },
      'first and second',
    );
  });

  it('documented: values passed positionally go "in the order variables are defined" (when the snippet source declares them)', () => {
    const snippets = (name: string) => {
      const record = { text: '<b style="color:{{color}}">{{label}}</b>', variables: ['color', 'label'] };
      return name === 'badge' ? record : undefined;
    };
    expectOutput('{{{snippet "badge" favoriteColor "Hi"}}}', { user: '{"favoriteColor":"teal"}', snippets }, '<b style="color:teal">Hi</b>');
    const extra = render('{{{snippet "badge" "red" "Hi" "extra"}}}', { snippets });
    expect(extra.output).toBe('<b style="color:red">Hi</b>');
    expect(rules(extra)).toContain('snippet-positional');
  });

  it('drops positional values, with a warning, when the snippet source does not name its variables', () => {
    const result = expectOutput('{{{snippet "hero" "Fall Sale"}}}', { snippets: { hero: '[{{title}}]' } }, '[]');
    expect(rules(result)).toContain('snippet-positional');
  });

  it('documented: required=true and no such snippet skips the send with SnippetLookupError', () => {
    expectSkip('{{{snippet "footer" required=true}}}', { snippets: {} }, 'SnippetLookupError', /"footer" does not exist/);
  });

  it('required= is the option, not a variable of the snippet', () => {
    expectOutput('{{{snippet "s" required=true}}}', { snippets: { s: '[{{required}}]' }, user: '{"required":"profile"}' }, '[profile]');
  });

  it('without required=true a missing snippet renders nothing, with a warning', () => {
    const result = expectOutput('a{{{snippet "footer"}}}b', {}, 'ab');
    expect(rules(result)).toContain('snippet-missing');
    expect(rules(result)).not.toContain('execution-error');
  });

  it('escapes its HTML in {{ }}, not in {{{ }}} (hence the triple braces)', () => {
    expectOutput(
      '{{snippet "b"}}|{{{snippet "b"}}}',
      { snippets: { b: '<b>{{name}}</b>' }, user: '{"name":"Tom & Jerry"}' },
      '&lt;b&gt;Tom &amp;amp; Jerry&lt;/b&gt;|<b>Tom &amp; Jerry</b>',
    );
  });

  it('sees the template data; a variable wins over a profile field of the same name', () => {
    expectOutput(
      '{{{snippet "hi"}}}|{{{snippet "hi" firstName="Guest"}}}',
      { user: '{"firstName":"Ada"}', snippets: { hi: 'Hi {{firstName}}' } },
      'Hi Ada|Hi Guest',
    );
  });

  it('inside #each, sees the current item', () => {
    expectOutput(
      '{{#each items}}{{{snippet "card" currency="$"}}}{{/each}}',
      { user: '{"items":[{"name":"hat","price":5},{"name":"cap","price":7}]}', snippets: { card: '<p>{{name}} {{currency}}{{price}}</p>' } },
      '<p>hat $5</p><p>cap $7</p>',
    );
  });

  it('nests: a snippet may include another one', () => {
    const snippets = {
      social_links: '<a href="{{fbUrl}}">fb</a>',
      full_footer: '<footer>{{companyInfo}}{{{snippet "social_links" fbUrl=facebookUrl}}}</footer>',
    };
    expectOutput(
      '{{{snippet "full_footer" companyInfo="© Acme" facebookUrl="https://facebook.com/acme"}}}',
      { snippets },
      '<footer>© Acme<a href="https://facebook.com/acme">fb</a></footer>',
    );
  });

  it('a snippet that includes itself fails the render', () => {
    expectSkip(
      '{{{snippet "a"}}}',
      { snippets: { a: 'x{{{snippet "b"}}}', b: 'y{{{snippet "a"}}}' } },
      'HandlebarsExecutionError',
      /"a" includes itself \(a → b → a\)/,
    );
  });

  it('a syntax error in the snippet fails the render, naming the snippet', () => {
    expectSkip('{{{snippet "broken"}}}', { snippets: { broken: '{{#if x}}open' } }, 'HandlebarsExecutionError', /snippet broken/);
  });

  it('needs the snippet name', () => {
    expectSkip('{{{snippet}}}', {}, 'HandlebarsExecutionError', /snippet needs the snippet name/);
  });

  it('works in the [[ ]] family with feed data', () => {
    const result = compile('[[#each items]][[{snippet "row"}]][[/each]]').render({
      feeds: [{ body: '{"items":[{"n":1},{"n":2}]}' }],
      snippets: { row: '<i>[[n]]</i>' },
    });
    expect(result.output).toBe('<i>1</i><i>2</i>');
  });
});

describe(`#catalog (required=true: ${SEND_SKIPS}; block forms from practitioners' guides)`, () => {
  const catalogs = {
    Restaurants: { JoesRestaurant: { name: "Joe's", averagePrice: 25 } },
    artists: { '47': { name: 'Nina Simone', price: 30 } },
    Products: { p1: { name: 'Hat' }, p2: { name: 'Socks' } },
  };

  it('renders the block with the item as the block parameter (a literal key)', () => {
    expectOutput(
      '{{#catalog "Restaurants" "JoesRestaurant" as |restaurant|}}Average price: {{restaurant.averagePrice}}{{/catalog}}',
      { catalogs },
      'Average price: 25',
    );
  });

  it('takes the key from a field, and renders the else block when there is no such item', () => {
    const template = '{{#catalog "Products" favoriteProductId as |item|}}{{item.name}}{{else}}Our bestsellers this week{{/catalog}}';
    expectOutput(template, { catalogs, user: '{"favoriteProductId":"p2"}' }, 'Socks');
    expectOutput(template, { catalogs, user: '{"favoriteProductId":"p9"}' }, 'Our bestsellers this week');
    expectOutput(template, { catalogs, user: '{}' }, 'Our bestsellers this week');
    expectOutput(template, { catalogs: {}, user: '{"favoriteProductId":"p2"}' }, 'Our bestsellers this week');
  });

  it('a number key is its text (47 → "47")', () => {
    expectOutput(
      '{{#catalog "artists" 47 required=true as |artist|}}Artist name is {{artist.name}}{{else}}Artist not found{{/catalog}}',
      { catalogs },
      'Artist name is Nina Simone',
    );
  });

  it(`documented: required=true and no such item skips the send with CatalogLookupError (${SEND_SKIPS})`, () => {
    expectSkip(
      '{{#catalog "artists" 48 required=true as |artist|}}{{artist.name}}{{else}}Artist not found{{/catalog}}',
      { catalogs },
      'CatalogLookupError',
      /"artists" has no item "48"/,
    );
    expectSkip('{{#catalog "Nope" "x" required=true as |i|}}{{/catalog}}', { catalogs }, 'CatalogLookupError');
  });

  it('inside #each, one lookup per item', () => {
    expectOutput(
      '{{#each cart}}{{#catalog "Products" this.productId as |product|}}<h3>{{product.name}}</h3>{{/catalog}}{{/each}}',
      { catalogs, user: '{"cart":[{"productId":"p1"},{"productId":"p3"},{"productId":"p2"}]}' },
      '<h3>Hat</h3><h3>Socks</h3>',
    );
  });

  it('without a block parameter the item becomes this', () => {
    expectOutput('{{#catalog "Products" "p1"}}{{name}}{{/catalog}}', { catalogs }, 'Hat');
  });

  it('needs the catalog name; the inline form returns the item and warns', () => {
    expectSkip('{{#catalog missing "p1" as |i|}}{{/catalog}}', { catalogs }, 'HandlebarsExecutionError', /catalog needs the catalog name/);
    const inline = expectOutput('{{catalog "Products" "p1"}}', { catalogs }, '{name&#x3D;&quot;Hat&quot;}');
    expect(rules(inline)).toContain('helper-form');
  });
});

describe(`#catalogKeys (${CATALOG_MESSAGES})`, () => {
  const catalogs = { Products: { p1: { name: 'Hat', price: 20 }, p2: { name: 'Socks', price: 5 }, '47': { name: 'Scarf' } } };
  const template = '{{#catalogKeys "Products" recentlyViewedIds as |items|}}{{#each items}}<div>{{this.name}}</div>{{/each}}{{/catalogKeys}}';

  it('the documented form: the items of the keys, in the order of the keys', () => {
    expectOutput(template, { catalogs, user: '{"recentlyViewedIds": ["p2", "p1"]}' }, '<div>Socks</div><div>Hat</div>');
  });

  it('a missing key is left out; a number key is its text; one key alone works too', () => {
    expectOutput(template, { catalogs, user: '{"recentlyViewedIds": ["p9", 47, "p1"]}' }, '<div>Scarf</div><div>Hat</div>');
    expectOutput(template, { catalogs, user: '{"recentlyViewedIds": "p2"}' }, '<div>Socks</div>');
    expectOutput(template, { catalogs, user: '{}' }, '');
  });

  it('without a block parameter the list is this; the inline form returns it and warns', () => {
    expectOutput(
      '{{#catalogKeys "Products" ids}}{{size this}}:{{#each this}}{{name}}{{/each}}{{/catalogKeys}}',
      { catalogs, user: '{"ids": ["p1"]}' },
      '1:Hat',
    );
    expect(rules(render('{{catalogKeys "Products" ids}}', { catalogs, user: '{"ids": ["p1"]}' }))).toContain('helper-form');
  });

  it(`required=true with no item found skips the send with CatalogLookupError (as #catalog does: ${SEND_SKIPS})`, () => {
    expectSkip('{{#catalogKeys "Products" ids required=true as |items|}}x{{/catalogKeys}}', { catalogs, user: '{"ids": ["p9"]}' }, 'CatalogLookupError');
    expectOutput('{{#catalogKeys "Products" ids required=true as |items|}}{{items.length}}{{/catalogKeys}}', { catalogs, user: '{"ids": ["p9", "p1"]}' }, '1');
  });

  it('without the catalog: not an unknown helper, the block is left out with a not-emulated warning', () => {
    const result = expectOutput(`A${template}B`, { user: '{"recentlyViewedIds": ["p1"]}' }, 'AB');
    expect(rules(result)).toEqual(['not-emulated']);
    expect(result.diagnostics[0]!.message).toContain('was not given the catalog "Products"');
    expect(result.diagnostics[0]!.hint).toContain('catalogs/Products.json');
  });
});

describe(`#catalogCollection (${CATALOG_MESSAGES}; CatalogCollectionLookupError: ${SEND_SKIPS})`, () => {
  const collections = {
    DeliveryBelowDinnerBudget: [
      { name: "Joe's", price: 18 },
      { name: 'Noodle Bar', price: 12 },
    ],
    Empty: [],
  };
  const template =
    '{{#catalogCollection "DeliveryBelowDinnerBudget" as |collection|}}{{#each collection}}<div>{{this.name}}</div>{{/each}}{{/catalogCollection}}';

  it("the documented form: the collection's items through the block parameter, in order", () => {
    expectOutput(template, { collections }, '<div>Joe&#x27;s</div><div>Noodle Bar</div>');
    expectOutput('{{#catalogCollection "DeliveryBelowDinnerBudget" as |items|}}{{items.[1].name}}{{/catalogCollection}}', { collections }, 'Noodle Bar');
  });

  it('composes with #sortBy, as practitioners write it', () => {
    expectOutput(
      '{{#catalogCollection "DeliveryBelowDinnerBudget" as |items|}}{{#sortBy items field="price" as |sorted|}}{{#each sorted}}{{price}} {{/each}}{{/sortBy}}{{/catalogCollection}}',
      { collections },
      '12 18 ',
    );
  });

  it('required=true and an empty collection skips the send with CatalogCollectionLookupError', () => {
    expectSkip(
      '{{#catalogCollection "Empty" required=true as |c|}}x{{/catalogCollection}}',
      { collections },
      'CatalogCollectionLookupError',
      /"Empty" has no items/,
    );
    expectOutput('{{#catalogCollection "Empty" as |c|}}[{{#each c}}x{{/each}}]{{/catalogCollection}}', { collections }, '[]');
  });

  it('without the collection: never an unknown-helper error; the block is left out with a not-emulated warning', () => {
    for (const input of [{}, { collections: {} }, { collections: () => undefined }] satisfies RenderInput[]) {
      const result = expectOutput(`<p>${template}</p>`, input, '<p></p>');
      expect(rules(result)).toEqual(['not-emulated']);
      expect(result.diagnostics[0]!.severity).toBe('warning');
      expect(result.diagnostics[0]!.hint).toContain('catalogs/collections/DeliveryBelowDinnerBudget.json');
    }
  });

  it('needs the collection name as a quoted first parameter', () => {
    expectSkip('{{#catalogCollection as |c|}}x{{/catalogCollection}}', { collections }, 'HandlebarsExecutionError', /needs the collection name/);
  });
});

describe(`#lookup block form (${PERSONALIZING}); the built-in lookup delegates to renderLookupBlock once it has the block form`, () => {
  const lookupBoth: HelperDefinition = {
    meta: { ...lookupHelper.meta, form: 'both' },
    fn: (call) => (call.isBlock ? renderLookupBlock(call) : lookupHelper.fn(call)),
  };
  const helpers = iterableHelpers().with([lookupBoth]);
  const user = JSON.stringify({
    language: 'en',
    email: 'ada.l@example.com',
    greetings: {
      en: { greeting_1: 'Hello!', greeting_2: 'How are you?' },
      es: { greeting_1: '¡Hola!', greeting_2: '¿Cómo estás?' },
      'ada.l@example.com': { greeting_1: 'Hi Ada' },
    },
  });

  it('documented: two paragraphs looked up by the profile language', () => {
    const template =
      '{{#lookup greetings language as |lang|}}{{lang.greeting_1}}{{/lookup}}\n{{#lookup greetings language as |lang|}}{{lang.greeting_2}}{{/lookup}}';
    expectOutput(template, { user }, 'Hello!\nHow are you?', helpers);
    expectOutput(template, { user: user.replace('"language":"en"', '"language":"es"') }, '¡Hola!\n¿Cómo estás?', helpers);
  });

  it('documented: a key with periods (an email) needs resolveKey=false', () => {
    expectOutput('{{#lookup greetings email resolveKey=false as |df_email|}}{{df_email.greeting_1}}{{/lookup}}', { user }, 'Hi Ada', helpers);
    expectOutput('[{{#lookup greetings email as |df_email|}}{{df_email.greeting_1}}{{/lookup}}]', { user }, '[]', helpers);
  });

  it('a missing value renders the else block; without a block parameter the value is this', () => {
    expectOutput('{{#lookup greetings "fr" as |l|}}{{l.greeting_1}}{{else}}Hello (default){{/lookup}}', { user }, 'Hello (default)', helpers);
    expectOutput('{{#lookup greetings language}}{{greeting_1}}{{/lookup}}', { user }, 'Hello!', helpers);
  });

  it('the inline lookup is unchanged', () => {
    expectOutput('{{lookup greetings.en "greeting_1"}}', { user }, 'Hello!', helpers);
  });

  it('a practitioner pattern: catalog, assign and lookup together', () => {
    const catalogs = { Localization: { yearinreview: { en: { title: 'Your year' }, de: { title: 'Dein Jahr' } } } };
    const template =
      '{{#catalog "Localization" "yearinreview" as |translations| }}' +
      '{{#assign "user_lang"}}{{defaultIfEmpty active_language "en"}}{{/assign}}' +
      '{{#lookup translations user_lang as |text| }}{{text.title}}{{/lookup}}' +
      '{{/catalog}}';
    expectOutput(template, { catalogs, user: '{"active_language":"de"}' }, 'Dein Jahr', helpers);
    expectOutput(template, { catalogs, user: '{}' }, 'Your year', helpers);
  });
});
