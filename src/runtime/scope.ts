/**
 * Render-time scopes. Each delimiter family has its own context stack, data variables and block parameters
 * (DESIGN.md rule 1: a `[[#each]]` pushes only the feed stack). A scope is immutable: entering a block makes a
 * new one, so closures can share them freely.
 */
import { JsonNumber } from '../values/json-number.js';
import { jsonText, printValue } from '../values/print.js';
import { RawNode, type Value } from '../values/types.js';
import { JAVA_MEMBER_NAMES, javaMember, mapMember, type MemberAnswer } from './java-members.js';
import type { Family } from '../syntax/ast.js';

/** A context on the stack: what `this` is, and the context `../` leads to. */
export interface ContextFrame {
  readonly value: Value;
  readonly parent: ContextFrame | undefined;
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
  /**
   * The data variables this level itself set (an `#each` item's `@index`...), none when it only inherits its
   * parent's. Handlebars.java keeps them in a HashMap of the level (Context.extendedContext), which a name is looked
   * up in after the context's value: its Java methods `size`, `empty`... answer there.
   */
  readonly ownData?: DataVars | undefined;
  /**
   * The level was pushed inside a block with block parameters (or inside such a level). Handlebars.java makes every
   * context below a Context.BlockParam a ParentFirst context, whose `get` asks its parent first and only then
   * itself: inside `{{#each xs as |x|}}`, a `{{#with o}}{{k}}{{/with}}` prints the `k` of the element (or of any
   * enclosing context) before o's own, and `{{this}}` there is the element (checked against the Java engine).
   */
  readonly parentFirst?: boolean;
  /**
   * A block parameter level of its own over another one (pushBlockParamLevel): not merged with a context the block
   * pushed, so `../` from it steps to the outer level as from any context.
   */
  readonly paramsOnly?: boolean;
}

/** The data variables one block sets; a Map will do, `#each` uses a lighter object computed on demand. */
export interface DataVars {
  has(name: string): boolean;
  get(name: string): Value;
  /** How many variables are set (the size of Handlebars.java's HashMap of them). */
  readonly size: number;
}

export interface BlockParam {
  readonly value: Value;
  /**
   * Handlebars.java binds `#each`'s element parameter to the raw Jackson node (a RawNode): `{{item}}` prints it as
   * JSON (`"a"`, with quotes), `{{#if item}}` finds a text node empty, while `{{item.name}}` resolves normally.
   * Corpus: `each.block_params`; fuzz class block-params-raw-jsonnode.
   */
  readonly node?: boolean;
}

export interface ParamFrame {
  readonly params: ReadonlyMap<string, BlockParam>;
  readonly parent: ParamFrame | undefined;
}

export interface FamilyScope {
  readonly context: ContextFrame;
  readonly root: Value;
  readonly params: ParamFrame | undefined;
}

export type Scope = Readonly<Record<Family, FamilyScope>>;

/** `scope[family]` as two named loads: the renderer's closures run it for every tag, a keyed load is slower. */
export function familyOf(scope: Scope, family: Family): FamilyScope {
  return family === 'user' ? scope.user : scope.feed;
}

export function familyScope(root: Value): FamilyScope {
  // Every frame has the same fields, so the lookups that read them stay monomorphic.
  const context: ContextFrame = {
    value: root,
    parent: undefined,
    node: true,
    blockParams: undefined,
    ownData: undefined,
    parentFirst: false,
  };
  return { context, root, params: undefined };
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
  const current = familyOf(scope, family);
  // A raw node pushed as a context (`{{#with item}}` of an #each element parameter) is that node's level.
  if (context instanceof RawNode) {
    context = context.value;
    node = true;
  }
  const next: FamilyScope = {
    root: current.root,
    context: newContext
      ? {
          value: context,
          parent: current.context,
          node,
          blockParams,
          ownData: data,
          parentFirst: current.context.blockParams !== undefined || current.context.parentFirst === true,
        }
      : current.context,
    params: blockParams ? { params: blockParams, parent: current.params } : current.params,
  };
  return family === 'user' ? { user: next, feed: scope.feed } : { user: scope.user, feed: next };
}

/**
 * The current context again as a block parameter level: Handlebars.java's `Context.newBlockParamContext` over the
 * current context, which a block with block parameters gets even when its helper renders `fn()` or `inverse()`
 * without a new context (Options.apply). The level is the current frame with the parameters on it, so `this` and
 * `../` mean what they meant, and `{{.}}` prints the parameters' map.
 */
export function pushBlockParamLevel(scope: Scope, family: Family, blockParams: ReadonlyMap<string, BlockParam>): Scope {
  const current = familyOf(scope, family);
  // Over another block parameter level this is a level of its own whose `this` is that level's model, its
  // parameter map (BlockParam.get: parent.model); names it lacks are looked up from the outer level on.
  const outer = current.context.blockParams;
  const context: ContextFrame = outer
    ? { value: blockParamLevelMap(outer), parent: current.context, node: false, blockParams, ownData: undefined, parentFirst: false, paramsOnly: true }
    : { ...current.context, blockParams };
  const next: FamilyScope = {
    root: current.root,
    context,
    params: { params: blockParams, parent: current.params },
  };
  return family === 'user' ? { user: next, feed: scope.feed } : { user: scope.user, feed: next };
}

/** Collects the Java method a lookup met that mergetag does not print (for the renderer's `java-member` warning). */
export interface MemberProbe {
  internal?: string;
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * One step along a path, as Handlebars.java's resolver chain takes it: a key of an object, an index of an array
 * (`a.0`, `a.[0]`) or `length` of an array (JsonNodeValueResolver), and when the JSON has no value there (absent or
 * null), a Java method of the object the value is at that point (runtime/java-members.ts: `size`, `empty`,
 * `length` of a string, `null` of a Jackson node...). `node`: the value is the raw Jackson node (the root, an
 * `#each` element, `@root`) rather than what a path resolved to. Never an inherited JavaScript member.
 * Corpus: `num.len`, `num.strlen`, `num.objsize`, `path.*`; fuzz class java-method-name-as-key.
 */
export function property(value: Value, key: string, node = false, probe?: MemberProbe): Value {
  if (value instanceof Map) {
    const found = value.get(key);
    if (found !== undefined && found !== null) return found;
  } else if (Array.isArray(value)) {
    if (INDEX.test(key)) return value[Number(key)];
    if (key === 'length') return JsonNumber.fromNumber(value.length);
  } else if (value instanceof RawNode) {
    return property(value.value, key, true, probe);
  }
  return JAVA_MEMBER_NAMES.has(key) ? memberValue(javaMember(value, key, node), probe) : undefined;
}

function memberValue(answer: MemberAnswer | undefined, probe: MemberProbe | undefined): Value {
  if (answer === undefined) return undefined;
  if ('internal' in answer) {
    if (probe) probe.internal = answer.internal;
    return undefined;
  }
  return answer.value;
}

/** The rest of a path from `value`; `node`: `value` is a raw Jackson node (only the first step sees it raw). */
export function resolveParts(value: Value, parts: readonly string[], from = 0, probe?: MemberProbe, node = false): Value {
  let current = value;
  for (let i = from; i < parts.length; i++) {
    // The common step first, without property's other cases: a key the JSON object has (not null).
    if (current instanceof Map) {
      const found = current.get(parts[i]!);
      if (found !== undefined && found !== null) {
        current = found;
        continue;
      }
    }
    const raw = node && i === from;
    // A raw JSON null is a Jackson NullNode, whose Java methods still answer (`{{it.null}}` is true).
    if (current === undefined || (current === null && !raw)) return undefined;
    current = property(current, parts[i]!, raw, probe);
  }
  return current;
}

function isMissing(value: Value): boolean {
  return value === undefined || value === null;
}

export interface PathSpec {
  /** The path is `.` (not `this`). */
  dot?: boolean;
  /** The path starts with `this` (`this.x`), not `./`: they differ directly inside a block with block parameters. */
  viaThis?: boolean;
  data: boolean;
  depth: number;
  local: boolean;
  parts: readonly string[];
  /**
   * Whether the first segment names a Java method some value has (runtime/java-members.ts), and `@` + the first
   * segment: both depend on the path only, so a compiled template computes them once (`pathSpec`).
   */
  java?: boolean;
  at?: string;
  /** A plain `x.y` (no `@`, `../`, `this.`, `./` or `.`), which resolvePath can look up directly (`pathSpec`). */
  plain?: boolean;
}

/** A PathSpec with what depends on the path alone computed once. */
export function pathSpec(spec: PathSpec): PathSpec {
  const head = spec.parts[0] ?? '';
  const plain = !spec.data && spec.depth === 0 && !spec.local && !spec.dot && spec.parts.length > 0;
  return { ...spec, java: JAVA_MEMBER_NAMES.has(head), at: `@${head}`, plain };
}

/**
 * Resolves a path in one family, the way Handlebars.java's `Context.get` does:
 *   - `@name` looks, from the current context outward, for the key `@name` then `name` of the context's value,
 *     then the data variable the level set (an `#each` item's `@index`), then the root data (`@root`, the raw root
 *     node): so `{{@index}}` in an `#each` over objects with an `index` key prints that key (checked against the
 *     Java engine; corpus `x.at_key_in_data`); `@../name` reads the data of the parent context;
 *   - a block parameter shadows context keys;
 *   - `this.x` and `./x` look in the current context only;
 *   - a plain `x.y` finds `x` in the current context or the nearest enclosing one that has it (not null), and
 *     resolves `.y` there only (corpus `path.implicit_parent_lookup`; checked against Handlebars.java: with
 *     `{"a":{"b":{}},"b":{"c":1}}`, `{{#with a}}{{b.c}}{{/with}}` prints nothing);
 *   - `../x` does the same, starting from the parent context;
 *   - at each level, a name the JSON has no value for may be a Java method of the value (`size`, `null`: see
 *     `property`) or of the level's HashMaps (its block parameters, its data variables: `size`, `empty`).
 * `probe` records a Java method met that mergetag does not print.
 */
export function resolvePath(scope: FamilyScope, path: PathSpec, probe?: MemberProbe): Value {
  const context = scope.context;
  if (context.parentFirst && !context.blockParams && context.parent) {
    const fromParent = resolvePath({ ...scope, context: context.parent }, path, probe);
    if (!isMissing(fromParent)) return fromParent;
  }
  // The commonest case: a plain path with no block parameter in scope, where resolveHere would reach this line
  // after checks that cannot apply (issue 11: the render's hottest function).
  if (path.plain === true && scope.params === undefined && context.blockParams === undefined) {
    return lookUpContexts(context, scope.root, path.parts, probe, false, path.java);
  }
  return resolveHere(scope, path, probe);
}

function resolveHere(scope: FamilyScope, path: PathSpec, probe: MemberProbe | undefined): Value {
  const { parts } = path;
  if (path.data) {
    if (parts[0] === undefined) return undefined;
    if (path.depth === 0) return lookUpData(scope.context, scope.root, path, probe, true);
    return parentData(scope, path, probe);
  }
  if (path.depth === 0 && !path.local && parts.length) {
    const param = blockParam(scope, parts[0]!);
    if (param) return paramValue(param, parts, probe);
  }
  const params = scope.context.blockParams;
  if (params) {
    if (path.dot) return blockParamLevelText(params);
    if (path.local && path.depth === 0) return blockParamLevelLocal(scope.context, scope.root, params, path, probe);
    // The block parameter level's `../` is its own context: one level fewer from there.
    if (path.depth > 0 && !scope.context.paramsOnly) {
      if (path.local || parts.length === 0) {
        let frame: ContextFrame | undefined = scope.context;
        for (let d = 1; d < path.depth; d++) frame = frame?.parent;
        return frame ? resolveParts(frame.value, parts, 0, probe, frame.node === true) : undefined;
      }
      if (path.depth === 1) return lookUpContexts(scope.context, scope.root, parts, probe, true, path.java);
      return lookUpParents(scope.context, path.depth - 1, parts, probe);
    }
  }
  // From a level whose model is Java's null (the else block of `{{#with missing}}`), Context.get finds no parent
  // path at all: `../this`, `../x` and `../../x` print nothing there (checked against the Java engine).
  if (path.depth > 0 && scope.context.value === undefined) return undefined;
  let frame: ContextFrame | undefined = scope.context;
  for (let d = 0; d < path.depth; d++) frame = frame?.parent;
  if (!frame) return undefined;
  if (path.local || parts.length === 0) return resolveParts(frame.value, parts, 0, probe, frame.node === true);
  if (path.depth > 0) return lookUpParents(scope.context, path.depth, parts, probe);
  return lookUpContexts(frame, scope.root, parts, probe, false, path.java);
}

/** A block parameter and the rest of the path: an `#each` element parameter is the raw node (a RawNode). */
function paramValue(param: BlockParam, parts: readonly string[], probe: MemberProbe | undefined): Value {
  if (param.node && parts.length === 1) return RawNode.of(param.value);
  return resolveParts(param.value, parts, 1, probe, param.node === true);
}

/**
 * `this`, `this.x` and `./x` directly inside a block with block parameters, where Handlebars.java's
 * Context.BlockParam is the current context (its value a HashMap of the parameters): `this` is the block's own
 * context, as its model is (so an `#each` element prints as JSON: fuzz class block-params-raw-jsonnode);
 * `this.x` reads the parameter `x` (or the HashMap's Java methods) and nothing else; `./x` is `x` looked up from
 * the block's context outward.
 */
function blockParamLevelLocal(
  frame: ContextFrame,
  root: Value,
  params: ReadonlyMap<string, BlockParam>,
  path: PathSpec,
  probe: MemberProbe | undefined,
): Value {
  const { parts } = path;
  if (parts.length === 0) return frame.node ? RawNode.of(frame.value) : frame.value;
  if (!path.viaThis) return lookUpContexts(frame, root, parts, probe, true);
  const param = params.get(parts[0]!);
  if (param) return paramValue(param, parts, probe);
  return memberOfLevel(
    mapMember(params.size, parts[0]!, 'HashMap', () => blockParamLevelText(params)),
    parts,
    probe,
  );
}

/** What a level's HashMap answered, and the rest of the path from it. */
function memberOfLevel(answer: MemberAnswer | undefined, parts: readonly string[], probe: MemberProbe | undefined): Value {
  if (answer === undefined) return undefined;
  if ('internal' in answer) {
    if (probe) probe.internal = answer.internal;
    return undefined;
  }
  return resolveParts(answer.value, parts, 1, probe);
}

/**
 * `../x` and `../../x` (ParentPath): each `../` steps from a level to its parent, and a level whose model is Java's
 * null (the else block of `{{#with missing}}`) has no parent to step to, so the path finds nothing (fuzz class
 * else-of-missing-value-parent-path). From the level reached, `x` is looked up as Context.get does: that level's
 * value, then outward, passing levels whose model is null (`{{#with missing}}{{else}}{{#with @root.o}}{{../a}}`
 * finds the root's `a`; checked against the Java engine).
 */
function lookUpParents(start: ContextFrame, depth: number, parts: readonly string[], probe: MemberProbe | undefined): Value {
  let target: ContextFrame | undefined = start;
  for (let d = 0; d < depth; d++) {
    if (!target || target.value === undefined) return undefined;
    target = target.parent;
  }
  const head = parts[0]!;
  for (let it: ContextFrame | undefined = target; it; it = it.parent) {
    if (it.value === undefined) continue;
    const value = property(it.value, head, it.node === true, probe);
    if (!isMissing(value)) return resolveParts(value, parts, 1, probe);
  }
  return undefined;
}

/**
 * A plain name, from `start` outward. At each level Handlebars.java asks, in order: the block parameters' HashMap
 * (its Java methods: the names themselves were found by `blockParam`), the context's value (its keys, then its
 * Java methods), then the level's own HashMap of data variables, whose Java methods answer too: `{{size}}` inside
 * `{{#with name}}` prints 0, the size of that empty HashMap (checked against the Java engine). `skipParams`: start
 * below the block parameter level of `start` (a `./x` or `../x` written directly inside it).
 */
function lookUpContexts(
  start: ContextFrame,
  root: Value,
  parts: readonly string[],
  probe?: MemberProbe,
  skipParams = false,
  java = JAVA_MEMBER_NAMES.has(parts[0]!),
): Value {
  const head = parts[0]!;
  for (let frame: ContextFrame | undefined = start; frame; frame = frame.parent) {
    const params = frame.blockParams;
    if (params && !(skipParams && frame === start)) {
      if (java) {
        const answer = mapMember(params.size, head, 'HashMap', () => blockParamLevelText(params));
        if (answer) return memberOfLevel(answer, parts, probe);
      }
      if (head === 'root') return rootData(root, parts, probe);
    }
    // The common case first: a key of a JSON object, no Java method to consider.
    const model = frame.value;
    const value = !java && model instanceof Map ? model.get(head) : property(model, head, frame.node === true, probe);
    if (!isMissing(value)) return resolveParts(value, parts, 1, probe);
    if (java) {
      if (probe?.internal) return undefined;
      const answer = mapMember(frame.ownData?.size ?? 0, head);
      if (answer) return memberOfLevel(answer, parts, probe);
    }
    if (head === 'root') return rootData(root, parts, probe);
  }
  return undefined;
}

/**
 * Handlebars.java also looks a plain name up in the render's data, a HashMap that holds `root` (the raw root node),
 * after the context's value and the level's own data: so `{{root}}` prints the root as JSON and `{{#each root}}`
 * iterates its values, unless the current context has a key `root` (checked against the Java engine).
 */
function rootData(root: Value, parts: readonly string[], probe: MemberProbe | undefined): Value {
  return parts.length === 1 ? RawNode.of(root) : resolveParts(root, parts, 1, probe, true);
}

/**
 * `@name` (Handlebars.java's DataPath) from `start` outward: at each level the key `@name`, then `name`, of the
 * block parameters or the context's value (Java methods included), then the level's own data variable, then the
 * root's data, which holds `root`: the raw root node (fuzz class jsonnode-iterable-root-or-raw-node).
 */
function lookUpData(start: ContextFrame, root: Value, path: PathSpec, probe: MemberProbe | undefined, atParams: boolean): Value {
  const parts = path.parts;
  const head = parts[0]!;
  const at = path.at ?? `@${head}`;
  const java = path.java ?? JAVA_MEMBER_NAMES.has(head);
  for (let frame: ContextFrame | undefined = start; frame; frame = frame.parent) {
    const params = frame.blockParams;
    if (params && (atParams || frame !== start)) {
      const param = params.get(at) ?? params.get(head);
      if (param) return paramValue(param, parts, probe);
      const answer = mapMember(params.size, head, 'HashMap', () => blockParamLevelText(params));
      if (answer) return memberOfLevel(answer, parts, probe);
    }
    // A key `@name` can only be a JSON object's; `name` may also be a Java method of the value.
    const model = frame.value;
    let value = model instanceof Map ? model.get(at) : undefined;
    if (isMissing(value)) value = java || !(model instanceof Map) ? property(model, head, frame.node === true, probe) : model.get(head);
    if (!isMissing(value)) return resolveParts(value, parts, 1, probe);
    if (probe?.internal) return undefined;
    const own = frame.ownData;
    if (own?.has(head)) return resolveParts(own.get(head), parts, 1, probe);
    if (java) {
      const answer = mapMember(own?.size ?? 0, head);
      if (answer) return memberOfLevel(answer, parts, probe);
    }
    if (head === 'root') return parts.length === 1 ? RawNode.of(root) : resolveParts(root, parts, 1, probe, true);
  }
  return undefined;
}

/**
 * `@../name` (Handlebars.java's ParentPath then DataPath): `name` looked up as `@name` from the parent context, a
 * ParentFirst parent included. The parent of a block parameter level is its block's own context (the same frame
 * here); the parent of a context is the level it was pushed on, that level's block parameters if it has any.
 */
function parentData(scope: FamilyScope, path: PathSpec, probe: MemberProbe | undefined): Value {
  const depth = path.depth;
  let frame: ContextFrame | undefined = scope.context;
  let atParams = frame.blockParams !== undefined;
  for (let d = 0; d < depth && frame; d++) {
    if (atParams) atParams = false;
    else {
      frame = frame.parent;
      atParams = frame?.blockParams !== undefined;
    }
  }
  if (!frame) return undefined;
  if (!atParams && frame.parentFirst && frame.parent) {
    const parent = frame.parent;
    const fromParent = lookUpData(parent, scope.root, path, probe, true);
    if (!isMissing(fromParent)) return fromParent;
  }
  return lookUpData(frame, scope.root, path, probe, atParams);
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
/** The order a java.util.HashMap of the default capacity iterates these names in (by hash bucket). */
function hashMapOrder(params: ReadonlyMap<string, BlockParam>): string[] {
  const bucket = (name: string): number => {
    const h = javaHash(name);
    return (h ^ (h >>> 16)) & 15;
  };
  return [...params.keys()].sort((a, b) => bucket(a) - bucket(b));
}

function blockParamLevelText(params: ReadonlyMap<string, BlockParam>): string {
  const entries = hashMapOrder(params).map((name) => {
    const param = params.get(name)!;
    // AbstractMap.toString: String.valueOf of each value, so a null one prints null.
    const text = param.node ? jsonText(param.value) : param.value === null || param.value === undefined ? 'null' : printValue(param.value);
    return `${name}=${text}`;
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

/**
 * A context's model, as Handlebars.java's `Context.model()` holds it: the raw Jackson node at the root and for an
 * `#each` element, else the value the level was given. A helper called without params receives it.
 */
/** The model of a level as a block parameter binds it (Options.blockParams): a raw node keeps its node flag. */
export function modelParam(frame: ContextFrame): BlockParam {
  if (frame.blockParams) return { value: blockParamLevelMap(frame.blockParams) };
  return { value: frame.value, node: frame.node === true };
}

export function contextModel(frame: ContextFrame): Value {
  if (frame.blockParams) return blockParamLevelMap(frame.blockParams);
  return frame.node ? RawNode.of(frame.value) : frame.value;
}

/**
 * A block parameter level's model: Handlebars.java's Context.BlockParam holds a HashMap of the parameters (names
 * in HashMap order, an `#each` element parameter as its raw node), so a helper called there without params gets
 * that map: `{{#each xs as |p|}}{{#if}}` is always true (checked against the Java engine).
 */
function blockParamLevelMap(params: ReadonlyMap<string, BlockParam>): Value {
  const map = new Map<string, Value>();
  for (const name of hashMapOrder(params)) {
    const param = params.get(name)!;
    map.set(name, param.node ? RawNode.of(param.value) : param.value);
  }
  return map;
}
