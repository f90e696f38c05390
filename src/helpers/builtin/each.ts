/**
 * `{{#each list}}`: Handlebars.java's EachHelper over a JSON array or object. Data variables: `@index`
 * (0-based), `@key`, `@first`/`@last` (print `first`/`last`, else nothing), `@odd`/`@even` (print `odd`/`even`, arrays only),
 * `@index_1` (1-based). Corpus: `each.*`.
 */
import { JsonNumber } from '../../values/json-number.js';
import { IterationData } from '../../runtime/iteration-data.js';
import { RawNode, type Value } from '../../values/types.js';
import type { BlockParam } from '../../runtime/scope.js';
import type { HelperCall, HelperDefinition } from '../types.js';

/** What call.fn is given per item: one object per loop, refilled per item (fn reads it and keeps none of it). */
interface ItemChange {
  context: Value;
  data: IterationData | undefined;
  blockParams: BlockParam[] | undefined;
  contextIsNode: true;
}

function renderItem(
  call: HelperCall,
  change: ItemChange,
  bindsParams: boolean,
  item: Value,
  index: number,
  count: number,
  key: Value,
  overObject = false,
): string {
  change.context = item;
  change.data = new IterationData(index, count, key, overObject);
  // The element parameter is the raw JSON node (prints as JSON); the second is the index or key.
  if (bindsParams) change.blockParams = [{ value: item, node: true }, { value: key }];
  return call.fn(change);
}

/**
 * A raw Jackson node (`@root`, an element parameter, or `this` at the root or in an #each without params) is a Java
 * Iterable of its children: EachHelper iterates an object node's values with the index as `@key`, and a text,
 * number, boolean or null node iterates nothing, so the else block renders (fuzz classes block-helper-without-params
 * and jsonnode-iterable-root-or-raw-node). Any other value is returned as it is.
 */
function nodeElements(value: Value): Value {
  if (!(value instanceof RawNode)) return value;
  const node = value.value;
  if (node instanceof Map) return [...node.values()];
  return Array.isArray(node) ? node : [];
}

function describeScalar(value: Value): string {
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  if (typeof value === 'boolean') return `\`${value}\``;
  if (value instanceof JsonNumber) return 'a number';
  return 'a single value';
}

export const eachHelper: HelperDefinition = {
  meta: {
    name: 'each',
    form: 'block',
    blockContext: 'element',
    params: [{ name: 'list', type: 'any', role: 'iterated' }],
    description: 'Renders the block once per array element or object entry; the else block when there is none.',
    onMissing: 'renders the else block',
    docsUrl: 'https://support.iterable.com/hc/en-us/articles/36531450481300',
    fidelity: 'exact',
    rawNodes: true,
  },
  fn: (call) => {
    // Without params #each iterates the model of `this` (the compiler passes it): at the root or for an #each
    // element a raw Jackson node, an object node an Iterable of its values, so @key is the index (fuzz class
    // block-helper-without-params).
    const list = nodeElements(call.params[0]);
    if (list === null || list === undefined) return call.inverse();
    let out = '';
    const change: ItemChange = { context: undefined, data: undefined, blockParams: undefined, contextIsNode: true };
    const bindsParams = call.blockParamNames.length !== 0;
    const runtime = call.runtime;
    if (Array.isArray(list)) {
      if (list.length === 0) return call.inverse();
      for (let i = 0; i < list.length; i++) {
        out += renderItem(call, change, bindsParams, list[i], i, list.length, JsonNumber.fromNumber(i));
        runtime.checkOutput(out);
      }
      return out;
    }
    if (list instanceof Map) {
      if (list.size === 0) return call.inverse();
      let i = 0;
      for (const [key, item] of list) {
        out += renderItem(call, change, bindsParams, item, i++, list.size, key, true);
        runtime.checkOutput(out);
      }
      return out;
    }
    // A String, Integer, Double or Boolean is neither Iterable nor null: EachHelper iterates its Java bean properties
    // (`false` 4 times, `""` 23 times, `0` 9 times), never the else block. mergetag prints none of those internals.
    call.warn(
      'each-over-scalar',
      `#each over ${describeScalar(list)}: Iterable's engine iterates the Java object's methods (its internals) and never renders the else block; mergetag renders nothing`,
      'pass an array or an object to #each; test a single value with #if',
    );
    return '';
  },
};
