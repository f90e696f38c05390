/**
 * `{{#minInList list "field"}}…{{/minInList}}` and `{{#maxInList list "field"}}…{{/maxInList}}`: render the block
 * with the item whose field is smallest (largest) as `this`. Documented (block form only):
 *   {{#minInList shoppingCartItems "price"}}<div>The least expensive item in your cart is: {{price}}</div>{{/minInList}}
 * (https://support.iterable.com/hc/en-us/articles/205480365, .../36531450481300).
 *
 * Not documented, our choices: items whose field is missing or null are passed over; no item left (or no list)
 * renders the else block; on a tie the first item wins (as `Collections.min`/`max` keep the first); values are
 * compared as `#sortBy` compares them (./compare.ts: numbers, numeric strings and dates by value, other strings
 * by code unit); an object or array value is an error (usually a forgotten field name). The inline form
 * `{{minInList numbers}}` returns the smallest value itself (the field's value with a field) and warns.
 */
import { HelperError } from '../../../runtime/errors.js';
import type { Value } from '../../../values/types.js';
import type { HelperCall, HelperDefinition } from '../../types.js';
import { compareKeys, fieldPaths, sortKey, valueAt, type SortKey } from './compare.js';
import { LOOPING_DOCS } from './docs.js';

interface Best {
  item: Value;
  value: Value;
}

function extreme(call: HelperCall, sign: 1 | -1): Best | undefined {
  const [list, field] = call.params;
  if (!Array.isArray(list)) return undefined;
  const fields = fieldPaths(field);
  if (fields.length > 1) throw new HelperError(`${call.name} takes one field name, got "${fields.map((f) => f.text).join(',')}"`);
  const path = fields[0];
  let best: Best | undefined;
  let bestKey: SortKey | undefined;
  for (const item of list) {
    const value = valueAt(item, path);
    const key = sortKey(value);
    if (key.kind === 'missing') continue;
    if (key.kind === 'structure') {
      throw new HelperError(
        path
          ? `${call.name}: the field "${path.text}" holds an object or array, which cannot be compared`
          : `${call.name}: the list holds objects or arrays; name the field to compare, e.g. ${call.name} list "price"`,
      );
    }
    if (!bestKey || sign * compareKeys(key, bestKey) < 0) {
      best = { item, value };
      bestKey = key;
    }
  }
  return best;
}

function minMaxHelper(name: 'minInList' | 'maxInList', sign: 1 | -1, word: 'smallest' | 'largest'): HelperDefinition {
  return {
    meta: {
      name,
      form: 'block',
      // `this` in the block is the element with the smallest (largest) value.
      blockContext: 'element',
      params: [
        { name: 'list', type: 'array' },
        { name: 'field', type: 'string', optional: true, description: 'the field of each item to compare' },
      ],
      description: `Renders the block with the item whose field is ${word} as this (else block when there is none).`,
      onMissing: 'renders the else block (a missing list, an empty list, or no item with the field)',
      docsUrl: LOOPING_DOCS,
      fidelity: 'approximate',
      notes:
        `Documented: the block form with a field name, and this = the ${word} item. Our inference: ties keep the first item, ` +
        'items without the field are passed over, numeric strings and ISO dates compare by value, other strings by code unit. ' +
        `The inline form {{${name} numbers}} (returns the value itself) is not documented and warns.`,
    },
    fn: (call) => {
      const best = extreme(call, sign);
      if (call.isBlock) {
        if (!best) return call.inverse();
        return call.fn({ context: best.item, blockParams: [{ value: best.item }] });
      }
      call.warn(
        'helper-form',
        `${name} is documented as a block helper; the inline form printed the ${word} value`,
        `write {{#${name} list "field"}}{{field}}{{/${name}}}`,
      );
      return best?.value;
    },
  };
}

export const minInListHelper = minMaxHelper('minInList', 1, 'smallest');
export const maxInListHelper = minMaxHelper('maxInList', -1, 'largest');
