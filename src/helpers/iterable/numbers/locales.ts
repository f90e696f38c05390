/**
 * Java locales for `numberFormat`: the string parameter parsed as jknack's helper parses it (commons-lang3 3.12
 * `LocaleUtils.toLocale`: `de_DE`, `de`, `_DE`, `de_DE_variant`; `de-DE` is an error), and the
 * DecimalFormatSymbols and NumberFormat patterns JDK 17 has for it (locale-data.ts).
 */
import type { JavaDecimalFormatSymbols } from './decimal-format.js';
import { JavaIllegalArgumentError } from './decimal-format.js';
import { CURRENCY_DIGITS, LOCALES, PROFILES, REGION_CURRENCIES, type NumberLocaleProfile } from './locale-data.js';
import { ownEntry } from '../../../values/own.js';

export interface JavaLocale {
  language: string;
  country: string;
  variant: string;
}

export interface LocaleNumberData {
  symbols: JavaDecimalFormatSymbols;
  decimalPattern: string;
  currencyPattern: string;
  percentPattern: string;
  /** `Currency.getDefaultFractionDigits()` of the locale's currency; -1 for none (XXX). */
  currencyDigits: number;
  /** False when the locale is outside mergetag's table and the data is a fallback (the language's, or root's). */
  known: boolean;
}

const isAllLower = (s: string): boolean => s.length > 0 && /^\p{Lowercase}+$/u.test(s);
const isAllUpper = (s: string): boolean => s.length > 0 && /^\p{Uppercase}+$/u.test(s);
const isNumeric = (s: string): boolean => s.length > 0 && /^\p{Nd}+$/u.test(s);
const isLanguageCode = (s: string): boolean => isAllLower(s) && (s.length === 2 || s.length === 3);
const isCountryCode = (s: string): boolean => isAllUpper(s) && s.length === 2;
const isAreaCode = (s: string): boolean => isNumeric(s) && s.length === 3;

function invalid(text: string): JavaIllegalArgumentError {
  return new JavaIllegalArgumentError(`Invalid locale format: ${text}`);
}

/** commons-lang3 3.12.0 `LocaleUtils.toLocale`, then Java's `Locale` normalisation (language lower, country upper). */
export function parseJavaLocale(text: string): JavaLocale {
  const make = (language: string, country: string, variant = ''): JavaLocale => ({
    language: language.toLowerCase(),
    country: country.toUpperCase(),
    variant,
  });
  if (text === '') return make('', '');
  if (text.includes('#')) throw invalid(text);
  if (text.length < 2) throw invalid(text);
  if (text[0] === '_') {
    if (text.length < 3) throw invalid(text);
    if (!isAllUpper(text[1]!) || !isAllUpper(text[2]!)) throw invalid(text);
    if (text.length === 3) return make('', text.slice(1, 3));
    if (text.length < 5) throw invalid(text);
    if (text[3] !== '_') throw invalid(text);
    return make('', text.slice(1, 3), text.slice(4));
  }
  if (isLanguageCode(text)) return make(text, '');
  const segments = text.split('_');
  const language = segments[0]!;
  if (segments.length === 2) {
    const country = segments[1]!;
    // Java's precedence: (language && country) || area code.
    if ((isLanguageCode(language) && isCountryCode(country)) || isAreaCode(country)) return make(language, country);
  } else if (segments.length === 3) {
    const [, country, variant] = segments as [string, string, string];
    if (isLanguageCode(language) && (country === '' || isCountryCode(country) || isAreaCode(country)) && variant !== '') {
      return make(language, country, variant);
    }
  }
  throw invalid(text);
}

/** Java's old ISO codes map to the CLDR ones. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = { iw: 'he', in: 'id', ji: 'yi' };

function regionCurrency(country: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(country)) return undefined;
  for (let i = 0; i + 5 <= REGION_CURRENCIES.length; i += 5) {
    if (REGION_CURRENCIES.startsWith(country, i)) return REGION_CURRENCIES.slice(i + 2, i + 5);
  }
  return undefined;
}

export function localeNumberData(locale: JavaLocale): LocaleNumberData {
  const language = ownEntry(LANGUAGE_ALIASES, locale.language) ?? locale.language;
  const key = locale.country ? `${language}_${locale.country}` : language;
  const entry = language === '' ? undefined : ownEntry(LOCALES, key);
  // Known: a row of the table, or the root locale (""). Anything else falls back to the language's data (or root's)
  // with the country's currency code standing in for its symbol, since the table has only each locale's own symbol.
  const known = locale.variant === '' && (entry !== undefined || (language === '' && locale.country === ''));
  let profile: NumberLocaleProfile;
  let currency: string | undefined;
  let symbol: string | undefined;
  if (entry) {
    profile = PROFILES[entry[0]]!;
    if (entry.length === 3) [, currency, symbol] = entry;
  } else {
    const languageEntry = language === '' ? undefined : ownEntry(LOCALES, language);
    profile = PROFILES[languageEntry ? languageEntry[0] : 'root']!;
    if (locale.country) {
      currency = regionCurrency(locale.country);
      symbol = currency;
    }
  }
  const symbols: JavaDecimalFormatSymbols = {
    zeroDigit: '0',
    groupingSeparator: profile.group[0]!,
    decimalSeparator: profile.decimal[0]!,
    monetaryGroupingSeparator: (profile.monetaryGroup ?? profile.group)[0]!,
    monetaryDecimalSeparator: (profile.monetaryDecimal ?? profile.decimal)[0]!,
    minusSignText: profile.minus ?? '-',
    percentText: profile.percent ?? '%',
    perMillText: profile.perMille ?? '\u2030',
    exponentSeparator: profile.exponent ?? 'E',
    infinity: profile.infinity ?? '\u221e',
    nan: profile.nan ?? 'NaN',
    // Without a country (or with one that has no currency) Java uses XXX and the generic sign.
    currencySymbol: currency ? symbol! : '\u00a4',
    internationalCurrencySymbol: currency ?? 'XXX',
  };
  return {
    symbols,
    decimalPattern: profile.decimalPattern,
    currencyPattern: profile.currencyPattern,
    percentPattern: profile.percentPattern,
    currencyDigits: ownEntry(CURRENCY_DIGITS, currency ?? 'XXX') ?? 2,
    known,
  };
}

export const DEFAULT_LOCALE: JavaLocale = { language: 'en', country: 'US', variant: '' };
