/**
 * The value model the engine renders from.
 *
 * Iterable binds JSON as a Jackson tree: objects keep document order (integer-like keys included), and numbers
 * keep the integer/float distinction and their digits. Plain JS objects and numbers can do neither, so payloads
 * and profiles are held as:
 *   - `JsonObject` (a Map, document order), `JsonArray`, `JsonNumber` (the number's spelling), string, boolean;
 *   - `null` for JSON null, `undefined` for a missing value.
 */
import type { JsonNumber } from './json-number.js';

export type JsonObject = Map<string, Value>;
export type JsonArray = Value[];
export type Value = string | boolean | null | undefined | JsonNumber | JsonArray | JsonObject | SafeString | RawNode;

/** A helper result that is already HTML and must not be escaped again (Handlebars' SafeString). */
export class SafeString {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/**
 * A JSON value as the raw Jackson node Handlebars.java hands around in a few places, before its
 * JsonNodeValueResolver turns the node into a Java value: `@root`, and the element parameter of `#each` (`as |it|`)
 * or `this` directly inside such a block. A JsonNode is a Java `Iterable` of its children, so Handlebars.java's
 * `Utils.isEmpty` finds a text, number, boolean or null node empty (`{{#if it}}` is false for `"a"`), an object
 * or array node empty when it has no entries, `#each` over an object node iterates its values with the index as
 * `@key`, and `toString()` prints the node as JSON (`"a"`, `{"k":1}`). Fuzz classes block-params-raw-jsonnode and
 * jsonnode-iterable-root-or-raw-node (fuzz-classes.jsonl); JsonNodeValueResolver in handlebars-jackson2.
 */
export class RawNode {
  constructor(readonly value: Value) {}

  /** The node's own value: a raw node never wraps another. */
  static of(value: Value): RawNode {
    return value instanceof RawNode ? value : new RawNode(value);
  }
}

export function isObject(value: Value): value is JsonObject {
  return value instanceof Map;
}

export function isArray(value: Value): value is JsonArray {
  return Array.isArray(value);
}
