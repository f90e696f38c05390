/**
 * How Iterable prints a value: Java's `toString()` of what Handlebars.java resolved from the Jackson tree
 * (DESIGN.md rule 4, corpus `num.*`):
 *   - null and missing print nothing; booleans `true`/`false`; strings as they are;
 *   - integers exactly as written (beyond 2^53 too); doubles as Java's `Double.toString`;
 *   - arrays as compact JSON (Jackson's `ArrayNode.toString()`): `[1,"a",true]`;
 *   - objects as a Java Map of JSON nodes: `{a=1, b="x"}`.
 */
import { jdk17DoubleToString } from './java-double.js';
import { JsonNumber } from './json-number.js';
import { RawNode, SafeString, type Value } from './types.js';

/**
 * Java's `Double.toString(d)`: plain notation for 1e-3 <= |d| < 1e7, else computerized scientific notation
 * (`1.0E7`, `1.0E-4`), always with at least one fraction digit; the digits are JDK 17's (see java-double.ts).
 */
export function javaDoubleToString(d: number): string {
  return jdk17DoubleToString(d);
}

/** A number as Java prints it: integers as written (normalised, `-0` is `0`), doubles as `Double.toString`. */
const PLAIN_INTEGER = /^-?[1-9][0-9]{0,14}$|^0$/;

export function printNumber(n: JsonNumber): string {
  return n.printedWith(numberText);
}

function numberText(n: JsonNumber): string {
  if (n.isInteger) {
    if (PLAIN_INTEGER.test(n.text)) return n.text;
    try {
      return BigInt(n.text).toString();
    } catch {
      return n.text;
    }
  }
  return javaDoubleToString(n.double);
}

/** A JSON string literal as Jackson writes it: `"` `\` and control characters escaped, nothing else. */
export function jsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (code < 0x20) {
      if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (ch === '\b') out += '\\b';
      else if (ch === '\f') out += '\\f';
      else out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** Compact JSON text of a value, as Jackson's `JsonNode.toString()` writes it. */
export function jsonText(value: Value): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonNumber) return printNumber(value);
  if (value instanceof SafeString) return jsonString(value.html);
  if (value instanceof RawNode) return jsonText(value.value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  const parts: string[] = [];
  for (const [key, item] of value) parts.push(`${jsonString(key)}:${jsonText(item)}`);
  return `{${parts.join(',')}}`;
}

/** The text Iterable prints for a value, before HTML escaping. */
export function printValue(value: Value): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonNumber) return printNumber(value);
  if (value instanceof SafeString) return value.html;
  // A raw Jackson node prints its own toString(): JSON text (`"a"` with its quotes, `{"k":1}`).
  if (value instanceof RawNode || Array.isArray(value)) return jsonText(value);
  // A JSON object resolves to a java.util.Map whose values are still Jackson nodes.
  const parts: string[] = [];
  for (const [key, item] of value) parts.push(`${key}=${jsonText(item)}`);
  return `{${parts.join(', ')}}`;
}
