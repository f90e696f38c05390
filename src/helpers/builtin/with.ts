/** `{{#with x}}`: renders the block with x as `this` (and as its block parameter), or the else block if x is falsy. */
import { isTruthy } from '../../values/truthy.js';
import type { HelperCall, HelperDefinition } from '../types.js';
import { RawNode, type Value } from '../../values/types.js';

/**
 * The value is the very Java object that is the current context's model, which Handlebars.java's Options.wrap keeps
 * as the context (`model == context.model`): such a #with pushes no level for ../ (fuzz class
 * with-same-object-does-not-push-context). Checked against the Java engine:
 *   - `{{#with}}` without params gets the model itself;
 *   - `this` resolves the model to itself unless it is a Jackson object or scalar node (the root, an #each element),
 *     which resolve to a new Map view or to the String inside;
 *   - an ArrayNode resolves to itself wherever it is read, and a String or Boolean read again is the same object,
 *     but an object is a new Map view at each read (core path.deep_parent: `{{#with this}}` in an #each pushes);
 *   - `@root` at the root is the root node itself.
 */
function isCurrentModel(call: HelperCall, value: Value): boolean {
  if (call.paramIsModel) return true;
  if (value instanceof RawNode) return value.value === call.context && call.contextIsNode && !call.contextHasBlockParams;
  if (value !== call.context) return false;
  if (Array.isArray(value)) return true;
  if (call.contextIsNode) return false;
  return call.paramIsThis || typeof value === 'string' || typeof value === 'boolean';
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
    // A block parameter always adds its level, so only a #with without them can keep the current context.
    const keepsContext = call.blockParamNames.length === 0 && isCurrentModel(call, value);
    if (!isTruthy(value)) {
      if (keepsContext) return call.inverse();
      // Handlebars.java renders the else block with the falsy value as `this` (checked against the engine).
      // A null value is Java's null there, as a missing one is (see lookUpParents in runtime/scope.ts).
      return call.inverse({ context: value ?? undefined });
    }
    if (keepsContext) return call.fn();
    // Options.fn(value): a single block parameter is bound to the new model (helper-call.ts), two or more to nothing.
    return call.fn({ context: value });
  },
};
