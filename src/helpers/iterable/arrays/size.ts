/**
 * `{{size list}}`: the number of items of an array, keys of an object, or UTF-16 code units of a string.
 * Iterable documents size only as a path, `{{shoppingCartItems.size}}` ("Assuming the shoppingCartItems array
 * has two items, this outputs 2", https://support.iterable.com/hc/en-us/articles/205480365), which the engine
 * resolves without any helper. The helper form is an extension: it warns, because Iterable may not know it.
 * A bare `{{size}}` (no parameters) stays a plain lookup of `size` in the current context, so a profile field
 * named `size` still prints as it does in Iterable.
 */
import { JsonNumber } from '../../../values/json-number.js';
import { SafeString, type Value } from '../../../values/types.js';
import type { HelperDefinition } from '../../types.js';
import { LOOPING_DOCS } from './docs.js';

export function sizeOf(value: Value): Value {
  if (Array.isArray(value)) return JsonNumber.fromNumber(value.length);
  if (value instanceof Map) return JsonNumber.fromNumber(value.size);
  if (typeof value === 'string') return JsonNumber.fromNumber(value.length);
  if (value instanceof SafeString) return JsonNumber.fromNumber(value.html.length);
  return undefined;
}

export const sizeHelper: HelperDefinition = {
  meta: {
    name: 'size',
    form: 'inline',
    params: [{ name: 'value', type: 'any', description: 'an array, object or string' }],
    description: 'The number of items of an array, keys of an object or characters of a string. Iterable documents the path form {{list.size}}; prefer it.',
    onMissing: 'prints nothing (a number or boolean also prints nothing)',
    docsUrl: LOOPING_DOCS,
    fidelity: 'approximate',
    bareIsPath: true,
    notes:
      'Iterable documents only {{list.size}} (a property, not a helper). {{size list}} is a mergetag extension and warns; without parameters {{size}} is the plain field lookup it is in Iterable.',
  },
  fn: (call) => {
    call.warn('helper-form', 'Iterable documents size as a property, not a helper: {{size list}} may fail there', 'write {{list.size}}');
    return sizeOf(call.params[0]);
  },
};
