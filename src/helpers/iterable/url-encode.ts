/**
 * `{{#urlEncode}}...{{/urlEncode}}` = Java's `URLEncoder.encode(body, UTF-8)` of the rendered body (DESIGN.md
 * rule 9): `A-Z a-z 0-9 . - * _` stay, a space becomes `+`, every other UTF-8 byte becomes `%XX` (uppercase).
 * The body is rendered normally first, so `{{x}}` inside it is HTML-escaped before it is encoded.
 * Documented: `piña colada` → `pi%C3%B1a+colada` (https://support.iterable.com/hc/en-us/articles/209732326).
 */
import { printValue } from '../../values/print.js';
import type { HelperDefinition } from '../types.js';

/** The characters URLEncoder keeps as they are, by char code: `A-Z a-z 0-9 . - * _`. */
const UNRESERVED = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-*_') UNRESERVED[ch.charCodeAt(0)] = 1;
/** `%XX` (uppercase) for every byte value. */
const PERCENT = Array.from({ length: 256 }, (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`);

function percent(byte: number): string {
  return PERCENT[byte]!;
}

/**
 * One char-code scan: runs of unreserved characters are copied as slices, everything else is written as its UTF-8
 * bytes (every email address in a feed URL goes through here, so no regex or Buffer per character).
 */
export function javaUrlEncode(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && UNRESERVED[code] === 1) continue;
    if (last < i) out += text.slice(last, i);
    if (code === 0x20) out += '+';
    else if (code < 0x80) out += percent(code);
    else if (code < 0x800) out += percent(0xc0 | (code >> 6)) + percent(0x80 | (code & 0x3f));
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const point = 0x10000 + ((code - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
      out += percent(0xf0 | (point >> 18)) + percent(0x80 | ((point >> 12) & 0x3f)) + percent(0x80 | ((point >> 6) & 0x3f)) + percent(0x80 | (point & 0x3f));
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate cannot be UTF-8 encoded; Java's encoder replaces it with '?'.
      out += '%3F';
    } else out += percent(0xe0 | (code >> 12)) + percent(0x80 | ((code >> 6) & 0x3f)) + percent(0x80 | (code & 0x3f));
    last = i + 1;
  }
  if (last === 0) return text;
  return last === text.length ? out : out + text.slice(last);
}

export const urlEncodeHelper: HelperDefinition = {
  meta: {
    name: 'urlEncode',
    form: 'block',
    params: [],
    description: 'URL-encodes its rendered body the way Java URLEncoder does (space → +).',
    onMissing: 'an empty body encodes to nothing',
    docsUrl: 'https://support.iterable.com/hc/en-us/articles/209732326',
    fidelity: 'exact',
    encodesBody: true,
  },
  transformBody: javaUrlEncode,
  fn: (call) => {
    if (call.isBlock) return javaUrlEncode(call.fn());
    call.warn(
      'helper-form',
      'urlEncode is documented as a block helper only; mergetag encoded its first parameter',
      'write {{#urlEncode}}{{{value}}}{{/urlEncode}}',
    );
    return javaUrlEncode(printValue(call.params[0]));
  },
};
