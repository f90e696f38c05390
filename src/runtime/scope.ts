/**
 * Render-time scopes. Each delimiter family has its own context stack, data variables and block parameters
 * (DESIGN.md rule 1: a `[[#each]]` pushes only the feed stack). A scope is immutable: entering a block makes a
 * new one, so closures can share them freely.
 */
import { JsonNumber } from '../values/json-number.js';
import { jsonText, printValue } from '../values/print.js';
import type { Value } from '../values/types.js';
import type { Family } from '../syntax/ast.js';

/** A context on the stack: what `this` is, and the context `../` leads to. */
export interface ContextFrame {
  readonly value: Value;
  readonly parent: ContextFrame | undefined;
  /**
   * The data variables in effect at this context level. Handlebars.java keeps data in its contexts, so `@../index`
   * goes up one context (a `#with` counts) and reads the data there (fuzz class parent-data-var).
   */
  readonly data?: DataFrame | undefined;
  /**
   * The value is a raw Jackson node, as the root and an `#each` element are in Handlebars.java, rather than a value
   * a path resolved to (what `#with` pushes). A helper called without params receives this model as it is.
   */
  readonly node?: boolean;
  /**
   * The block parameters the block that pushed this context declared. Handlebars.java puts them in a context level
   * of their own above it (Context.BlockParam): `{{.}}` there prints that level's Map of names to values, and a
   * `../` steps up to this context (fuzz classes block-params-dot-prints-param-map, block-params-extra-context-level).
   */
  readonly blockParams?: ReadonlyMap<string, BlockParam> | undefined;
}

/** The data variables one block sets; a Map will do, `#each` uses a lighter object computed on demand. */
export interface DataVars {
  has(name: string): boolean;
  get(name: string): Value;
}

/** Data variables (`@index`, `@key`, `@first`...) set by a block; `@../index` reads the enclosing block's. */
export interface DataFrame {
  readonly vars: DataVars;
  readonly parent: DataFrame | undefined;
}

export interface BlockParam {
  readonly value: Value;
  /**
   * Handlebars.java binds `#each`'s element parameter to the raw Jackson node, so `{{item}}` prints it as JSON
   * (`"a"`, with quotes) while `{{item.name}}` resolves normally. Corpus: `each.block_params`.
   */
  readonly printsAsJson?: boolean;
}

export interface ParamFrame {
  readonly params: ReadonlyMap<string, BlockParam>;
  readonly parent: ParamFrame | undefined;
}

export interface FamilyScope {
  readonly context: ContextFrame;
  readonly root: Value;
  readonly data: DataFrame | undefined;
  readonly params: ParamFrame | undefined;
}

export type Scope = Readonly<Record<Family, FamilyScope>>;

export function familyScope(root: Value): FamilyScope {
  return { context: { value: root, parent: undefined, node: true }, root, data: undefined, params: undefined };
}

export interface Push {
  /** A new `this`; omit it to keep the current one. */
  context?: Value;
  data?: DataVars;
  blockParams?: ReadonlyMap<string, BlockParam>;
}

export function push(scope: Scope, family: Family, change: Push): Scope {
  return pushParts(scope, family, 'context' in change, change.context, change.data, change.blockParams);
}

/** `push` without an options object: the hot path of every block iteration. */
export function pushParts(
  scope: Scope,
  family: Family,
  newContext: boolean,
  context: Value,
  data: DataVars | undefined,
  blockParams: ReadonlyMap<string, BlockParam> | undefined,
  node = false,
): Scope {
  const current = scope[family];
  const nextData = data ? { vars: data, parent: current.data } : current.data;
  const next: FamilyScope = {
    root: current.root,
    context: newContext ? { value: context, parent: current.context, data: nextData, node, blockParams } : current.context,
    data: nextData,
    params: blockParams ? { params: blockParams, parent: current.params } : current.params,
  };
  return family === 'user' ? { user: next, feed: scope.feed } : { user: scope.user, feed: next };
}

/**
 * One step along a path: a key of an object, an index of an array (`a.0`, `a.[0]`), or one of the Java bean
 * properties Handlebars.java exposes: `length`/`size`/`empty` of arrays, `length`/`empty` of strings,
 * `size`/`empty` of objects (a real key wins unless its value is null). Never an inherited JavaScript member (`__proto__`, `toString`).
 * Corpus: `num.len`, `num.strlen`, `num.objsize`, `path.*`.
 */
export function property(value: Value, key: string): Value {
  if (value instanceof Map) {
    const found = value.get(key);
    // A key whose value is null is not found for Handlebars.java either: the bean properties still apply (fuzz
    // class java-method-name-as-key: `{{size}}` with `{"size": null}` prints 1).
    if (found !== undefined && found !== null) return found;
    if (key === 'size') return JsonNumber.fromNumber(value.size);
    if (key === 'empty') return value.size === 0;
    return found;
  }
  if (Array.isArray(value)) {
    if (/^(0|[1-9][0-9]*)$/.test(key)) return value[Number(key)];
    if (key === 'length' || key === 'size') return JsonNumber.fromNumber(value.length);
    if (key === 'empty') return value.length === 0;
    return undefined;
  }
  if (typeof value === 'string') {
    if (key === 'length') return JsonNumber.fromNumber(value.length);
    if (key === 'empty') return value.length === 0;
  }
  return undefined;
}

export function resolveParts(value: Value, parts: readonly string[], from = 0): Value {
  let current = value;
  for (let i = from; i < parts.length; i++) {
    if (current === undefined || current === null) return undefined;
    current = property(current, parts[i]!);
  }
  return current;
}

function isMissing(value: Value): boolean {
  return value === undefined || value === null;
}

export interface PathSpec {
  /** The path is `.` (not `this`). */
  dot?: boolean;
  data: boolean;
  depth: number;
  local: boolean;
  parts: readonly string[];
}

/**
 * Resolves a path in one family, the way Handlebars.java's `Context.get` does:
 *   - `@name` reads a data variable (`@root` is the root context); one that is not set falls back to the key
 *     `@name` of the context (corpus `x.at_key_in_data`); `@../name` reads the data of the parent context;
 *   - a block parameter shadows context keys;
 *   - `this.x` and `./x` look in the current context only;
 *   - a plain `x.y` finds `x` in the current context or the nearest enclosing one that has it (not null), and
 *     resolves `.y` there only (corpus `path.implicit_parent_lookup`; checked against Handlebars.java: with
 *     `{"a":{"b":{}},"b":{"c":1}}`, `{{#with a}}{{b.c}}{{/with}}` prints nothing);
 *   - `../x` does the same, starting from the parent context.
 */
export function resolvePath(scope: FamilyScope, path: PathSpec): Value {
  const { parts } = path;
  if (path.data) {
    const head = parts[0];
    if (head === undefined) return undefined;
    if (head === 'root' && path.depth === 0) return resolveParts(scope.root, parts, 1);
    let frame = scope.data;
    if (path.depth > 0) {
      let level: ContextFrame | undefined = scope.context;
      for (let d = 0; d < path.depth && level; d++) level = level.parent;
      frame = level?.data;
    }
    for (; frame; frame = frame.parent) {
      if (frame.vars.has(head)) return resolveParts(frame.vars.get(head), parts, 1);
    }
    return lookUpContexts(scope.context, [`@${head}`, ...parts.slice(1)]);
  }
  if (path.depth === 0 && !path.local && parts.length) {
    const param = blockParam(scope, parts[0]!);
    if (param) return resolveParts(param.value, parts, 1);
  }
  if (scope.context.blockParams) {
    if (path.dot) return blockParamLevelText(scope.context.blockParams);
    // The block parameter level's `../` is its own context: one level fewer from there.
    if (path.depth > 0 && !path.local && parts.length) {
      if (path.depth === 1) return lookUpContexts(scope.context, parts);
      return lookUpParents(scope.context, path.depth - 1, parts);
    }
  }
  let frame: ContextFrame | undefined = scope.context;
  for (let d = 0; d < path.depth; d++) frame = frame?.parent;
  if (!frame) return undefined;
  if (path.local || parts.length === 0) return resolveParts(frame.value, parts);
  if (path.depth > 0) return lookUpParents(scope.context, path.depth, parts);
  return lookUpContexts(frame, parts);
}

/**
 * `../x` as Handlebars.java's `Context.get` evaluates it: from each context outward, go `depth` levels up and look
 * for `x` there. A context whose value is null or missing is skipped (its path evaluation stops at once), so in
 * the else block of `{{#with missing}}` (rendered with the missing value as `this`), `../c` starts from the root's
 * parent and finds nothing (fuzz class else-of-missing-value-parent-path). A JSON null `#each` element is a Jackson
 * NullNode there, not null (fuzz case map-binding: other.45), so only `undefined` (Java's null) is skipped.
 */
function lookUpParents(start: ContextFrame, depth: number, parts: readonly string[]): Value {
  const head = parts[0]!;
  for (let it: ContextFrame | undefined = start; it; it = it.parent) {
    if (it.value === undefined) continue;
    let target: ContextFrame | undefined = it;
    for (let d = 0; d < depth && target; d++) target = target.parent;
    if (!target) return undefined;
    const value = property(target.value, head);
    if (!isMissing(value)) return resolveParts(value, parts, 1);
  }
  return undefined;
}

function lookUpContexts(start: ContextFrame, parts: readonly string[]): Value {
  const head = parts[0]!;
  for (let frame: ContextFrame | undefined = start; frame; frame = frame.parent) {
    const value = property(frame.value, head);
    if (!isMissing(value)) return resolveParts(value, parts, 1);
  }
  return undefined;
}

/** Java's String.hashCode, for the order of a HashMap's entries. */
function javaHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/**
 * `{{.}}` at a block parameter level: Java's `HashMap.toString()` of the names and values, in the HashMap's
 * bucket order (a table of 16 for a few names); a raw Jackson node value prints as JSON, a String as it is.
 */
function blockParamLevelText(params: ReadonlyMap<string, BlockParam>): string {
  const bucket = (name: string): number => {
    const h = javaHash(name);
    return (h ^ (h >>> 16)) & 15;
  };
  const names = [...params.keys()].sort((a, b) => bucket(a) - bucket(b));
  const entries = names.map((name) => {
    const param = params.get(name)!;
    return `${name}=${param.printsAsJson ? jsonText(param.value) : printValue(param.value)}`;
  });
  return `{${entries.join(', ')}}`;
}

export function blockParam(scope: FamilyScope, name: string): BlockParam | undefined {
  for (let frame = scope.params; frame; frame = frame.parent) {
    const param = frame.params.get(name);
    if (param) return param;
  }
  return undefined;
}
