/**
 * Iterable's date and time helpers (support article 36267178160788, "Date and Time Helpers"; the Handlebars FAQ
 * 360031118392 on `now`): `dateFormat`, `dateMath`, `now`, `timestamp`.
 *
 * `dateFormat` and `now` are Handlebars.java's `StringHelpers` (4.3, JDK 17), which Iterable runs under the same
 * names, with what Iterable documents on top: ISO-8601 date strings as input (jknack's own `dateFormat` accepts
 * only Java dates, so with JSON data it could format nothing). Their argument forms are jknack's:
 *
 *   {{dateFormat date ["pattern"|"full"|"long"|"medium"|"short"] ["locale"] [format=…] [locale=…] [tz=…] [time=…]}}
 *   {{now [format=…] [locale=…] [tz=…]}}
 *
 * - A falsy date (missing, null, "", 0, false, []) prints the first param after it, or nothing (jknack's
 *   StringHelpers rule; the conformance corpus shows `{{dateFormat d "MMMM d, yyyy"}}` → `MMMM d, yyyy`).
 * - The pattern is Java's `DateTimeFormatter.ofPattern` (./dates/java-pattern.ts); the styles print Java's
 *   localized formats (`medium` = `Oct 24, 2024`, the default).
 * - `tz=` is `TimeZone.getTimeZone(tz)`: IANA ids, Java's three-letter ids, `GMT+5`; an unknown id silently
 *   becomes GMT in Java (mergetag warns). Without `tz=` the zone is the server's: mergetag assumes UTC.
 *
 * `dateMath` and `timestamp` are Iterable's own (not in Handlebars.java); see their meta for what is documented.
 * The implementation never reads the machine's time zone: the output is the same under any `TZ`.
 */
import { HelperError } from '../../runtime/errors.js';
import { JsonNumber } from '../../values/json-number.js';
import { printValue } from '../../values/print.js';
import { isTruthy } from '../../values/truthy.js';
import { SafeString, type Value } from '../../values/types.js';
import type { HelperCall, HelperDefinition, ParamMeta } from '../types.js';
import { instantOfEpochMilli, type Instant } from './dates/calendar.js';
import { applyDateMath, DateMathError, parseDateMath } from './dates/date-math.js';
import { DATE_PATTERN_NOTES, formatPattern, PatternError } from './dates/java-pattern.js';
import { resolveLocale, type DateLocale } from './dates/locale.js';
import { parseDateText } from './dates/parse.js';
import { formatStyle, isFormatStyle, type FormatStyle } from './dates/styles.js';
import { DEFAULT_ZONE, resolveZone, type Zone } from './dates/zone.js';
import { zonedFields } from './dates/zoned.js';

const DATES_DOCS = 'https://support.iterable.com/hc/en-us/articles/36267178160788';

const ISO_HINT = 'ISO-8601 dates such as 2024-10-24, 2024-10-24T13:45:00Z or 2024-10-24 13:45:00 +00:00';

function text(value: Value): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof SafeString) return value.html;
  return undefined;
}

function describe(value: Value): string {
  if (value instanceof JsonNumber) return `the number ${value.text}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Map) return 'an object';
  return JSON.stringify(printValue(value));
}

/** The instant a helper's date argument names; a HelperError when it names none. */
function toInstant(value: Value): Instant {
  const string = text(value);
  if (string === undefined) {
    const epoch = value instanceof JsonNumber ? ' (Iterable documents date strings, not epoch numbers)' : '';
    throw new HelperError(`found ${describe(value)}, but expected a date: Iterable's date helpers take ${ISO_HINT}${epoch}`);
  }
  const instant = parseDateText(string);
  if (!instant) throw new HelperError(`cannot read ${JSON.stringify(string)} as a date: Iterable's date helpers take ${ISO_HINT}`);
  return instant;
}

interface FormatOptions {
  /** The pattern or style; undefined for the default, `medium`. */
  format: Value;
  locale: Value;
  tz: Value;
  time: Value;
}

function zoneOf(call: HelperCall, tz: Value): Zone {
  if (tz === undefined || tz === null) return DEFAULT_ZONE;
  const id = printValue(tz);
  const { zone, known } = resolveZone(id);
  if (!known) {
    call.warn(
      'date-unknown-timezone',
      `${call.name}: tz=${JSON.stringify(id)} is not a time zone Java knows; Iterable's engine (TimeZone.getTimeZone) then silently uses GMT`,
      'use an IANA zone id such as "America/New_York" (case matters), or a "GMT+05:30" offset',
    );
  }
  return zone;
}

function localeOf(value: Value): DateLocale {
  if (value === undefined || value === null) return resolveLocale(undefined);
  const string = text(value);
  if (string === undefined) throw new HelperError(`the locale must be a string such as "de_DE", got ${describe(value)}`);
  try {
    return resolveLocale(string);
  } catch (error) {
    throw new HelperError(`${(error as Error).message} (write a Java locale such as "en_US" or "de_DE")`);
  }
}

/** Java's `dateFormat.safeApply` from the pattern on: style or pattern, locale, zone. */
/** Positional format and locale (jknack's order), else the `format=` and `locale=` hash; `tz=` and `time=`. */
function formatOptions(call: HelperCall, format: Value, locale: Value): FormatOptions {
  return {
    format: format ?? call.hash.get('format'),
    locale: locale ?? call.hash.get('locale'),
    tz: call.hash.get('tz'),
    time: call.hash.get('time'),
  };
}

function formatInstant(call: HelperCall, instant: Instant, options: FormatOptions): string {
  const format = options.format === undefined || options.format === null ? 'medium' : text(options.format);
  if (format === undefined) throw new HelperError(`the format must be a string (a pattern or full/long/medium/short), got ${describe(options.format)}`);
  const locale = localeOf(options.locale);
  const zone = zoneOf(call, options.tz);
  const timeText = text(options.time);
  const timeStyle: FormatStyle | undefined = timeText !== undefined && isFormatStyle(timeText) ? timeText : undefined;
  try {
    const fields = zonedFields(instant, zone, locale);
    return isFormatStyle(format) ? formatStyle(fields, format, timeStyle) : formatPattern(format, fields);
  } catch (error) {
    if (error instanceof PatternError) throw new HelperError(`cannot format with the pattern ${JSON.stringify(format)}: ${error.message}`);
    if (error instanceof RangeError) throw new HelperError(`cannot format this date: ${error.message}`);
    throw error;
  }
}

function nowInstant(call: HelperCall): Instant {
  return instantOfEpochMilli(call.runtime.now().getTime());
}

/** jknack's StringHelpers rule for a falsy context: print the first param after it, or nothing. */
function falsyResult(firstParam: Value): string {
  return firstParam === undefined || firstParam === null ? '' : printValue(firstParam);
}

const FORMAT_HASH: ParamMeta[] = [
  { name: 'format', type: 'string', optional: true, description: 'a Java DateTimeFormatter pattern, or full/long/medium/short (default medium)' },
  { name: 'locale', type: 'string', optional: true, description: 'a Java locale such as de_DE (default en_US)' },
  { name: 'tz', type: 'string', optional: true, description: 'a time zone id such as America/New_York (default: the server zone, UTC)' },
  { name: 'time', type: 'string', optional: true, description: 'with a style format: also print the time in this style' },
];

export const dateFormatHelper: HelperDefinition = {
  meta: {
    name: 'dateFormat',
    form: 'inline',
    params: [
      { name: 'date', type: 'string', description: 'an ISO-8601 date string' },
      { name: 'format', type: 'string', optional: true, description: 'a Java pattern or full/long/medium/short' },
      { name: 'locale', type: 'string', optional: true },
    ],
    hash: FORMAT_HASH,
    description: 'Formats an ISO-8601 date with a Java DateTimeFormatter pattern or a full/long/medium/short style, in a time zone.',
    onMissing: 'prints the format param when one is given positionally, else nothing (jknack); an unreadable date or pattern fails the send',
    docsUrl: DATES_DOCS,
    fidelity: 'approximate',
    notes:
      "Iterable's documentation wins over jknack's dateFormat, which rejects strings: ISO-8601 strings (date, date-time, " +
      'offset, and the profile form "yyyy-MM-dd HH:mm:ss +00:00") are read; a date without an offset is UTC; epoch ' +
      'numbers are not documented and fail as in jknack. Without tz= the zone is assumed UTC. ' +
      DATE_PATTERN_NOTES,
  },
  fn: (call) => {
    const value = call.params[0];
    const [format, locale] = call.params.slice(1);
    if (!isTruthy(value)) return falsyResult(format);
    const instant = toInstant(value);
    return formatInstant(call, instant, formatOptions(call, format, locale));
  },
};

export const nowHelper: HelperDefinition = {
  meta: {
    name: 'now',
    form: 'inline',
    params: [],
    hash: FORMAT_HASH,
    description: 'The current date and time (the render clock), formatted like dateFormat; {{now}} prints e.g. Oct 24, 2024.',
    onMissing: 'no input',
    docsUrl: DATES_DOCS,
    fidelity: 'approximate',
    notes:
      'Handlebars.java\'s now: a positional param is read as the helper\'s context and ignored (so {{now "yyyy"}} prints ' +
      'the medium style; mergetag warns); use format=. Without tz= the zone is assumed UTC. ' +
      DATE_PATTERN_NOTES,
  },
  fn: (call) => {
    const context = call.params.length ? call.params[0] : call.context;
    const [format, locale] = call.params.slice(1);
    if (!isTruthy(context)) return falsyResult(format);
    if (call.params.length) {
      call.warn(
        'helper-form',
        `now ignores its first positional param (Handlebars.java reads it as the helper's context); it prints the ${format === undefined ? 'format= hash or the medium style' : 'second one'}`,
        `write {{now format=${JSON.stringify(printValue(call.params[0]))}}}`,
      );
    }
    return formatInstant(call, nowInstant(call), formatOptions(call, format, locale));
  },
};

export const dateMathHelper: HelperDefinition = {
  meta: {
    name: 'dateMath',
    form: 'inline',
    params: [
      { name: 'date', type: 'string', description: 'an ISO-8601 date string, or "now"' },
      { name: 'expression', type: 'string', description: 'e.g. "+1d-2h": +/- N followed by y, M, w, d, h, m or s; /unit rounds down' },
    ],
    hash: FORMAT_HASH,
    description: 'Adds to or subtracts from a date ("+1y-1M+1w-1d+1h-1m+1s", applied left to right) and formats the result like dateFormat.',
    onMissing: 'prints nothing and warns (Iterable does not document it)',
    docsUrl: DATES_DOCS,
    fidelity: 'approximate',
    notes:
      'Units y M w d h m s are documented (article 360012688571; H also means hours, as the documented "days since" ' +
      'idiom uses it); "/unit" rounding and the calendar rules (month ends clamp, wall-clock days in tz=) follow ' +
      'Elasticsearch-style date math (inferred). Without format= the result prints in the medium style (Oct 24, 2024), ' +
      "the default of Iterable's date helpers (Date and Time Helpers, support article 36267178160788; the FAQ's " +
      '{{now}} prints Oct 24, 2024). A missing date prints nothing (inferred). ' +
      DATE_PATTERN_NOTES,
  },
  fn: (call) => {
    const [value, expression] = call.params;
    if (call.params.length > 2) {
      call.warn(
        'helper-form',
        `dateMath takes a date and an expression; the other ${call.params.length - 2} param(s) are ignored`,
        'pass format= and tz= as hash params',
      );
    }
    if (!isTruthy(value)) {
      call.warn(
        'helper-missing-input',
        'dateMath got a null or missing date and printed nothing; Iterable does not document what it does then',
        'guard it: {{#if date}}{{dateMath date "+1d"}}{{/if}}',
      );
      return '';
    }
    const start = value === 'now' ? nowInstant(call) : toInstant(value);
    const expressionText = text(expression);
    if (expressionText === undefined) {
      throw new HelperError(
        `needs a date-math expression string such as "+1d-2h" after the date, got ${expression === undefined ? 'none' : describe(expression)}`,
      );
    }
    const zone = zoneOf(call, call.hash.get('tz'));
    let result: Instant;
    try {
      result = applyDateMath(start, parseDateMath(expressionText), zone);
    } catch (error) {
      if (error instanceof DateMathError) throw new HelperError(error.message);
      if (error instanceof RangeError) throw new HelperError(`the date-math result is out of range: ${error.message}`);
      throw error;
    }
    // Without format= the result prints like {{dateFormat}} and {{now}} do by default: the medium style.
    const format = call.hash.get('format');
    return formatInstant(call, result, { format, locale: call.hash.get('locale'), tz: call.hash.get('tz'), time: call.hash.get('time') });
  },
};

export const timestampHelper: HelperDefinition = {
  meta: {
    name: 'timestamp',
    form: 'inline',
    params: [],
    description: 'The current time (the render clock) in epoch milliseconds, e.g. 1744132260210.',
    onMissing: 'no input',
    docsUrl: DATES_DOCS,
    fidelity: 'exact',
  },
  fn: (call) => {
    if (call.params.length || call.hash.size) {
      call.warn('helper-form', 'timestamp takes no params; they are ignored', 'write {{timestamp}}');
    }
    return JsonNumber.fromNumber(call.runtime.now().getTime());
  },
};

export const datesHelpers: HelperDefinition[] = [dateFormatHelper, dateMathHelper, nowHelper, timestampHelper];
