/**
 * The cap on the text one render writes: 20 MB unless the `maxOutputBytes` render option says otherwise. Loops
 * check it as their text grows, so `{{#each a}}{{#each ../a}}…{{/each}}{{/each}}` over a large list stops at the
 * cap instead of building gigabytes first; the finished output is measured in UTF-8 bytes.
 */
import { SendSkip } from '../runtime/errors.js';

export const DEFAULT_MAX_OUTPUT_BYTES = 20 * 1024 * 1024;

export function outputLimitSkip(maxBytes: number): SendSkip {
  return new SendSkip(
    'HandlebarsExecutionError',
    `the rendered text passed ${maxBytes.toLocaleString('en-US')} bytes (the maxOutputBytes render option, ` +
      `${DEFAULT_MAX_OUTPUT_BYTES / 1024 / 1024} MB by default), so mergetag stopped rendering; ` +
      'look for a loop inside a loop over a large list ({{#each a}}{{#each ../a}}…)',
    undefined,
    'output-limit',
  );
}

/** With a cap above what V8 holds in one string (about 512 MB), V8 itself stops the render: the same problem. */
export function stringTooLongSkip(): SendSkip {
  return new SendSkip(
    'HandlebarsExecutionError',
    'the rendered text grew past the longest string JavaScript can hold (about 512 MB), so mergetag stopped rendering; ' +
      'look for a loop inside a loop over a large list ({{#each a}}{{#each ../a}}…)',
    undefined,
    'output-limit',
  );
}

export function fitsInBytes(text: string, maxBytes: number): boolean {
  // Every UTF-16 unit is at most 3 UTF-8 bytes: only near the cap is the exact size worth computing.
  return text.length * 3 <= maxBytes || Buffer.byteLength(text, 'utf8') <= maxBytes;
}
