/**
 * Handlebars.java's `Utils.isEmpty`, which `#if`, `#unless`, sections and `defaultIfEmpty` use (DESIGN.md rule 5,
 * corpus `if.*`): missing, null, `false`, `""`, numeric zero (`0`, `0.0`, `-0.0`) and `[]` are falsy; everything
 * else, `{}`, `"0"`, `"false"`, `" "` and `[0]` included, is truthy.
 */
import { JsonNumber } from './json-number.js';
import { RawNode, SafeString, type Value } from './types.js';

export function isTruthy(value: Value): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'boolean') return value;
  if (value instanceof JsonNumber) return value.double !== 0;
  if (value instanceof SafeString) return value.html.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  // A raw Jackson node is a Java Iterable of its children: only a non-empty object or array node has any.
  if (value instanceof RawNode) return nodeHasChildren(value.value);
  return true;
}

function nodeHasChildren(node: Value): boolean {
  if (node instanceof Map) return node.size > 0;
  return Array.isArray(node) && node.length > 0;
}

export function isEmpty(value: Value): boolean {
  return !isTruthy(value);
}
