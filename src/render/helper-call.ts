/**
 * One call of a helper at render time. The parts that never change for a tag (its name, family, block bodies)
 * live in a `CallSite` built at compile time; an invocation only adds the scope and the evaluated arguments.
 * Methods sit on the prototype, so a call (once per loop item, often) allocates one object, not a set of closures.
 */
import { rule, type RuleId } from '../diagnostics/rules.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/source.js';
import type { BlockRender, HelperCall } from '../helpers/types.js';
import type { Family } from '../syntax/ast.js';
import type { Value } from '../values/types.js';
import type { RenderFn, RunState } from './compiler.js';
import { familyOf, modelParam, pushBlockParamLevel, pushParts, resolvePath, type BlockParam, type Scope } from '../runtime/scope.js';

export interface CallSite {
  readonly name: string;
  readonly family: Family;
  readonly loc: Span;
  readonly file: string | undefined;
  readonly isBlock: boolean;
  readonly program: RenderFn | undefined;
  readonly inverse: RenderFn | undefined;
  readonly blockParamNames: readonly string[];
  /** Compiles a snippet's text with the helpers of this template (cached by the compiler). */
  readonly compileInclude: (text: string, file: string | undefined) => RenderFn;
}

type Change = Parameters<BlockRender>[0];

export class HelperInvocation implements HelperCall {
  constructor(
    private readonly site: CallSite,
    private readonly scope: Scope,
    readonly runtime: RunState,
    readonly params: Value[],
    readonly hash: ReadonlyMap<string, Value>,
    readonly paramIsModel: boolean,
    readonly paramIsThis: boolean,
  ) {}

  get name(): string {
    return this.site.name;
  }

  get family(): Family {
    return this.site.family;
  }

  get isBlock(): boolean {
    return this.site.isBlock;
  }

  get loc(): Span {
    return this.site.loc;
  }

  get blockParamNames(): readonly string[] {
    return this.site.blockParamNames;
  }

  get context(): Value {
    return familyOf(this.scope, this.site.family).context.value;
  }

  get contextIsNode(): boolean {
    return familyOf(this.scope, this.site.family).context.node === true;
  }

  get contextHasBlockParams(): boolean {
    return familyOf(this.scope, this.site.family).context.blockParams !== undefined;
  }

  fn(change?: Change): string {
    const site = this.site;
    const body = site.program;
    // #each's call per item, the commonest: a new context and data, and no block parameters to bind (enter's first case).
    if (change !== undefined && body !== undefined && site.blockParamNames.length === 0)
      return body(pushParts(this.scope, site.family, 'context' in change, change.context, change.data, undefined, change.contextIsNode), this.runtime);
    return this.enter(body, change);
  }

  inverse(change?: Change): string {
    return this.enter(this.site.inverse, change);
  }

  renderTemplate(text: string, options: { file?: string; context?: Value } = {}): string {
    const include = this.site.compileInclude(text, options.file);
    const scope = 'context' in options ? pushParts(this.scope, this.site.family, true, options.context, undefined, undefined) : this.scope;
    return include(scope, this.runtime);
  }

  resolveIn(value: Value, parts: readonly string[]): Value {
    const scope = pushParts(this.scope, this.site.family, true, value, undefined, undefined)[this.site.family];
    return resolvePath(scope, { data: false, depth: 0, local: false, parts });
  }

  warn(ruleId: RuleId, message: string, hint?: string): void {
    const extra: { file?: string; hint?: string } = {};
    if (this.site.file !== undefined) extra.file = this.site.file;
    if (hint !== undefined) extra.hint = hint;
    // A helper's report is a warning unless its rule is only informative (log, object-equality).
    this.runtime.diagnostics.push(diagnostic(ruleId, rule(ruleId).severity === 'info' ? 'info' : 'warning', message, this.site.loc, extra));
  }

  private enter(body: RenderFn | undefined, change: Change): string {
    if (!body) return '';
    const names = this.site.blockParamNames;
    const family = this.site.family;
    const newContext = change !== undefined && 'context' in change;
    // Values the helper gave (each's item and index, Iterable's #sortBy result) bind as given; #sortBy and the other
    // Iterable block helpers that bind without a new context keep `this` and `../` as they were.
    if (!names.length || change?.blockParams) {
      if (!change) return body(this.scope, this.runtime);
      const blockParams = names.length ? bindBlockParams(names, change.blockParams ?? []) : undefined;
      return body(pushParts(this.scope, family, newContext, change.context, change.data, blockParams, change.contextIsNode), this.runtime);
    }
    // No values for the block parameters (Options.fn()/inverse(), with or without a new context): Handlebars.java
    // still adds their level (Options.apply), a single parameter bound to the model of the context the body runs
    // in (Options.blockParams), so `{{#each xs as |p|}}{{else if p}}` tests the current `this`.
    const scope = change ? pushParts(this.scope, family, newContext, change.context, change.data, undefined, change.contextIsNode) : this.scope;
    const frame = familyOf(scope, family).context;
    const given = names.length === 1 ? [modelParam(frame)] : [];
    return body(pushBlockParamLevel(scope, family, bindBlockParams(names, given)), this.runtime);
  }
}

/** Context.newBlockParamContext: a name without a value is not bound at all (`{{.}}` leaves it out). */
function bindBlockParams(names: readonly string[], values: readonly BlockParam[]): Map<string, BlockParam> {
  const blockParams = new Map<string, BlockParam>();
  for (let i = 0; i < Math.min(names.length, values.length); i++) blockParams.set(names[i]!, values[i]!);
  return blockParams;
}
