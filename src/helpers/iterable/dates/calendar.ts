/**
 * Proleptic ISO calendar arithmetic (java.time's `IsoChronology`): year 0 exists and years may be negative, which
 * Iterable's "days since" idiom relies on (`dateMath d (now format="-y'y'+1'y'…")` goes through year 0). Plain
 * integer maths on epoch days, so nothing depends on the machine's time zone or on `Date`'s two-digit-year rules.
 */

/** An instant: whole seconds since 1970-01-01T00:00:00Z plus the nanoseconds within that second. */
export interface Instant {
  readonly epochSecond: number;
  /** 0 ≤ nano < 1e9 */
  readonly nano: number;
}

/** A wall-clock date and time without a zone (java.time `LocalDateTime`). */
export interface LocalDateTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly nano: number;
}

export const SECONDS_PER_DAY = 86_400;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function lengthOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function lengthOfYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Days since 1970-01-01 of a proleptic ISO date (Howard Hinnant's days_from_civil). */
export function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The proleptic ISO date of an epoch day (civil_from_days). */
export function dateOfEpochDay(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO day of week, Monday = 1 … Sunday = 7. */
export function isoDayOfWeek(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function dayOfYear(year: number, month: number, day: number): number {
  return epochDayOf(year, month, day) - epochDayOf(year, 1, 1) + 1;
}

/** The wall-clock fields of an instant at a fixed offset from UTC (in seconds). */
export function localDateTimeOf(instant: Instant, offsetSeconds: number): LocalDateTime {
  const local = instant.epochSecond + offsetSeconds;
  const epochDay = Math.floor(local / SECONDS_PER_DAY);
  const secondOfDay = local - epochDay * SECONDS_PER_DAY;
  const { year, month, day } = dateOfEpochDay(epochDay);
  return {
    year,
    month,
    day,
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor((secondOfDay % 3600) / 60),
    second: secondOfDay % 60,
    nano: instant.nano,
  };
}

/** Seconds since the epoch of a wall-clock time read as UTC (the "local epoch second"). */
export function localEpochSecond(ldt: LocalDateTime): number {
  return epochDayOf(ldt.year, ldt.month, ldt.day) * SECONDS_PER_DAY + ldt.hour * 3600 + ldt.minute * 60 + ldt.second;
}

export function instantOfEpochMilli(epochMilli: number): Instant {
  const epochSecond = Math.floor(epochMilli / 1000);
  return { epochSecond, nano: (epochMilli - epochSecond * 1000) * 1_000_000 };
}

export function epochMilliOf(instant: Instant): number {
  return instant.epochSecond * 1000 + Math.floor(instant.nano / 1_000_000);
}

/** `LocalDate.plusMonths`: the day is clamped to the new month's length (Jan 31 + 1 month = Feb 28 or 29). */
export function plusMonths(ldt: LocalDateTime, months: number): LocalDateTime {
  const monthCount = ldt.year * 12 + (ldt.month - 1) + months;
  const year = Math.floor(monthCount / 12);
  const month = monthCount - year * 12 + 1;
  return { ...ldt, year, month, day: Math.min(ldt.day, lengthOfMonth(year, month)) };
}

export function plusDays(ldt: LocalDateTime, days: number): LocalDateTime {
  const { year, month, day } = dateOfEpochDay(epochDayOf(ldt.year, ldt.month, ldt.day) + days);
  return { ...ldt, year, month, day };
}
