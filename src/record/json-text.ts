/**
 * Pretty JSON text of a value in the value model, lossless: numbers are written exactly as they were spelled in
 * the response (`12.50` stays `12.50`, 20-digit integers stay whole) and objects keep document order, so a
 * recording replays as Iterable would have read the live response (DESIGN.md rule 4).
 */
import { JsonNumber } from '../values/json-number.js';
import { RawNode, SafeString, type Value } from '../values/types.js';

export function jsonPretty(value: Value, indent = '  '): string {
  return write(value, '', indent);
}

function write(value: Value, at: string, indent: string): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonNumber) return value.text;
  if (value instanceof SafeString) return JSON.stringify(value.html);
  if (value instanceof RawNode) return write(value.value, at, indent);
  const inner = at + indent;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => inner + write(item, inner, indent)).join(',\n')}\n${at}]`;
  }
  const parts: string[] = [];
  for (const [key, item] of value) {
    if (item === undefined) continue;
    parts.push(`${inner}${JSON.stringify(key)}: ${write(item, inner, indent)}`);
  }
  return parts.length === 0 ? '{}' : `{\n${parts.join(',\n')}\n${at}}`;
}
