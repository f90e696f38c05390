/**
 * Java's `DateTimeFormatter.ofPattern(pattern)` (JDK 17, the engine Handlebars.java 4.3 runs on): the pattern is
 * compiled once into printers, then prints a zoned date-time.
 *
 * Supported as Java does: every pattern letter of JDK 17 (`G u y Y Q q M L w W E e c F a B h K k H m s S A n N g D d
 * V v z O X x Z`, with Java's rules for how many letters each takes), `'quoted'` literals and `''`, optional sections
 * `[…]` (which always print here, since a zoned date-time has every field), and the `p` pad modifier. What Java
 * rejects (an unknown letter, too many letters, `{ } #`, an unclosed quote or `]`) throws `PatternError` with
 * Java's message.
 *
 * Differences (see `DATE_PATTERN_NOTES`): day-period (`B`) and the localized texts of locales other than en_US
 * come from ICU's CLDR data rather than the JDK's; localized offsets always say `GMT`.
 */
import { dayOfYear, epochDayOf, isoDayOfWeek, lengthOfYear, type Instant, type LocalDateTime } from './calendar.js';
import type { DateLocale, TextWidth } from './locale.js';
import { gmtText, type Zone } from './zone.js';

export const DATE_PATTERN_NOTES =
  'Java DateTimeFormatter patterns (JDK 17 rules); en_US texts are exact, other locales use ICU CLDR names; ' +
  '`B` (day period) and zone names outside North America follow ICU/JDK tables and may differ in rare cases.';

/** Java's IllegalArgumentException / DateTimeException from a pattern. */
export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternError';
  }
}

/** Everything a printer may read: the instant, its zone and offset, the wall-clock fields, the locale. */
export interface ZonedFields {
  readonly instant: Instant;
  readonly zone: Zone;
  readonly offsetSeconds: number;
  readonly local: LocalDateTime;
  readonly locale: DateLocale;
}

type Printer = (fields: ZonedFields) => string;

const PATTERN_CACHE = new Map<string, Printer>();

/** Compiles a pattern (cached); throws `PatternError` for a pattern Java would refuse. */
export function compilePattern(pattern: string): Printer {
  let printer = PATTERN_CACHE.get(pattern);
  if (!printer) {
    printer = parsePattern(pattern);
    if (PATTERN_CACHE.size > 500) PATTERN_CACHE.clear();
    PATTERN_CACHE.set(pattern, printer);
  }
  return printer;
}

export function formatPattern(pattern: string, fields: ZonedFields): string {
  return compilePattern(pattern)(fields);
}

function isLetter(ch: string): boolean {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

function parsePattern(pattern: string): Printer {
  // A stack of printer lists: `[` opens an optional section, `]` closes it.
  const stack: Printer[][] = [[]];
  let padWidth = 0;
  const add = (printer: Printer): void => {
    if (padWidth > 0) {
      const width = padWidth;
      padWidth = 0;
      stack[stack.length - 1]!.push(padded(printer, width));
    } else {
      stack[stack.length - 1]!.push(printer);
    }
  };
  for (let pos = 0; pos < pattern.length; pos++) {
    let cur = pattern[pos]!;
    if (isLetter(cur)) {
      let start = pos++;
      while (pos < pattern.length && pattern[pos] === cur) pos++;
      let count = pos - start;
      if (cur === 'p') {
        let pad = 0;
        if (pos < pattern.length && isLetter(pattern[pos]!)) {
          pad = count;
          cur = pattern[pos]!;
          start = pos++;
          while (pos < pattern.length && pattern[pos] === cur) pos++;
          count = pos - start;
        }
        if (pad === 0) throw new PatternError(`Pad letter 'p' must be followed by valid pad pattern: ${pattern}`);
        padWidth = pad;
      }
      add(letterPrinter(cur, count));
      pos--;
    } else if (cur === "'") {
      const start = pos++;
      for (; pos < pattern.length; pos++) {
        if (pattern[pos] === "'") {
          if (pos + 1 < pattern.length && pattern[pos + 1] === "'") pos++;
          else break;
        }
      }
      if (pos >= pattern.length) throw new PatternError(`Pattern ends with an incomplete string literal: ${pattern}`);
      const text = pattern.slice(start + 1, pos);
      add(literal(text === '' ? "'" : text.replaceAll("''", "'")));
    } else if (cur === '[') {
      stack.push([]);
    } else if (cur === ']') {
      if (stack.length === 1) throw new PatternError('Pattern invalid as it contains ] without previous [');
      const section = stack.pop()!;
      stack[stack.length - 1]!.push(sequence(section));
    } else if (cur === '{' || cur === '}' || cur === '#') {
      throw new PatternError(`Pattern includes reserved character: '${cur}'`);
    } else {
      add(literal(cur));
    }
  }
  // Unclosed optional sections end with the pattern, as Java's toFormatter() does.
  while (stack.length > 1) {
    const section = stack.pop()!;
    stack[stack.length - 1]!.push(sequence(section));
  }
  return sequence(stack[0]!);
}

function sequence(printers: Printer[]): Printer {
  return (fields) => {
    let out = '';
    for (const printer of printers) out += printer(fields);
    return out;
  };
}

function literal(text: string): Printer {
  return () => text;
}

function padded(printer: Printer, width: number): Printer {
  return (fields) => {
    const text = printer(fields);
    if (text.length > width) throw new PatternError(`Cannot print as output of ${text.length} characters exceeds pad width of ${width}`);
    return text.padStart(width, ' ');
  };
}

function tooMany(letter: string): never {
  throw new PatternError(`Too many pattern letters: ${letter}`);
}

type SignStyle = 'NORMAL' | 'NOT_NEGATIVE' | 'EXCEEDS_PAD';

/** Java's NumberPrinterParser: `minWidth` zero-padded digits, at most `maxWidth`, with the sign style's rule. */
function number(name: string, value: (f: ZonedFields) => number, minWidth: number, maxWidth: number, style: SignStyle): Printer {
  if (minWidth < 1 || minWidth > 19) throw new PatternError(`The minimum width must be from 1 to 19 inclusive but was ${minWidth}`);
  if (maxWidth < minWidth) throw new PatternError(`The maximum width must exceed or equal the minimum width but ${maxWidth} < ${minWidth}`);
  return (fields) => {
    const v = value(fields);
    const digits = String(Math.abs(v));
    if (digits.length > maxWidth) {
      throw new PatternError(`Field ${name} cannot be printed as the value ${v} exceeds the maximum print width of ${maxWidth}`);
    }
    let prefix = '';
    if (v >= 0) {
      if (style === 'EXCEEDS_PAD' && minWidth < 19 && v >= 10 ** minWidth) prefix = '+';
    } else {
      if (style === 'NOT_NEGATIVE') {
        throw new PatternError(`Field ${name} cannot be printed as the value ${v} cannot be negative according to the SignStyle`);
      }
      prefix = '-';
    }
    return prefix + digits.padStart(minWidth, '0');
  };
}

/** `appendValue(field)`: no padding, a minus sign when negative. */
function plain(name: string, value: (f: ZonedFields) => number): Printer {
  return number(name, value, 1, 19, 'NORMAL');
}

/** `appendValue(field, width)`: exactly `width` digits. */
function fixed(name: string, value: (f: ZonedFields) => number, width: number): Printer {
  return number(name, value, width, width, 'NOT_NEGATIVE');
}

/** `appendValueReduced(field, 2, 2, 2000)`: the last two digits. */
function reduced(value: (f: ZonedFields) => number): Printer {
  return (fields) => String(Math.abs(value(fields)) % 100).padStart(2, '0');
}

function text(pick: (f: ZonedFields, width: TextWidth, standalone: boolean) => string, width: TextWidth, standalone = false): Printer {
  return (fields) => pick(fields, width, standalone);
}

// ---- field values ----

const year = (f: ZonedFields): number => f.local.year;
const yearOfEra = (f: ZonedFields): number => (f.local.year >= 1 ? f.local.year : 1 - f.local.year);
const month = (f: ZonedFields): number => f.local.month;
const quarter = (f: ZonedFields): number => Math.floor((f.local.month - 1) / 3) + 1;
const day = (f: ZonedFields): number => f.local.day;
const epochDay = (f: ZonedFields): number => epochDayOf(f.local.year, f.local.month, f.local.day);
const doy = (f: ZonedFields): number => dayOfYear(f.local.year, f.local.month, f.local.day);
const hour = (f: ZonedFields): number => f.local.hour;
const minute = (f: ZonedFields): number => f.local.minute;
const second = (f: ZonedFields): number => f.local.second;
const nano = (f: ZonedFields): number => f.local.nano;
const milliOfDay = (f: ZonedFields): number => (f.local.hour * 3600 + f.local.minute * 60 + f.local.second) * 1000 + Math.floor(f.local.nano / 1e6);
const nanoOfDay = (f: ZonedFields): number => (f.local.hour * 3600 + f.local.minute * 60 + f.local.second) * 1e9 + f.local.nano;

/** WeekFields' localized day of week: 1 on the locale's first day of the week. */
function localizedDayOfWeek(f: ZonedFields): number {
  return ((((isoDayOfWeek(epochDay(f)) - f.locale.firstDayOfWeek) % 7) + 7) % 7) + 1;
}

function startOfWeekOffset(dayNumber: number, dow: number, minimalDays: number): number {
  const weekStart = (((dayNumber - dow) % 7) + 7) % 7;
  let offset = -weekStart;
  if (weekStart + 1 > minimalDays) offset = 7 - weekStart;
  return offset;
}

function computeWeek(offset: number, dayNumber: number): number {
  return Math.floor((7 + offset + (dayNumber - 1)) / 7);
}

function weekOfMonth(f: ZonedFields): number {
  return computeWeek(startOfWeekOffset(f.local.day, localizedDayOfWeek(f), f.locale.minimalDays), f.local.day);
}

/** [week-based year, week of week-based year], as Java's WeekFields computes them. */
function weekBased(f: ZonedFields): [number, number] {
  let { year: y } = f.local;
  let dayNumber = doy(f);
  let dow = localizedDayOfWeek(f);
  for (;;) {
    const offset = startOfWeekOffset(dayNumber, dow, f.locale.minimalDays);
    const week = computeWeek(offset, dayNumber);
    if (week === 0) {
      // The last week of the previous year: step back to that year's last day.
      const lastDay = epochDayOf(y, 1, 1) - 1;
      y -= 1;
      dayNumber = lengthOfYear(y);
      dow = ((((isoDayOfWeek(lastDay) - f.locale.firstDayOfWeek) % 7) + 7) % 7) + 1;
      continue;
    }
    const newYearWeek = computeWeek(offset, lengthOfYear(y) + f.locale.minimalDays);
    if (week >= newYearWeek) return [y + 1, week - newYearWeek + 1];
    return [y, week];
  }
}

// ---- texts ----

const monthText = (f: ZonedFields, width: TextWidth, standalone: boolean): string => f.locale.months(width, standalone)[f.local.month - 1]!;
const quarterText = (f: ZonedFields, width: TextWidth): string => f.locale.quarters(width)[quarter(f) - 1]!;
const dayText = (f: ZonedFields, width: TextWidth, standalone: boolean): string => f.locale.weekdays(width, standalone)[isoDayOfWeek(epochDay(f)) - 1]!;
const eraText = (f: ZonedFields, width: TextWidth): string => f.locale.eras(width)[f.local.year >= 1 ? 1 : 0];
const amPmText = (f: ZonedFields): string => f.locale.amPm[f.local.hour < 12 ? 0 : 1];

const dayPeriodFormatters = new Map<string, Intl.DateTimeFormat>();
function dayPeriodText(f: ZonedFields, width: TextWidth): string {
  const key = `${f.locale.tag}|${width}`;
  let formatter = dayPeriodFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(f.locale.tag, { dayPeriod: width, timeZone: 'UTC' });
    dayPeriodFormatters.set(key, formatter);
  }
  const wall = new Date(Date.UTC(2021, 0, 15, f.local.hour, f.local.minute, f.local.second));
  return formatter.formatToParts(wall).find((p) => p.type === 'dayPeriod')?.value ?? '';
}

// ---- offsets ----

/** Java's OffsetIdPrinterParser patterns; the index picks the printing rule. */
const OFFSET_PATTERNS = ['+HH', '+HHmm', '+HH:mm', '+HHMM', '+HH:MM', '+HHMMss', '+HH:MM:ss', '+HHMMSS', '+HH:MM:SS', '+HHmmss', '+HH:mm:ss'];

function offsetId(patternIndex: number, noOffsetText: string): Printer {
  const type = patternIndex % 11;
  const colon = OFFSET_PATTERNS[type]!.includes(':') ? ':' : '';
  return (f) => {
    const total = f.offsetSeconds;
    if (total === 0) return noOffsetText;
    const abs = Math.abs(total);
    const hours = Math.floor(abs / 3600) % 100;
    const minutes = Math.floor(abs / 60) % 60;
    const seconds = abs % 60;
    let out = (total < 0 ? '-' : '+') + String(hours).padStart(2, '0');
    let output = hours;
    if ((type >= 3 && type <= 8) || (type >= 9 && seconds > 0) || (type >= 1 && minutes > 0)) {
      out += colon + String(minutes).padStart(2, '0');
      output += minutes;
      if (type === 7 || type === 8 || (type >= 5 && seconds > 0)) {
        out += colon + String(seconds).padStart(2, '0');
        output += seconds;
      }
    }
    return output === 0 ? noOffsetText : out;
  };
}

/** The zone's printable form for `z`, `zzzz`, `v`, `vvvv`: fixed-offset zones print their id. */
function zoneText(kind: 'short' | 'long' | 'genericShort' | 'genericLong'): Printer {
  return (f) => {
    switch (kind) {
      case 'short':
        return f.zone.shortName(f.instant);
      case 'long':
        return f.zone.longName(f.instant);
      case 'genericShort':
        return f.zone.genericShortName(f.instant);
      default:
        return f.zone.genericLongName(f.instant);
    }
  };
}

function widthOf(count: number): TextWidth {
  return count === 4 ? 'long' : count === 5 ? 'narrow' : 'short';
}

/** The printer for `count` repetitions of a pattern letter (Java's parseField and the zone/offset letters). */
function letterPrinter(letter: string, count: number): Printer {
  switch (letter) {
    case 'G':
      if (count > 5) tooMany(letter);
      return text(eraText, widthOf(count));
    case 'u':
    case 'y': {
      const name = letter === 'u' ? 'Year' : 'YearOfEra';
      const value = letter === 'u' ? year : yearOfEra;
      if (count === 2) return reduced(value);
      return number(name, value, count, 19, count < 4 ? 'NORMAL' : 'EXCEEDS_PAD');
    }
    case 'Y': {
      const value = (f: ZonedFields): number => weekBased(f)[0];
      if (count === 2) return reduced(value);
      return number('WeekBasedYear', value, count, 19, count < 4 ? 'NORMAL' : 'EXCEEDS_PAD');
    }
    case 'c':
      if (count === 1) return number('DayOfWeek', localizedDayOfWeek, 1, 1, 'NOT_NEGATIVE');
      if (count === 2) throw new PatternError('Invalid pattern "cc"');
      if (count > 5) tooMany(letter);
      return text(dayText, widthOf(count), true);
    case 'e':
      if (count <= 2) return number('DayOfWeek', localizedDayOfWeek, count, count, 'NOT_NEGATIVE');
      if (count > 5) tooMany(letter);
      return text(dayText, widthOf(count));
    case 'E':
      if (count > 5) tooMany(letter);
      return text(dayText, widthOf(count));
    case 'M':
    case 'L':
      if (count === 1) return plain('MonthOfYear', month);
      if (count === 2) return fixed('MonthOfYear', month, 2);
      if (count > 5) tooMany(letter);
      return text(monthText, widthOf(count), letter === 'L');
    case 'Q':
    case 'q':
      if (count === 1) return plain('QuarterOfYear', quarter);
      if (count === 2) return fixed('QuarterOfYear', quarter, 2);
      if (count > 5) tooMany(letter);
      return text(quarterText, widthOf(count), letter === 'q');
    case 'w':
      if (count > 2) tooMany(letter);
      return number('WeekOfWeekBasedYear', (f) => weekBased(f)[1], count, 2, 'NOT_NEGATIVE');
    case 'W':
      if (count > 1) tooMany(letter);
      return number('WeekOfMonth', weekOfMonth, 1, 1, 'NOT_NEGATIVE');
    case 'F':
      // JDK 17 maps F to ALIGNED_DAY_OF_WEEK_IN_MONTH (JDK 19 changed it to ALIGNED_WEEK_OF_MONTH).
      if (count > 1) tooMany(letter);
      return plain('AlignedDayOfWeekInMonth', (f) => ((f.local.day - 1) % 7) + 1);
    case 'a':
      if (count > 1) tooMany(letter);
      return amPmText;
    case 'B':
      if (count === 1) return text(dayPeriodText, 'short');
      if (count === 4) return text(dayPeriodText, 'long');
      if (count === 5) return text(dayPeriodText, 'narrow');
      throw new PatternError(`Wrong number of pattern letters: ${letter}`);
    case 'd':
    case 'h':
    case 'H':
    case 'k':
    case 'K':
    case 'm':
    case 's': {
      const [name, value] = CLOCK_FIELDS[letter]!;
      if (count === 1) return plain(name, value);
      if (count === 2) return fixed(name, value, 2);
      return tooMany(letter);
    }
    case 'D':
      if (count === 1) return plain('DayOfYear', doy);
      if (count <= 3) return number('DayOfYear', doy, count, 3, 'NOT_NEGATIVE');
      return tooMany(letter);
    case 'S':
      if (count > 9) throw new PatternError(`Minimum width must be from 0 to 9 inclusive but was ${count}`);
      return (f) => String(f.local.nano).padStart(9, '0').slice(0, count);
    case 'A':
      return number('MilliOfDay', milliOfDay, count, 19, 'NOT_NEGATIVE');
    case 'n':
      return number('NanoOfSecond', nano, count, 19, 'NOT_NEGATIVE');
    case 'N':
      return number('NanoOfDay', nanoOfDay, count, 19, 'NOT_NEGATIVE');
    case 'g':
      return number('ModifiedJulianDay', (f) => epochDay(f) + 40_587, count, 19, 'NORMAL');
    case 'V':
      if (count !== 2) throw new PatternError(`Pattern letter count must be 2: ${letter}`);
      return (f) => f.zone.id;
    case 'v':
      if (count === 1) return zoneText('genericShort');
      if (count === 4) return zoneText('genericLong');
      throw new PatternError(`Wrong number of pattern letters: ${letter}`);
    case 'z':
      if (count > 4) tooMany(letter);
      return zoneText(count === 4 ? 'long' : 'short');
    case 'Z':
      if (count < 4) return offsetId(3, '+0000');
      if (count === 4) return (f) => gmtText(f.offsetSeconds, true);
      if (count === 5) return offsetId(6, 'Z');
      return tooMany(letter);
    case 'O':
      if (count === 1) return (f) => gmtText(f.offsetSeconds, false);
      if (count === 4) return (f) => gmtText(f.offsetSeconds, true);
      throw new PatternError(`Pattern letter count must be 1 or 4: ${letter}`);
    case 'X':
    case 'x': {
      if (count > 5) tooMany(letter);
      const zero = letter === 'X' ? 'Z' : count === 1 ? '+00' : count % 2 === 0 ? '+0000' : '+00:00';
      return offsetId(count + (count === 1 ? 0 : 1), zero);
    }
    default:
      throw new PatternError(`Unknown pattern letter: ${letter}`);
  }
}

const CLOCK_FIELDS: Record<string, [string, (f: ZonedFields) => number]> = {
  d: ['DayOfMonth', day],
  H: ['HourOfDay', hour],
  k: ['ClockHourOfDay', (f) => (f.local.hour === 0 ? 24 : f.local.hour)],
  K: ['HourOfAmPm', (f) => f.local.hour % 12],
  h: ['ClockHourOfAmPm', (f) => (f.local.hour % 12 === 0 ? 12 : f.local.hour % 12)],
  m: ['MinuteOfHour', minute],
  s: ['SecondOfMinute', second],
};
