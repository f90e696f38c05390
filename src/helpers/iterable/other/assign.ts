/**
 * `{{#assign "name"}}body{{/assign}}`: stores the rendered body under `name`; prints nothing. Later plain paths
 * `{{name}}` (and helper parameters) read it: the engine resolves them against `runtime.assigned`. Documented:
 *   {{#assign "myVar"}}Iterable{{/assign}}
 *   Greetings from {{myVar}}
 * outputs "Greetings from Iterable"; "The assigned variable will be considered a string."
 * (https://support.iterable.com/hc/en-us/articles/205480365).
 * Since the value is a string made of rendered (already escaped) text, `{{name}}` escapes it once more:
 * `{{#assign "n"}}{{last}}{{/assign}}{{n}}` with `O'Brien` prints `O&amp;#x27;Brien`. Write `{{{name}}}`, or
 * `{{{last}}}` inside the block. This follows from "a string" (Handlebars.java's `options.fn()` is a String).
 */
import { HelperError } from '../../../runtime/errors.js';
import type { HelperDefinition } from '../../types.js';
import { PERSONALIZING_DOCS } from './docs.js';

export const assignHelper: HelperDefinition = {
  meta: {
    name: 'assign',
    form: 'block',
    params: [{ name: 'name', type: 'string', description: 'the variable name, quoted' }],
    description: 'Stores the rendered block as a string variable that later {{name}} tags print. Prints nothing itself.',
    onMissing: 'a missing name is an error (the message is not sent)',
    docsUrl: PERSONALIZING_DOCS,
    fidelity: 'approximate',
    notes:
      'Documented: the block form, the value is a string. Inferred: the body is stored as rendered (HTML-escaped), so {{name}} escapes it again; ' +
      'the variable is visible from where it is assigned to the end of the template, inside blocks too, and a block parameter of the same name wins.',
  },
  fn: (call) => {
    const name = call.params[0];
    if (typeof name !== 'string' || name.length === 0) {
      throw new HelperError('assign needs the variable name as a quoted string: {{#assign "name"}}…{{/assign}}');
    }
    if (!call.isBlock) {
      call.warn('helper-form', 'assign is a block helper: the inline form assigns an empty string', `write {{#assign "${name}"}}value{{/assign}}`);
    }
    call.runtime.assigned.set(name, call.isBlock ? call.fn() : '');
    return '';
  },
};
