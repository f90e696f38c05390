/** `{{#with x}}`: renders the block with x as `this` (and as its block parameter), or the else block if x is falsy. */
import { isTruthy } from '../../values/truthy.js';
import type { HelperDefinition } from '../types.js';

export const withHelper: HelperDefinition = {
  meta: {
    name: 'with',
    form: 'block',
    blockContext: 'value',
    params: [{ name: 'value', type: 'any', role: 'context' }],
    description: 'Renders the block with the value as the context.',
    onMissing: 'renders the else block',
    fidelity: 'exact',
  },
  fn: (call) => {
    const value = call.params[0];
    // Handlebars.java renders the else block with the falsy value as `this` (checked against the engine).
    if (!isTruthy(value)) return call.inverse({ context: value });
    return call.fn({ context: value, blockParams: [{ value }] });
  },
};
