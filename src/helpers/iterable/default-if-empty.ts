/**
 * `{{defaultIfEmpty value "fallback"}}`: jknack's StringHelpers.defaultIfEmpty, which Iterable documents under the
 * same name. Empty is Handlebars' `isEmpty` (so `0` and `false` fall back too); any other value is printed as
 * Java prints it (`1e7` → `1.0E7`). The fallback is returned as it is, not as text, so a sub-expression
 * `(defaultIfEmpty x 0)` is the number 0 (checked against the Java engine).
 */
import { printValue } from '../../values/print.js';
import { isTruthy } from '../../values/truthy.js';
import type { HelperDefinition } from '../types.js';

export const defaultIfEmptyHelper: HelperDefinition = {
  meta: {
    name: 'defaultIfEmpty',
    form: 'inline',
    params: [
      { name: 'value', type: 'any', role: 'fallback' },
      { name: 'fallback', type: 'any', optional: true },
    ],
    description: 'The value, or the fallback when the value is empty (missing, null, "", 0, false or []).',
    onMissing: 'prints the fallback',
    docsUrl: 'https://support.iterable.com/hc/en-us/articles/115003884806',
    fidelity: 'exact',
  },
  fn: (call) => {
    const [value, fallback] = call.params;
    if (isTruthy(value)) return printValue(value);
    // `options.param(0, "")` as it is: `(defaultIfEmpty x false)` is the boolean false, which #if finds empty.
    return fallback === undefined ? '' : fallback;
  },
};
