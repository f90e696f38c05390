/**
 * `length`. Iterable documents `{{myMergeParam.length}}` ("for a field with a value that's an 8-character string,
 * this example outputs 8", https://support.iterable.com/hc/en-us/articles/205480365): the Java `length`
 * property, which the path resolver already gives strings and arrays. Iterable's newer Text Helpers page lists
 * the call form `{{length string}}` as well (seen only in a copy of that page, not the page itself), so mergetag
 * also accepts it, with exactly the path's meaning: `{{length x}}` prints what `{{x.length}}` prints.
 */
import { property } from '../../../runtime/scope.js';
import type { HelperDefinition } from '../../types.js';

export const lengthHelper: HelperDefinition = {
  meta: {
    name: 'length',
    form: 'inline',
    params: [{ name: 'value', type: 'any', optional: true }],
    description: 'The number of characters of a string (UTF-16 units, as Java counts) or items of an array; the same as `{{value.length}}`.',
    onMissing: 'prints nothing, as {{missing.length}} does',
    docsUrl: 'https://support.iterable.com/hc/en-us/articles/205480365',
    fidelity: 'approximate',
    bareIsPath: true,
    notes:
      'Iterable documents {{field.length}}; the helper form {{length field}} is inferred to mean the same. Without a parameter, {{length}} is the field named length, as a plain path would be.',
  },
  fn: (call) => {
    const value = call.params[0];
    if (value === null || value === undefined) return undefined;
    return property(value, 'length');
  },
};
