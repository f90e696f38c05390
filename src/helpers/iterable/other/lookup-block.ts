/**
 * The block form of `lookup`, which Iterable documents (https://support.iterable.com/hc/en-us/articles/205480365):
 *   {{#lookup greetings language as |lang|}}{{lang.greeting_1}}{{/lookup}}
 * "takes the language value from the user's profile, and performs a lookup against the greetings [object]
 * (matching on "en"). It then returns the values associated with greeting_1 ..." and
 *   {{#lookup greetings email resolveKey=false as |df_email|}}
 * "If using #lookup with the email field or any other field whose values contain periods, you must set
 * resolveKey=false": so by default the key is read as a path (`a.b` → `a`, then `b`), and with
 * `resolveKey=false` as one literal key.
 *
 * The inline `{{lookup obj key}}` lives in src/helpers/builtin/lookup.ts, which this family does not own: this
 * module gives it the block form to delegate to (`call.isBlock ? renderLookupBlock(call) : …`). Not registered
 * on its own, since two helpers cannot share the name `lookup`.
 * Inferred: a missing value renders the else block; without a block parameter the value becomes `this`.
 */
import { property, resolveParts } from '../../../runtime/scope.js';
import { printValue } from '../../../values/print.js';
import type { Value } from '../../../values/types.js';
import type { HelperCall } from '../../types.js';

export function lookUp(object: Value, key: Value, resolveKey: boolean): Value {
  if (object === undefined || object === null || key === undefined || key === null) return undefined;
  const text = printValue(key);
  return resolveKey ? resolveParts(object, text.split('.')) : property(object, text);
}

export function renderLookupBlock(call: HelperCall): Value {
  const [object, key] = call.params;
  const option = call.hash.get('resolveKey');
  const resolveKey = !(option === false || (typeof option === 'string' && option.trim().toLowerCase() === 'false'));
  const value = lookUp(object, key, resolveKey);
  if (value === undefined || value === null) return call.inverse();
  if (call.blockParamNames.length) return call.fn({ blockParams: [{ value }] });
  return call.fn({ context: value });
}
