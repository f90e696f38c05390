/**
 * The two test oracles, handlebars.js and mustache.js, set up to run the shared subset the way Handlebars.java
 * does, and instrumented to say when a case hits a documented difference (docs/differences.md, "Differences
 * from the test oracles"). Two kinds of handling:
 *
 *   - normalised: the difference is only in how a value prints, so the oracle is given the Java spelling
 *     (arrays and objects print as Java does, doubles as `Double.toString`, `@first`/`@last` as `first`/`last`,
 *     mustache.js' `&#x2F;`/`&#39;` escapes as Handlebars.java's). The case is still compared.
 *   - excluded: the oracle's semantics differ from Handlebars.java's (truthiness of `0` and `""` in sections,
 *     `#each` over a scalar, `../x` lookups, context identity, mustache.js' lookup rules, standalone lines). The
 *     oracle reports it through `flags`; the property skips the case with `fc.pre` and counts it.
 *
 * Nothing here decides what mergetag should print: the oracles do, apart from the spellings above.
 */
import Handlebars from 'handlebars';
import Mustache from 'mustache';
import { JsonFloat, JsonInt, JsonObj, javaDoubleText, javaPrint, type Json } from './arbitraries.js';

// ---- the oracles' view of the data ---------------------------------------------------------------------------

export interface ViewOptions {
  /** Arrays and objects print as Java does (`[1,"a"]`, `{a=1}`), not as `1,a` / `[object Object]`. */
  javaContainers: boolean;
  /** Doubles are boxed `Number`s that print as `Double.toString` (`5.0`, `1.0E7`); else plain numbers. */
  javaDoubles: boolean;
}

export const FULL_VIEW: ViewOptions = { javaContainers: true, javaDoubles: true };

function printsAs<T extends object>(target: T, text: string): T {
  Object.defineProperty(target, Symbol.toPrimitive, { value: () => text, enumerable: false });
  Object.defineProperty(target, 'toString', { value: () => text, enumerable: false });
  return target;
}

/**
 * The JavaScript value the oracles render, built from the model (integers are within 2^53 in the differential
 * data). Key order is the document's: keys are never integer-like, so JavaScript keeps insertion order.
 */
export function oracleView(j: Json, options: ViewOptions): unknown {
  if (j instanceof JsonFloat) {
    // A nonzero double only (the generator never makes 0.0 here): a boxed Number is always truthy.
    return options.javaDoubles ? printsAs(new Number(j.value), javaDoubleText(j.value)) : j.value;
  }
  if (Array.isArray(j)) {
    const array = j.map((v) => oracleView(v, options));
    return options.javaContainers ? printsAs(array, javaPrint(j)) : array;
  }
  if (j instanceof JsonObj) {
    const object: Record<string, unknown> = {};
    for (const [k, v] of j.entries) object[k] = oracleView(v, options);
    return options.javaContainers ? printsAs(object, javaPrint(j)) : object;
  }
  if (j instanceof JsonInt) return Number(j.text);
  return j;
}

function isScalar(value: unknown): boolean {
  return value !== null && value !== undefined && (typeof value !== 'object' || value instanceof Number);
}

/** An own property, as handlebars.js' `lookupProperty` and Handlebars.java's JSON resolver see it. */
function own(value: unknown, key: string): unknown {
  if (value === null || value === undefined) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * Handlebars.java's `Context.get` for a non-local path (Context.java, PathExpressionChain): walk the contexts
 * from the innermost while the FIRST segment is missing or null; once it resolves, the rest of the path is
 * resolved in that context only.
 */
function javaLookup(contexts: readonly unknown[], parts: readonly string[]): unknown {
  for (const context of contexts) {
    let value = own(context, parts[0]!);
    if (value === null || value === undefined) continue;
    for (const part of parts.slice(1)) value = own(value, part);
    return value;
  }
  return undefined;
}

// ---- handlebars.js -------------------------------------------------------------------------------------------

export interface OracleRun {
  output: string;
  /** Documented differences that make this case incomparable (see the module comment). */
  flags: Set<string>;
}

type HelperFn = (this: unknown, context: unknown, options: Record<string, unknown>) => unknown;

const PARENT_LOOKUP = '__mergetagPropertiesParentLookup';
const DEPTHED_LOOKUP = '__mergetagPropertiesDepthedLookup';

/**
 * handlebars.js with `compat: true` (plain paths are looked up through the enclosing contexts, as in
 * Handlebars.java) and `ignoreStandalone: true` (no standalone-line stripping, as in Handlebars.java).
 */
export class HandlebarsOracle {
  private readonly hb = Handlebars.create();
  private flags = new Set<string>();
  private javaFirstLast = true;
  /** Whether the template being rendered has a `../` path: only those can tell context identity apart. */
  private usesParentPaths = false;
  /** Whether the template being rendered uses `this` itself (not `this.x`). */
  private usesThis = false;
  private readonly cache = new Map<string, HandlebarsTemplateDelegate>();

  constructor() {
    const hb = this.hb;
    const helpers = hb.helpers as Record<string, HelperFn>;
    const each = helpers.each!;
    const withHelper = helpers.with!;
    const blockHelperMissing = helpers.blockHelperMissing!;
    const oracle = this;

    hb.registerHelper('each', function (this: unknown, context: unknown, options: Record<string, unknown>) {
      // Handlebars.java iterates the Java bean properties of a non-null scalar (the corpus leaves it out).
      if (isScalar(context)) oracle.flags.add('each-over-scalar');
      if (this !== undefined && oracle.pushesSameContext(context, this, true)) oracle.flags.add('context-identity');
      // handlebars.js renders a null element with an empty object as `this` (its `nullContext`): `{{this}}`
      // prints `[object Object]` and `{{#if this}}` is true, where Handlebars.java has null.
      if (oracle.usesThis && context && typeof context === 'object' && Object.values(context).some((v) => v === null || v === undefined)) {
        oracle.flags.add('null-element-context');
      }
      if (!oracle.javaFirstLast) return each.call(this, context, options);
      const fn = options.fn as (context: unknown, options?: { data?: Record<string, unknown> }) => string;
      const javaFn = (item: unknown, runtime?: { data?: Record<string, unknown> }) => {
        const data = runtime?.data;
        if (!data) return fn(item, runtime);
        // Handlebars.java's EachHelper sets @first/@last to "first"/"last" or "" (corpus each.arr_first_last).
        return fn(item, { ...runtime, data: { ...data, first: data.first ? 'first' : '', last: data.last ? 'last' : '' } });
      };
      return each.call(this, context, { ...options, fn: javaFn });
    });

    hb.registerHelper('with', function (this: unknown, context: unknown, options: Record<string, unknown>) {
      // handlebars.js' #with renders for 0 (its isEmpty); Handlebars.java's treats 0 as falsy.
      if (context === 0) oracle.flags.add('with-zero');
      if (oracle.pushesSameContext(context, this, false)) oracle.flags.add('context-identity');
      return withHelper.call(this, context, options);
    });

    hb.registerHelper('blockHelperMissing', function (this: unknown, context: unknown, options: Record<string, unknown>) {
      // A `{{#x}}`/`{{^x}}` section over 0 or "": truthy for handlebars.js, falsy for Handlebars.java.
      if (context === 0 || context === '') oracle.flags.add('section-zero-or-empty');
      if (context !== true && oracle.pushesSameContext(context, this, Array.isArray(context))) oracle.flags.add('context-identity');
      return blockHelperMissing.call(this, context, options);
    });

    // `../x`: handlebars.js reads x in that one context; Handlebars.java's ParentPath resolves x from there with
    // the usual walk up the contexts. Compile those lookups into a call that reports when the two differ.
    // The compiler class is a documented extension point of handlebars.js, missing from its type declarations.
    const environment = hb as unknown as { JavaScriptCompiler: { prototype: object } };
    const Base = environment.JavaScriptCompiler;
    type Compiler = { lastContext: number; push(source: unknown): unknown };
    function CheckingCompiler(this: unknown) {}
    CheckingCompiler.prototype = Object.create(Base.prototype);
    CheckingCompiler.prototype.compiler = CheckingCompiler;
    CheckingCompiler.prototype.lookupOnContext = function (this: Compiler, parts: string[], falsy: boolean, strict: boolean, scoped: boolean) {
      if (this.lastContext > 0) {
        this.push([`globalThis.${PARENT_LOOKUP}(depths, ${this.lastContext}, ${JSON.stringify(parts)})`]);
        return;
      }
      return (Base.prototype as unknown as { lookupOnContext: (...args: unknown[]) => unknown }).lookupOnContext.call(this, parts, falsy, strict, scoped);
    };
    // handlebars.js joins adjacent appends with `+`, so `{{{a}}}{{{b}}}` over two numbers prints their SUM
    // (its bug, not a Java difference). Append raw values as strings.
    type Appender = Compiler & {
      isInline(): boolean;
      replaceStack(f: (current: unknown) => unknown[]): void;
      pushSource(source: unknown): void;
      appendToBuffer(source: unknown): unknown;
      popStack(): unknown;
    };
    CheckingCompiler.prototype.append = function (this: Appender) {
      if (this.isInline()) {
        this.replaceStack((current) => [' != null ? "" + ', current, ' : ""']);
        this.pushSource(this.appendToBuffer(this.popStack()));
        return;
      }
      return (Base.prototype as unknown as { append: () => unknown }).append.call(this);
    };
    // A plain path's first segment (compat mode): handlebars.js' `container.lookup` returns a context that is
    // `false`, `0` or `""` itself (`depths[i] && ...`), where Handlebars.java walks on to the enclosing contexts.
    CheckingCompiler.prototype.depthedLookup = function (this: Compiler & { aliasable(name: string): unknown; quotedString(s: string): string }, name: string) {
      const quoted = this.quotedString(name);
      return [`globalThis.${DEPTHED_LOOKUP}(`, this.aliasable('container.lookup'), `(depths, ${quoted}), depths, ${quoted})`];
    };
    environment.JavaScriptCompiler = CheckingCompiler as unknown as { prototype: object };
    (globalThis as Record<string, unknown>)[DEPTHED_LOOKUP] = (native: unknown, depths: unknown[], name: string) => {
      if (!sameValue(native, javaLookup(depths, [name]))) this.flags.add('compat-falsy-context');
      return native;
    };
    (globalThis as Record<string, unknown>)[PARENT_LOOKUP] = (depths: unknown[], depth: number, parts: string[]) => {
      let native: unknown = depths[depth];
      for (const part of parts) native = native !== null && native !== undefined ? own(native, part) : native;
      const java = javaLookup(depths.slice(depth), parts);
      if (!sameValue(native, java)) this.flags.add('parent-path-walk');
      return native;
    };
  }

  /**
   * handlebars.js pushes a new context only when the block's value is not (loosely) equal to the current one;
   * Handlebars.java pushes a new context object each time. Only `../` can tell, so such cases of templates
   * with a `../` path are set aside.
   */
  private pushesSameContext(value: unknown, current: unknown, iterates: boolean): boolean {
    if (!this.usesParentPaths) return false;
    const items = iterates ? (Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : []) : [value];
    // Loose equality on purpose: it is handlebars.js' own test (`context != depths[0]`).
    return items.some((item) => item !== null && item !== undefined && item !== false && item == current);
  }

  render(template: string, data: Json, view: ViewOptions = FULL_VIEW, javaFirstLast = true): OracleRun {
    let compiled = this.cache.get(template);
    if (!compiled) {
      compiled = this.hb.compile(template, { compat: true, ignoreStandalone: true });
      this.cache.set(template, compiled);
    }
    this.flags = new Set();
    if (qualifiesWithPath(Handlebars.parse(template))) this.flags.add('java-with-qualifies-its-path');
    this.javaFirstLast = javaFirstLast;
    this.usesParentPaths = template.includes('../');
    this.usesThis = /\bthis(?![./])/.test(template);
    const output = compiled(oracleView(data, view));
    return { output, flags: this.flags };
  }

  clear(): void {
    this.cache.clear();
    delete (globalThis as Record<string, unknown>)[PARENT_LOOKUP];
    delete (globalThis as Record<string, unknown>)[DEPTHED_LOOKUP];
  }
}

interface HbsNode {
  type: string;
  body?: HbsNode[];
  path?: { type: string; original: string };
  params?: Array<{ type: string; original?: string }>;
  hash?: unknown;
  program?: HbsNode;
  inverse?: HbsNode;
}

/**
 * Handlebars.java's TemplateBuilder rewrites a plain `{{p}}` or `{{p.x}}` written directly inside
 * `{{#with p}}` to `this.p…` ("HACK to qualified 'with' in order to improve handlebars.js compatibility"), so it
 * no longer falls back to the enclosing contexts. handlebars.js has no such rule.
 */
function qualifiesWithPath(node: HbsNode | undefined, withPath?: string): boolean {
  if (!node) return false;
  if (node.type === 'Program') return (node.body ?? []).some((child) => qualifiesWithPath(child, withPath));
  if (node.type === 'MustacheStatement') {
    const path = node.path;
    if (withPath === undefined || !path || path.type !== 'PathExpression' || node.params?.length || node.hash) return false;
    return !path.original.startsWith('.') && (path.original === withPath || path.original.startsWith(`${withPath}.`));
  }
  if (node.type === 'BlockStatement') {
    const first = node.params?.[0];
    const inner = node.path?.original === 'with' && first?.type === 'PathExpression' ? first.original : undefined;
    return qualifiesWithPath(node.program, inner) || qualifiesWithPath(node.inverse, inner);
  }
  return false;
}

// ---- mustache.js ---------------------------------------------------------------------------------------------

interface MustacheText {
  /** The literal text mustache.js kept, in order (nested sections included). */
  kept: string;
}

function keptText(tokens: readonly unknown[]): MustacheText {
  let kept = '';
  for (const token of tokens as Array<[string, string, number, number, unknown[]?]>) {
    if (token[0] === 'text') kept += token[1];
    else if (token[4]) kept += keptText(token[4]).kept;
  }
  return { kept };
}

/** The template's literal text, tags removed (the generator never puts a brace inside a tag). */
function literalText(template: string): string {
  return template.replace(/\{\{\{[^}]*\}\}\}|\{\{[^}]*\}\}/g, '');
}

/**
 * mustache.js (`Mustache.render`). Its HTML escaping is normalised to Handlebars.java's (it also escapes `/` as
 * `&#x2F;` and writes `'` as `&#39;`).
 */
export class MustacheOracle {
  private flags = new Set<string>();

  render(template: string, data: Json, view: ViewOptions = FULL_VIEW, javaEscape = true): OracleRun {
    this.flags = new Set();
    const flags = this.flags;
    // mustache.js strips "standalone" lines (a line with only section or comment tags and whitespace), even
    // on a one-line template; Handlebars.java never does. Detect it from mustache.js' own token list.
    if (keptText(Mustache.parse(template)).kept !== literalText(template)) flags.add('mustache-standalone');

    class CheckingContext extends Mustache.Context {
      override push(next: unknown): Mustache.Context {
        return new CheckingContext(next, this);
      }
      override lookup(name: string): unknown {
        const native = super.lookup(name);
        if (name !== '.') {
          const contexts: unknown[] = [];
          for (let c: Mustache.Context | undefined = this; c; c = c.parent) contexts.push(c.view);
          // mustache.js retries the whole dotted name in each enclosing context and stops at a key that is
          // present with a null value; Handlebars.java binds the first segment and walks past nulls.
          if (!sameValue(native, javaLookup(contexts, name.split('.')))) flags.add('mustache-lookup');
        }
        return native;
      }
    }

    const escape = (value: unknown): string => {
      const escaped = Mustache.escape(String(value));
      return javaEscape ? escaped.replaceAll('&#x2F;', '/').replaceAll('&#39;', '&#x27;') : escaped;
    };
    let output: string;
    try {
      output = Mustache.render(template, new CheckingContext(oracleView(data, view)), {}, { escape });
    } catch (error) {
      // mustache.js reads a key of a null context (an array's null element) without a guard.
      if (error instanceof TypeError && /of null/.test(error.message)) {
        flags.add('mustache-null-context');
        return { output: '', flags };
      }
      throw error;
    }
    return { output, flags };
  }
}
