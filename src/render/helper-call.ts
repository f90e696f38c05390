/**
 * One call of a helper at render time. The parts that never change for a tag (its name, family, block bodies)
 * live in a `CallSite` built at compile time; an invocation only adds the scope and the evaluated arguments.
 * Methods sit on the prototype, so a call (once per loop item, often) allocates one object, not a set of closures.
 */
import type { RuleId } from '../diagnostics/rules.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from '../diagnostics/source.js';
import type { BlockRender, HelperCall } from '../helpers/types.js';
import type { Family } from '../syntax/ast.js';
import type { Value } from '../values/types.js';
import type { RenderFn, RunState } from './compiler.js';
import { familyOf, pushParts, resolvePath, type BlockParam, type Scope } from '../runtime/scope.js';

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
    return this.enter(this.site.program, change);
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
    this.runtime.diagnostics.push(diagnostic(ruleId, ruleId === 'log' ? 'info' : 'warning', message, this.site.loc, extra));
  }

  private enter(body: RenderFn | undefined, change: Change): string {
    if (!body) return '';
    if (!change) return body(this.scope, this.runtime);
    const names = this.site.blockParamNames;
    let blockParams: Map<string, BlockParam> | undefined;
    if (change.blockParams && names.length) {
      blockParams = new Map();
      for (let i = 0; i < names.length; i++) blockParams.set(names[i]!, change.blockParams[i] ?? { value: undefined });
    }
    return body(pushParts(this.scope, this.site.family, 'context' in change, change.context, change.data, blockParams, change.contextIsNode), this.runtime);
  }
}
