/** `{{log ...}}`: Handlebars.java logs and prints nothing; mergetag records an `info` diagnostic instead. */
import { printValue } from '../../values/print.js';
import type { HelperDefinition } from '../types.js';

export const logHelper: HelperDefinition = {
  meta: {
    name: 'log',
    form: 'inline',
    params: [{ name: 'values', type: 'any', variadic: true, optional: true }],
    description: 'Prints nothing; mergetag reports the values as an info diagnostic.',
    fidelity: 'exact',
  },
  fn: (call) => {
    call.warn('log', `log: ${call.params.map(printValue).join(' ')}`);
    return '';
  },
};
