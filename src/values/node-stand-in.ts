/**
 * What a helper that is not one of Handlebars.java's own built-ins receives for a raw Jackson node (`@root`, an
 * `#each` element parameter, `this` at the root or in an `#each`): a plain value with the node's emptiness and
 * text. jknack's helpers test their input with `Utils.isEmpty`, then use its `toString()`, so a text, number,
 * boolean or null node is empty (null here: `{{upper it}}` prints nothing), an object node is its JSON text
 * (`{"k":1}`, not `{k=1}`), or empty without keys (fuzz case jsonnode-iterable-root-or-raw-node.42), and an array
 * node is the ArrayNode every array is. Iterable's own helpers are inferred to see nodes the same way.
 */
import { jsonText } from './print.js';
import type { Value } from './types.js';

export function nodeStandIn(node: Value): Value {
  if (Array.isArray(node)) return node;
  if (node instanceof Map) return node.size === 0 ? null : jsonText(node);
  return null;
}
