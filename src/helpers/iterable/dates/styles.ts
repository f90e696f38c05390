/**
 * The `full`, `long`, `medium` and `short` formats: Java's `DateTimeFormatter.ofLocalizedDate(style)`, or
 * `ofLocalizedDateTime(dateStyle, timeStyle)` when Handlebars.java's `time=` hash names a style too.
 *
 * For en_US these are JDK 17's CLDR patterns, printed by our Java pattern printer, so they are exact:
 * `full` = `Tuesday, June 19, 2012`, `long` = `June 19, 2012`, `medium` = `Jun 19, 2012`, `short` = `6/19/12`.
 * Other locales use ICU's `dateStyle`/`timeStyle` through `Intl` (the same CLDR source, possibly another version),
 * with ICU's narrow no-break space before AM/PM turned back into the plain space JDK 17 prints.
 */
import { formatPattern, type ZonedFields } from './java-pattern.js';

export type FormatStyle = 'full' | 'long' | 'medium' | 'short';

export function isFormatStyle(text: string): text is FormatStyle {
  return text === 'full' || text === 'long' || text === 'medium' || text === 'short';
}

const EN_US_DATE: Record<FormatStyle, string> = {
  full: 'EEEE, MMMM d, y',
  long: 'MMMM d, y',
  medium: 'MMM d, y',
  short: 'M/d/yy',
};

const EN_US_TIME: Record<FormatStyle, string> = {
  full: 'h:mm:ss a zzzz',
  long: 'h:mm:ss a z',
  medium: 'h:mm:ss a',
  short: 'h:mm a',
};

/** CLDR's en date-time glue, chosen by the date style. */
const EN_US_GLUE: Record<FormatStyle, string> = {
  full: "{1} 'at' {0}",
  long: "{1} 'at' {0}",
  medium: '{1}, {0}',
  short: '{1}, {0}',
};

/** The Java pattern en_US uses for a style (and time style). */
export function enUsStylePattern(dateStyle: FormatStyle, timeStyle?: FormatStyle): string {
  if (!timeStyle) return EN_US_DATE[dateStyle];
  return EN_US_GLUE[dateStyle].replace('{1}', EN_US_DATE[dateStyle]).replace('{0}', EN_US_TIME[timeStyle]);
}

const intlFormatters = new Map<string, Intl.DateTimeFormat>();

export function formatStyle(fields: ZonedFields, dateStyle: FormatStyle, timeStyle?: FormatStyle): string {
  if (fields.locale.isUS) return formatPattern(enUsStylePattern(dateStyle, timeStyle), fields);
  const key = `${fields.locale.tag}|${dateStyle}|${timeStyle ?? ''}`;
  let formatter = intlFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(fields.locale.tag, { dateStyle, ...(timeStyle ? { timeStyle } : {}), timeZone: 'UTC' });
    intlFormatters.set(key, formatter);
  }
  // The wall-clock time, read as UTC; a time style's zone name is the real zone's.
  const { local } = fields;
  const wall = new Date(Date.UTC(2000, local.month - 1, local.day, local.hour, local.minute, local.second));
  wall.setUTCFullYear(local.year);
  let out = '';
  for (const part of formatter.formatToParts(wall)) {
    if (part.type === 'timeZoneName') out += timeStyle === 'full' ? fields.zone.longName(fields.instant) : fields.zone.shortName(fields.instant);
    else out += part.value;
  }
  return out.replace(/\u202f/g, ' ');
}
