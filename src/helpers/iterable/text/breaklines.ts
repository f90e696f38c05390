/**
 * `{{#breaklines}}{{note}}{{/breaklines}}`: Iterable's own block helper. Documented: "To replace `\n` or `\r\n`
 * with `<br>`, use the #breaklines block helper"; a value of two lines separated by a blank line outputs
 * `Hi there!<br><br>How are you?` (https://support.iterable.com/hc/en-us/articles/205480365).
 *
 * The body is rendered normally first, so `{{note}}` inside it is HTML-escaped and only the `<br>` tags the
 * helper adds are markup (a block helper's result is written as is). A lone `\r` is left alone.
 */
import { printValue } from '../../../values/print.js';
import type { HelperDefinition } from '../../types.js';
import { STRING_HELPERS_DOCS } from './arguments.js';

const NEWLINE = /\r?\n/g;

export function breakLines(text: string): string {
  return text.replace(NEWLINE, '<br>');
}

export const breaklinesHelper: HelperDefinition = {
  meta: {
    name: 'breaklines',
    form: 'block',
    params: [],
    description: 'Renders its body and replaces each `\\n` or `\\r\\n` in it with `<br>`.',
    onMissing: 'an empty body prints nothing',
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'approximate',
    notes:
      'Iterable documents the result, not the implementation: mergetag HTML-escapes {{x}} in the body as usual (so user text cannot add tags) and leaves a lone \\r alone. The inline form {{breaklines x}} is undocumented: mergetag converts x and warns.',
  },
  fn: (call) => {
    if (call.isBlock) return breakLines(call.fn());
    call.warn(
      'helper-form',
      'breaklines is documented as a block helper only; mergetag converted its first parameter, and {{ }} escapes the <br> it added',
      'write {{#breaklines}}{{value}}{{/breaklines}}',
    );
    const value = call.params.length ? call.params[0] : call.context;
    return breakLines(printValue(value));
  },
};
