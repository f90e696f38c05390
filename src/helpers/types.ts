/**
 * The helper contract shared by the renderer and (later) the linter: an implementation plus `meta` that says how
 * the helper may be called and what Iterable documents about it.
 */
import type { RuleId } from '../diagnostics/rules.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/source.js';
import type { Family } from '../syntax/ast.js';
import type { BlockParam, DataVars } from '../runtime/scope.js';
import type { Value } from '../values/types.js';

export type HelperForm = 'inline' | 'block' | 'both';

export interface ParamMeta {
  name: string;
  /** What the helper expects; `any` when it takes every value. */
  type: 'any' | 'string' | 'number' | 'boolean' | 'array' | 'object' | 'path';
  optional?: boolean;
  /** Takes any number of values from here on. */
  variadic?: boolean;
  description?: string;
  /**
   * What the helper does with the value, for the analysis and the linter: `condition` (the block renders when it is
   * truthy), `negated-condition` (when it is falsy), `iterated` (the block renders per element), `context` (the
   * block renders with it as `this`), `compared` (compared with another value), `fallback` (replaced by a fallback
   * when empty, so a missing value is handled). Unset: an ordinary input.
   */
  role?: ParamRole;
}

export type ParamRole = 'condition' | 'negated-condition' | 'iterated' | 'context' | 'compared' | 'fallback';

export interface HelperMeta {
  name: string;
  form: HelperForm;
  params: ParamMeta[];
  hash?: ParamMeta[];
  description: string;
  /** What happens when the input is null or missing (an output, or a send skip). */
  onMissing?: string;
  /** Iterable's documentation of this helper. */
  docsUrl?: string;
  /** How faithfully mergetag reproduces Iterable: `exact`, or `approximate` with the reason in `notes`. */
  fidelity?: 'exact' | 'approximate';
  notes?: string;
  /**
   * The block's rendered body is data the helper encodes or hashes (`#urlEncode`, `#base64`, `#sha256`...), so
   * HTML escaping of a `{{x}}` inside it changes the result: the renderer warns when it does.
   */
  encodesBody?: boolean;
  /**
   * What `this` is inside the block: `element` an element of the first parameter (`#each`), `value` the first
   * parameter itself (`#with`), `derived` a value the helper computes (`#sortBy`, `#catalog`); unset, unchanged.
   * Block parameters (`as |a b|`) bind to the same value.
   */
  blockContext?: 'element' | 'value' | 'derived';
  /** A null or missing input fails the render (the message is not sent), as Iterable documents for comparisons. */
  failsOnMissing?: boolean;
  /**
   * The helper is one of Handlebars.java's built-ins written for the raw Jackson nodes it may be handed (`#each`,
   * `#with`, `lookup`, `#if`): it receives a `RawNode` as it is. Every other helper receives `nodeStandIn(node)`.
   */
  rawNodes?: boolean;
  /**
   * A mergetag extension over a name Iterable documents as a property (`{{list.size}}`, `{{name.length}}`): a bare
   * `{{size}}` or `{{#size}}` without params or hash is the plain path it is in Iterable's engine, which has no such
   * helper (a profile field named size, or the Java method a resolver answers with).
   */
  bareIsPath?: boolean;
  /**
   * Called without params the helper fails on its missing values instead of working on the current context (the
   * compiler does not hand it the context's model): Iterable's own comparison and arithmetic helpers, inferred
   * from their documented failure on missing fields. The `helper-arguments` lint rule reports such calls.
   */
  noParamsFails?: boolean;
}

export interface BlockRender {
  /** Renders the block body. `context` pushes a new `this` (omit it to keep the current one). */
  (change?: { context?: Value; data?: DataVars; blockParams?: readonly BlockParam[]; contextIsNode?: boolean }): string;
}

export interface HelperCall {
  name: string;
  params: Value[];
  /**
   * The tag wrote no params, so `params[0]` is the current context's model itself (HelperResolver.determineContext):
   * the very object Handlebars.java's `Options.wrap` finds already current, so a block over it pushes no context.
   */
  paramIsModel: boolean;
  /**
   * The first param is written `this` or `.`: it resolves the model (ResolveThisPath), which is the model itself
   * unless the model is a Jackson object or scalar node (an object node resolves to a new Map view each time).
   */
  paramIsThis: boolean;
  hash: ReadonlyMap<string, Value>;
  /** True for `{{#name}}...{{/name}}`; an inline call renders empty blocks. */
  isBlock: boolean;
  family: Family;
  /** The current `this` of the helper's family. */
  context: Value;
  /**
   * `this` is a raw Jackson node (the root, an `#each` element), which Handlebars.java hands a helper called
   * without params as it is; otherwise it is a value a path resolved to (what `#with` pushes).
   */
  contextIsNode: boolean;
  /**
   * The block this call is directly in declared block parameters: Handlebars.java's current context is then their
   * Context.BlockParam level, whose value is a HashMap of them, not `this`.
   */
  contextHasBlockParams: boolean;
  /** The block parameter names (`as |a b|`) the template declared, in order. */
  blockParamNames: readonly string[];
  fn: BlockRender;
  inverse: BlockRender;
  loc: Span;
  /** The clock, secrets and other injected state of this render. */
  runtime: RuntimeServices;
  /** Reports a non-fatal problem of this call (shown with the render's diagnostics). */
  warn(ruleId: RuleId, message: string, hint?: string): void;
  /**
   * Renders another template text (a snippet) in this call's scope, with the helpers of this render. `context`
   * pushes a new `this`; `file` names it in errors. A syntax error in it fails the render.
   */
  renderTemplate(text: string, options?: { file?: string; context?: Value }): string;
  /**
   * Resolves a path (its segments) as Handlebars.java's `Context.get` does in a context pushed on the current one
   * with `value` as `this`: in `value` first, then in the enclosing contexts (what `lookup` does).
   */
  resolveIn(value: Value, parts: readonly string[]): Value;
}

export interface RuntimeServices {
  now(): Date;
  /** Recorded diagnostics of the current render; helpers add through `HelperCall.warn`. */
  readonly diagnostics: Diagnostic[];
  /** Variables set by `{{#assign "name"}}` during this render; plain paths see them. */
  readonly assigned: Map<string, Value>;
  /** The project's HMAC secret, for `hmacSHA1`/`hmacSHA256`. */
  readonly hmacSecret: string | undefined;
  /** The source of a snippet, by name, with its declared variable names (for positional values). */
  snippet(name: string): SnippetSource | undefined;
  /** A catalog item, by catalog name and item key; undefined when there is none. */
  catalogItem(catalog: string, key: string): Value;
  /** Whether the render was given the catalog at all (`#catalogKeys` cannot emulate a catalog it was not given). */
  hasCatalog(catalog: string): boolean;
  /**
   * The items of a catalog collection (`#catalogCollection "Name"`), as Iterable's query would return them;
   * undefined when the render was not given the collection, whose query mergetag cannot run.
   */
  catalogCollection(name: string): Value[] | undefined;
  /**
   * Stops the render with `output-limit` when `text` passes the render's output cap. Helpers that loop call it
   * on the text they are building (as `#each` does), so a runaway loop stops at the cap.
   */
  checkOutput(text: string): void;
}

export interface SnippetSource {
  text: string;
  file?: string;
  /** The variables the snippet declares, in order: positional values bind to them. */
  variables?: readonly string[];
}

export type HelperImplementation = (call: HelperCall) => Value;

export interface HelperDefinition {
  meta: HelperMeta;
  fn: HelperImplementation;
  /**
   * For a block helper that only picks its block or its else block from its first param, in the current context,
   * and does nothing else (`#if`, `#unless`): true for the block. A `{{#name x}}` block without hash params then
   * renders the block it picks without building a call (what `fn` would do, at a fraction of the cost).
   */
  choose?: (value: Value) => boolean;
  /**
   * For a block helper whose block form renders its block in the current context and returns a function of that
   * text, and does nothing else (`#urlEncode`): the function. A `{{#name}}` block without params or hash then
   * renders as `transformBody(block)` without building a call; `fn` must do the same for a block.
   */
  transformBody?: (body: string) => string;
}
