/**
 * `{{#catalog "Name" key as |item|}}…{{else}}…{{/catalog}}`: renders the block with the catalog item `key` of the
 * catalog `Name` as the block parameter; the else block when there is no such item. With `required=true` a
 * missing item skips the send instead: "CatalogLookupError: Referenced catalog or field does not exist, and the
 * #catalog Handlebars includes required=true" (https://support.iterable.com/hc/en-us/articles/360021169631).
 * Forms as practitioners write them: `{{#catalog "Restaurants" "JoesRestaurant" as |restaurant|}}`,
 * `{{#catalog "Products" favoriteProductId as |item|}}…{{else}}…{{/catalog}}`, a number key
 * `{{#catalog "artists" 47 required=true as |artist|}}`. The key is the value as text (`47` → `"47"`).
 * Without a block parameter the item becomes `this` (our inference).
 * `#catalogKeys` and `#catalogCollection`, which give several items, are in ./catalog-many.ts.
 */
import { HelperError, SendSkip } from '../../../runtime/errors.js';
import { printValue } from '../../../values/print.js';
import type { HelperDefinition } from '../../types.js';
import { isRequired, SEND_SKIPS_DOCS } from './docs.js';

export const catalogHelper: HelperDefinition = {
  meta: {
    name: 'catalog',
    form: 'block',
    // `this` (or the block parameter) is the catalog item.
    blockContext: 'derived',
    params: [
      { name: 'catalog', type: 'string', description: 'the catalog name, quoted' },
      { name: 'key', type: 'any', description: 'the item key (a string, a number, or a field holding one)' },
    ],
    hash: [{ name: 'required', type: 'boolean', optional: true, description: 'true: a missing item skips the send (CatalogLookupError)' }],
    description: 'Renders the block with a catalog item as the block parameter: {{#catalog "Name" key as |item|}}{{item.name}}{{else}}…{{/catalog}}.',
    onMissing: 'renders the else block; with required=true the send is skipped with CatalogLookupError',
    docsUrl: SEND_SKIPS_DOCS,
    fidelity: 'approximate',
    notes:
      'Documented: required=true turns a missing item into a CatalogLookupError skip. The block form with "as |item|" and {{else}} is how ' +
      'practitioners write it; a missing or empty key counts as a missing item; without a block parameter the item becomes this (inferred).',
  },
  fn: (call) => {
    const [catalog, key] = call.params;
    if (typeof catalog !== 'string' || catalog.length === 0) {
      throw new HelperError('catalog needs the catalog name as its first parameter: {{#catalog "Name" key as |item|}}');
    }
    const keyText = key === undefined || key === null ? '' : printValue(key);
    const item = keyText === '' ? undefined : call.runtime.catalogItem(catalog, keyText);
    if (item === undefined || item === null) {
      if (isRequired(call.hash.get('required'))) {
        throw new SendSkip('CatalogLookupError', `the catalog "${catalog}" has no item "${keyText}" (required=true)`);
      }
      return call.isBlock ? call.inverse() : undefined;
    }
    if (!call.isBlock) {
      call.warn('helper-form', 'catalog is a block helper', `write {{#catalog "${catalog}" key as |item|}}{{item.field}}{{/catalog}}`);
      return item;
    }
    if (call.blockParamNames.length) return call.fn({ blockParams: [{ value: item }] });
    return call.fn({ context: item });
  },
};
