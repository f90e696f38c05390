/**
 * `{{{snippet "name" value1 value2 key=value}}}`: renders the project's snippet `name` in place.
 *   - Variables: "You can pass values positionally (in the order variables are defined) or by name using named
 *     parameters" (https://support.iterable.com/hc/en-us/articles/4414796078868); inside the snippet they are
 *     plain merge tags, `{{color}}`. The snippet also sees the template's data (the current context, with the
 *     variables over it, as Handlebars.java combines a partial's hash with its context).
 *     Positional values need the snippet's declared variable names: mergetag reads them from a `variables`
 *     array on the snippet record when the snippet source provides one; otherwise it warns and drops them.
 *   - Missing snippet: with `required=true` the send is skipped with reason `SnippetLookupError` ("Snippet does
 *     not exist and the Handlebars for the snippet includes required=true",
 *     https://support.iterable.com/hc/en-us/articles/360021169631); without it, nothing is rendered (warning).
 *   - The result is text: `{{snippet}}` HTML-escapes it, `{{{snippet}}}` does not (hence the triple braces).
 *   - A snippet that includes itself, directly or through others, fails the render (Iterable refuses
 *     self-references when a snippet is saved).
 */
import { HelperError, SendSkip } from '../../../runtime/errors.js';
import type { Value } from '../../../values/types.js';
import type { HelperDefinition, RuntimeServices } from '../../types.js';
import { isRequired, SNIPPET_VARIABLES_DOCS } from './docs.js';

/** The snippets being rendered, innermost last, per render (to stop a snippet that includes itself). */
const rendering = new WeakMap<RuntimeServices, string[]>();

function declaredVariables(snippet: object): readonly string[] | undefined {
  const variables = (snippet as { variables?: unknown }).variables;
  return Array.isArray(variables) && variables.every((v) => typeof v === 'string') ? (variables as string[]) : undefined;
}

export const snippetHelper: HelperDefinition = {
  meta: {
    name: 'snippet',
    form: 'inline',
    params: [
      { name: 'name', type: 'string', description: 'the snippet name, quoted' },
      { name: 'values', type: 'any', optional: true, variadic: true, description: "values for the snippet's variables, in their order" },
    ],
    hash: [
      { name: 'required', type: 'boolean', optional: true, description: 'true: a missing snippet skips the send (SnippetLookupError)' },
      { name: 'variableName', type: 'any', optional: true, description: 'a value for the snippet variable of that name' },
    ],
    description: 'Renders a snippet with the given variables. Use triple braces, {{{snippet "name"}}}, or its HTML is escaped.',
    onMissing: 'a missing snippet renders nothing, or skips the send with SnippetLookupError when required=true',
    docsUrl: SNIPPET_VARIABLES_DOCS,
    fidelity: 'approximate',
    notes:
      'Positional values are bound only when the snippet source declares its variables (a variables array); named values always are. ' +
      'Without required=true a missing snippet renders nothing (inferred: the docs describe only the required=true skip).',
  },
  fn: (call) => {
    const [name, ...positional] = call.params;
    if (typeof name !== 'string' || name.length === 0) {
      throw new HelperError('snippet needs the snippet name as its first parameter: {{{snippet "name"}}}');
    }
    const required = isRequired(call.hash.get('required'));
    const snippet = call.runtime.snippet(name);
    if (!snippet) {
      if (required) throw new SendSkip('SnippetLookupError', `the snippet "${name}" does not exist (required=true)`);
      call.warn(
        'snippet-missing',
        `the snippet "${name}" does not exist: nothing was rendered in its place`,
        'check the name, or add required=true to skip the send instead',
      );
      return '';
    }
    const stack = rendering.get(call.runtime) ?? [];
    if (stack.includes(name)) throw new HelperError(`the snippet "${name}" includes itself (${[...stack, name].join(' → ')})`);

    const variables = new Map<string, Value>();
    if (positional.length) {
      const names = declaredVariables(snippet);
      if (!names) {
        call.warn(
          'snippet-positional',
          `snippet "${name}": ${positional.length} positional value(s) dropped: the snippet source does not say its variable names`,
          'pass them by name (color="red"), or declare the snippet variables in the snippet source',
        );
      } else {
        positional.forEach((value, i) => {
          const variable = names[i];
          if (variable !== undefined) variables.set(variable, value);
        });
        if (positional.length > names.length) {
          call.warn('snippet-positional', `snippet "${name}" declares ${names.length} variable(s); ${positional.length - names.length} extra value(s) dropped`);
        }
      }
    }
    for (const [key, value] of call.hash) if (key !== 'required') variables.set(key, value);

    const file = snippet.file ?? `snippet ${name}`;
    stack.push(name);
    rendering.set(call.runtime, stack);
    try {
      if (variables.size === 0) return call.renderTemplate(snippet.text, { file });
      const context = new Map<string, Value>(call.context instanceof Map ? call.context : []);
      for (const [key, value] of variables) context.set(key, value);
      return call.renderTemplate(snippet.text, { file, context });
    } finally {
      stack.pop();
    }
  },
};
