/** `{{lookup object key}}`: a dynamic path step (`{{lookup list 1}}`, `{{lookup obj "key"}}`). Corpus `path.lookup_helper`. */
import { property } from '../../render/scope.js';
import { printValue } from '../../values/print.js';
import type { HelperDefinition } from '../types.js';

export const lookupHelper: HelperDefinition = {
  meta: {
    name: 'lookup',
    form: 'inline',
    params: [
      { name: 'object', type: 'any' },
      { name: 'key', type: 'any' },
    ],
    description: 'The value of a key of an object, or of an index of an array.',
    onMissing: 'prints nothing',
    fidelity: 'exact',
  },
  fn: (call) => {
    const [object, key] = call.params;
    if (object === undefined || object === null || key === undefined || key === null) return undefined;
    return property(object, printValue(key));
  },
};
