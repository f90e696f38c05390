/**
 * Locales for date text: Java's `LocaleUtils.toLocale("de_DE")` spelling in, the month, day, era and AM/PM names
 * and the week definition out. `en_US` (the JVM locale of Iterable's engine, per the conformance corpus) has its
 * names written out here, so the default output never depends on the ICU version; other locales take their names
 * from `Intl` (ICU's CLDR data, close to the JDK's CLDR data but not always identical).
 */

export type TextWidth = 'short' | 'long' | 'narrow';

export interface DateLocale {
  /** The Java spelling, `en_US`. */
  readonly java: string;
  /** The BCP 47 tag, `en-US`. */
  readonly tag: string;
  /** True for `en_US` (and the default): the written-out names and Java's own localized patterns apply. */
  readonly isUS: boolean;
  /** 12 names, January first. `standalone` is the nominative form (`L`), else the format form (`M`). */
  months(width: TextWidth, standalone: boolean): readonly string[];
  /** 7 names, Monday first. */
  weekdays(width: TextWidth, standalone: boolean): readonly string[];
  /** [AM, PM] */
  readonly amPm: readonly [string, string];
  /** [BC, AD] */
  eras(width: TextWidth): readonly [string, string];
  /** 4 names, Q1 first. */
  quarters(width: TextWidth): readonly string[];
  /** ISO day number (Monday 1 … Sunday 7) weeks start on, and the minimal days of a first week (WeekFields). */
  readonly firstDayOfWeek: number;
  readonly minimalDays: number;
}

const EN_MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_DAYS_LONG = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const EN_QUARTERS: Record<TextWidth, readonly string[]> = {
  short: ['Q1', 'Q2', 'Q3', 'Q4'],
  long: ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'],
  narrow: ['1', '2', '3', '4'],
};
const EN_ERAS: Record<TextWidth, readonly [string, string]> = {
  short: ['BC', 'AD'],
  long: ['Before Christ', 'Anno Domini'],
  narrow: ['B', 'A'],
};

function englishWidth(names: readonly string[], width: TextWidth): readonly string[] {
  if (width === 'long') return names;
  if (width === 'short') return names.map((name) => name.slice(0, 3));
  return names.map((name) => name.slice(0, 1));
}

export const EN_US: DateLocale = {
  java: 'en_US',
  tag: 'en-US',
  isUS: true,
  months: (width) => englishWidth(EN_MONTHS_LONG, width),
  weekdays: (width) => englishWidth(EN_DAYS_LONG, width),
  amPm: ['AM', 'PM'],
  eras: (width) => EN_ERAS[width],
  quarters: (width) => EN_QUARTERS[width],
  firstDayOfWeek: 7,
  minimalDays: 1,
};

/** A date in 2021 at noon UTC (months: the 15th; weekdays: 2021-01-04 is a Monday). */
function utcDate(month: number, day: number, hour = 12, year = 2021): Date {
  const date = new Date(Date.UTC(2000, month - 1, day, hour));
  date.setUTCFullYear(year);
  return date;
}

function part(locale: string, options: Intl.DateTimeFormatOptions, date: Date, type: Intl.DateTimeFormatPartTypes): string {
  const parts = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).formatToParts(date);
  return parts.find((p) => p.type === type)?.value ?? '';
}

class IntlDateLocale implements DateLocale {
  readonly isUS = false;
  readonly amPm: readonly [string, string];
  readonly firstDayOfWeek: number;
  readonly minimalDays: number;
  private readonly cache = new Map<string, readonly string[]>();

  constructor(
    readonly java: string,
    readonly tag: string,
  ) {
    this.amPm = [
      part(tag, { hour: 'numeric', hour12: true }, utcDate(1, 15, 1), 'dayPeriod') || 'AM',
      part(tag, { hour: 'numeric', hour12: true }, utcDate(1, 15, 13), 'dayPeriod') || 'PM',
    ];
    const week = weekInfo(tag);
    this.firstDayOfWeek = week.firstDay;
    this.minimalDays = week.minimalDays;
  }

  months(width: TextWidth, standalone: boolean): readonly string[] {
    return this.memo(`M${width}${standalone}`, () =>
      Array.from({ length: 12 }, (_, i) =>
        standalone
          ? part(this.tag, { month: width }, utcDate(i + 1, 15), 'month')
          : part(this.tag, { month: width, day: 'numeric' }, utcDate(i + 1, 15), 'month'),
      ),
    );
  }

  weekdays(width: TextWidth): readonly string[] {
    return this.memo(`E${width}`, () => Array.from({ length: 7 }, (_, i) => part(this.tag, { weekday: width }, utcDate(1, 4 + i), 'weekday')));
  }

  eras(width: TextWidth): readonly [string, string] {
    const [bc, ad] = this.memo(`G${width}`, () => [
      part(this.tag, { era: width, year: 'numeric' }, utcDate(1, 15, 12, -100), 'era'),
      part(this.tag, { era: width, year: 'numeric' }, utcDate(1, 15), 'era'),
    ]);
    return [bc!, ad!];
  }

  /** Intl has no quarter names; Java's English ones stand in. */
  quarters(width: TextWidth): readonly string[] {
    return EN_QUARTERS[width];
  }

  private memo(key: string, make: () => readonly string[]): readonly string[] {
    let found = this.cache.get(key);
    if (!found) {
      found = make();
      this.cache.set(key, found);
    }
    return found;
  }
}

function weekInfo(tag: string): { firstDay: number; minimalDays: number } {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      weekInfo?: { firstDay: number; minimalDays: number };
      getWeekInfo?: () => { firstDay: number; minimalDays: number };
    };
    const info = locale.getWeekInfo?.() ?? locale.weekInfo;
    if (info) return { firstDay: info.firstDay, minimalDays: info.minimalDays };
  } catch {
    // fall through to the US definition
  }
  return { firstDay: 7, minimalDays: 1 };
}

const locales = new Map<string, DateLocale>([['en_US', EN_US]]);

/**
 * Commons Lang's `LocaleUtils.toLocale`: `de`, `de_DE`, `de_DE_POSIX`, `_DE`; mergetag also takes `de-DE`. An
 * empty or missing locale is the default, en_US. Anything else throws, as Java does.
 */
export function resolveLocale(text: string | undefined): DateLocale {
  if (text === undefined || text === '') return EN_US;
  let found = locales.get(text);
  if (found) return found;
  const match = /^(?:([a-z]{2,3})(?:[_-]([A-Z]{2}|\d{3})(?:[_-]\w+)?)?|_([A-Z]{2}|\d{3}))$/.exec(text);
  if (!match) throw new Error(`Invalid locale format: ${text}`);
  const tag = match[1] ? [match[1], match[2]].filter(Boolean).join('-') : `und-${match[3]}`;
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    throw new Error(`Invalid locale format: ${text}`);
  }
  found = canonical === 'en-US' ? EN_US : new IntlDateLocale(text, canonical);
  locales.set(text, found);
  return found;
}
