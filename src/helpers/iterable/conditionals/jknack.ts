/**
 * jknack's `ConditionalHelpers` under the names Iterable documents them by: `eq`, `neq`, `gt`, `gte`, `lt`,
 * `lte`, `and`, `or`, `not`. As Handlebars.java runs them on JSON data (corpus helpers.jsonl):
 *   - block form `{{#eq a b}}…{{else}}…{{/eq}}` renders the block or the else block (chains such as
 *     `{{else eq a 2}}` and `{{else if x}}` are nested blocks);
 *   - inline form `{{eq a b}}` (and subexpressions) returns `true`/`false`, or the `yes=`/`no=` hash value when it
 *     is given and not null (`{{eq a b yes="Y"}}` with a ≠ b prints `false`);
 *   - the first value is the helper's context: with no parameters at all it is the current `this`.
 */
import { isTruthy } from '../../../values/truthy.js';
import type { Value } from '../../../values/types.js';
import type { HelperCall, HelperDefinition, ParamMeta } from '../../types.js';
import { documentedEquals, jknackCompare, jknackEquals } from './java-values.js';

const PERSONALIZING = 'https://support.iterable.com/hc/en-us/articles/205480365';
const CONDITIONAL_LOGIC = 'https://support.iterable.com/hc/en-us/articles/115003884806';

const YES_NO: ParamMeta[] = [
  { name: 'yes', type: 'any', optional: true, description: 'printed by the inline form when the result is true' },
  { name: 'no', type: 'any', optional: true, description: 'printed by the inline form when the result is false' },
];

/** The block or the else block; inline, the `yes`/`no` value or the boolean (`options.hash("yes", true)`). */
export function decide(call: HelperCall, result: boolean): Value {
  if (call.isBlock) return result ? call.fn() : call.inverse();
  const chosen = call.hash.get(result ? 'yes' : 'no');
  return chosen === null || chosen === undefined ? result : chosen;
}

/** The helper's context: its first parameter (the model of `this` when the tag has none: compiler.compileParams). */
function contextOf(call: HelperCall): Value {
  return call.params[0];
}

/** `options.param(0, null)`: the second value, null when absent. */
function secondOf(call: HelperCall): Value {
  return call.params.length > 1 ? call.params[1] : null;
}

const EQUALITY_NOTES =
  'jknack ConditionalHelpers.eq on Jackson data (corpus helpers.jsonl): numbers compare by value across Integer, ' +
  'Long, BigInteger and Double (2 equals 2.0, -0.0 equals 0); a string never equals a number ("100" is not 100); ' +
  'missing equals null; null is not ""; 0 is not false; arrays compare item by item with Jackson node equality ' +
  '([1] is not [1.0]). Two objects compare by content, as Iterable documents ("For two objects to be considered ' +
  'equal, each must have the exact same set of keys and values", support article 205480365): the same keys, in any ' +
  'order, each value equal by these rules. The engine itself reports two equal non-empty objects as different ' +
  '(corpus helpers.eq.objects); the documentation wins. Iterable also writes that both numbers "must be of the same ' +
  'type: double or long"; the engine compares 2 and 2.0 as equal.';

function equality(name: 'eq' | 'neq'): HelperDefinition {
  const negate = name === 'neq';
  return {
    meta: {
      name,
      form: 'both',
      params: [
        { name: 'a', type: 'any', role: 'compared' },
        { name: 'b', type: 'any', optional: true, role: 'compared' },
      ],
      hash: YES_NO,
      description: negate
        ? 'Renders the block when the two values differ (inline: true/false or yes=/no=).'
        : 'Renders the block when the two values are equal (inline: true/false or yes=/no=); numbers by value, arrays item by item.',
      onMissing: negate
        ? 'missing equals null: {{#neq a b}} with both missing renders the else block'
        : 'missing equals null: {{#eq a b}} with both missing renders the block',
      docsUrl: PERSONALIZING,
      fidelity: 'exact',
      notes: EQUALITY_NOTES,
      // A raw Jackson node equals only another node (EqualsBuilder calls JsonNode.equals): java-values.rawNodeEquals.
      rawNodes: true,
    },
    fn: (call) => {
      const a = contextOf(call);
      const b = secondOf(call);
      const equal = documentedEquals(a, b);
      if (a instanceof Map && b instanceof Map && equal !== jknackEquals(a, b)) warnObjectEquality(call, name, equal);
      return decide(call, negate ? !equal : equal);
    },
  };
}

/**
 * Two objects that Iterable's documentation and its engine compare differently (the documentation wins): say so
 * once per tag, since the message Iterable sends may take the other branch.
 */
function warnObjectEquality(call: HelperCall, name: 'eq' | 'neq', equal: boolean): void {
  const at = call.loc.start.offset;
  if (call.runtime.diagnostics.some((d) => d.ruleId === 'object-equality' && d.start.offset === at)) return;
  call.warn(
    'object-equality',
    `${name} compared two objects by content, as Iterable documents, and found them ${equal ? 'equal' : 'different'}; Iterable's engine compares Java map views and finds them ${equal ? 'different' : 'equal'}`,
    'compare a field of each object (`{{#eq a.id b.id}}`) to get the same answer everywhere',
  );
}

const ORDER_NOTES =
  'jknack ConditionalHelpers.cmp on Jackson data (corpus helpers.jsonl): two numbers of the same Java class compare ' +
  'exactly, of different classes (Integer, Long, BigInteger, Double) as doubles with Double.compare, so -0.0 is less ' +
  'than 0 and 0.0; strings compare by UTF-16 code units ("10" < "9", "B" < "a"), case-sensitively as Iterable ' +
  'documents; false < true. Null, missing, arrays and objects ("Not a comparable"), and a string against a number ' +
  'or a boolean (ClassCastException) fail the render. A number literal in the template is an Integer, or a Double ' +
  'when it has a fraction or does not fit an int; mergetag reads a literal that does not fit an int as a Long, which ' +
  'only matters for two integers beyond 2^53 that round to the same double.';

function order(name: 'gt' | 'gte' | 'lt' | 'lte', holds: (c: number) => boolean, words: string): HelperDefinition {
  return {
    meta: {
      name,
      form: 'both',
      params: [
        { name: 'a', type: 'any', role: 'compared' },
        { name: 'b', type: 'any', role: 'compared' },
      ],
      hash: YES_NO,
      description: `Renders the block when the first value is ${words} the second (numbers by value, strings alphabetically; inline: true/false or yes=/no=).`,
      failsOnMissing: true,
      onMissing:
        'fails the render (HandlebarsExecutionError): "If an #lt, lt, #lte, lte, #gt, gt, #gte, or gte expression references a non-existent or null field, the template will fail and the message will not be sent to that user" (support article 205480365)',
      docsUrl: PERSONALIZING,
      fidelity: 'exact',
      notes: ORDER_NOTES,
      // A raw Jackson node fails as Not a comparable (java-values.requireComparable), as in the engine.
      rawNodes: true,
    },
    fn: (call) => decide(call, holds(jknackCompare(contextOf(call), secondOf(call)))),
  };
}

/** `and` guards its block by every value; `or` by none of them alone; `not` by its value being falsy. */
const LOGIC_PARAMS: Record<'and' | 'or' | 'not', ParamMeta[]> = {
  and: [{ name: 'values', type: 'any', variadic: true, role: 'condition' }],
  or: [{ name: 'values', type: 'any', variadic: true }],
  not: [{ name: 'value', type: 'any', role: 'negated-condition' }],
};

function logic(name: 'and' | 'or' | 'not'): HelperDefinition {
  const descriptions = {
    and: 'Renders the block when every value is truthy (inline: true/false or yes=/no=).',
    or: 'Renders the block when any value is truthy (inline: true/false or yes=/no=).',
    not: 'Renders the block when the value is falsy (inline: true/false or yes=/no=).',
  } as const;
  return {
    meta: {
      name,
      form: 'both',
      params: LOGIC_PARAMS[name],
      hash: YES_NO,
      description: descriptions[name],
      onMissing: 'a missing value is falsy',
      docsUrl: CONDITIONAL_LOGIC,
      fidelity: 'exact',
      notes:
        'Truthiness is Handlebars.java isEmpty: missing, null, false, "", 0, 0.0 and [] are falsy; {} , "0", "false" and " " are truthy' +
        (name === 'not' ? '. Only the first value counts.' : '.'),
    },
    fn: (call) => {
      // Without params the helper gets the model of `this`: a scalar Jackson node (an #each element) is empty.
      const values = call.params;
      let result: boolean;
      if (name === 'and') result = values.every(isTruthy);
      else if (name === 'or') result = values.some(isTruthy);
      else result = !isTruthy(values[0]);
      return decide(call, result);
    },
  };
}

export const jknackConditionalHelpers: HelperDefinition[] = [
  equality('eq'),
  equality('neq'),
  order('gt', (c) => c > 0, 'greater than'),
  order('gte', (c) => c >= 0, 'greater than or equal to'),
  order('lt', (c) => c < 0, 'less than'),
  order('lte', (c) => c <= 0, 'less than or equal to'),
  logic('and'),
  logic('or'),
  logic('not'),
];
