/**
 * What a template reads, and how: every path per delimiter family with its span, the absolute paths it may
 * resolve to, whether a guard protects it, what it is used for (printed, compared, iterated...), and the block
 * scope it is read in. The linter's rules, `mergetag vars`, the testing kit and the preview all read this one model.
 *
 * The model follows how the engine resolves paths (src/runtime/scope.ts, src/render/compiler.ts): each family
 * has its own stack of contexts; a plain path `a.b` binds `a` in the nearest enclosing context that has it
 * (Handlebars.java's lookup), so it has one candidate absolute path per enclosing context, innermost first;
 * `this.a` and `./a` look in the innermost context only; `../a` starts one context out; `@root.a` reads the root.
 * `#each list` makes `this` an element of `list`, written `list.[]` in a candidate path.
 */
import type { SourceText, Span } from '../diagnostics/source.js';
import { iterableHelpers } from '../helpers/index.js';
import type { HelperRegistry } from '../helpers/registry.js';
import type { HelperDefinition, ParamRole } from '../helpers/types.js';
import type { BlockStatement, Expression, Family, Hash, MustacheStatement, PartialStatement, PathExpression, Program, SubExpression } from '../syntax/ast.js';
import { parse } from '../syntax/parser.js';
import { traverse, type VisitPath } from '../syntax/visitor.js';

/** How many enclosing contexts a plain path's candidates name at most (the root always among them). */
export const MAX_CANDIDATES = 32;

/** The segment that stands for "any element" of an iterated array in a candidate path. */
export const ANY_ELEMENT = '[]';

/** What a path's value is used for. */
export type PathUse =
  /** `{{x}}`: printed, HTML-escaped. */
  | 'printed'
  /** `{{{x}}}`, `{{&x}}`: printed without escaping. */
  | 'printed-raw'
  /** `{{#x}}…{{/x}}`, `{{^x}}`: a section (a condition that may also become the context or iterate). */
  | 'section'
  /** The value of `#if`, `#unless`, `#and`, `#not`... */
  | 'condition'
  /** The list of `#each` (or another helper that iterates its input). */
  | 'iterated'
  /** The new context of `#with`. */
  | 'context'
  /** A value compared by a comparison helper (`eq`, `#ifEq`, `#gt`...). */
  | 'compared'
  /** Any other helper argument (a positional or a `key=value` parameter). */
  | 'argument';

/** Where a read looks its first segment up. */
export type ReadScope =
  /** The context stack of the family: `depth` contexts out (`../`), the innermost only when `local` (`this.x`). */
  | { kind: 'context'; depth: number; local: boolean }
  /** `@root.x`. */
  | { kind: 'root' }
  /** A data variable: `@index`, `@key`, `@first`, `@last`... */
  | { kind: 'data'; name: string }
  /** A block parameter (`as |item i|`); `bound` is the absolute path it stands for, when known. */
  | { kind: 'block-param'; name: string; bound: string[] | undefined }
  /** A variable set by `{{#assign "name"}}`. */
  | { kind: 'assigned'; name: string };

export interface Guard {
  /** The guarded path, absolute from the family root. */
  path: string[];
  /** The tag that guards it: `if`, `with`, `each`, a section, `defaultIfEmpty`... */
  by: string;
  loc: Span;
}

export interface PathRead {
  family: Family;
  node: PathExpression;
  /** The tag the read stands in (for `{{#if a}}…{{/if}}`, the whole block). */
  tag: MustacheStatement | BlockStatement | PartialStatement;
  use: PathUse;
  /** The helper the value is passed to, with the position (`param`) or hash key it is passed as. */
  helper?: { name: string; param?: number; hashKey?: string; definition: HelperDefinition | undefined };
  scope: ReadScope;
  /**
   * The absolute paths (from the family root) the value may come from, innermost context first: Handlebars.java
   * binds the first segment in the nearest context that has it. Empty when the read is no context lookup (a data
   * variable, an assigned variable) or its context is not known statically (inside `#sortBy`, `#catalog`...).
   */
  candidates: string[][];
  /** The innermost guard that ensures the value (or a prefix of its path) is truthy where it is read. */
  guard: Guard | undefined;
  /** The encoding block helpers (`#urlEncode`, `#base64`...) the read stands in, innermost last. */
  encodedBy: readonly string[];
}

export interface HelperUse {
  name: string;
  family: Family;
  /** `inline` `{{h x}}`, `block` `{{#h x}}…{{/h}}`, `subexpression` `(h x)`. */
  form: 'inline' | 'block' | 'subexpression';
  node: MustacheStatement | BlockStatement | SubExpression;
  definition: HelperDefinition | undefined;
  params: readonly Expression[];
  hash: Hash | undefined;
  /** Block parameters declared with `as |a b|`. */
  blockParams: readonly string[];
  /** `{{^h x}}…{{/h}}`: an inverted call of a helper. */
  inverted: boolean;
}

export interface TemplateAnalysis {
  source: SourceText;
  ast: Program;
  reads: PathRead[];
  helperCalls: HelperUse[];
}

export interface AnalyzeOptions {
  /** The helpers templates may call; default: Iterable's. */
  helpers?: HelperRegistry;
  /** The file name, when `template` is text. */
  file?: string;
}

/** A context on a family's stack: the absolute path of `this`, undefined when not known statically. */
interface Frame {
  path: string[] | undefined;
}

interface BlockParamBinding {
  name: string;
  bound: string[] | undefined;
  /** The index or key parameter of `#each`: a data value, not a context path. */
  isIndex: boolean;
}

interface FamilyState {
  frames: Frame[];
  params: BlockParamBinding[][];
  guards: Guard[];
}

/** How a block changes its family's scope in one of its branches. */
interface BranchChange {
  family: Family;
  frame?: Frame;
  params?: BlockParamBinding[];
  guards?: Guard[];
  encodes?: string;
}

let defaultRegistry: HelperRegistry | undefined;

export function analyze(template: string | { ast: Program; source: SourceText }, options: AnalyzeOptions = {}): TemplateAnalysis {
  const { ast, source } = typeof template === 'string' ? parse(template, options.file !== undefined ? { file: options.file } : {}) : template;
  const helpers = options.helpers ?? (defaultRegistry ??= iterableHelpers());
  return new Analyzer(helpers).run(ast, source);
}

class Analyzer {
  private readonly state: Record<Family, FamilyState> = {
    user: { frames: [{ path: [] }], params: [], guards: [] },
    feed: { frames: [{ path: [] }], params: [], guards: [] },
  };
  private readonly encoding: string[] = [];
  private readonly assigned = new Set<string>();
  /** The changes applied on entering each branch (Program) of a block, undone on leaving it. */
  private readonly applied = new Map<Program, BranchChange[]>();
  private readonly reads: PathRead[] = [];
  private readonly helperCalls: HelperUse[] = [];

  constructor(private readonly helpers: HelperRegistry) {}

  run(ast: Program, source: SourceText): TemplateAnalysis {
    traverse(ast, {
      MustacheStatement: (node) => this.mustache(node),
      BlockStatement: (node) => this.blockHead(node),
      PartialStatement: (node) => this.expressions(node.params, node.hash, node.family, node, undefined),
      Program: (node, path) => this.enterBranch(node, path),
      'Program:exit': (node) => this.exitBranch(node),
    });
    return { source, ast, reads: this.reads, helperCalls: this.helperCalls };
  }

  // ---- tags ------------------------------------------------------------------------------------------------

  private mustache(node: MustacheStatement): void {
    const head = node.path;
    if (head.type !== 'PathExpression') return;
    const definition = this.helperFor(head);
    const hasArguments = node.params.length > 0 || node.hash !== undefined;
    if (definition || hasArguments) {
      this.call(node, 'inline', head, definition, node.params, node.hash, node.family, [], false);
      return;
    }
    this.read(head, node.family, node, node.escaped ? 'printed' : 'printed-raw', undefined);
  }

  private blockHead(node: BlockStatement): void {
    const definition = node.inverted && node.params.length === 0 && !node.hash ? undefined : this.helperFor(node.path);
    const hasArguments = node.params.length > 0 || node.hash !== undefined;
    if (definition || hasArguments) {
      this.call(node, 'block', node.path, definition, node.params, node.hash, node.family, node.program?.blockParams ?? [], node.inverted);
      if (definition?.meta.name === 'assign' && node.params[0]?.type === 'StringLiteral') this.assigned.add(node.params[0].value);
      return;
    }
    this.read(node.path, node.family, node, 'section', undefined);
  }

  private call(
    node: MustacheStatement | BlockStatement | SubExpression,
    form: HelperUse['form'],
    head: PathExpression,
    definition: HelperDefinition | undefined,
    params: readonly Expression[],
    hash: Hash | undefined,
    family: Family,
    blockParams: readonly string[],
    inverted: boolean,
  ): void {
    this.helperCalls.push({ name: head.original, family, form, node, definition, params, hash, blockParams, inverted });
    const tag = node.type === 'SubExpression' ? undefined : node;
    this.expressions(params, hash, family, tag, { name: head.original, definition });
  }

  private expressions(
    params: readonly Expression[],
    hash: Hash | undefined,
    family: Family,
    tag: PathRead['tag'] | undefined,
    helper: { name: string; definition: HelperDefinition | undefined } | undefined,
  ): void {
    const owner = tag ?? this.currentTag;
    params.forEach((param, index) => {
      const role = helper ? paramRole(helper.definition, index) : undefined;
      this.expression(param, family, owner, useFor(role), helper && { ...helper, param: index }, role === 'fallback');
    });
    for (const pair of hash?.pairs ?? []) {
      this.expression(pair.value, family, owner, 'argument', helper && { ...helper, hashKey: pair.key }, false);
    }
  }

  /** The tag whose sub-expressions are being read (sub-expressions report the tag they stand in). */
  private currentTag: PathRead['tag'] | undefined;

  private expression(
    node: Expression,
    family: Family,
    tag: PathRead['tag'] | undefined,
    use: PathUse,
    helper: PathRead['helper'] | undefined,
    handlesMissing: boolean,
  ): void {
    if (node.type === 'PathExpression') {
      if (tag) this.read(node, family, tag, use, helper, handlesMissing);
      return;
    }
    if (node.type !== 'SubExpression') return;
    const definition = this.helperFor(node.path);
    const outer = this.currentTag;
    this.currentTag = tag;
    this.call(node, 'subexpression', node.path, definition, node.params, node.hash, family, [], false);
    this.currentTag = outer;
  }

  // ---- reads -----------------------------------------------------------------------------------------------

  private read(node: PathExpression, family: Family, tag: PathRead['tag'], use: PathUse, helper: PathRead['helper'] | undefined, handlesMissing = false): void {
    const scope = this.scopeOf(node, family);
    const candidates = this.candidatesOf(node, family, scope);
    const read: PathRead = {
      family,
      node,
      tag,
      use,
      scope,
      candidates,
      guard: handlesMissing ? { path: candidates[0] ?? [], by: helper?.name ?? 'fallback', loc: tag.loc } : this.guardFor(family, candidates),
      encodedBy: [...this.encoding],
    };
    if (helper) read.helper = helper;
    this.reads.push(read);
  }

  private scopeOf(node: PathExpression, family: Family): ReadScope {
    if (node.data) {
      if (node.parts[0] === 'root' && node.depth === 0) return { kind: 'root' };
      return { kind: 'data', name: node.parts[0] ?? '' };
    }
    const head = node.parts[0];
    if (!node.local && node.depth === 0 && head !== undefined) {
      const param = this.blockParam(family, head);
      if (param) return { kind: 'block-param', name: head, bound: param.isIndex ? undefined : param.bound };
      if (this.assigned.has(head)) return { kind: 'assigned', name: head };
    }
    return { kind: 'context', depth: node.depth, local: node.local || this.qualifiedInsideWith(node, family) };
  }

  private candidatesOf(node: PathExpression, family: Family, scope: ReadScope): string[][] {
    switch (scope.kind) {
      case 'root':
        return [node.parts.slice(1)];
      case 'block-param':
        return scope.bound ? [[...scope.bound, ...node.parts.slice(1)]] : [];
      case 'data':
      case 'assigned':
        return [];
      case 'context': {
        const frames = this.state[family].frames;
        const start = frames.length - 1 - scope.depth;
        const out: string[][] = [];
        for (let i = start; i >= 0; i--) {
          // Past MAX_CANDIDATES enclosing contexts only the root is still named: templates nest blocks that deep
          // only by accident or attack, and naming every level would make the analysis quadratic in the depth.
          if (out.length === MAX_CANDIDATES - 1 && i > 0) i = 0;
          const base = frames[i]!.path;
          // A context that is not known statically may hold anything: no candidate can be named past it.
          if (!base) break;
          out.push([...base, ...node.parts]);
          if (scope.local || node.parts.length === 0) break;
        }
        return out;
      }
    }
  }

  private guardFor(family: Family, candidates: string[][]): Guard | undefined {
    const guards = this.state[family].guards;
    for (let i = guards.length - 1; i >= 0; i--) {
      const guard = guards[i]!;
      if (candidates.some((candidate) => startsWith(candidate, guard.path))) return guard;
    }
    return undefined;
  }

  private blockParam(family: Family, name: string): BlockParamBinding | undefined {
    const levels = this.state[family].params;
    for (let i = levels.length - 1; i >= 0; i--) {
      const found = levels[i]!.find((p) => p.name === name);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Handlebars.java's "HACK to qualify 'with'" (see the compiler): directly inside `{{#with p}}`, `{{p.x}}` reads
   * `p` in the new context only.
   */
  private qualifiedInsideWith(node: PathExpression, family: Family): boolean {
    const block = this.innermostBlock;
    if (!block || block.family !== family || block.path.original !== 'with' || this.helperFor(block.path)?.meta.name !== 'with') return false;
    const param = block.params[0];
    if (param?.type !== 'PathExpression' || node.depth > 0 || node.original.startsWith('.')) return false;
    return node.original === param.original || node.original.startsWith(`${param.original}.`);
  }

  private innermostBlock: BlockStatement | undefined;
  private readonly blockStack: BlockStatement[] = [];

  // ---- branches --------------------------------------------------------------------------------------------

  private enterBranch(program: Program, path: VisitPath): void {
    const block = path.parent;
    if (block?.type !== 'BlockStatement') return;
    this.blockStack.push(block);
    this.innermostBlock = block;
    const changes = this.branchChanges(block, path.key === 'inverse');
    for (const change of changes) {
      const state = this.state[change.family];
      if (change.frame) state.frames.push(change.frame);
      if (change.params) state.params.push(change.params);
      if (change.guards) state.guards.push(...change.guards);
      if (change.encodes) this.encoding.push(change.encodes);
    }
    this.applied.set(program, changes);
  }

  private exitBranch(program: Program): void {
    const changes = this.applied.get(program);
    if (!changes) return;
    this.applied.delete(program);
    for (const change of [...changes].reverse()) {
      const state = this.state[change.family];
      if (change.encodes) this.encoding.pop();
      if (change.guards) state.guards.length -= change.guards.length;
      if (change.params) state.params.pop();
      if (change.frame) state.frames.pop();
    }
    this.blockStack.pop();
    this.innermostBlock = this.blockStack[this.blockStack.length - 1];
  }

  /** How entering the block's body (or its else body, when `inverse`) changes the scope of its family. */
  private branchChanges(block: BlockStatement, inverse: boolean): BranchChange[] {
    const family = block.family;
    const definition = block.inverted && block.params.length === 0 && !block.hash ? undefined : this.helperFor(block.path);
    const hasArguments = block.params.length > 0 || block.hash !== undefined;
    // `{{^x}}` renders its body when x is falsy: its branches swap.
    const truthyBranch = block.inverted ? inverse : !inverse;
    if (!definition) {
      if (hasArguments) return [{ family, frame: { path: undefined } }];
      // A section: the body renders with the value as `this` (per element for an array) when it is truthy.
      const target = this.primaryPath(block.path, family);
      if (!truthyBranch) return [];
      return [{ family, frame: { path: target }, guards: target ? [{ path: target, by: block.path.original, loc: block.loc }] : [] }];
    }
    const meta = definition.meta;
    const change: BranchChange = { family };
    const guards: Guard[] = [];
    block.params.forEach((param, index) => {
      const role = paramRole(definition, index);
      const target = param.type === 'PathExpression' ? this.primaryPath(param, family) : undefined;
      if (!target) return;
      const guardedHere = role === 'negated-condition' ? !truthyBranch : truthyBranch && (role === 'condition' || role === 'iterated' || role === 'context');
      if (guardedHere) guards.push({ path: target, by: meta.name, loc: block.loc });
    });
    if (guards.length) change.guards = guards;
    if (!inverse && !block.inverted) {
      const first = block.params[0];
      const firstPath = first?.type === 'PathExpression' ? this.primaryPath(first, family) : undefined;
      const declared = block.program?.blockParams ?? [];
      switch (meta.blockContext) {
        case 'element': {
          const element = firstPath ? [...firstPath, ANY_ELEMENT] : undefined;
          change.frame = { path: element };
          if (declared.length) change.params = declared.map((name, i) => ({ name, bound: i === 0 ? element : undefined, isIndex: i > 0 }));
          break;
        }
        case 'value':
          change.frame = { path: firstPath };
          if (declared.length) change.params = declared.map((name, i) => ({ name, bound: i === 0 ? firstPath : undefined, isIndex: false }));
          break;
        case 'derived':
          // `#sortBy`, `#catalog`, `#lookup`...: `this` (or the block parameter) is a value the helper computes.
          if (declared.length) change.params = declared.map((name) => ({ name, bound: undefined, isIndex: false }));
          else change.frame = { path: undefined };
          break;
        default:
          if (declared.length) change.params = declared.map((name) => ({ name, bound: undefined, isIndex: false }));
      }
      if (meta.encodesBody) change.encodes = meta.name;
    }
    return [change];
  }

  /** The first candidate of a path in the current scope: where it resolves when every context has it. */
  private primaryPath(node: PathExpression, family: Family): string[] | undefined {
    const scope = this.scopeOf(node, family);
    return this.candidatesOf(node, family, scope)[0];
  }

  private helperFor(path: PathExpression): HelperDefinition | undefined {
    if (path.data || path.local || path.depth > 0) return undefined;
    return this.helpers.get(path.original);
  }
}

function paramRole(definition: HelperDefinition | undefined, index: number): ParamRole | undefined {
  const params = definition?.meta.params ?? [];
  const meta = params[index] ?? (params[params.length - 1]?.variadic ? params[params.length - 1] : undefined);
  return meta?.role;
}

function useFor(role: ParamRole | undefined): PathUse {
  switch (role) {
    case 'condition':
    case 'negated-condition':
      return 'condition';
    case 'iterated':
      return 'iterated';
    case 'context':
      return 'context';
    case 'compared':
      return 'compared';
    default:
      return 'argument';
  }
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false;
  return true;
}

/** A path as users write it: `welcome_codes.voucher.code`, `items.[].name`. */
export function pathText(path: readonly string[]): string {
  return path.map((segment) => (/^[A-Za-z0-9_$@-]+$/.test(segment) || segment === ANY_ELEMENT ? segment : `[${segment}]`)).join('.');
}
