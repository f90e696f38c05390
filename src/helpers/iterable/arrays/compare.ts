/**
 * How the list helpers (`#sortBy`, `#groupBy`, `#minInList`, `#maxInList`, `inLeftNotInRight`) read and compare
 * item values. Iterable documents only that `#sortBy` "compares string, number, and date values automatically
 * based on the data being sorted" (https://support.iterable.com/hc/en-us/articles/36531450481300); the rest is
 * our inference, chosen to be a total order so every sort is deterministic:
 *   - numbers (JSON numbers, and strings that spell a number, as XML feeds give) compare by value;
 *   - ISO-8601 date strings (`2024-06-19`, `2024-06-19 10:00:00 +07:00`, `2024-06-19T10:00:00Z`) by instant;
 *   - other strings by UTF-16 code units (Java's `String.compareTo`); booleans `false` before `true`;
 *   - between kinds: numbers < dates < strings < booleans < objects and arrays; missing and null sort last.
 */
import { epochMilliOf } from '../dates/calendar.js';
import { parseDateText } from '../dates/parse.js';
import { resolveParts } from '../../../runtime/scope.js';
import { JsonNumber } from '../../../values/json-number.js';
import { jsonText } from '../../../values/print.js';
import { SafeString, type Value } from '../../../values/types.js';

/** A value reduced to what ordering needs. `rank` orders the kinds; `missing` sorts after everything. */
export type SortKey =
  | { readonly kind: 'number'; readonly rank: 0; readonly n: number }
  | { readonly kind: 'date'; readonly rank: 1; readonly n: number }
  | { readonly kind: 'string'; readonly rank: 2; readonly s: string }
  | { readonly kind: 'boolean'; readonly rank: 3; readonly n: number }
  | { readonly kind: 'structure'; readonly rank: 4; readonly s: string }
  | { readonly kind: 'missing'; readonly rank: 5 };

// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter splits a run of digits every way before failing (quadratic).
const NUMERIC = /^\s*-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
/** Epoch milliseconds of a date string as the date helpers read it (ISO-8601, Iterable's profile format). */
export function parseIsoDate(text: string): number | undefined {
  const instant = parseDateText(text);
  return instant === undefined ? undefined : epochMilliOf(instant);
}

export function sortKey(value: Value): SortKey {
  if (value === undefined || value === null) return { kind: 'missing', rank: 5 };
  if (value instanceof JsonNumber) return { kind: 'number', rank: 0, n: value.double };
  if (typeof value === 'boolean') return { kind: 'boolean', rank: 3, n: value ? 1 : 0 };
  if (typeof value === 'string' || value instanceof SafeString) {
    const text = typeof value === 'string' ? value : value.html;
    if (NUMERIC.test(text)) return { kind: 'number', rank: 0, n: Number(text) };
    const date = parseIsoDate(text);
    if (date !== undefined) return { kind: 'date', rank: 1, n: date };
    return { kind: 'string', rank: 2, s: text };
  }
  return { kind: 'structure', rank: 4, s: jsonText(value) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ascending order of two keys; `descending` reverses it, but missing values stay last either way. */
export function compareKeys(a: SortKey, b: SortKey, descending = false): number {
  if (a.kind === 'missing' || b.kind === 'missing') return (a.kind === 'missing' ? 1 : 0) - (b.kind === 'missing' ? 1 : 0);
  let order: number;
  if (a.rank !== b.rank) order = a.rank - b.rank;
  else if (a.kind === 'string' || a.kind === 'structure') order = compareText(a.s, (b as { s: string }).s);
  else {
    const bn = (b as { n: number }).n;
    order = a.n < bn ? -1 : a.n > bn ? 1 : 0;
  }
  return descending ? -order : order;
}

/** Compares key lists field by field (the first difference decides). */
export function compareKeyLists(a: readonly SortKey[], b: readonly SortKey[], descending = false): number {
  for (let i = 0; i < a.length; i++) {
    const order = compareKeys(a[i]!, b[i]!, descending);
    if (order !== 0) return order;
  }
  return 0;
}

/** A field path as `#sortBy`/`#groupBy` take it: dot notation for nested fields (`LineItems.ItemName`). */
export interface FieldPath {
  readonly text: string;
  readonly parts: readonly string[];
  /** The name a `#groupBy` key object gives this field: its last segment (`ItemName`). */
  readonly name: string;
}

/** Splits `"price,name"` into field paths; an empty or missing spec gives none. */
export function fieldPaths(spec: Value): FieldPath[] {
  if (spec === undefined || spec === null) return [];
  const text = typeof spec === 'string' ? spec : spec instanceof SafeString ? spec.html : jsonText(spec);
  return text
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field.length > 0)
    .map((field) => {
      const parts = field.split('.');
      return { text: field, parts, name: parts[parts.length - 1]! };
    });
}

/** The value of a field of an item; without a field, the item itself. */
export function valueAt(item: Value, field: FieldPath | undefined): Value {
  return field ? resolveParts(item, field.parts) : item;
}

/** Whether two values are the same JSON value (numbers by value: `1` and `1.0` are the same). */
export function sameValue(a: Value, b: Value): boolean {
  if (a instanceof JsonNumber && b instanceof JsonNumber) return a.double === b.double;
  return jsonText(a) === jsonText(b);
}

/**
 * A key such that `sameValue(a, b)` exactly when the keys are equal, for sets and maps; undefined for a number
 * that is NaN, which is the same as nothing. Numbers get a `#` prefix no JSON text starts with.
 */
export function sameValueKey(value: Value): string | undefined {
  if (value instanceof JsonNumber) return Number.isNaN(value.double) ? undefined : `#${value.double}`;
  return jsonText(value);
}
