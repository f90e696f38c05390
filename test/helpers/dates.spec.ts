/**
 * Iterable's date helpers: dateFormat, dateMath, now, timestamp (src/helpers/iterable/dates.ts).
 *
 * Sources of the golden cases:
 *   - IT-DATES  https://support.iterable.com/hc/en-us/articles/36267178160788 (Date and Time Helpers)
 *   - IT-REL    https://support.iterable.com/hc/en-us/articles/360012688571 (Using Relative Dates: date-math units)
 *   - IT-FAQ    https://support.iterable.com/hc/en-us/articles/360031118392 (Handlebars FAQ: the now helper)
 *   - JK        jknack/handlebars.java StringHelpers javadoc (dateFormat/now styles), which Iterable runs
 *   - EL        github.com/email-love/esp-skills skills/iterable-handlebars/references/helpers.md §6 (secondary:
 *               a digest of IT-DATES; its examples are checked here against Java's own rules)
 *   - NN        github.com/namninja/iterable-handlebars-guide source_guide/ITERABLE_HANDLEBARS_REFERENCE.md
 *               "Date and Time Helpers" (secondary, AI-written: where it disagrees with Java, Java wins and the
 *               test says so)
 *   - JDK       the Java SimpleDateFormat/DateTimeFormatter javadoc examples (2001-07-04 12:08:56.235 PDT), for
 *               the pattern letters Iterable says its patterns are.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochDayOf } from '../../src/helpers/iterable/dates/calendar.js';
import { applyDateMath, parseDateMath } from '../../src/helpers/iterable/dates/date-math.js';
import { compilePattern, PatternError } from '../../src/helpers/iterable/dates/java-pattern.js';
import { EN_US, resolveLocale } from '../../src/helpers/iterable/dates/locale.js';
import { parseDateText } from '../../src/helpers/iterable/dates/parse.js';
import { resolveZone, UTC_ZONE } from '../../src/helpers/iterable/dates/zone.js';
import { zonedFields } from '../../src/helpers/iterable/dates/zoned.js';
import { expectTemplate } from '../support/expect-template.js';

const IT_DATES = 'https://support.iterable.com/hc/en-us/articles/36267178160788';
const IT_REL = 'https://support.iterable.com/hc/en-us/articles/360012688571';
const IT_FAQ = 'https://support.iterable.com/hc/en-us/articles/360031118392';
const EL = 'https://github.com/email-love/esp-skills/blob/main/skills/iterable-handlebars/references/helpers.md';
const NN = 'https://github.com/namninja/iterable-handlebars-guide/blob/main/source_guide/ITERABLE_HANDLEBARS_REFERENCE.md';

const user = (fields: Record<string, unknown>): string => JSON.stringify(fields);

describe(`dateFormat: documented examples (${IT_DATES})`, () => {
  // JK: "full": Tuesday, June 19, 2012 · "long": June 19, 2012 · "medium": Jun 19, 2012 · "short": 6/19/12
  it.each([
    ['full', 'Tuesday, June 19, 2012'],
    ['long', 'June 19, 2012'],
    ['medium', 'Jun 19, 2012'],
    ['short', '6/19/12'],
  ])('format="%s" prints %s (Handlebars.java dateFormat javadoc; EL §6)', (style, expected) => {
    expectTemplate(`{{dateFormat myDate format="${style}"}}`)
      .withUser(user({ myDate: '2012-06-19T10:00:00Z' }))
      .toRender(expected);
    expectTemplate(`{{dateFormat myDate "${style}"}}`)
      .withUser(user({ myDate: '2012-06-19T10:00:00Z' }))
      .toRender(expected);
  });

  it('the default format is medium (JK: "Otherwise, the default formatter will be used")', () => {
    expectTemplate('{{dateFormat myDate}}')
      .withUser(user({ myDate: '2012-06-19T10:00:00Z' }))
      .toRender('Jun 19, 2012');
  });

  // NN "Date and Time Helpers" › dateFormat, signupDate = 2025-02-12 13:45:30 UTC.
  it.each([
    ['{{dateFormat signupDate format="full"}}', 'Wednesday, February 12, 2025'],
    ['{{dateFormat signupDate format="long"}}', 'February 12, 2025'],
    ['{{dateFormat signupDate format="medium"}}', 'Feb 12, 2025'],
    // NN prints `02/12/25`; Java's en_US SHORT style is M/d/yy, so Iterable's engine prints 2/12/25.
    ['{{dateFormat signupDate format="short"}}', '2/12/25'],
    ['{{dateFormat signupDate "yyyy-MM-dd HH:mm:ss"}}', '2025-02-12 13:45:30'],
    ['{{dateFormat signupDate "long" "de_DE"}}', '12. Februar 2025'],
    ['{{dateFormat signupDate tz="America/Los_Angeles"}}', 'Feb 12, 2025'],
  ])(`NN example %s → %s (${NN})`, (template, expected) => {
    expectTemplate(template)
      .withUser(user({ signupDate: '2025-02-12T13:45:30Z' }))
      .toRender(expected);
  });

  it(`EL: format="yyyy-MM-dd HH:mm:ss Z" tz="America/Denver" (${EL})`, () => {
    expectTemplate('{{dateFormat myDate format="yyyy-MM-dd HH:mm:ss Z" tz="America/Denver"}}')
      .withUser(user({ myDate: '2024-10-24T13:45:00Z' }))
      .toRender('2024-10-24 07:45:00 -0600');
  });

  it(`EL: tz= accepts a field holding the zone (${EL})`, () => {
    expectTemplate('{{dateFormat myDate format="HH:mm z" tz=userTimezoneField}}')
      .withUser(user({ myDate: '2024-01-15T13:45:00Z', userTimezoneField: 'Europe/Paris' }))
      .toRender('14:45 CET');
  });

  it(`IT-DATES: formats a date as a numeric string (yyyyMMddHHmmss) so #ifGte/#ifLt can compare it`, () => {
    // IT-DATES "Comparing dates": trialStartDate 2025-02-12 is compared through dateFormat's numeric output.
    expectTemplate('{{dateFormat trialStartDate format="yyyyMMddHHmmss"}}')
      .withUser(user({ trialStartDate: '2025-02-12' }))
      .toRender('20250212000000');
    expectTemplate('{{dateFormat trialStartDate format="yyyyMMdd"}}')
      .withUser(user({ trialStartDate: '2025-02-12' }))
      .toRender('20250212');
  });

  it('a date string in Iterable\'s profile format "yyyy-MM-dd HH:mm:ss +00:00" is read', () => {
    expectTemplate('{{dateFormat d "yyyy-MM-dd\'T\'HH:mm:ssXXX"}}')
      .withUser(user({ d: '2024-10-24 13:45:00 +00:00' }))
      .toRender('2024-10-24T13:45:00Z');
    expectTemplate('{{dateFormat d "yyyy-MM-dd\'T\'HH:mm:ssXXX"}}')
      .withUser(user({ d: '2024-10-24 13:45:00 +02:00' }))
      .toRender('2024-10-24T11:45:00Z');
  });

  it('reads the ISO-8601 forms: date, date-time with or without seconds and fraction, Z and numeric offsets', () => {
    const cases: Array<[string, string]> = [
      ['2024-03-05', '2024-03-05 00:00:00.000'],
      ['2024-03-05T10:00', '2024-03-05 10:00:00.000'],
      ['2024-03-05T10:00:00Z', '2024-03-05 10:00:00.000'],
      ['2024-03-05T10:00:00.5Z', '2024-03-05 10:00:00.500'],
      ['2024-03-05T10:00:00.123456789Z', '2024-03-05 10:00:00.123'],
      ['2024-03-05T10:00:00-05:00', '2024-03-05 15:00:00.000'],
      ['2024-03-05T10:00:00+0530', '2024-03-05 04:30:00.000'],
      ['2024-03-05T10:00:00+01', '2024-03-05 09:00:00.000'],
      ['2024-03-05t10:00:00z', '2024-03-05 10:00:00.000'],
    ];
    for (const [input, expected] of cases) {
      expectTemplate('{{dateFormat d "yyyy-MM-dd HH:mm:ss.SSS"}}')
        .withUser(user({ d: input }))
        .toRender(expected);
    }
  });

  it('the hash locale= (Iterable fork commit ec23dc27) and the positional locale agree', () => {
    expectTemplate('{{dateFormat d format="EEEE d MMMM yyyy" locale="fr_FR"}}|{{dateFormat d "EEEE d MMMM yyyy" "fr_FR"}}')
      .withUser(user({ d: '2025-02-12T13:45:30Z' }))
      .toRender('mercredi 12 février 2025|mercredi 12 février 2025');
  });

  it('time= adds the time in a style (Handlebars.java 4.3), en_US CLDR glue "at" / ","', () => {
    expectTemplate('{{dateFormat d "full" time="full" tz="America/New_York"}}')
      .withUser(user({ d: '2012-06-19T19:04:05Z' }))
      .toRender('Tuesday, June 19, 2012 at 3:04:05 PM Eastern Daylight Time');
    expectTemplate('{{dateFormat d "medium" time="short"}}')
      .withUser(user({ d: '2012-06-19T19:04:05Z' }))
      .toRender('Jun 19, 2012, 7:04 PM');
  });

  it('output is HTML-escaped by {{ }} and not by {{{ }}}', () => {
    expectTemplate(`{{dateFormat d "'<'yyyy'>'"}}|{{{dateFormat d "'<'yyyy'>'"}}}`)
      .withUser(user({ d: '2024-01-01' }))
      .toRender('&lt;2024&gt;|<2024>');
  });
});

describe('dateFormat: falsy input (Handlebars.java StringHelpers rule, conformance corpus helpers.dateFormat.*)', () => {
  it.each([
    ['{{dateFormat d "MMMM d, yyyy"}}', '{}', 'MMMM d, yyyy'],
    ['{{dateFormat d "yyyy-MM-dd"}}', '{"d":null}', 'yyyy-MM-dd'],
    ['{{dateFormat d "yyyy-MM-dd"}}', '{"d":""}', 'yyyy-MM-dd'],
    ['{{dateFormat d "yyyy-MM-dd"}}', '{"d":0}', 'yyyy-MM-dd'],
    ['{{dateFormat d "yyyy-MM-dd"}}', '{"d":false}', 'yyyy-MM-dd'],
    ['{{dateFormat d "yyyy-MM-dd"}}', '{"d":[]}', 'yyyy-MM-dd'],
    ['[{{dateFormat d format="yyyy"}}]', '{}', '[]'],
    ['[{{dateFormat d}}]', '{}', '[]'],
    ['{{dateFormat d "<MM>"}}', '{}', '&lt;MM&gt;'],
  ])('%s with %s prints %j', (template, data, expected) => {
    expectTemplate(template).withUser(data).toRender(expected);
  });
});

describe('dateFormat: errors fail the send with a clear message', () => {
  it('an unreadable date string', () => {
    expectTemplate('{{dateFormat d "yyyy"}}')
      .withUser(user({ d: '10/24/2024' }))
      .toSkip('HandlebarsExecutionError', /cannot read "10\/24\/2024" as a date.*ISO-8601/);
    expectTemplate('{{dateFormat d "yyyy"}}')
      .withUser(user({ d: '2024-02-30' }))
      .toSkip('HandlebarsExecutionError', /cannot read "2024-02-30"/);
    expectTemplate('{{dateFormat d "yyyy"}}')
      .withUser(user({ d: '2024-01-01T24:00:00Z' }))
      .toSkip('HandlebarsExecutionError', /as a date/);
  });

  it('an epoch number (not documented by Iterable; jknack rejects it too: corpus helpers.dateFormat.epoch_millis)', () => {
    expectTemplate('{{dateFormat d "yyyy-MM-dd"}}')
      .withUser('{"d":1709632800000}')
      .toSkip('HandlebarsExecutionError', /the number 1709632800000.*epoch/);
  });

  it('an object, an array or true', () => {
    expectTemplate('{{dateFormat d "yyyy"}}')
      .withUser('{"d":{"a":1}}')
      .toSkip('HandlebarsExecutionError', /an object/);
    expectTemplate('{{dateFormat d "yyyy"}}')
      .withUser('{"d":[1]}')
      .toSkip('HandlebarsExecutionError', /an array/);
    expectTemplate('{{dateFormat d "yyyy"}}')
      .withUser('{"d":true}')
      .toSkip('HandlebarsExecutionError', /the boolean true/);
  });

  it("a pattern Java refuses, with Java's reason", () => {
    const d = user({ d: '2024-01-01' });
    expectTemplate('{{dateFormat d "yyyy-ii"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /Unknown pattern letter: i/);
    expectTemplate('{{dateFormat d "ddd"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /Too many pattern letters: d/);
    expectTemplate('{{dateFormat d "aa"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /Too many pattern letters: a/);
    expectTemplate('{{dateFormat d "yyyy \'x"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /incomplete string literal/);
    expectTemplate('{{dateFormat d "yyyy]"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /\] without previous \[/);
    expectTemplate('{{dateFormat d "yyyy#"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /reserved character: '#'/);
    expectTemplate('{{dateFormat d "VVV"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /count must be 2: V/);
    // The styles are case-sensitive: "Medium" is a pattern, and `i` is no pattern letter.
    expectTemplate('{{dateFormat d "Medium"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /Unknown pattern letter: i/);
  });

  it('a format or locale that is not a string, and a malformed locale', () => {
    const d = user({ d: '2024-01-01' });
    expectTemplate('{{dateFormat d 5}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /format must be a string/);
    expectTemplate('{{dateFormat d "yyyy" 5}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /locale must be a string/);
    expectTemplate('{{dateFormat d "yyyy" "german"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /Invalid locale format: german/);
  });

  it("an unknown tz= is GMT, as Java's TimeZone.getTimeZone does, with a warning", () => {
    expectTemplate('{{dateFormat d "HH:mm z" tz="Mars/Olympus"}}')
      .withUser(user({ d: '2024-01-01T10:00:00Z' }))
      .toRender('10:00 GMT');
    expectTemplate('{{dateFormat d "HH:mm z" tz="Mars/Olympus"}}')
      .withUser(user({ d: '2024-01-01T10:00:00Z' }))
      .toReport('date-unknown-timezone');
    // Java's zone lookup is case-sensitive.
    expectTemplate('{{dateFormat d "HH:mm" tz="america/new_york"}}')
      .withUser(user({ d: '2024-01-01T10:00:00Z' }))
      .toRender('10:00');
    expectTemplate('{{dateFormat d "HH:mm" tz="America/New_York"}}')
      .withUser(user({ d: '2024-01-01T10:00:00Z' }))
      .toReportNothing();
  });
});

describe('Java pattern letters (DateTimeFormatter, JDK 17), on the javadoc date 2001-07-04 12:08:56.235 PDT', () => {
  const jdk = user({ d: '2001-07-04T12:08:56.235-07:00' });
  it.each([
    ["yyyy.MM.dd G 'at' HH:mm:ss z", '2001.07.04 AD at 12:08:56 PDT'],
    ["EEE, MMM d, ''yy", "Wed, Jul 4, '01"],
    ['h:mm a', '12:08 PM'],
    ["hh 'o''clock' a, zzzz", "12 o'clock PM, Pacific Daylight Time"],
    ['K:mm a, z', '0:08 PM, PDT'],
    ['EEE, d MMM yyyy HH:mm:ss Z', 'Wed, 4 Jul 2001 12:08:56 -0700'],
    ['yyMMddHHmmssZ', '010704120856-0700'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSZ", '2001-07-04T12:08:56.235-0700'],
    ["yyyy-MM-dd'T'HH:mm:ss.SSSXXX", '2001-07-04T12:08:56.235-07:00'],
    // DateTimeFormatter's `u` is the year (SimpleDateFormat's was the day number).
    ["YYYY-'W'ww-u", '2001-W27-2001'],
    ['X|XX|XXX|XXXX|XXXXX', '-07|-0700|-07:00|-0700|-07:00'],
    ['x|xx|xxx|ZZZZ|ZZZZZ|O|OOOO', '-07|-0700|-07:00|GMT-07:00|-07:00|GMT-7|GMT-07:00'],
    ['VV|v|vvvv', 'America/Los_Angeles|PT|Pacific Time'],
    ['G|GGGG|GGGGG|u|uu|uuuu|y|yyy|yyyyy', 'AD|Anno Domini|A|2001|01|2001|2001|2001|02001'],
    ['M|MM|MMM|MMMM|MMMMM|L|LLLL', '7|07|Jul|July|J|7|July'],
    ['Q|QQ|QQQ|QQQQ|QQQQQ', '3|03|Q3|3rd quarter|3'],
    ['d|dd|D|DD|DDD|F', '4|04|185|185|185|4'],
    ['E|EE|EEE|EEEE|EEEEE|e|ee|eee|c|cccc', 'Wed|Wed|Wed|Wednesday|W|4|04|Wed|4|Wednesday'],
    ['w|ww|W|Y|YY', '27|27|1|2001|01'],
    ['a|h|hh|K|k|H|HH|m|s|S|SS|SSSS|SSSSSSSSS', 'PM|12|12|0|12|12|12|8|56|2|23|2350|235000000'],
    ['A|n|N|g', '43736235|235000000|43736235000000|52094'],
    ["[yyyy][ 'Q'Q]", '2001 Q3'],
    ['pppH|ppppMMM|ppd', ' 12| Jul| 4'],
  ])(`%s → %s (tz America/Los_Angeles)`, (pattern, expected) => {
    expectTemplate(`{{{dateFormat d "${pattern}" tz="America/Los_Angeles"}}}`).withUser(jdk).toRender(expected);
  });

  it('`yyyyy.MMMMM.dd GGG hh:mm aaa` (a SimpleDateFormat javadoc pattern) is refused by DateTimeFormatter', () => {
    expectTemplate('{{dateFormat d "yyyyy.MMMMM.dd GGG hh:mm aaa"}}')
      .withUser(jdk)
      .toSkip('HandlebarsExecutionError', /Too many pattern letters: a/);
  });

  it('week fields follow the locale (en_US: weeks start on Sunday; de_DE: ISO weeks)', () => {
    // 2024-12-31 is a Tuesday: en_US week 1 of 2025; ISO week 1 of 2025 too; 2021-01-03 (Sunday) differs.
    expectTemplate('{{dateFormat d "Y-ww-e"}}|{{dateFormat d "Y-ww-e" "de_DE"}}')
      .withUser(user({ d: '2021-01-03' }))
      .toRender('2021-02-1|2020-53-7');
    expectTemplate('{{dateFormat d "Y-ww-e"}}|{{dateFormat d "Y-ww-e" "de_DE"}}')
      .withUser(user({ d: '2024-12-31' }))
      .toRender('2025-01-3|2025-01-2');
  });

  it('years before 1 print the era year with y and the proleptic year with u (ISO proleptic calendar)', () => {
    const at = (year: number): string =>
      compilePattern('u|y|G|uuuu|MM-dd')(zonedFields({ epochSecond: epochDayOf(year, 3, 1) * 86_400, nano: 0 }, UTC_ZONE, EN_US));
    expect(at(1)).toBe('1|1|AD|0001|03-01');
    expect(at(0)).toBe('0|1|BC|0000|03-01');
    expect(at(-1)).toBe('-1|2|BC|-0001|03-01');
    expect(at(12345)).toBe('12345|12345|AD|+12345|03-01');
  });
});

describe('time zones (tz=) as Java resolves them', () => {
  const d = user({ d: '2025-02-12T13:45:30Z' });
  it.each([
    ['Asia/Kolkata', '19:15 IST +05:30'],
    ['Europe/Paris', '14:45 CET +01:00'],
    ['Europe/London', '13:45 GMT Z'],
    ['Asia/Tokyo', '22:45 JST +09:00'],
    ['Australia/Sydney', '00:45 AEDT +11:00'],
    ['America/New_York', '08:45 EST -05:00'],
    ['UTC', '13:45 UTC Z'],
    ['GMT', '13:45 GMT Z'],
    // Java's three-letter ids: PST is a region; EST is the fixed offset -05:00, whose name is its id.
    ['PST', '05:45 PST -08:00'],
    ['EST', '08:45 -05:00 -05:00'],
    ['GMT+5', '18:45 GMT+05:00 +05:00'],
    ['GMT-0330', '10:15 GMT-03:30 -03:30'],
  ])('tz=%s', (tz, expected) => {
    expectTemplate(`{{dateFormat d "HH:mm z XXX" tz="${tz}"}}`).withUser(d).toRender(expected);
  });

  it('daylight-saving time changes the name and offset', () => {
    expectTemplate('{{dateFormat d "HH:mm z" tz="Europe/Paris"}}')
      .withUser(user({ d: '2025-07-12T13:45:30Z' }))
      .toRender('15:45 CEST');
    expectTemplate('{{dateFormat d "HH:mm z" tz="America/New_York"}}')
      .withUser(user({ d: '2025-07-12T13:45:30Z' }))
      .toRender('09:45 EDT');
  });

  it("without tz= the zone is UTC (the assumed server zone), whatever the machine's TZ", () => {
    expectTemplate('{{dateFormat d "HH:mm z"}}').withUser(d).toRender('13:45 UTC');
  });
});

describe(`dateMath (${IT_DATES}; units: ${IT_REL})`, () => {
  const field = user({ dateField: '2024-01-31T10:20:30Z' });

  it(`EL: "+1y-1M+1w-1d+1h-1m+1s" in one string, applied left to right (${EL})`, () => {
    // 2024-01-31 +1y = 2025-01-31, -1M = 2024-12-31, +1w = 2025-01-07, -1d = 2025-01-06, then 11:19:31.
    expectTemplate('{{dateMath dateField "+1y-1M+1w-1d+1h-1m+1s" format="yyyy-MM-dd HH:mm:ss"}}').withUser(field).toRender('2025-01-06 11:19:31');
  });

  it(`EL: {{dateMath dateField "-5h" format="yyyy-MM-dd HH:mm:ss Z" tz="America/New_York"}} (${EL})`, () => {
    expectTemplate('{{dateMath dateField "-5h" format="yyyy-MM-dd HH:mm:ss Z" tz="America/New_York"}}').withUser(field).toRender('2024-01-31 00:20:30 -0500');
  });

  it(`EL/NN: {{dateMath "now" "-24h" format="yyyyMMddHHmmss"}} and "now" "-1d" (${EL}, ${NN})`, () => {
    const now = new Date('2025-04-08T13:30:55.210Z');
    expectTemplate('{{dateMath "now" "-24h" format="yyyyMMddHHmmss"}}').at(now).toRender('20250407133055');
    expectTemplate('{{dateMath "now" "-1d" format="yyyy-MM-dd"}}').at(now).toRender('2025-04-07');
  });

  it(`IT-REL: "+1M-3d+2h" (the documented date-math example)`, () => {
    expectTemplate('{{dateMath createdAt "+1M-3d+2h" format="yyyy-MM-dd HH:mm"}}')
      .withUser(user({ createdAt: '2024-03-10T08:00:00Z' }))
      .toRender('2024-04-07 10:00');
  });

  it(`NN: "+7d" and "-1M" (${NN})`, () => {
    const signup = user({ signupDate: '2025-03-31T09:00:00Z' });
    expectTemplate('{{dateMath signupDate "+7d" format="yyyy-MM-dd"}}').withUser(signup).toRender('2025-04-07');
    expectTemplate('{{dateMath signupDate "-1M" format="yyyy-MM-dd"}}').withUser(signup).toRender('2025-02-28');
  });

  it(`EL/NN "days since" idiom: dateMath d (now format="-y'y'+1'y'…") format="D" (${EL})`, () => {
    // now 2025-04-08T13:30:55Z → "-2025y+1y-4M+1M-8d+1d-13H-30m-55s"; 2025-06-20 minus that is 0001-03-12T10:29:05,
    // day of year 71 (the idiom's approximation of the days between the two dates).
    expectTemplate(`{{now format="-y'y'+1'y'-M'M'+1'M'-d'd'+1'd'-H'H'-m'm'-s's'" tz="UTC"}}`)
      .at(new Date('2025-04-08T13:30:55Z'))
      .toRender('-2025y+1y-4M+1M-8d+1d-13H-30m-55s');
    expectTemplate(`{{dateMath myDateField (now format="-y'y'+1'y'-M'M'+1'M'-d'd'+1'd'-H'H'-m'm'-s's'" tz="UTC") format="D"}}`)
      .withUser(user({ myDateField: '2025-06-20T00:00:00Z' }))
      .at(new Date('2025-04-08T13:30:55Z'))
      .toRender('71');
  });

  it(`IT-DATES: dateMath gives the relative side of a date comparison, as a numeric string`, () => {
    expectTemplate('{{dateMath "now" "-1M" format="yyyyMMddHHmmss" tz="UTC"}}').at(new Date('2025-03-31T12:00:00Z')).toRender('20250228120000');
  });

  it('month arithmetic clamps to the month end; leap days', () => {
    expectTemplate('{{dateMath d "+1M" format="yyyy-MM-dd"}}')
      .withUser(user({ d: '2024-01-31' }))
      .toRender('2024-02-29');
    expectTemplate('{{dateMath d "+1y" format="yyyy-MM-dd"}}')
      .withUser(user({ d: '2024-02-29' }))
      .toRender('2025-02-28');
    expectTemplate('{{dateMath d "+1M+1M" format="yyyy-MM-dd"}}|{{dateMath d "+2M" format="yyyy-MM-dd"}}')
      .withUser(user({ d: '2024-01-31' }))
      .toRender('2024-03-29|2024-03-31');
  });

  it('/unit rounds down in the zone; weeks start on Monday', () => {
    const d = user({ d: '2024-05-16T22:47:13.5Z' });
    expectTemplate('{{dateMath d "/d" format="yyyy-MM-dd HH:mm:ss.S"}}').withUser(d).toRender('2024-05-16 00:00:00.0');
    expectTemplate('{{dateMath d "/d" format="yyyy-MM-dd HH:mm XXX" tz="Asia/Tokyo"}}').withUser(d).toRender('2024-05-17 00:00 +09:00');
    expectTemplate('{{dateMath d "/w" format="EEE yyyy-MM-dd"}}').withUser(d).toRender('Mon 2024-05-13');
    expectTemplate('{{dateMath d "/M" format="yyyy-MM-dd"}}|{{dateMath d "/y" format="yyyy-MM-dd"}}').withUser(d).toRender('2024-05-01|2024-01-01');
    expectTemplate('{{dateMath d "+1d/h" format="dd HH:mm:ss"}}|{{dateMath d "/m" format="HH:mm:ss"}}').withUser(d).toRender('17 22:00:00|22:47:00');
  });

  it('days keep the wall-clock time across daylight-saving changes; hours move the instant (ZonedDateTime)', () => {
    const ny = 'format="yyyy-MM-dd HH:mm z" tz="America/New_York"';
    expectTemplate(`{{dateMath d "+1d" ${ny}}}|{{dateMath d "+24h" ${ny}}}`)
      .withUser(user({ d: '2024-03-09T17:00:00Z' }))
      .toRender('2024-03-10 12:00 EDT|2024-03-10 13:00 EDT');
    // 02:30 on 2024-03-10 does not exist in New York: Java moves it later by the gap.
    expectTemplate(`{{dateMath d "+1d" ${ny}}}`)
      .withUser(user({ d: '2024-03-09T07:30:00Z' }))
      .toRender('2024-03-10 03:30 EDT');
    // 01:30 on 2024-11-03 happens twice: Java keeps the offset it had (EDT).
    expectTemplate(`{{dateMath d "+1d" ${ny}}}`)
      .withUser(user({ d: '2024-11-02T05:30:00Z' }))
      .toRender('2024-11-03 01:30 EDT');
  });

  it(`without format= prints the documented medium style, with no warning (${IT_DATES}; ${IT_FAQ}: {{now}} = Oct 24, 2024)`, () => {
    expectTemplate('{{dateMath d "+1d"}}')
      .withUser(user({ d: '2024-10-23' }))
      .toRender('Oct 24, 2024');
    expectTemplate('{{dateMath d "+1d"}}')
      .withUser(user({ d: '2024-10-23' }))
      .toReportNothing();
    // The same default as dateFormat and now: the two agree on any date.
    expectTemplate('{{dateMath d "+0d"}}|{{dateFormat d}}|{{dateFormat d format="medium"}}')
      .withUser(user({ d: '2025-02-12T13:45:30Z' }))
      .toRender('Feb 12, 2025|Feb 12, 2025|Feb 12, 2025');
    expectTemplate('{{dateMath "now" "-1d"}}').at(new Date('2025-01-01T08:00:00Z')).toRender('Dec 31, 2024');
  });

  it('a missing date prints nothing and warns', () => {
    expectTemplate('[{{dateMath d "+1d" format="yyyy"}}]').toRender('[]');
    expectTemplate('[{{dateMath d "+1d" format="yyyy"}}]').toReport('helper-missing-input');
  });

  it('errors: a bad expression, no expression, a bad date', () => {
    const d = user({ d: '2024-10-23' });
    expectTemplate('{{dateMath d "+1x" format="yyyy"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /cannot read the date-math expression "\+1x"/);
    expectTemplate('{{dateMath d "1d" format="yyyy"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /date-math expression/);
    expectTemplate('{{dateMath d format="yyyy"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /needs a date-math expression/);
    expectTemplate('{{dateMath d 5 format="yyyy"}}')
      .withUser(d)
      .toSkip('HandlebarsExecutionError', /the number 5/);
    expectTemplate('{{dateMath "yesterday" "+1d" format="yyyy"}}').toSkip('HandlebarsExecutionError', /cannot read "yesterday" as a date/);
  });

  it('an empty expression leaves the date as it is; spaces are ignored', () => {
    expectTemplate('{{dateMath d "" format="yyyy-MM-dd"}}|{{dateMath d " + 2d " format="yyyy-MM-dd"}}')
      .withUser(user({ d: '2024-10-23' }))
      .toRender('2024-10-23|2024-10-25');
  });
});

describe(`now and timestamp (${IT_FAQ}; ${IT_DATES})`, () => {
  it('{{now}} prints the medium style, e.g. Oct 24, 2024 (Iterable semantics §5, EL §6)', () => {
    expectTemplate('{{now}}').at(new Date('2024-10-24T09:00:00Z')).toRender('Oct 24, 2024');
  });

  it(`{{now format="yyyy"}} → 2025 and {{now format="EEEE"}} → Monday (${NN}; EL §6)`, () => {
    const monday = new Date('2025-04-07T10:00:00Z');
    expectTemplate('{{now format="yyyy"}}').at(monday).toRender('2025');
    expectTemplate('{{now format="EEEE"}}').at(monday).toRender('Monday');
  });

  it('the current month / year / day of week (IT-FAQ "How do I output the current month/year/day of week?")', () => {
    expectTemplate('{{now format="MMMM"}} {{now format="yyyy"}} {{now format="EEEE"}}').at(new Date('2024-10-24T09:00:00Z')).toRender('October 2024 Thursday');
  });

  it('now takes tz=, locale= and the styles like dateFormat', () => {
    const at = new Date('2024-10-24T23:30:00Z');
    expectTemplate('{{now format="yyyy-MM-dd HH:mm" tz="Asia/Tokyo"}}').at(at).toRender('2024-10-25 08:30');
    expectTemplate('{{now format="full" locale="de_DE"}}').at(at).toRender('Donnerstag, 24. Oktober 2024');
  });

  it('a positional param is read as the context and ignored (Handlebars.java), with a warning', () => {
    const at = new Date('2024-10-24T09:00:00Z');
    expectTemplate('{{now "yyyy"}}').at(at).toRender('Oct 24, 2024');
    expectTemplate('{{now "yyyy"}}').at(at).toReport('helper-form');
    expectTemplate('{{now "x" "yyyy"}}').at(at).toRender('2024');
  });

  it(`{{timestamp}} prints the epoch milliseconds of now, e.g. 1744132260210 (${NN}; EL §6)`, () => {
    expectTemplate('{{timestamp}}').at(new Date(1744132260210)).toRender('1744132260210');
  });

  it('timestamp is a number usable in subexpressions', () => {
    expectTemplate('{{#if (timestamp)}}yes{{/if}}').at(new Date(1744132260210)).toRender('yes');
  });
});

describe('modules', () => {
  it('parseDateText range-checks and reads offsets', () => {
    expect(parseDateText('2024-02-29')).toEqual({ epochSecond: Date.UTC(2024, 1, 29) / 1000, nano: 0 });
    expect(parseDateText('2023-02-29')).toBeUndefined();
    expect(parseDateText('2024-13-01')).toBeUndefined();
    expect(parseDateText('2024-01-01T10:60')).toBeUndefined();
    expect(parseDateText('2024-01-01T10:00+19:00')).toBeUndefined();
    expect(parseDateText('2024-01-01T10:00:00.000000001Z')).toEqual({ epochSecond: Date.UTC(2024, 0, 1, 10) / 1000, nano: 1 });
    expect(parseDateText('Thu Oct 24 2024')).toBeUndefined();
  });

  it('parseDateMath reads signs, amounts, units and rounding', () => {
    expect(parseDateMath('+1d-2h/M')).toEqual([
      { kind: 'add', amount: 1, unit: 'd' },
      { kind: 'add', amount: -2, unit: 'h' },
      { kind: 'round', unit: 'M' },
    ]);
    expect(parseDateMath('-d+H')).toEqual([
      { kind: 'add', amount: -1, unit: 'd' },
      { kind: 'add', amount: 1, unit: 'h' },
    ]);
    expect(() => parseDateMath('+1')).toThrow(/date-math expression/);
  });

  it('pattern errors are PatternError', () => {
    expect(() => compilePattern('{')).toThrow(PatternError);
    expect(() => compilePattern('p')).toThrow(/Pad letter 'p'/);
    expect(() => compilePattern('SSSSSSSSSS')).toThrow(PatternError);
    expect(() => compilePattern('cc')).toThrow(/Invalid pattern "cc"/);
  });

  it('resolveZone follows TimeZone.getTimeZone', () => {
    expect(resolveZone('US/Eastern')).toMatchObject({ known: true });
    expect(resolveZone('Europe/Nowhere')).toMatchObject({ known: false });
    expect(resolveZone('GMT+24')).toMatchObject({ known: false });
    expect(resolveZone('GMT+0').zone.id).toBe('GMT');
    expect(resolveZone('IST').zone.id).toBe('Asia/Kolkata');
  });

  it('resolveLocale takes Java spellings', () => {
    expect(resolveLocale('de_DE').tag).toBe('de-DE');
    expect(resolveLocale('pt-BR').tag).toBe('pt-BR');
    expect(resolveLocale('fr').tag).toBe('fr');
    expect(resolveLocale('').java).toBe('en_US');
    expect(() => resolveLocale('DE_de')).toThrow(/Invalid locale format/);
  });
});

describe('properties', () => {
  const dates = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2100-12-31T23:59:59.999Z'), noInvalidDate: true });

  it('dateFormat d "yyyy-MM-dd\'T\'HH:mm:ss.SSS" tz="UTC" is the first 23 characters of the ISO string', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const iso = date.toISOString();
        expectTemplate(`{{dateFormat d "yyyy-MM-dd'T'HH:mm:ss.SSS" tz="UTC"}}`)
          .withUser(user({ d: iso }))
          .toRender(iso.slice(0, 23));
      }),
      { numRuns: 200 },
    );
  });

  it('dateMath "+1d" then "-1d" is the identity (UTC)', () => {
    const full = 'format="yyyy-MM-dd\'T\'HH:mm:ss.SSSXXX"';
    fc.assert(
      fc.property(dates, (date) => {
        const iso = date.toISOString();
        expectTemplate(`{{dateMath (dateMath d "+1d" ${full}) "-1d" ${full}}}`)
          .withUser(user({ d: iso }))
          .toRender(iso);
      }),
      { numRuns: 150 },
    );
  });

  it('+N days, hours, minutes, seconds in UTC add that many milliseconds', () => {
    const units: Array<[string, number]> = [
      ['d', 86_400_000],
      ['w', 7 * 86_400_000],
      ['h', 3_600_000],
      ['m', 60_000],
      ['s', 1000],
    ];
    fc.assert(
      fc.property(dates, fc.integer({ min: -5000, max: 5000 }), fc.constantFrom(...units), (date, amount, [unit, ms]) => {
        const start = parseDateText(date.toISOString())!;
        const expression = `${amount < 0 ? '-' : '+'}${Math.abs(amount)}${unit}`;
        const result = applyDateMath(start, parseDateMath(expression), UTC_ZONE);
        expect(result.epochSecond * 1000 + result.nano / 1e6).toBe(date.getTime() + amount * ms);
      }),
    );
  });

  it('+N months keeps the day unless the month is shorter (then its last day)', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -240, max: 240 }), (date, months) => {
        const start = parseDateText(date.toISOString())!;
        const result = applyDateMath(start, parseDateMath(`${months < 0 ? '-' : '+'}${Math.abs(months)}M`), UTC_ZONE);
        const moved = new Date(result.epochSecond * 1000);
        const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
        const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
        expect(moved.getUTCFullYear()).toBe(target.getUTCFullYear());
        expect(moved.getUTCMonth()).toBe(target.getUTCMonth());
        expect(moved.getUTCDate()).toBe(Math.min(date.getUTCDate(), lastDay));
        expect(moved.getUTCHours()).toBe(date.getUTCHours());
      }),
    );
  });

  it('in any zone, the wall-clock fields agree with Intl (an independent oracle) and the offset round-trips', () => {
    const zones = ['America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'Europe/London', 'America/St_Johns', 'Pacific/Chatham'];
    fc.assert(
      fc.property(dates, fc.constantFrom(...zones), (date, tz) => {
        const oracle = new Intl.DateTimeFormat('en-US', {
          timeZone: tz,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        }).formatToParts(date);
        const get = (type: string): string => oracle.find((p) => p.type === type)!.value;
        const expected = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
        const result = expectTemplate(`{{dateFormat d "yyyy-MM-dd HH:mm:ss|xxx" tz="${tz}"}}`)
          .withUser(user({ d: date.toISOString() }))
          .run();
        const [wall, offset] = result.output.split('|');
        expect(wall).toBe(expected);
        // Reading the printed wall time with its printed offset gives back the instant (to the second).
        const back = parseDateText(`${wall}${offset}`)!;
        expect(back.epochSecond).toBe(Math.floor(date.getTime() / 1000));
      }),
      { numRuns: 150 },
    );
  });

  it('the en_US styles agree with Intl en-US dateStyle (same CLDR patterns)', () => {
    fc.assert(
      fc.property(dates, fc.constantFrom('full', 'long', 'medium', 'short'), (date, style) => {
        const oracle = new Intl.DateTimeFormat('en-US', { dateStyle: style as 'full', timeZone: 'UTC' }).format(date);
        expectTemplate(`{{dateFormat d "${style}"}}`)
          .withUser(user({ d: date.toISOString() }))
          .toRender(oracle);
      }),
      { numRuns: 100 },
    );
  });

  it('day of year, ISO day of week and the week fields agree with a direct count', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const fields = zonedFields(parseDateText(date.toISOString())!, UTC_ZONE, EN_US);
        const [doy, e] = compilePattern('D|e')(fields).split('|').map(Number);
        const jan1 = Date.UTC(date.getUTCFullYear(), 0, 1);
        expect(doy).toBe(Math.floor((Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) - jan1) / 86_400_000) + 1);
        expect(e).toBe(date.getUTCDay() + 1); // en_US: Sunday = 1
        // en_US week of year: the week (Sunday–Saturday) containing Jan 1 is week 1.
        const week = compilePattern('w')(fields);
        const startOfWeek1 = jan1 - new Date(jan1).getUTCDay() * 86_400_000;
        const dayStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
        const nextJan1 = Date.UTC(date.getUTCFullYear() + 1, 0, 1);
        const nextStart = nextJan1 - new Date(nextJan1).getUTCDay() * 86_400_000;
        const expected = dayStart >= nextStart ? 1 : Math.floor((dayStart - startOfWeek1) / (7 * 86_400_000)) + 1;
        expect(Number(week)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
