/**
 * `{{inLeftNotInRight left right}}`: the items of `left` that are not in `right`, in `left`'s order (an array,
 * printed as JSON; usable as a subexpression: `{{#each (inLeftNotInRight viewed bought)}}`).
 * Iterable lists the name in its helper set but documents no form or example we could find: the behaviour is
 * our inference from the name. Items are the same when their JSON is (numbers by value: `1` and `1.0` are the
 * same; `"1"` and `1` are not). Duplicates in `left` are kept.
 */
import type { Value } from '../../../values/types.js';
import type { HelperDefinition } from '../../types.js';
import { sameValueKey } from './compare.js';
import { PERSONALIZING_DOCS } from './docs.js';

/** One pass over each list (a set of `right`'s keys), not a scan of `right` per item of `left`. */
export function inLeftNotInRight(left: readonly Value[], right: readonly Value[]): Value[] {
  const removed = new Set<string>();
  for (const item of right) {
    const key = sameValueKey(item);
    if (key !== undefined) removed.add(key);
  }
  return left.filter((item) => {
    const key = sameValueKey(item);
    return key === undefined || !removed.has(key);
  });
}

export const inLeftNotInRightHelper: HelperDefinition = {
  meta: {
    name: 'inLeftNotInRight',
    form: 'inline',
    // Also renders a block (with the difference as `this`), though Iterable documents only the inline form.
    blockContext: 'derived',
    params: [
      { name: 'left', type: 'array' },
      { name: 'right', type: 'array' },
    ],
    description: 'The items of the first array that are not in the second, in their order (an array: prints as JSON, or feed it to #each).',
    onMissing: 'a missing left list gives nothing; a missing right list removes nothing',
    docsUrl: PERSONALIZING_DOCS,
    fidelity: 'approximate',
    notes:
      'Iterable names this helper but documents neither its form nor its output; mergetag infers a list difference. ' +
      'A block call renders the block with the difference as this (else block when it is empty), and warns.',
  },
  fn: (call) => {
    const [left, right] = call.params;
    let result: Value[] | undefined;
    if (Array.isArray(left)) result = inLeftNotInRight(left, Array.isArray(right) ? right : right === undefined || right === null ? [] : [right]);
    if (!call.isBlock) return result;
    call.warn('helper-form', 'inLeftNotInRight is not documented as a block helper', 'write {{#each (inLeftNotInRight left right)}}…{{/each}}');
    if (!result || result.length === 0) return call.inverse();
    return call.fn({ context: result, blockParams: [{ value: result }] });
  },
};
