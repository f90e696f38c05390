/**
 * fast-check generators for the property tests:
 *   - JSON data as JSON TEXT, through a small model that keeps what JSON.parse loses (integer vs float spelling,
 *     integers beyond 2^53, key order);
 *   - templates in the subset mergetag shares with handlebars.js and mustache.js, whose paths are taken from the
 *     generated data so that most lookups hit.
 *
 * The model (`Json`) is the single source of truth: `jsonText` gives what mergetag reads, the differential spec
 * turns the same model into the oracles' JavaScript values, and `javaPrint` is the test's own, independent,
 * statement of how Handlebars.java prints a value (DESIGN.md rules 3 and 4).
 */
import fc from 'fast-check';
import { arbitraries } from '../../src/testing/index.js';

// ---- the JSON model ------------------------------------------------------------------------------------------

/** An integer, kept as its JSON spelling (canonical: no leading zeros, no `-0`). */
export class JsonInt {
  constructor(readonly text: string) {}
}

/** A floating-point number: its JSON spelling (`29.90`, `1e7`) and its double value. */
export class JsonFloat {
  constructor(readonly text: string) {}
  get value(): number {
    return Number(this.text);
  }
}

/** An object with its entries in document order (keys unique). */
export class JsonObj {
  constructor(readonly entries: ReadonlyArray<readonly [string, Json]>) {}
  has(key: string): boolean {
    return this.entries.some(([k]) => k === key);
  }
  get(key: string): Json | undefined {
    return this.entries.find(([k]) => k === key)?.[1];
  }
}

export type Json = null | boolean | string | JsonInt | JsonFloat | readonly Json[] | JsonObj;

export function isObj(j: Json | undefined): j is JsonObj {
  return j instanceof JsonObj;
}

/** JSON text of a model value, numbers spelled as generated. */
export function jsonText(j: Json): string {
  if (j === null) return 'null';
  if (typeof j === 'boolean') return String(j);
  if (typeof j === 'string') return JSON.stringify(j);
  if (j instanceof JsonInt || j instanceof JsonFloat) return j.text;
  if (Array.isArray(j)) return `[${j.map(jsonText).join(',')}]`;
  return `{${(j as JsonObj).entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
}

/** The plain JavaScript value (what `JSON.parse` gives). Only exact for integers within 2^53. */
export function toJs(j: Json): unknown {
  if (j instanceof JsonInt) return Number(j.text);
  if (j instanceof JsonFloat) return j.value;
  if (Array.isArray(j)) return j.map(toJs);
  if (j instanceof JsonObj) return Object.fromEntries(j.entries.map(([k, v]) => [k, toJs(v)]));
  return j;
}

/** Sets `value` at `path` inside `obj` (copying), creating or replacing intermediate objects. */
export function setAt(obj: JsonObj, path: readonly string[], value: Json): JsonObj {
  const [head, ...rest] = path;
  if (head === undefined) throw new Error('setAt: empty path');
  const current = obj.get(head);
  const next = rest.length === 0 ? value : setAt(isObj(current) ? current : new JsonObj([]), rest, value);
  const entries = obj.has(head) ? obj.entries.map(([k, v]) => [k, k === head ? next : v] as const) : [...obj.entries, [head, next] as const];
  return new JsonObj(entries);
}

/** The value at a path of object keys, or undefined. */
export function getAt(j: Json | undefined, path: readonly string[]): Json | undefined {
  let current = j;
  for (const key of path) {
    if (!isObj(current)) return undefined;
    current = current.get(key);
  }
  return current;
}

// ---- Java printing, stated independently of src/ (DESIGN.md rules 3 and 4) ------------------------------------

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

/** Handlebars.java's HTML escaping: exactly `& < > " ' \` =`, nothing else. */
export function expectedEscape(text: string): string {
  let out = '';
  for (const ch of text) out += HTML_ENTITIES[ch] ?? ch;
  return out;
}

/**
 * Java's `Double.toString` for the doubles `jsonFloat` generates (at most 4 significant digits, where the JDK's
 * digits are the shortest that round-trip): plain notation with at least one fraction digit for
 * 1e-3 <= |d| < 1e7, else `d.dddE±n`.
 */
export function javaDoubleText(d: number): string {
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const sign = d < 0 ? '-' : '';
  const abs = Math.abs(d);
  const [mantissa, exp] = abs.toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const e = Number(exp);
  if (abs >= 1e-3 && abs < 1e7) {
    if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
    const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
    return `${sign}${whole}.${digits.slice(e + 1) || '0'}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${e}`;
}

/** A JSON string as Jackson writes it, for the characters `htmlString` generates (`\n` and `\t` the only controls). */
function jacksonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ') throw new Error(`jacksonString: control character ${ch.charCodeAt(0)} is not generated`);
    else out += ch;
  }
  return `${out}"`;
}

/** Jackson's compact `JsonNode.toString()`. */
export function jacksonText(j: Json): string {
  if (j === null) return 'null';
  if (typeof j === 'boolean') return String(j);
  if (typeof j === 'string') return jacksonString(j);
  if (j instanceof JsonInt) return BigInt(j.text).toString();
  if (j instanceof JsonFloat) return javaDoubleText(j.value);
  if (Array.isArray(j)) return `[${j.map(jacksonText).join(',')}]`;
  return `{${(j as JsonObj).entries.map(([k, v]) => `${jacksonString(k)}:${jacksonText(v)}`).join(',')}}`;
}

/**
 * How Handlebars.java prints a resolved value, before escaping: null prints nothing, integers as written, doubles
 * as `Double.toString`, arrays as compact JSON, objects as a Java map of JSON nodes (`{a=1, b="x"}`).
 */
export function javaPrint(j: Json | undefined): string {
  if (j === undefined || j === null) return '';
  if (typeof j === 'boolean' || typeof j === 'string') return String(j);
  if (j instanceof JsonInt) return BigInt(j.text).toString();
  if (j instanceof JsonFloat) return javaDoubleText(j.value);
  if (Array.isArray(j)) return jacksonText(j);
  return `{${(j as JsonObj).entries.map(([k, v]) => `${k}=${jacksonText(v)}`).join(', ')}}`;
}

// ---- keys ----------------------------------------------------------------------------------------------------

/**
 * Keys of generated objects. A small pool, so that keys recur at several levels and lookups walk contexts. None is
 * a helper name (here or in the oracles), a Handlebars keyword, an inherited JavaScript member of an object,
 * array, string or number (mustache.js looks those up with `in`), or a Java bean property or method that
 * Handlebars.java's resolvers would find on a JSON node, a map or a string (`size`, `empty`, `length`, `bytes`...).
 */
export const KEY_POOL = ['a', 'b', 'c', 'name', 'title', 'items', 'tags', 'user', 'price', 'qty', 'flag', 'note', 'kids', 'info', 'x', 'y'] as const;

const RESERVED = new Set([
  'this',
  'else',
  'true',
  'false',
  'null',
  'undefined',
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'urlEncode',
  'defaultIfEmpty',
  'helperMissing',
  'blockHelperMissing',
  'length',
  'size',
  'empty',
  'class',
  'bytes',
  'blank',
  'values',
  'keys',
  'fields',
  'elements',
  'textual',
  'array',
  'object',
]);

for (const key of KEY_POOL) {
  const inherited = [{}, [], '', 0, false].some((v) => key in Object(v));
  if (inherited || RESERVED.has(key)) throw new Error(`KEY_POOL: '${key}' is not a safe key`);
}

/** Identifier-like keys beyond the pool (feeds tests): letters, digits, `_`, never a reserved word. */
export const identifierKey: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,7}$/).filter((k) => !RESERVED.has(k) && !(k in {}));

/** A data-feed alias: letters and `_` (Iterable's rule), never a Handlebars keyword such as `this` or `true`. */
// The public generator of mergetag/testing (the kit is exercised by this suite too), minus this suite's wider list
// of reserved words, which its templates use as keys and helpers.
export const feedAlias: fc.Arbitrary<string> = arbitraries.alias().filter((a) => !RESERVED.has(a));

// ---- scalar values -------------------------------------------------------------------------------------------

/** Characters that make escaping and printing interesting: all HTML specials, `/`, unicode, an astral emoji. */
const STRING_UNITS = [
  'a',
  'b',
  'Z',
  '0',
  '7',
  ' ',
  '&',
  '<',
  '>',
  '"',
  "'",
  '`',
  '=',
  '/',
  '\\',
  ';',
  '.',
  '-',
  '_',
  ':',
  '#',
  '{',
  '}',
  '[',
  ']',
  '%',
  'é',
  'ü',
  'ñ',
  'ß',
  '✓',
  '\u00a0',
  '€',
  '日',
  '😀',
  '\n',
  '\t',
] as const;

/** A string value with HTML-special characters and unicode (never a lone surrogate, no control character but `\n` `\t`). */
export const htmlString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom(...STRING_UNITS), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('', '0', 'false', ' ', '&amp;', '<b>x</b>', "O'Brien", 'a=b', '`x`', 'piña colada') },
);

export interface IntOptions {
  /** Also integers beyond 2^53 (up to 25 digits). */
  big?: boolean;
}

/** An integer, spelled canonically. Zero and small numbers are frequent (truthiness of `0`). */
export function jsonInt(options: IntOptions = {}): fc.Arbitrary<JsonInt> {
  const arbs: Array<fc.WeightedArbitrary<bigint>> = [
    { weight: 2, arbitrary: fc.constantFrom(0n, 1n, -1n) },
    { weight: 4, arbitrary: fc.bigInt({ min: -1000n, max: 1000n }) },
    { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }) },
  ];
  if (options.big) arbs.push({ weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }) });
  return fc.oneof(...arbs).map((n) => new JsonInt(n.toString()));
}

export interface FloatOptions {
  /** Never `0.0` or `-0.0` (the oracles cannot tell a zero double from a zero integer). */
  nonZero?: boolean;
}

/**
 * A double with at most 4 significant digits between 1e-9 and 1e13, spelled as JSON writers do (`5.0`, `29.90`,
 * `1e7`, `2.5E-4`): always with a `.` or an exponent, so Jackson reads it as a double.
 */
export function jsonFloat(options: FloatOptions = {}): fc.Arbitrary<JsonFloat> {
  const mantissa = fc.integer({ min: options.nonZero ? 1 : 0, max: 9999 });
  return fc
    .record({ negative: fc.boolean(), mantissa, exponent: fc.integer({ min: -9, max: 9 }), style: fc.nat(3), zeros: fc.nat(2) })
    .map(({ negative, mantissa: m, exponent, style, zeros }) => {
      const value = Number(`${m}e${exponent}`);
      const sign = negative ? '-' : '';
      let text: string;
      if (style === 0) text = `${m}e${exponent}`;
      else if (style === 1) text = `${m}.${'0'.repeat(zeros + 1)}E${exponent >= 0 ? '+' : ''}${exponent}`;
      else {
        const plain = value.toFixed(Math.max(0, -exponent + 4));
        const trimmed = plain.includes('.') ? plain.replace(/0+$/, '').replace(/\.$/, '.0') : `${plain}.0`;
        text = trimmed + (style === 3 ? '0'.repeat(zeros) : '');
      }
      return new JsonFloat(sign + text);
    })
    .filter((f) => !options.nonZero || f.value !== 0);
}

// ---- structured values ---------------------------------------------------------------------------------------

export interface JsonOptions {
  /** Include doubles: `false` (default), `'nonzero'` or `'any'`. */
  floats?: false | 'nonzero' | 'any';
  /** Include integers beyond 2^53. */
  bigIntegers?: boolean;
  /** Nesting depth of objects and arrays (default 3). */
  maxDepth?: number;
  /** Keys of objects (default `KEY_POOL`). */
  keys?: fc.Arbitrary<string>;
  /** Allow `null` inside arrays (mustache.js crashes on a null context; default true). */
  nullInArrays?: boolean;
}

export function jsonScalar(options: JsonOptions = {}): fc.Arbitrary<Json> {
  const arbs: Array<fc.WeightedArbitrary<Json>> = [
    { weight: 4, arbitrary: htmlString },
    { weight: 3, arbitrary: jsonInt({ big: options.bigIntegers ?? false }) },
    { weight: 2, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constant(null) },
  ];
  if (options.floats) arbs.push({ weight: 1, arbitrary: jsonFloat({ nonZero: options.floats === 'nonzero' }) });
  return fc.oneof(...arbs);
}

export function jsonObject(options: JsonOptions = {}): fc.Arbitrary<JsonObj> {
  return jsonTree(options).object;
}

export function jsonValue(options: JsonOptions = {}): fc.Arbitrary<Json> {
  return jsonTree(options).value;
}

function jsonTree(options: JsonOptions): { value: fc.Arbitrary<Json>; object: fc.Arbitrary<JsonObj> } {
  const keys = options.keys ?? fc.constantFrom(...KEY_POOL);
  const scalar = jsonScalar(options);
  const maxDepth = options.maxDepth ?? 3;
  const nullInArrays = options.nullInArrays ?? true;
  const objectOf = (value: fc.Arbitrary<Json>): fc.Arbitrary<JsonObj> =>
    fc.uniqueArray(fc.tuple(keys, value), { maxLength: 5, selector: ([k]) => k }).map((entries) => new JsonObj(entries));
  const levels: Array<fc.Arbitrary<Json>> = [scalar];
  for (let depth = 1; depth <= maxDepth; depth++) {
    const inner = levels[depth - 1]!;
    const element = nullInArrays ? inner : inner.filter((v) => v !== null);
    levels.push(
      fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 2, arbitrary: objectOf(inner) }, { weight: 1, arbitrary: fc.array(element, { maxLength: 3 }) }),
    );
  }
  return { value: levels[maxDepth]!, object: objectOf(levels[Math.max(0, maxDepth - 1)]!) };
}

// ---- templates -----------------------------------------------------------------------------------------------

export type Dialect = 'handlebars' | 'mustache';

export interface TemplateOptions {
  dialect: Dialect;
  /** Newlines (and CRLF) in literal text. Off for mustache.js, which strips standalone lines. */
  newlines?: boolean;
  /** Nesting depth of blocks (default 3). */
  maxDepth?: number;
}

/** Literal text: never a delimiter, a brace or a backslash (no accidental tag, no `\{{` escape). */
function textUnits(newlines: boolean): string[] {
  const units = [
    'a',
    'b',
    'X',
    '1',
    ' ',
    ' ',
    '&',
    '<',
    '>',
    '"',
    "'",
    '`',
    '=',
    '/',
    ',',
    '.',
    '-',
    '!',
    '#',
    '^',
    '@',
    '~',
    '%',
    ':',
    'é',
    '✓',
    '😀',
    '\u00a0',
  ];
  return newlines ? [...units, '\n', '\n', '\r\n'] : units;
}

function textArb(newlines: boolean): fc.Arbitrary<string> {
  return fc.string({ unit: fc.constantFrom(...textUnits(newlines)), minLength: 1, maxLength: 6 });
}

/** A candidate expression for a tag, with what it resolves to when the generator knows it. */
interface Candidate {
  expr: string;
  value: Json | undefined;
}

/** What the generator knows at a point of the template. */
interface Scope {
  /** Known context values, innermost first; the last one is the root. `undefined`: not known. */
  stack: Array<Json | undefined>;
  /** Inside an `#each` (or a section over an array): data variables are set. */
  inLoop: boolean;
}

/** Paths of object keys inside a value (with `.length` on arrays and strings), up to 3 segments. */
function pathsIn(value: Json | undefined, prefix: string[] = [], out: Array<{ parts: string[]; value: Json }> = []): Array<{ parts: string[]; value: Json }> {
  if (!isObj(value) || prefix.length >= 3) return out;
  for (const [key, child] of value.entries) {
    const parts = [...prefix, key];
    out.push({ parts, value: child });
    if (typeof child === 'string' || Array.isArray(child))
      out.push({ parts: [...parts, 'length'], value: new JsonInt(String(typeof child === 'string' ? child.length : (child as Json[]).length)) });
    pathsIn(child, parts, out);
  }
  return out;
}

/** A value that stands for an iteration's element: the first element of an array, or the first entry of an object. */
function elementOf(value: Json | undefined): Json | undefined {
  if (Array.isArray(value)) return (value as Json[]).find((v) => v !== null);
  if (isObj(value)) return value.entries[0]?.[1];
  return undefined;
}

function candidates(scope: Scope, dialect: Dialect): Candidate[] {
  const out: Candidate[] = [];
  const current = scope.stack[0];
  const root = scope.stack[scope.stack.length - 1];
  for (const { parts, value } of pathsIn(current)) out.push({ expr: parts.join('.'), value });
  if (scope.stack.length > 1) {
    // Implicit lookup: a plain path not found in the current context is looked up in the enclosing ones.
    for (const { parts, value } of pathsIn(root)) out.push({ expr: parts.join('.'), value });
  }
  // Misses (and keys the generator cannot see, e.g. inside an array element of another shape).
  for (const key of ['a', 'name', 'nope', 'x.y', 'items.a']) out.push({ expr: key, value: undefined });
  if (dialect === 'mustache') {
    out.push({ expr: '.', value: current });
    return out;
  }
  out.push({ expr: 'this', value: current });
  for (const { parts, value } of pathsIn(current).slice(0, 4)) out.push({ expr: `this.${parts.join('.')}`, value });
  if (scope.stack.length > 1) {
    const parent = scope.stack[1];
    for (const { parts, value } of pathsIn(parent).slice(0, 6)) out.push({ expr: `../${parts.join('.')}`, value });
    out.push({ expr: '../nope', value: undefined });
  }
  return out;
}

const dataVariables = ['@index', '@key', '@first', '@last'];

function pad(expr: string, spaced: boolean): string {
  return spaced ? ` ${expr} ` : expr;
}

/** A template in the dialect's subset, built against `data` (the root context). */
export function template(data: Json, options: TemplateOptions): fc.Arbitrary<string> {
  const newlines = options.newlines ?? options.dialect === 'handlebars';
  return nodes({ stack: [data], inLoop: false }, options.maxDepth ?? 3, options.dialect, newlines);
}

function nodes(scope: Scope, depth: number, dialect: Dialect, newlines: boolean): fc.Arbitrary<string> {
  return fc.array(node(scope, depth, dialect, newlines), { minLength: 1, maxLength: depth > 1 ? 4 : 3 }).map((parts) => parts.join(''));
}

function node(scope: Scope, depth: number, dialect: Dialect, newlines: boolean): fc.Arbitrary<string> {
  const all = candidates(scope, dialect);
  const pick = fc.constantFrom(...all);
  const spaced = fc.boolean();
  const printable =
    scope.inLoop && dialect === 'handlebars'
      ? fc.oneof({ weight: 4, arbitrary: pick.map((c) => c.expr) }, { weight: 1, arbitrary: fc.constantFrom(...dataVariables) })
      : pick.map((c) => c.expr);
  const leaves: Array<fc.WeightedArbitrary<string>> = [
    { weight: 4, arbitrary: textArb(newlines) },
    { weight: 4, arbitrary: fc.tuple(printable, spaced).map(([e, s]) => `{{${pad(e, s)}}}`) },
    { weight: 1, arbitrary: fc.tuple(printable, spaced).map(([e, s]) => `{{{${pad(e, s)}}}}`) },
    { weight: 1, arbitrary: printable.map((e) => `{{&${e}}}`) },
    { weight: 1, arbitrary: commentArb(dialect, newlines) },
  ];
  if (depth <= 0) return fc.oneof(...leaves);

  const inner = (next: Scope) => nodes(next, depth - 1, dialect, newlines);
  const optionalElse = (next: Scope) => fc.option(inner(next), { nil: undefined, freq: 2 }).map((e) => (e === undefined ? '' : `{{else}}${e}`));
  // Block targets: any candidate but `this`/`.` and `../` ones (whose context identity differs between engines).
  const targets = all.filter((c) => !/^(this|\.|\.\.\/)/.test(c.expr) && !c.expr.endsWith('.length'));
  const target = fc.constantFrom(...targets);
  const containerTargets = targets.filter((c) => Array.isArray(c.value) || isObj(c.value));
  const loopTarget = containerTargets.length
    ? fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...containerTargets) }, { weight: 1, arbitrary: target })
    : target;
  const pushed = (c: Candidate, value: Json | undefined, inLoop: boolean): Scope => ({ stack: [value, ...scope.stack], inLoop: inLoop || scope.inLoop });
  const sectionScope = (c: Candidate): Scope =>
    Array.isArray(c.value) ? pushed(c, elementOf(c.value), true) : c.value === true ? scope : pushed(c, c.value, false);

  const blocks: Array<fc.WeightedArbitrary<string>> = [
    { weight: 2, arbitrary: loopTarget.chain((c) => inner(sectionScope(c)).map((body) => `{{#${c.expr}}}${body}{{/${c.expr}}}`)) },
    { weight: 2, arbitrary: target.chain((c) => inner(scope).map((body) => `{{^${c.expr}}}${body}{{/${c.expr}}}`)) },
  ];
  if (dialect === 'handlebars') {
    const condition = scope.inLoop
      ? fc.oneof({ weight: 4, arbitrary: target.map((c) => c.expr) }, { weight: 1, arbitrary: fc.constantFrom('@first', '@last', '@index') })
      : target.map((c) => c.expr);
    blocks.push(
      { weight: 3, arbitrary: fc.tuple(condition, inner(scope), optionalElse(scope)).map(([e, body, alt]) => `{{#if ${e}}}${body}${alt}{{/if}}`) },
      { weight: 1, arbitrary: fc.tuple(condition, inner(scope), optionalElse(scope)).map(([e, body, alt]) => `{{#unless ${e}}}${body}${alt}{{/unless}}`) },
      {
        weight: 3,
        arbitrary: loopTarget.chain((c) =>
          fc.tuple(inner(pushed(c, elementOf(c.value), true)), optionalElse(scope)).map(([body, alt]) => `{{#each ${c.expr}}}${body}${alt}{{/each}}`),
        ),
      },
      { weight: 2, arbitrary: target.chain((c) => inner(pushed(c, c.value, false)).map((body) => `{{#with ${c.expr}}}${body}{{/with}}`)) },
    );
  }
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...leaves) }, { weight: 2, arbitrary: fc.oneof(...blocks) });
}

function commentArb(dialect: Dialect, newlines: boolean): fc.Arbitrary<string> {
  const text = fc.string({ unit: fc.constantFrom('a', ' ', 'x', '&', '<', '#', '/', ...(newlines ? ['\n'] : [])), maxLength: 6 });
  if (dialect === 'mustache') return text.map((t) => `{{!${t}}}`);
  return fc.oneof(
    text.map((t) => `{{!${t}}}`),
    // Braces inside a long comment are text, but `{{!--}}` is a complete short comment (its text is `--`) in
    // Handlebars.java and handlebars.js: then the text after it is plain text, with no braces (which the
    // `[[ ]]` rendition would turn into brackets).
    fc
      .string({ unit: fc.constantFrom('a', ' ', '}}', '{{x}}', '#', ...(newlines ? ['\n'] : [])), maxLength: 4 })
      .map((t) => (t.startsWith('}}') ? `{{!--}}${t.slice(2).replace(/[{}]/g, '')}` : `{{!--${t}--}}`)),
  );
}
