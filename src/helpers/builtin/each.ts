/**
 * `{{#each list}}`: Handlebars.java's EachHelper over a JSON array or object. Data variables: `@index`
 * (0-based), `@key`, `@first`/`@last` (print `first`/`last`, else nothing), `@odd`/`@even` (print `odd`/`even`, arrays only),
 * `@index_1` (1-based). Corpus: `each.*`.
 */
import { JsonNumber } from '../../values/json-number.js';
import { IterationData } from '../../runtime/iteration-data.js';
import { isTruthy } from '../../values/truthy.js';
import type { Value } from '../../values/types.js';
import type { BlockParam } from '../../runtime/scope.js';
import type { HelperCall, HelperDefinition } from '../types.js';

function renderItem(call: HelperCall, item: Value, index: number, count: number, key: Value, overObject = false): string {
  const data = new IterationData(index, count, key, overObject);
  // The element parameter is the raw JSON node (prints as JSON); the second is the index or key.
  if (call.blockParamNames.length === 0) return call.fn({ context: item, data, contextIsNode: true });
  const blockParams: BlockParam[] = [{ value: item, printsAsJson: true }, { value: key }];
  return call.fn({ context: item, data, blockParams, contextIsNode: true });
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
  },
  fn: (call) => {
    // Without params #each iterates `this`. The root and an #each element are raw Jackson nodes there, and an
    // object node is an Iterable of its values: @key is the index (fuzz class block-helper-without-params).
    const list = call.params.length > 0 ? call.params[0] : call.contextIsNode && call.context instanceof Map ? [...call.context.values()] : call.context;
    if (!isTruthy(list)) return call.inverse();
    let out = '';
    if (Array.isArray(list)) {
      for (let i = 0; i < list.length; i++) {
        out += renderItem(call, list[i], i, list.length, JsonNumber.fromNumber(i));
        call.runtime.checkOutput(out);
      }
      return out;
    }
    if (list instanceof Map) {
      if (list.size === 0) return call.inverse();
      let i = 0;
      for (const [key, item] of list) {
        out += renderItem(call, item, i++, list.size, key, true);
        call.runtime.checkOutput(out);
      }
      return out;
    }
    call.warn(
      'each-over-scalar',
      `#each over a ${typeof list === 'string' ? 'string' : 'single value'}: Iterable's engine iterates its Java internals; mergetag renders nothing`,
      'pass an array or an object to #each',
    );
    return '';
  },
};
