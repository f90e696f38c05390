/**
 * `helper-arguments`: a call that does not match its helper's `meta` (src/helpers/types.ts), checked once here
 * instead of by each helper at render time:
 *   - too few parameters (`{{#ifEq plan}}`, `{{math total "+"}}`): the comparison and arithmetic helpers fail,
 *     and Iterable does not send the message (HandlebarsExecutionError); too many: the extra ones are ignored
 *     (`math` fails on them);
 *   - a `key=value` the helper does not have (`{{numberFormat price maxFractionDigits=2}}`): ignored, with a
 *     did-you-mean among the helper's keys;
 *   - a literal of the wrong type (`{{substring name "a" 3}}`, `{{#ifModEq n "two" 0}}`); paths are not judged,
 *     their values are only known at send time;
 *   - a block helper used inline (`{{if vip}}`: Handlebars.java gives an inline call empty blocks, it prints
 *     nothing) and an inline helper used as a block (`{{#upper name}}…{{/upper}}`); for Iterable's own helpers the
 *     other form is undocumented (mergetag's helpers each do something and warn `helper-form` at render time);
 *   - `{{#if}}`, `{{#unless}}`, `{{#each}}`, `{{#with}}` with no argument: they test or iterate no field of the
 *     data but the current context `this`, as Handlebars.java does and mergetag renders it (corpus
 *     `helper.if_noargs`, `fuzz.block-helper-without-params`, differential.jsonl `helper-without-params.*`);
 *   - `{{^helper …}}`: Iterable's Handlebars troubleshooting article (support article 36530857619348) says an
 *     inverted helper call does not work. Handlebars.java builds an inverted section without its arguments
 *     (TemplateBuilder.visitUnless), and inside a block its parser reads `{{^name …}}` as an else chain of that
 *     block, `{{else name …}}`, when an else follows at its level (syntax/caret-prediction.ts, corpus
 *     `fuzz.caret-helper-as-else-chain`), so it is not the negation the author wrote; the way to negate is
 *     `{{#unless}}`, `{{#not}}` or the helper's `{{else}}`.
 *
 * Deliberately not reported: zero parameters to a helper that falls back to the current context (`{{upper}}`
 * inside `{{#each names}}`, `{{#md5}}…{{/md5}}`), values that are paths or sub-expressions (their type is known
 * only at send time), numbers written as strings where a number is expected (`"2"`: the helpers parse them, see
 * `number-format-string`), helpers that accept any `key=value` (`sendSkip`, `snippet` variables), and extra
 * positional values that `#sortBy`, `#groupBy` and `now` read in a way of their own (they warn when rendering). Every
 * documented Iterable example in test/helpers/*.spec.ts lints clean (test/lint/rules/helper-arguments.spec.ts).
 */
import type { HelperUse } from '../../../analysis/analyze.js';
import { closestName } from '../../../diagnostics/suggest.js';
import type { HelperMeta, ParamMeta } from '../../../helpers/types.js';
import type { Expression, Family } from '../../../syntax/ast.js';
import type { Report, Rule, RuleContext } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';

/** The hash entries in a helper's meta that stand for "any other key" (they document open-ended hashes). */
const ANY_KEY = new Set(['anyName', 'variableName']);

/** What the built-in block helpers do when called with no argument. */
const NO_ARGUMENT: Record<string, string> = {
  if: 'tests no field: Iterable tests the current context instead (at the top, whether the profile has any field), so the block nearly always renders',
  unless: 'tests no field: Iterable tests the current context instead (at the top, whether the profile has any field), so the block nearly never renders',
  each: 'names no list: Iterable iterates the current context instead (at the top, every field of the whole profile)',
  with: 'names no value: Iterable keeps the current context, so it does nothing (its else block renders only for an empty context)',
};

/**
 * Helpers that give extra positional parameters a meaning of their own, and say so when they render (`helper-form`):
 * `#sortBy list "field"` and `#groupBy list "field"` take it as `field=`, `now "x" "format"` prints the second.
 */
const OWN_EXTRA_PARAMS = new Set(['sortBy', 'groupBy', 'now']);

const FAILS = 'the template fails and Iterable does not send the message';

export const helperArguments: Rule = {
  meta: lintRuleMeta('helper-arguments', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: '{{#if}}\n  <p>Welcome back!</p>\n{{/if}}\n<p>{{numberFormat balance maxFractionDigits=2}}</p>\n',
      right: '{{#if firstName}}\n  <p>Welcome back!</p>\n{{/if}}\n<p>{{numberFormat balance maximumFractionDigits=2}}</p>\n',
    },
  }),
  create(context) {
    return {
      onEnd() {
        for (const call of context.analysis.helperCalls) {
          if (!call.definition) continue; // unknown-helper's finding
          for (const problem of checkCall(call, call.definition.meta, context)) context.report(problem);
        }
      },
    };
  },
};

function open(family: Family): string {
  return family === 'feed' ? '[[' : '{{';
}

function close(family: Family): string {
  return family === 'feed' ? ']]' : '}}';
}

function checkCall(call: HelperUse, meta: HelperMeta, context: RuleContext): Report[] {
  const head = call.node.path;
  const o = open(call.family);
  const c = close(call.family);
  const name = meta.name;

  if (call.inverted) {
    return [
      {
        loc: head.loc,
        message:
          `${o}^${name} …${c} inverts a helper call, which Iterable's documentation says does not work: Handlebars.java drops ` +
          `the arguments of an inverted section, and inside another block reads ${o}^${name} …${c} as that block's ${o}else ${name} …${c} when an else follows it, never as "not ${name}"`,
        hint:
          name === 'if'
            ? `write ${o}#unless …${c}`
            : `write ${o}#${name} …${c}…${o}else${c}…${o}/${name}${c} and put the text in the else part, or use ${o}#not …${c}`,
      },
    ];
  }

  const problems: Report[] = [];
  const form = call.form === 'block' ? 'block' : 'inline';
  if (form === 'inline' && meta.form === 'block') {
    problems.push({
      loc: head.loc,
      message: Object.hasOwn(NO_ARGUMENT, name)
        ? `${name} is a block helper, used here inline: Handlebars.java gives an inline call empty blocks, so ${o}${name} …${c} prints nothing`
        : `${name} is documented as a block helper only: what Iterable does with the inline ${o}${name} …${c} is undocumented (it may print nothing or fail)`,
      hint: `write ${o}#${name} …${c}…${o}/${name}${c}`,
    });
    return problems;
  }
  if (form === 'block' && meta.form === 'inline') {
    problems.push({
      loc: head.loc,
      message: `${name} is documented as an inline helper only: what Iterable does with the block ${o}#${name}${c}…${o}/${name}${c} is undocumented (the text inside may never render)`,
      hint: `write ${o}${name} …${c}, or pass its result to a block helper: ${o}#each (${name} …)${c}`,
    });
  }

  const required = meta.params.filter((p) => !p.optional && !p.variadic);
  const variadic = meta.params.some((p) => p.variadic);
  const count = call.params.length;
  if (count === 0 && form === 'block' && Object.hasOwn(NO_ARGUMENT, name)) {
    problems.push({ loc: head.loc, message: `${o}#${name}${c} with no argument ${NO_ARGUMENT[name]}`, hint: `name the field: ${o}#${name} firstName${c}` });
  } else if (count < required.length && (count > 0 || meta.failsOnMissing === true || meta.noParamsFails === true)) {
    const missing = required.slice(count).map((p) => p.name);
    problems.push({
      loc: head.loc,
      message: `${name} takes ${describeArity(meta)}, got ${count}: the ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing, so ${FAILS}`,
      hint: `${o}${form === 'block' ? '#' : ''}${name} ${meta.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(' ')}${c}`,
    });
  } else if (!variadic && count > meta.params.length && !OWN_EXTRA_PARAMS.has(name)) {
    const extra = call.params.slice(meta.params.length);
    const first = extra[0]!;
    const last = extra[extra.length - 1]!;
    problems.push({
      loc: context.source.span(first.loc.start.offset, last.loc.end.offset),
      message:
        `${name} takes ${describeArity(meta)}, got ${count}: ` +
        (name === 'math' ? FAILS : `the extra ${extra.length === 1 ? 'one is' : `${extra.length} are`} ignored`),
      hint: meta.params.length
        ? `${o}${name} ${meta.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(' ')}${c}`
        : `${o}${name}${c} takes no parameters`,
    });
  }

  call.params.forEach((param, index) => {
    const expected = paramAt(meta, index);
    if (expected) problems.push(...checkLiteral(param, expected, `the ${expected.name} of ${name}`));
  });

  const keys = (meta.hash ?? []).filter((p) => !ANY_KEY.has(p.name));
  const anyKey = (meta.hash ?? []).some((p) => ANY_KEY.has(p.name));
  for (const pair of call.hash?.pairs ?? []) {
    const known = keys.find((p) => p.name === pair.key);
    if (known) {
      problems.push(...checkLiteral(pair.value, known, `${pair.key}= of ${name}`));
      continue;
    }
    if (anyKey) continue;
    const suggestion = closestName(
      pair.key,
      keys.map((p) => p.name),
    );
    problems.push({
      loc: context.source.span(pair.loc.start.offset, pair.loc.start.offset + pair.key.length),
      message: `${name} has no parameter '${pair.key}': it ignores ${pair.key}=…`,
      hint: suggestion
        ? `did you mean ${suggestion}=?`
        : keys.length
          ? `${name} takes ${keys.map((p) => `${p.name}=`).join(', ')}`
          : `${name} takes no key=value parameters`,
    });
  }
  return problems;
}

/** The meta of the parameter at `index`: a variadic parameter takes every value from its position on. */
function paramAt(meta: HelperMeta, index: number): ParamMeta | undefined {
  const variadicAt = meta.params.findIndex((p) => p.variadic);
  if (variadicAt >= 0 && index >= variadicAt) return undefined; // `join list a b ", "`: the positions shift
  return meta.params[index];
}

function describeArity(meta: HelperMeta): string {
  const required = meta.params.filter((p) => !p.optional && !p.variadic).length;
  const max = meta.params.some((p) => p.variadic) ? Infinity : meta.params.length;
  const plural = (n: number): string => `${n} parameter${n === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${plural(required)}`;
  if (max === required) return plural(required);
  return `${required} to ${plural(max)}`;
}

/** A literal whose type the parameter cannot take. Paths and sub-expressions are known only at send time. */
function checkLiteral(node: Expression, expected: ParamMeta, what: string): Report[] {
  const wrong = literalMismatch(node, expected.type);
  if (!wrong) return [];
  return [
    {
      loc: node.loc,
      message: `${what} is a ${expected.type}, and ${wrong} is not: the helper cannot use it (it fails or prints something else)`,
      hint: expected.type === 'number' ? 'write a number without quotes, or a field that holds one' : `give a ${expected.type}, or a field that holds one`,
    },
  ];
}

function literalMismatch(node: Expression, type: ParamMeta['type']): string | undefined {
  switch (node.type) {
    case 'StringLiteral':
      if (type === 'number') return Number.isFinite(Number(node.value)) && node.value.trim() !== '' ? undefined : `the string ${node.original}`;
      if (type === 'boolean') return node.value === 'true' || node.value === 'false' ? undefined : `the string ${node.original}`;
      if (type === 'array' || type === 'object') return `the string ${node.original}`;
      return undefined;
    case 'NumberLiteral':
      return type === 'boolean' || type === 'array' || type === 'object' ? `the number ${node.original}` : undefined;
    case 'BooleanLiteral':
      return type === 'number' || type === 'array' || type === 'object' ? `the boolean ${node.original}` : undefined;
    default:
      return undefined;
  }
}
