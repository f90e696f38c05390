/**
 * `{{join list ", " prefix="(" suffix=")"}}`: jknack's `join`, which Iterable documents under the same name
 * (arrays section of https://support.iterable.com/hc/en-us/articles/205480365). Corpus `helpers.join.*`.
 *
 * The last positional parameter is the separator. An array value is joined element by element, each printed as
 * the JSON text of its Jackson node, so strings keep their quotes (`"x", "y"`) and `{{ }}` escapes them. Any other
 * value is joined with the parameters between it and the separator, each printed as usual (`{{join a b "/"}}`).
 */
import { HelperError } from '../../../runtime/errors.js';
import { jsonText, printValue } from '../../../values/print.js';
import { RawNode, type Value } from '../../../values/types.js';
import { STRING_HELPERS_DOCS, stringHelper, stringParam } from './arguments.js';
import { checkLength } from './java-strings.js';

/** A raw Jackson node as the Iterable it is: an array's elements, an object's values (a scalar has none). */
function nodeItems(node: RawNode): Value[] {
  const value = node.value;
  if (Array.isArray(value)) return value;
  return value instanceof Map ? [...value.values()] : [];
}

function joined(parts: readonly string[], separator: string): string {
  let length = separator.length * Math.max(0, parts.length - 1);
  for (const part of parts) length += part.length;
  checkLength(length, 'the joined text');
  return parts.join(separator);
}

export const joinHelper = stringHelper(
  {
    name: 'join',
    form: 'inline',
    params: [
      { name: 'list', type: 'any', description: 'an array, or the first of several values' },
      { name: 'values', type: 'any', optional: true, variadic: true, description: 'more values, when list is not an array' },
      { name: 'separator', type: 'string' },
    ],
    hash: [
      { name: 'prefix', type: 'string', optional: true },
      { name: 'suffix', type: 'string', optional: true },
    ],
    description:
      'Joins an array with a separator (the last parameter), between `prefix` and `suffix`. Array elements print as JSON: strings keep their double quotes.',
    onMissing: 'prints nothing (a missing, null, "", 0, false or [] list)',
    docsUrl: STRING_HELPERS_DOCS,
    fidelity: 'exact',
    notes:
      'A missing or non-string separator fails the render. With an array, later values are ignored: {{join arr x "/"}} joins arr only. ' +
      'A raw JSON object node (`@root`, `this` without params at the root) is a Java Iterable of its values, joined the same way.',
    // It sees raw nodes as they are: an object node joins its values (StringUtils.join over the Iterable).
    rawNodes: true,
  },
  (value, params, call) => {
    const separatorValue: Value = params[params.length - 1];
    const separator = stringParam(separatorValue, 'the separator (the last parameter)');
    if (separator === undefined) throw new HelperError('needs a separator as its last parameter: {{join list ", "}}');
    const prefix = stringParam(call.hash.get('prefix'), 'prefix=') ?? '';
    const suffix = stringParam(call.hash.get('suffix'), 'suffix=') ?? '';
    const list = value instanceof RawNode ? nodeItems(value) : value;
    const parts = Array.isArray(list) ? list.map(jsonText) : [list, ...params.slice(0, -1)].map(printValue);
    return prefix + joined(parts, separator) + suffix;
  },
  'empty',
);
