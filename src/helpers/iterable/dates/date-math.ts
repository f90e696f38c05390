/**
 * Date-math expressions, as Iterable writes them for `dateMath` and for relative dates in segments and journeys
 * (support article 360012688571): `+1M-3d+2h`, applied left to right.
 *
 *   - `+N<unit>` / `-N<unit>` add or subtract; a missing N means 1;
 *   - `/<unit>` rounds down to the start of that unit (Elasticsearch-style date math, whose syntax Iterable's is);
 *   - units: `y` years, `M` months, `w` weeks, `d` days, `h`/`H` hours, `m` minutes, `s` seconds.
 *
 * Years, months, weeks and days move the wall-clock date in the helper's zone (`tz=`, else UTC), as
 * `ZonedDateTime.plusMonths` does: the day is clamped to the month's length (Jan 31 + 1M = Feb 28/29) and the
 * local time is kept across daylight-saving changes. Hours, minutes and seconds move the instant. Weeks round to
 * Monday.
 */
import { dateOfEpochDay, epochDayOf, isoDayOfWeek, localDateTimeOf, plusDays, plusMonths, type Instant, type LocalDateTime } from './calendar.js';
import { instantOfLocal } from './zoned.js';
import type { Zone } from './zone.js';

export type DateMathUnit = 'y' | 'M' | 'w' | 'd' | 'h' | 'm' | 's';

export type DateMathOp = { kind: 'add'; amount: number; unit: DateMathUnit } | { kind: 'round'; unit: DateMathUnit };

export class DateMathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DateMathError';
  }
}

const OP = /([+-])(\d*)([yMwdhHms])|\/([yMwdhHms])/y;

/** Parses an expression such as `+1d-2h` or `-1M/d`; throws `DateMathError` on anything else. */
export function parseDateMath(expression: string): DateMathOp[] {
  const text = expression.replace(/\s+/g, '');
  const ops: DateMathOp[] = [];
  OP.lastIndex = 0;
  while (OP.lastIndex < text.length) {
    const at = OP.lastIndex;
    const match = OP.exec(text);
    if (!match) {
      throw new DateMathError(
        `cannot read the date-math expression ${JSON.stringify(expression)} at ${JSON.stringify(text.slice(at))}: write +N or -N followed by y, M, w, d, h, m or s (e.g. "+1d-2h"), or /unit to round`,
      );
    }
    if (match[4]) {
      ops.push({ kind: 'round', unit: normalUnit(match[4]) });
    } else {
      const amount = match[2] === '' ? 1 : Number(match[2]);
      if (!Number.isSafeInteger(amount)) throw new DateMathError(`the amount ${match[2]} in ${JSON.stringify(expression)} is too large`);
      ops.push({ kind: 'add', amount: match[1] === '-' ? -amount : amount, unit: normalUnit(match[3]!) });
    }
  }
  return ops;
}

function normalUnit(letter: string): DateMathUnit {
  return letter === 'H' ? 'h' : (letter as DateMathUnit);
}

const SECONDS: Partial<Record<DateMathUnit, number>> = { h: 3600, m: 60, s: 1 };

export function applyDateMath(start: Instant, ops: readonly DateMathOp[], zone: Zone): Instant {
  let instant = start;
  for (const op of ops) {
    const offset = zone.offsetSeconds(instant);
    const local = localDateTimeOf(instant, offset);
    if (op.kind === 'add') {
      const seconds = SECONDS[op.unit];
      if (seconds !== undefined) {
        instant = { epochSecond: instant.epochSecond + op.amount * seconds, nano: instant.nano };
        continue;
      }
      const moved =
        op.unit === 'y'
          ? plusMonths(local, op.amount * 12)
          : op.unit === 'M'
            ? plusMonths(local, op.amount)
            : plusDays(local, op.amount * (op.unit === 'w' ? 7 : 1));
      instant = instantOfLocal(moved, zone, offset);
    } else {
      instant = instantOfLocal(roundDown(local, op.unit), zone, offset);
    }
  }
  return instant;
}

function roundDown(local: LocalDateTime, unit: DateMathUnit): LocalDateTime {
  const midnight = { ...local, hour: 0, minute: 0, second: 0, nano: 0 };
  switch (unit) {
    case 'y':
      return { ...midnight, month: 1, day: 1 };
    case 'M':
      return { ...midnight, day: 1 };
    case 'w': {
      const epochDay = epochDayOf(local.year, local.month, local.day);
      return { ...midnight, ...dateOfEpochDay(epochDay - (isoDayOfWeek(epochDay) - 1)) };
    }
    case 'd':
      return midnight;
    case 'h':
      return { ...local, minute: 0, second: 0, nano: 0 };
    case 'm':
      return { ...local, second: 0, nano: 0 };
    default:
      return { ...local, nano: 0 };
  }
}
