import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/values/escape.js';

/** DESIGN.md rule 3 written the obvious way: each of the seven characters becomes its entity, nothing else changes. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };
function reference(text: string): string {
  return [...text].map((ch) => ENTITIES[ch] ?? ch).join('');
}

describe('escapeHtml', () => {
  it.each([
    ['', ''],
    ['plain text', 'plain text'],
    ['&', '&amp;'],
    ['a<b>c', 'a&lt;b&gt;c'],
    [`"'\`=`, '&quot;&#x27;&#x60;&#x3D;'],
    ['&amp;', '&amp;amp;'],
    ['O\u2019Brien / piña', 'O\u2019Brien / piña'],
    ['x=1&y=2', 'x&#x3D;1&amp;y&#x3D;2'],
  ])('%j → %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('agrees with the character-by-character definition on any text', () => {
    const escapable = fc.constantFrom('&', '<', '>', '"', "'", '`', '=', '/', 'a', ' ', 'é', '😀');
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.array(escapable).map((chars) => chars.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(escapeHtml(s)).toBe(reference(s));
      }),
    );
  });
});
