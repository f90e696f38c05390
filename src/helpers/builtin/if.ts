/** `{{#if x}}...{{else}}...{{/if}}`: Handlebars.java's IfHelper. Truthiness is `isTruthy` (DESIGN.md rule 5). */
import { isTruthy } from '../../values/truthy.js';
import type { HelperDefinition } from '../types.js';

export const ifHelper: HelperDefinition = {
  meta: {
    name: 'if',
    form: 'block',
    params: [{ name: 'value', type: 'any', role: 'condition' }],
    description: 'Renders the block when the value is truthy, else the else block. `includeZero=` is ignored, as in Iterable.',
    onMissing: 'renders the else block',
    docsUrl: 'https://support.iterable.com/hc/en-us/articles/115003884806',
    fidelity: 'exact',
    rawNodes: true,
  },
  choose: (value) => isTruthy(value),
  fn: (call) => (isTruthy(call.params[0]) ? call.fn() : call.inverse()),
};

export const unlessHelper: HelperDefinition = {
  meta: {
    name: 'unless',
    form: 'block',
    params: [{ name: 'value', type: 'any', role: 'negated-condition' }],
    description: 'Renders the block when the value is falsy, else the else block.',
    onMissing: 'renders the block',
    docsUrl: 'https://support.iterable.com/hc/en-us/articles/115003884806',
    fidelity: 'exact',
    rawNodes: true,
  },
  choose: (value) => !isTruthy(value),
  fn: (call) => (isTruthy(call.params[0]) ? call.inverse() : call.fn()),
};
