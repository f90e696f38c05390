/**
 * `{{sendSkip cause="..." name=value ...}}`: aborts the send. Documented: "You can abort (and generate a skip) at
 * any point in a template by using sendSkip. Any send skips originating from this will have a reason of
 * SendAborted. You can pass any additional data you want persisted with the send skip via named parameters."
 *   {{#ifLt creditAvailable product.price}}
 *     {{sendSkip cause="insufficient credit" creditAvailable=creditAvailable creditRequired=product.price}}
 *   {{/ifLt}}
 * (https://support.iterable.com/hc/en-us/articles/205480365). The skip message carries the cause and the other
 * named parameters, as Iterable persists them with the skip event.
 */
import { SendSkip } from '../../../runtime/errors.js';
import { printValue } from '../../../values/print.js';
import type { HelperDefinition } from '../../types.js';
import { PERSONALIZING_DOCS } from './docs.js';

export const sendSkipHelper: HelperDefinition = {
  meta: {
    name: 'sendSkip',
    form: 'inline',
    params: [],
    hash: [
      { name: 'cause', type: 'string', optional: true, description: 'why the send is aborted' },
      { name: 'anyName', type: 'any', optional: true, description: 'any other named parameter is recorded with the skip' },
    ],
    description: 'Aborts the send where it is reached: the message is not sent, and the skip has reason SendAborted.',
    onMissing: 'aborts the send anyway (the cause is then empty)',
    docsUrl: PERSONALIZING_DOCS,
    fidelity: 'exact',
  },
  fn: (call) => {
    const cause = call.hash.get('cause');
    const data = [...call.hash].filter(([key]) => key !== 'cause').map(([key, value]) => `${key}=${printValue(value)}`);
    const because = cause === undefined || cause === null ? 'no cause given' : `cause "${printValue(cause)}"`;
    throw new SendSkip('SendAborted', `sendSkip aborted the send: ${because}${data.length ? ` (${data.join(', ')})` : ''}`);
  },
};
