/**
 * The date strings Iterable's date helpers read (Iterable documents ISO-8601 input):
 *
 *   - `2024-10-24`                                   a date: midnight UTC;
 *   - `2024-10-24T13:45`, `2024-10-24T13:45:00`,     a date-time; without an offset it is UTC;
 *     `2024-10-24T13:45:00.123456789`
 *   - the same with `Z`, `+02:00`, `+0200` or `+02`: an offset from UTC;
 *   - `2024-10-24 13:45:00 +00:00`                   Iterable's own profile date format (space-separated).
 *
 * Fields are range-checked (month 1–12, the month's days, hour 0–23, …). Anything else is not a date: the helper
 * reports it instead of guessing (no `Date.parse`, whose reading of `10/24/2024` depends on the engine).
 */
import { epochDayOf, lengthOfMonth, SECONDS_PER_DAY, type Instant } from './calendar.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** The instant a date string names, or undefined when it is not one of the forms above. */
export function parseDateText(text: string): Instant | undefined {
  const match = ISO.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetSeconds = 0;
  if (offset && offset !== 'Z' && offset !== 'z') {
    const digits = offset.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = Number(digits.slice(2) || 0);
    if (offsetHours > 18 || offsetMinutes > 59) return undefined;
    offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (offset[0] === '-' ? -1 : 1);
  }
  const local = epochDayOf(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
  return { epochSecond: local - offsetSeconds, nano: fraction ? Number(fraction.padEnd(9, '0')) : 0 };
}
