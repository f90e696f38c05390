/** Two renders that a law says are the same message, compared; the difference described for the failure message. */
import type { RenderResult } from '../../iterable/template.js';

export function difference(expected: RenderResult, actual: RenderResult): string | undefined {
  if ((expected.skip?.reason ?? '') !== (actual.skip?.reason ?? '')) {
    return `one is ${expected.skip ? `skipped (${expected.skip.reason})` : 'sent'}, the other ${actual.skip ? `skipped (${actual.skip.reason})` : 'sent'}`;
  }
  if (expected.output === actual.output) return undefined;
  let at = 0;
  while (at < expected.output.length && expected.output[at] === actual.output[at]) at++;
  const excerpt = (text: string) => JSON.stringify(text.slice(Math.max(0, at - 20), at + 40));
  return `the outputs differ at character ${at}: ${excerpt(expected.output)} vs ${excerpt(actual.output)}`;
}
