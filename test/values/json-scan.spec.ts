/**
 * scanJsonObject checks a user profile when a project opens, without building it; the profile is parsed when it
 * renders. Both must agree: a text the scan accepts must parse (else the render would fail later, as if the
 * file had changed), and a text it refuses goes to parseJson for the error. So the property: for any text, the
 * scan accepts exactly the texts parseJson reads as an object, and reads the id field as `get('id')` would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonNumber } from '../../src/values/json-number.js';
import { MAX_JSON_DEPTH, parseJson, scanJsonObject } from '../../src/values/json.js';
import { printValue } from '../../src/values/print.js';

/** What parseJson says of the text: not an object (undefined), or the id field as a string or number. */
function parsedField(text: string): { field: string | undefined } | undefined {
  const parsed = parseJson(text);
  if (!parsed.ok || !(parsed.value instanceof Map)) return undefined;
  const field = parsed.value.get('id');
  return { field: typeof field === 'string' || field instanceof JsonNumber ? printValue(field) : undefined };
}

function scannedField(text: string): { field: string | undefined } | undefined {
  const scanned = scanJsonObject(text, 'id');
  return scanned && { field: scanned.field === undefined ? undefined : printValue(scanned.field) };
}

/** JSON texts and near-JSON: values with an id of any kind, cut, spliced, with stray characters, a BOM, comments. */
const idValue = fc.oneof(
  fc.string(),
  fc.integer().map(String),
  fc.constantFrom('1.50', '-0', '1e400', '12345678901234567890', 'null', 'true', '{"id": 1}', '[]'),
);
const profileText = fc
  .tuple(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })), fc.option(idValue), fc.boolean())
  .map(([fields, id, idFirst]) => {
    const body = JSON.stringify(fields).slice(1, -1);
    const idPart = id === null ? '' : `"id": ${id.startsWith('{') || id.startsWith('[') || /^[-\d]|^(null|true)$/.test(id) ? id : JSON.stringify(id)}`;
    const parts = idFirst ? [idPart, body] : [body, idPart];
    return `{${parts.filter(Boolean).join(', ')}}`;
  });
const damaged = fc
  .tuple(profileText, fc.nat(), fc.constantFrom('', ',', '}', '"', '//x', '\u00a0', '\ufeff', ' ', '\n', 'x', ']', '{"id": "b"}'))
  .map(([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)));
const anyText = fc.oneof(
  profileText,
  damaged,
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string(),
);

describe('scanJsonObject', () => {
  it('accepts exactly what parseJson reads as an object, and reads the id field as get() does', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(scannedField(text)).toEqual(parsedField(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('takes the last of a repeated key, keeps number spelling, and skips a byte-order mark as parseJson does', () => {
    expect(scannedField('{"id": "a", "id": "b"}')).toEqual({ field: 'b' });
    expect(scannedField('{"id": 12345678901234567890}')).toEqual({ field: '12345678901234567890' });
    expect(scannedField('{"id": 1.50}')).toEqual(parsedField('{"id": 1.50}'));
    expect(scannedField('\ufeff{"id": "a"}')).toEqual({ field: 'a' });
    expect(scannedField('{"x": {"id": "nested"}}')).toEqual({ field: undefined });
    expect(scannedField('{"id": {"id": "a"}}')).toEqual({ field: undefined });
  });

  it('refuses what parseJson refuses: deeper than the depth limit, several values, no value', () => {
    const deep = `{"id": "a", "x": ${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}}`;
    expect(scannedField(deep)).toBeUndefined();
    expect(parsedField(deep)).toBeUndefined();
    expect(scannedField('{"id": "a"} {"id": "b"}')).toBeUndefined();
    expect(scannedField('   ')).toBeUndefined();
    expect(scannedField('[{"id": "a"}]')).toBeUndefined();
  });
});
