/**
 * `{{#urlEncode}}...{{/urlEncode}}` = Java's `URLEncoder.encode(body, UTF-8)` of the rendered body (DESIGN.md
 * rule 9): `A-Z a-z 0-9 . - * _` stay, a space becomes `+`, every other UTF-8 byte becomes `%XX` (uppercase).
 * The body is rendered normally first, so `{{x}}` inside it is HTML-escaped before it is encoded.
 * Documented: `piña colada` → `pi%C3%B1a+colada` (https://support.iterable.com/hc/en-us/articles/209732326).
 */
import { printValue } from '../../values/print.js';
import type { HelperDefinition } from '../types.js';

const UNRESERVED = /[A-Za-z0-9.\-*_]/;

export function javaUrlEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch === ' ') out += '+';
    else if (UNRESERVED.test(ch)) out += ch;
    else {
      const code = ch.codePointAt(0)!;
      // A lone surrogate cannot be UTF-8 encoded; Java's encoder replaces it with '?'.
      const bytes = code >= 0xd800 && code <= 0xdfff ? Buffer.from('?') : Buffer.from(ch, 'utf8');
      for (const byte of bytes) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
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
