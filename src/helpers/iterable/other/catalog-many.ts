/**
 * The catalog helpers that give several items, through a block parameter (as `#catalog` gives one):
 *
 *   {{#catalogKeys "Products" recentlyViewedIds as |items|}}{{#each items}}{{this.name}}{{/each}}{{/catalogKeys}}
 *   {{#catalogCollection "DeliveryBelowDinnerBudget" as |collection|}}{{#each collection}}…{{/each}}{{/catalogCollection}}
 *
 * Iterable documents both in "Using Catalogs & Collections in Messages"
 * (https://support.iterable.com/hc/en-us/articles/360033215032) and lists `CatalogCollectionLookupError` among the
 * send-skip reasons for a collection that `required=true` finds empty (support article 360021169631). The forms
 * above are those the practitioners' digests of those articles show (github.com/email-love/esp-skills
 * `references/data-sources.md` §4; the stored copies of the articles themselves could not be read whole here).
 *
 * What mergetag can compute:
 *   - `#catalogKeys` looks each key up in the catalog, as `#catalog` does one key: the items found, in the order of
 *     the keys (a key that is missing is left out; inferred). It needs the catalog (`catalogs/Name.json`).
 *   - `#catalogCollection` is a query Iterable runs over a catalog (built in its Collection Builder, possibly with
 *     user or event fields in its criteria). mergetag cannot run it: the render uses the collection's result as the
 *     project gives it (`catalogs/collections/Name.json`, an array of items).
 * Without that data neither helper can know its items: the block is left out with a `not-emulated` warning, never
 * an unknown-helper error, so a valid Iterable template is never called unsendable.
 */
import { HelperError, SendSkip } from '../../../runtime/errors.js';
import { printValue } from '../../../values/print.js';
import type { Value } from '../../../values/types.js';
import type { HelperCall, HelperDefinition } from '../../types.js';
import { CATALOG_MESSAGES_DOCS, isRequired } from './docs.js';

/** The block with the items as its block parameter, or as `this` without one; the inline form returns the list. */
function withItems(call: HelperCall, items: Value[]): Value {
  if (!call.isBlock) {
    call.warn('helper-form', `${call.name} is a block helper`, `write {{#${call.name} … as |items|}}{{#each items}}…{{/each}}{{/${call.name}}}`);
    return items;
  }
  if (call.blockParamNames.length) return call.fn({ blockParams: [{ value: items }] });
  return call.fn({ context: items });
}

function notEmulated(call: HelperCall, message: string, hint: string): string {
  call.warn('not-emulated', message, hint);
  return '';
}

function catalogName(call: HelperCall): string {
  const name = call.params[0];
  if (typeof name !== 'string' || name.length === 0) {
    throw new HelperError(`${call.name} needs the ${call.name === 'catalogCollection' ? 'collection' : 'catalog'} name as its first parameter, quoted`);
  }
  return name;
}

/** The keys a `#catalogKeys` call names: an array of keys, or one key. */
function keysOf(value: Value): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list
    .filter((key) => key !== undefined && key !== null)
    .map((key) => printValue(key))
    .filter((key) => key !== '');
}

export const catalogKeysHelper: HelperDefinition = {
  meta: {
    name: 'catalogKeys',
    form: 'block',
    blockContext: 'derived',
    params: [
      { name: 'catalog', type: 'string', description: 'the catalog name, quoted' },
      { name: 'keys', type: 'any', description: 'the item keys: an array (a field holding one), or one key' },
    ],
    hash: [{ name: 'required', type: 'boolean', optional: true, description: 'true: no item found skips the send (CatalogLookupError)' }],
    description:
      'Gives the catalog items of several keys, in the order of the keys, through the block parameter: {{#catalogKeys "Products" ids as |items|}}{{#each items}}{{this.name}}{{/each}}{{/catalogKeys}}.',
    onMissing:
      'a missing key is left out; with no catalog file (catalogs/Name.json) the block is left out with a not-emulated warning; with required=true and no item found the send is skipped (CatalogLookupError)',
    docsUrl: CATALOG_MESSAGES_DOCS,
    fidelity: 'approximate',
    notes:
      "Documented: the helper and its block form with a list of keys (article 360033215032, as the practitioners' digests quote it). " +
      'Inferred: items in the order of the keys, a missing key left out, a single key accepted, required=true skipping with CatalogLookupError ' +
      'as #catalog does. Without the catalog mergetag cannot know the items: it leaves the block out and warns (not-emulated).',
  },
  fn: (call) => {
    const catalog = catalogName(call);
    if (!call.runtime.hasCatalog(catalog)) {
      return notEmulated(
        call,
        `catalogKeys: mergetag was not given the catalog "${catalog}", so it cannot know its items: the block is left out`,
        `add the catalog as catalogs/${catalog}.json, an object of items by key ({"key": {"name": …}}), to render it`,
      );
    }
    const keys = keysOf(call.params[1]);
    const items = keys.map((key) => call.runtime.catalogItem(catalog, key)).filter((item) => item !== undefined && item !== null);
    if (items.length === 0 && isRequired(call.hash.get('required'))) {
      throw new SendSkip('CatalogLookupError', `the catalog "${catalog}" has none of the keys ${JSON.stringify(keys)} (required=true)`);
    }
    return withItems(call, items);
  },
};

export const catalogCollectionHelper: HelperDefinition = {
  meta: {
    name: 'catalogCollection',
    form: 'block',
    blockContext: 'derived',
    params: [{ name: 'collection', type: 'string', description: 'the collection name, quoted, as in the Collection Builder' }],
    hash: [{ name: 'required', type: 'boolean', optional: true, description: 'true: an empty collection skips the send (CatalogCollectionLookupError)' }],
    description:
      'Gives the items of a catalog collection through the block parameter: {{#catalogCollection "Name" as |items|}}{{#each items}}{{this.name}}{{/each}}{{/catalogCollection}}.',
    onMissing:
      "without the collection's items (catalogs/collections/Name.json) the block is left out with a not-emulated warning; with required=true an empty collection skips the send (CatalogCollectionLookupError)",
    docsUrl: CATALOG_MESSAGES_DOCS,
    fidelity: 'approximate',
    notes:
      'A collection is a query Iterable runs over a catalog, which mergetag cannot: it renders the result the project gives as ' +
      'catalogs/collections/Name.json (an array of items, or {"catalog": "Name", "keys": [...]} naming items of a catalog), the same for every user. ' +
      'Documented: the block form and CatalogCollectionLookupError with required=true (articles 360033215032, 360021169631). ' +
      'Without the file it leaves the block out and warns (not-emulated).',
  },
  fn: (call) => {
    const name = catalogName(call);
    const items = call.runtime.catalogCollection(name);
    if (items === undefined) {
      return notEmulated(
        call,
        `catalogCollection: Iterable computes the collection "${name}" with a query over a catalog, which mergetag cannot run, and no result was given: the block is left out`,
        `give the items Iterable would return as catalogs/collections/${name}.json (a JSON array of items) to render it`,
      );
    }
    if (items.length === 0 && isRequired(call.hash.get('required'))) {
      throw new SendSkip('CatalogCollectionLookupError', `the collection "${name}" has no items (required=true)`);
    }
    return withItems(call, items);
  },
};
