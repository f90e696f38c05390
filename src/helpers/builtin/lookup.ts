/**
 * `{{lookup object key}}`: a dynamic path step (`{{lookup list 1}}`, `{{lookup obj "key"}}`), corpus
 * `path.lookup_helper`. As Handlebars.java's LookupHelper: the key (as text) is a path resolved in a context of
 * `object` pushed on the current one, so a key `object` lacks is looked up in the enclosing contexts, and one
 * found nowhere returns `object` itself (fuzz class lookup-missing-returns-object); a missing key fails the send (a NullPointerException,
 * lookup-null-key-throws), and so does an empty one (an IndexOutOfBoundsException, lookup-array-non-index-key-throws). The block form `{{#lookup obj key as |x|}}` is Iterable's (see other/lookup-block.ts).
 */
import { renderLookupBlock } from '../iterable/other/lookup-block.js';
import { HelperError } from '../../runtime/errors.js';
import { printValue } from '../../values/print.js';
import type { HelperDefinition } from '../types.js';

export const lookupHelper: HelperDefinition = {
  meta: {
    name: 'lookup',
    form: 'both',
    // The block form renders with the looked-up value as `this` (or its block parameter).
    blockContext: 'derived',
    params: [
      { name: 'object', type: 'any' },
      { name: 'key', type: 'any' },
    ],
    hash: [{ name: 'resolveKey', type: 'boolean', optional: true }],
    description: 'The value of a key of an object, or of an index of an array; the block form renders it as a block parameter.',
    onMissing: 'prints nothing for a missing object; a missing key fails the send',
    docsUrl: 'https://support.iterable.com/hc/en-us/articles/205480365',
    fidelity: 'exact',
    rawNodes: true,
  },
  fn: (call) => {
    if (call.isBlock) return renderLookupBlock(call);
    const [object, key] = call.params;
    if (object === undefined || object === null) return undefined;
    if (call.params.length < 2) return object;
    if (key === undefined || key === null) throw new HelperError('lookup: the key is missing (Handlebars.java fails with a NullPointerException)');
    const path = printValue(key);
    if (path === '') throw new HelperError('lookup: the key is empty (Handlebars.java fails with an IndexOutOfBoundsException)');
    const found = call.resolveIn(object, path.split('.'));
    return found === undefined || found === null ? object : found;
  },
};
