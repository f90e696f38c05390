/**
 * `{{#sortBy list field="price,name" order="asc" as |sorted|}}…{{/sortBy}}` and
 * `{{#groupBy list field="category" as |groups|}}…{{/groupBy}}`, as documented in "Looping Over Objects and
 * Arrays" (https://support.iterable.com/hc/en-us/articles/36531450481300):
 *   - both take `field=` (dot notation for nested fields, a comma-separated list for several) and give their
 *     result through the block parameter; the original array is not changed;
 *   - `order=` is `"asc"` (the default) or `"desc"`; strings, numbers and dates compare "automatically";
 *   - each group has `key`, `items` and `count`; with several fields `key` is an object whose properties are
 *     the fields (the documented example reads `group.key.ItemFirstPromisedDate` for the field
 *     `LineItems.ItemFirstPromisedDate`: a property is named by the field's last segment);
 *   - `#groupBy` groups at most the first 100 items of the array.
 * Our inference: the sort is stable (Java's sort is), missing values sort last in both orders, groups come in
 * the order of their first item (the docs sort first "to display grouped sections in a predictable order"), and
 * `key` is an object for one field too (the documented format reads `{{group.key.fieldName}}`).
 */
import { JsonNumber } from '../../../values/json-number.js';
import { jsonText, printValue } from '../../../values/print.js';
import type { Value } from '../../../values/types.js';
import type { HelperCall, HelperDefinition } from '../../types.js';
import { compareKeyLists, fieldPaths, sortKey, valueAt, type FieldPath } from './compare.js';
import { LOOPING_DOCS } from './docs.js';

/** `#groupBy` groups at most this many items (documented). */
export const GROUP_BY_LIMIT = 100;

function fieldsOf(call: HelperCall, required: boolean): FieldPath[] {
  let spec = call.hash.get('field');
  if (spec === undefined && call.params.length > 1) {
    spec = call.params[1];
    call.warn(
      'helper-form',
      `${call.name} takes its field as field="${printValue(spec)}"`,
      `write {{#${call.name} list field="${printValue(spec)}" as |result|}}`,
    );
  }
  const fields = fieldPaths(spec);
  if (required && fields.length === 0) {
    call.warn(
      'helper-argument',
      `${call.name} needs field="..." to know what to group by: every item went into one group`,
      `write {{#${call.name} list field="category" as |groups|}}`,
    );
  }
  return fields;
}

function descending(call: HelperCall): boolean {
  const order = call.hash.get('order') ?? call.params[2];
  if (order === undefined || order === null) return false;
  const text = printValue(order).trim().toLowerCase();
  if (text === 'desc') return true;
  if (text !== 'asc')
    call.warn(
      'helper-argument',
      `${call.name}: order="${printValue(order)}" is neither "asc" nor "desc"; mergetag sorted ascending`,
      'write order="asc" or order="desc"',
    );
  return false;
}

/** Renders the block with the result as the block parameter (or as `this` when the block declares none). */
function renderResult(call: HelperCall, result: Value[]): Value {
  if (!call.isBlock) {
    call.warn(
      'helper-form',
      `${call.name} is documented as a block helper with a block parameter`,
      `write {{#${call.name} list field="..." as |result|}}…{{/${call.name}}}`,
    );
    return result;
  }
  if (call.blockParamNames.length) return call.fn({ blockParams: [{ value: result }] });
  call.warn(
    'block-params',
    `${call.name} gives its result through a block parameter; mergetag made it this`,
    `write {{#${call.name} list field="..." as |result|}}`,
  );
  return call.fn({ context: result });
}

export function sortItems(list: readonly Value[], fields: readonly FieldPath[], desc: boolean): Value[] {
  const paths = fields.length ? fields : [undefined];
  const keyed = list.map((item) => ({ item, keys: paths.map((path) => sortKey(valueAt(item, path))) }));
  keyed.sort((a, b) => compareKeyLists(a.keys, b.keys, desc));
  return keyed.map(({ item }) => item);
}

export function groupItems(list: readonly Value[], fields: readonly FieldPath[]): Value[] {
  const groups = new Map<string, { key: Map<string, Value>; items: Value[] }>();
  for (const item of list.slice(0, GROUP_BY_LIMIT)) {
    const values = fields.map((field) => valueAt(item, field) ?? null);
    const id = jsonText(values);
    let group = groups.get(id);
    if (!group) {
      const key = new Map<string, Value>();
      fields.forEach((field, i) => {
        if (!key.has(field.name)) key.set(field.name, values[i]);
      });
      group = { key, items: [] };
      groups.set(id, group);
    }
    group.items.push(item);
  }
  return [...groups.values()].map(
    ({ key, items }) =>
      new Map<string, Value>([
        ['key', key],
        ['items', items],
        ['count', JsonNumber.fromNumber(items.length)],
      ]),
  );
}

export const sortByHelper: HelperDefinition = {
  meta: {
    name: 'sortBy',
    form: 'block',
    // `this` (or the block parameter) is the sorted or grouped list the helper computes.
    blockContext: 'derived',
    params: [{ name: 'list', type: 'array' }],
    hash: [
      { name: 'field', type: 'string', optional: true, description: 'field(s) to sort by: "price" or "price,name", dot notation for nested fields' },
      { name: 'order', type: 'string', optional: true, description: '"asc" (default) or "desc"' },
    ],
    description: 'Gives the list sorted by the field(s) through the block parameter: {{#sortBy list field="price" order="asc" as |sorted|}}.',
    onMissing: 'renders the else block when the list is missing or not an array; an empty list is sorted (empty)',
    docsUrl: LOOPING_DOCS,
    fidelity: 'approximate',
    notes:
      'Documented: field=, order=, comma-separated and nested fields, automatic string/number/date comparison. Our inference: ' +
      'a stable sort; missing values last in both orders; numbers < dates < strings < booleans when kinds mix; numeric strings compare as numbers.',
  },
  fn: (call) => {
    const list = call.params[0];
    const fields = fieldsOf(call, false);
    const desc = descending(call);
    if (!Array.isArray(list)) return call.isBlock ? call.inverse() : undefined;
    return renderResult(call, sortItems(list, fields, desc));
  },
};

export const groupByHelper: HelperDefinition = {
  meta: {
    name: 'groupBy',
    form: 'block',
    // `this` (or the block parameter) is the sorted or grouped list the helper computes.
    blockContext: 'derived',
    params: [{ name: 'list', type: 'array' }],
    hash: [{ name: 'field', type: 'string', description: 'field(s) to group by: "category" or "date,method", dot notation for nested fields' }],
    description:
      'Gives the groups of items sharing the field value(s) through the block parameter; each group has key, items and count. At most 100 items are grouped.',
    onMissing: 'renders the else block when the list is missing or not an array',
    docsUrl: LOOPING_DOCS,
    fidelity: 'approximate',
    notes:
      'Documented: field=, key/items/count, key properties named by field, the first 100 items only. Our inference: groups in order of first ' +
      'appearance; key is an object for a single field too; values are the same when their JSON is (1 and 1.0 differ, as Jackson nodes do).',
  },
  fn: (call) => {
    const list = call.params[0];
    const fields = fieldsOf(call, true);
    if (!Array.isArray(list)) return call.isBlock ? call.inverse() : undefined;
    if (list.length > GROUP_BY_LIMIT) {
      call.warn(
        'group-by-limit',
        `groupBy groups only the first ${GROUP_BY_LIMIT} items; ${list.length - GROUP_BY_LIMIT} of ${list.length} were left out`,
        'filter or page the array before grouping',
      );
    }
    return renderResult(call, groupItems(list, fields));
  },
};
