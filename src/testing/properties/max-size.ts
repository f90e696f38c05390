/**
 * `max-size`: the message stays under 102 KB. Gmail clips an email whose HTML is larger ("[Message clipped]"),
 * hiding the rest, the unsubscribe link included; Iterable's own guidance keeps emails under that size.
 */
import type { Property } from './property.js';

export const MAX_MESSAGE_BYTES = 102 * 1024;

export const maxSize: Property = {
  name: 'max-size',
  description: 'the rendered message is under 102 KB (Gmail clips larger emails)',
  check(_context, { result }) {
    const bytes = Buffer.byteLength(result.output, 'utf8');
    return bytes >= MAX_MESSAGE_BYTES ? `the message is ${bytes} bytes, over ${MAX_MESSAGE_BYTES} (102 KB): Gmail clips it` : undefined;
  },
};
