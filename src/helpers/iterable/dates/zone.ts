/**
 * Time zones as Handlebars.java's `dateFormat` resolves its `tz=` hash: `TimeZone.getTimeZone(tz).toZoneId()`.
 *
 *   - an IANA id (`America/New_York`, `Europe/Paris`, `UTC`, links such as `US/Eastern`), exact case as Java wants;
 *   - Java's three-letter ids (`ZoneId.SHORT_IDS`): `PST` → America/Los_Angeles, `IST` → Asia/Kolkata, …, and
 *     `EST`/`MST`/`HST`, which become the fixed offsets -05:00/-07:00/-10:00;
 *   - custom ids `GMT+5`, `GMT-08:00`, `GMT+0530` (normalised to `GMT+05:30`);
 *   - anything else: Java silently uses GMT. mergetag does the same and says so (`known: false`).
 *
 * Offsets and names come from `Intl.DateTimeFormat` (the ICU time-zone data Node ships), never from the machine's
 * own time zone. Java's short names (`z`) for zones outside North America come from the JDK's legacy name table
 * (`CET`, `JST`, `IST`, …) where CLDR has none; `SHORT_NAMES` keeps those for common zones, and other English
 * locales of ICU fill in the rest.
 */
import { dateOfEpochDay, epochDayOf, SECONDS_PER_DAY, type Instant } from './calendar.js';
import { ownEntry } from '../../../values/own.js';

export interface Zone {
  /** Java's zone id, as the `VV` pattern prints it. */
  readonly id: string;
  offsetSeconds(instant: Instant): number;
  /** `z`: the short name (`EST`, `CEST`, `UTC`). */
  shortName(instant: Instant): string;
  /** `zzzz`: the long name (`Eastern Standard Time`). */
  longName(instant: Instant): string;
  /** `v`: the short generic name (`ET`). */
  genericShortName(instant: Instant): string;
  /** `vvvv`: the long generic name (`Eastern Time`). */
  genericLongName(instant: Instant): string;
}

export interface ZoneResolution {
  zone: Zone;
  /** False when Java would not know the id and fell back to GMT. */
  known: boolean;
}

/** Java's `ZoneId.SHORT_IDS`, which `TimeZone.toZoneId()` applies to three-letter ids. */
const SHORT_IDS: Record<string, string> = {
  ACT: 'Australia/Darwin',
  AET: 'Australia/Sydney',
  AGT: 'America/Argentina/Buenos_Aires',
  ART: 'Africa/Cairo',
  AST: 'America/Anchorage',
  BET: 'America/Sao_Paulo',
  BST: 'Asia/Dhaka',
  CAT: 'Africa/Harare',
  CNT: 'America/St_Johns',
  CST: 'America/Chicago',
  CTT: 'Asia/Shanghai',
  EAT: 'Africa/Addis_Ababa',
  ECT: 'Europe/Paris',
  IET: 'America/Indiana/Indianapolis',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  MIT: 'Pacific/Apia',
  NET: 'Asia/Yerevan',
  NST: 'Pacific/Auckland',
  PLT: 'Asia/Karachi',
  PNT: 'America/Phoenix',
  PRT: 'America/Puerto_Rico',
  PST: 'America/Los_Angeles',
  SST: 'Pacific/Guadalcanal',
  VST: 'Asia/Ho_Chi_Minh',
};
const SHORT_ID_OFFSETS: Record<string, number> = { EST: -5 * 3600, MST: -7 * 3600, HST: -10 * 3600 };

/**
 * The JDK's English short names for zones CLDR gives none: [name at the zone's lower offset of the year, name at
 * its higher offset] (standard/daylight time, except for Dublin, whose "standard" time is the summer one).
 */
const SHORT_NAMES: Record<string, readonly [string, string]> = {
  'Asia/Kolkata': ['IST', 'IST'],
  'Asia/Calcutta': ['IST', 'IST'],
  'Asia/Tokyo': ['JST', 'JST'],
  'Asia/Seoul': ['KST', 'KST'],
  'Asia/Shanghai': ['CST', 'CST'],
  'Asia/Taipei': ['CST', 'CST'],
  'Asia/Hong_Kong': ['HKT', 'HKT'],
  'Asia/Singapore': ['SGT', 'SGT'],
  'Asia/Kuala_Lumpur': ['MYT', 'MYT'],
  'Asia/Manila': ['PHT', 'PHT'],
  'Asia/Bangkok': ['ICT', 'ICT'],
  'Asia/Ho_Chi_Minh': ['ICT', 'ICT'],
  'Asia/Saigon': ['ICT', 'ICT'],
  'Asia/Jakarta': ['WIB', 'WIB'],
  'Asia/Dubai': ['GST', 'GST'],
  'Asia/Karachi': ['PKT', 'PKT'],
  'Asia/Dhaka': ['BDT', 'BDT'],
  'Asia/Kathmandu': ['NPT', 'NPT'],
  'Asia/Jerusalem': ['IST', 'IDT'],
  'Asia/Tel_Aviv': ['IST', 'IDT'],
  'Europe/Moscow': ['MSK', 'MSK'],
  'Europe/Istanbul': ['TRT', 'TRT'],
  'Europe/Dublin': ['GMT', 'IST'],
  'Europe/Lisbon': ['WET', 'WEST'],
  'Atlantic/Canary': ['WET', 'WEST'],
  'Africa/Johannesburg': ['SAST', 'SAST'],
  'Africa/Lagos': ['WAT', 'WAT'],
  'Africa/Nairobi': ['EAT', 'EAT'],
  'Africa/Addis_Ababa': ['EAT', 'EAT'],
  'Africa/Harare': ['CAT', 'CAT'],
  'Africa/Cairo': ['EET', 'EEST'],
  'America/Sao_Paulo': ['BRT', 'BRT'],
  'America/Argentina/Buenos_Aires': ['ART', 'ART'],
  'America/Buenos_Aires': ['ART', 'ART'],
  'America/Bogota': ['COT', 'COT'],
  'America/Lima': ['PET', 'PET'],
  'America/Caracas': ['VET', 'VET'],
  'America/Santiago': ['CLT', 'CLST'],
  'America/St_Johns': ['NST', 'NDT'],
  'Australia/Sydney': ['AEST', 'AEDT'],
  'Australia/Melbourne': ['AEST', 'AEDT'],
  'Australia/Brisbane': ['AEST', 'AEST'],
  'Australia/Adelaide': ['ACST', 'ACDT'],
  'Australia/Darwin': ['ACST', 'ACST'],
  'Australia/Perth': ['AWST', 'AWST'],
  'Pacific/Auckland': ['NZST', 'NZDT'],
};

/** English locales whose ICU data has abbreviations en-US lacks (CET, BST, AEST, IST, NZST). */
const NAME_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN', 'en-NZ'];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, timeZoneName: Intl.DateTimeFormatOptions['timeZoneName']): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${timeZoneName}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName });
    formatters.set(key, found);
  }
  return found;
}

/** Intl's Date range is ±8.64e15 ms; outside it the instant has no zone data. */
function intlDate(instant: Instant): Date {
  const ms = instant.epochSecond * 1000;
  if (!(Math.abs(ms) <= 8.64e15)) throw new RangeError('the date is outside the range time-zone data covers');
  return new Date(ms);
}

function zoneNamePart(timeZone: string, option: Intl.DateTimeFormatOptions['timeZoneName'], instant: Instant, locale = 'en-US'): string {
  const parts = formatter(locale, timeZone, option).formatToParts(intlDate(instant));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** `GMT-04:00`, `GMT+05:30`, `GMT-04:56:02` or `GMT` → seconds east of UTC. */
function parseGmtOffset(text: string): number {
  const match = /^(?:GMT|UTC)(?:([+-\u2212])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/.exec(text.trim());
  if (!match) throw new RangeError(`unreadable zone offset ${text}`);
  if (!match[1]) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return match[1] === '+' ? seconds : -seconds;
}

/** `GMT+05:30` (Java's localized full offset; `GMT` for zero). */
export function gmtText(offsetSeconds: number, full: boolean): string {
  if (offsetSeconds === 0) return 'GMT';
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  const seconds = abs % 60;
  if (full) {
    return `GMT${sign}${pad2(hours)}:${pad2(minutes)}${seconds ? `:${pad2(seconds)}` : ''}`;
  }
  return `GMT${sign}${hours}${minutes || seconds ? `:${pad2(minutes)}` : ''}${seconds ? `:${pad2(seconds)}` : ''}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

class FixedZone implements Zone {
  constructor(
    readonly id: string,
    private readonly offset: number,
    private readonly names: { short: string; long: string } = { short: id, long: id },
  ) {}
  offsetSeconds(): number {
    return this.offset;
  }
  shortName(): string {
    return this.names.short;
  }
  longName(): string {
    return this.names.long;
  }
  genericShortName(): string {
    return this.names.short;
  }
  genericLongName(): string {
    return this.names.long;
  }
}

class RegionZone implements Zone {
  constructor(
    readonly id: string,
    /** The id Intl knows it by. */
    private readonly intlId: string,
  ) {}

  offsetSeconds(instant: Instant): number {
    return parseGmtOffset(zoneNamePart(this.intlId, 'longOffset', instant));
  }

  shortName(instant: Instant): string {
    const table = ownEntry(SHORT_NAMES, this.id) ?? ownEntry(SHORT_NAMES, this.intlId);
    if (table) return this.isHigherOffset(instant) ? table[1] : table[0];
    for (const locale of NAME_LOCALES) {
      const name = zoneNamePart(this.intlId, 'short', instant, locale);
      if (name && !/^(GMT|UTC)[+-\u2212]/.test(name)) return name;
    }
    return gmtText(this.offsetSeconds(instant), true);
  }

  longName(instant: Instant): string {
    const name = zoneNamePart(this.intlId, 'long', instant);
    return /^(GMT|UTC)[+-\u2212]/.test(name) ? gmtText(this.offsetSeconds(instant), true) : name;
  }

  genericShortName(instant: Instant): string {
    const name = zoneNamePart(this.intlId, 'shortGeneric', instant);
    return /^(GMT|UTC)[+-\u2212]/.test(name) ? gmtText(this.offsetSeconds(instant), true) : name;
  }

  genericLongName(instant: Instant): string {
    const name = zoneNamePart(this.intlId, 'longGeneric', instant);
    return /^(GMT|UTC)[+-\u2212]/.test(name) ? gmtText(this.offsetSeconds(instant), true) : name;
  }

  /** Whether the offset at this instant is the higher of the year's two (daylight time, mostly). */
  private isHigherOffset(instant: Instant): boolean {
    const offset = this.offsetSeconds(instant);
    const { year } = dateOfEpochDay(Math.floor(instant.epochSecond / SECONDS_PER_DAY));
    const january = epochDayOf(year, 1, 15) * SECONDS_PER_DAY;
    const july = epochDayOf(year, 7, 15) * SECONDS_PER_DAY;
    const a = this.offsetSeconds({ epochSecond: january, nano: 0 });
    const b = this.offsetSeconds({ epochSecond: july, nano: 0 });
    return a !== b && offset === Math.max(a, b);
  }
}

export const GMT_ZONE: Zone = new FixedZone('GMT', 0, { short: 'GMT', long: 'Greenwich Mean Time' });
export const UTC_ZONE: Zone = new RegionZone('UTC', 'UTC');

/**
 * The zone used without `tz=`: Java's `ZoneId.systemDefault()` on Iterable's servers. Not documented; mergetag
 * assumes UTC (inferred), so output never depends on the machine that renders.
 */
export const DEFAULT_ZONE = UTC_ZONE;

const resolved = new Map<string, ZoneResolution>();

export function resolveZone(id: string): ZoneResolution {
  let found = resolved.get(id);
  if (!found) {
    found = lookup(id);
    resolved.set(id, found);
  }
  return found;
}

function lookup(id: string): ZoneResolution {
  if (id === 'GMT') return { zone: GMT_ZONE, known: true };
  if (id === 'UTC') return { zone: UTC_ZONE, known: true };
  const fixed = ownEntry(SHORT_ID_OFFSETS, id);
  if (fixed !== undefined) {
    const offsetId = `${fixed < 0 ? '-' : '+'}${pad2(Math.abs(fixed) / 3600)}:00`;
    return { zone: new FixedZone(offsetId, fixed), known: true };
  }
  const region = ownEntry(SHORT_IDS, id);
  if (region) return { zone: new RegionZone(region, region), known: true };
  const custom = /^GMT([+-])(\d{1,2})(?::(\d{2})|(\d{2}))?$/.exec(id);
  if (custom) {
    const hours = Number(custom[2]);
    const minutes = Number(custom[3] ?? custom[4] ?? 0);
    if (hours <= 23 && minutes <= 59) {
      const seconds = (hours * 3600 + minutes * 60) * (custom[1] === '-' ? -1 : 1);
      if (seconds === 0) return { zone: GMT_ZONE, known: true };
      const text = `GMT${custom[1]}${pad2(hours)}:${pad2(minutes)}`;
      return { zone: new FixedZone(text, seconds), known: true };
    }
    return { zone: GMT_ZONE, known: false };
  }
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(id)) return { zone: GMT_ZONE, known: false };
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
  } catch {
    return { zone: GMT_ZONE, known: false };
  }
  // Java's zone lookup is case-sensitive; Intl's is not. Every tzdb segment starts with a capital letter.
  const exactCase = canonical.toLowerCase() === id.toLowerCase() ? canonical === id : id.split('/').every((segment) => /^[A-Z]/.test(segment));
  if (!exactCase) return { zone: GMT_ZONE, known: false };
  return { zone: new RegionZone(id, canonical), known: true };
}
