/** `{{#with x}}`: renders the block with x as `this` (and as its block parameter), or the else block if x is falsy. */
import { isTruthy } from '../../values/truthy.js';
import type { HelperDefinition } from '../types.js';
import { RawNode, type Value } from '../../values/types.js';

function isSharedScalar(value: Value): boolean {
  return typeof value === 'string' || typeof value === 'boolean';
}

export const withHelper: HelperDefinition = {
  meta: {
    name: 'with',
    form: 'block',
    blockContext: 'value',
    params: [{ name: 'value', type: 'any', role: 'context' }],
    description: 'Renders the block with the value as the context.',
    onMissing: 'renders the else block',
    fidelity: 'exact',
    rawNodes: true,
  },
  fn: (call) => {
    const value = call.params[0];
    // Handlebars.java renders the else block with the falsy value as `this` (checked against the engine).
    // A null value is Java's null there, as a missing one is (see lookUpParents in runtime/scope.ts).
    if (!isTruthy(value)) return call.inverse({ context: value ?? undefined });
    // Handlebars.java's Options.wrap keeps the current context when the value is the current `this` itself (the
    // same Java object), so such a #with pushes no level for ../ (fuzz class with-same-object-does-not-push-context).
    // Only a string or boolean can be the same object again: a JSON object or array is converted afresh each time
    // it is read (core path.deep_parent: `{{#with this}}` in an #each does push).
    // At the root or in an #each the model is the raw Jackson node, never the String it resolves to: that pushes.
    if (isSharedScalar(value) && value === call.context && !call.contextIsNode && call.blockParamNames.length === 0) return call.fn();
    // `{{#with @root}}` at the root is the same Jackson node as the current context: no level either.
    if (value instanceof RawNode && value.value === call.context && call.contextIsNode && !call.contextHasBlockParams && call.blockParamNames.length === 0) {
      return call.fn();
    }
    return call.fn({ context: value, blockParams: [{ value }] });
  },
};
