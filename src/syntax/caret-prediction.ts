/**
 * Whether Handlebars.java reads a `{{^x args}}` as an inverted section or as an else chain of the enclosing block.
 *
 * Its grammar (HbsParser.g4) allows both where a block's body may end: rule `body` is `statement*`, a statement
 * may be an `unless` (`{{^x}}…{{/x}}`), and rule `block` goes on after its body with `elseBlock*`, whose
 * `elseStmtChain` also starts with `{{^x args}}`. The parser is ANTLR 4 in SLL prediction mode
 * (HbsParserFactory): at each `{{^x…}}` it decides between the two alternatives of the `statement*` loop (1: go
 * on with a statement, 2: leave the body) by running both readings in parallel over the tokens that follow,
 * without looking at which rules the parser is in (SLL: a rule that ends with no known caller may be followed by
 * anything that follows it anywhere in the grammar). It stops at the first token where
 *   - one reading is left: that one (a later `{{else}}` at the section's own level kills reading 1);
 *   - none is left: the reading that left the body, whatever fails next;
 *   - the readings meet: both are at the same grammar positions with the same stacks, as after the `{{/x}}` that
 *     closes the section in reading 1 and the enclosing block in reading 2. ANTLR's SLL conflict rule then takes
 *     the lower alternative, the inverted section.
 * So `{{#if a}}{{^if b}}B{{/if}}` is a section (and the `{{#if}}` is left unclosed), while
 * `{{#if a}}A{{^if b}}B{{else}}C{{/if}}` is `{{else if b}}`.
 *
 * This module models the grammar at the level of Handlebars.java's tokens (a small ATN of HbsParser.g4's rules,
 * built from the table below) and runs ANTLR's SLL prediction on it: configurations (grammar position, alternative,
 * call stack), call stacks merged per position and alternative as graph-structured stacks where an empty stack is
 * a wildcard, a rule end with an empty stack followed to every caller, and the conflict test of
 * `PredictionMode.hasSLLConflictTerminatingPrediction` (a position and stack held by both alternatives, and no
 * position held by one alternative only). Written from the grammar and ANTLR's documented algorithm; checked against
 * a build of the engine (test/fixtures/conformance/differential.jsonl, ids `syntax.caret-*`).
 */
import type { Expression, Hash, PathExpression } from './ast.js';
import type { TagToken, Token } from './tokens.js';

// ---- the grammar --------------------------------------------------------------------------------------------

/** A grammar item: a token name (upper case), a rule name (lower case), or a group. */
type Item = string | { opt: Item[] } | { star: Item[] } | { plus: Item[] } | { alt: Item[][] };

/**
 * HbsParser.g4's rules that a `{{^x}}` decision can look through, token for token. Left out: `tvar`, `ampvar`,
 * `escape`, `comment` and `delimiters` (one-token or `var`-shaped statements: `{{{x}}}` and `{{&x}}` are read as
 * `var`, the others as `text`), and `pexpr`'s forms (a partial is `{{> name}}`).
 */
const GRAMMAR: Record<string, Item[][]> = {
  template: [['body', 'EOF']],
  body: [[{ star: ['statement'] }]],
  statement: [['text'], ['block'], ['var'], ['unless'], ['partial'], ['partialBlock'], ['rawBlock']],
  text: [['TEXT']],
  block: [['START_BLOCK', { opt: ['DECORATOR'] }, 'sexpr', { opt: ['blockParams'] }, 'END', 'body', { star: ['elseBlock'] }, 'END_BLOCK', 'QID', 'END']],
  rawBlock: [['START_RAW', 'sexpr', 'END_RAW', 'body', 'END_RAW_BLOCK', 'QID', 'END_RAW']],
  blockParams: [['AS', 'PIPE', { plus: ['QID'] }, 'PIPE']],
  sexpr: [['QID', { star: ['param'] }, { star: ['hash'] }]],
  elseBlock: [['elseStmt'], ['elseStmtChain']],
  elseStmt: [[{ alt: [['UNLESS'], ['START', 'ELSE']] }, 'END', 'body']],
  elseStmtChain: [[{ alt: [['UNLESS'], ['START', 'ELSE']] }, 'sexpr', { opt: ['blockParams'] }, 'END', 'body']],
  unless: [['UNLESS', 'sexpr', { opt: ['blockParams'] }, 'END', 'body', 'END_BLOCK', 'QID', 'END']],
  var: [['START', { opt: ['DECORATOR'] }, 'sexpr', 'END']],
  partial: [['START_PARTIAL', 'QID', 'END']],
  partialBlock: [['START_PARTIAL_BLOCK', 'QID', 'END', 'body', 'END_BLOCK', 'QID', 'END']],
  param: [['LIT'], ['QID'], ['LP', 'sexpr', 'RP']],
  hash: [['QID', 'EQ', 'param']],
};

// ---- the ATN -----------------------------------------------------------------------------------------------

interface State {
  id: number;
  /** The token this state matches (a state that matches a token has no other edge). */
  token?: string;
  next?: State;
  epsilon: State[];
  /** A rule call: enter `call.rule`'s start state; come back to `call.follow`. */
  calls: Array<{ rule: string; follow: State }>;
  /** Set on a rule's stop state: the rule's name. Its `epsilon` edges are the rule's followers everywhere. */
  stopOf?: string;
}

interface Atn {
  states: State[];
  starts: ReadonlyMap<string, State>;
  /** The `statement*` loop of rule `body`: its edge 0 goes on with a statement (alternative 1), edge 1 leaves. */
  decision: State;
}

function buildAtn(): Atn {
  const states: State[] = [];
  const state = (): State => {
    const s: State = { id: states.length, epsilon: [], calls: [] };
    states.push(s);
    return s;
  };
  const starts = new Map<string, State>();
  const stops = new Map<string, State>();
  for (const rule of Object.keys(GRAMMAR)) {
    starts.set(rule, state());
    const stop = state();
    stop.stopOf = rule;
    stops.set(rule, stop);
  }
  const followers: Array<[string, State]> = [];
  let decision: State | undefined;
  let inBody = false;

  const sequence = (items: Item[], from: State): State => items.reduce((at, item) => element(item, at), from);
  const element = (item: Item, from: State): State => {
    if (typeof item === 'string') {
      const at = state();
      const to = state();
      from.epsilon.push(at);
      if (item === item.toUpperCase()) {
        at.token = item;
        at.next = to;
      } else {
        at.calls.push({ rule: item, follow: to });
        followers.push([item, to]);
      }
      return to;
    }
    const end = state();
    if ('opt' in item) {
      from.epsilon.push(end);
      sequence(item.opt, from).epsilon.push(end);
    } else if ('alt' in item) {
      for (const alternative of item.alt) sequence(alternative, from).epsilon.push(end);
    } else {
      const first = 'plus' in item ? sequence(item.plus, from) : from;
      const entry = state();
      first.epsilon.push(entry);
      const blockStart = state();
      entry.epsilon.push(blockStart, end);
      if (inBody && !decision) decision = entry;
      sequence('plus' in item ? item.plus : item.star, blockStart).epsilon.push(entry);
    }
    return end;
  };

  for (const [rule, alternatives] of Object.entries(GRAMMAR)) {
    inBody = rule === 'body';
    for (const alternative of alternatives) sequence(alternative, starts.get(rule)!).epsilon.push(stops.get(rule)!);
  }
  for (const [rule, follow] of followers) stops.get(rule)!.epsilon.push(follow);
  return { states, starts, decision: decision! };
}

/** Built once from the constant grammar. */
const ATN = buildAtn();

// ---- call stacks ---------------------------------------------------------------------------------------------

/**
 * A set of call stacks as a trie from the top: each key is a return state, its value the stacks below it.
 * `EMPTY` is the empty stack, which SLL prediction treats as a wildcard (any caller): merged with anything it
 * stays `EMPTY`. Stacks are interned, so equal sets are the same object.
 */
interface Stack {
  id: number;
  below: ReadonlyMap<number, Stack>;
}

class Stacks {
  readonly empty: Stack = { id: 0, below: new Map() };
  private readonly interned = new Map<string, Stack>();
  private readonly merges = new Map<string, Stack>();

  push(stack: Stack, returnState: number): Stack {
    // The interned key of a one-entry trie, looked up before any Map is made (a push per rule call of a closure).
    const key = `${returnState}:${stack.id}`;
    let pushed = this.interned.get(key);
    if (!pushed) {
      pushed = { id: this.interned.size + 1, below: new Map([[returnState, stack]]) };
      this.interned.set(key, pushed);
    }
    return pushed;
  }

  merge(a: Stack, b: Stack): Stack {
    if (a === b) return a;
    if (a === this.empty || b === this.empty) return this.empty;
    const key = a.id < b.id ? `${a.id},${b.id}` : `${b.id},${a.id}`;
    const known = this.merges.get(key);
    if (known) return known;
    const below = new Map(a.below);
    for (const [rs, rest] of b.below) {
      const mine = below.get(rs);
      below.set(rs, mine ? this.merge(mine, rest) : rest);
    }
    const merged = this.intern(below);
    this.merges.set(key, merged);
    return merged;
  }

  private intern(below: Map<number, Stack>): Stack {
    const key = [...below]
      .sort((x, y) => x[0] - y[0])
      .map(([rs, s]) => `${rs}:${s.id}`)
      .join(' ');
    let stack = this.interned.get(key);
    if (!stack) {
      stack = { id: this.interned.size + 1, below };
      this.interned.set(key, stack);
    }
    return stack;
  }
}

// ---- prediction ----------------------------------------------------------------------------------------------

interface Config {
  state: State;
  alt: number;
  stack: Stack;
  /** The configuration left the decision's rule with no caller known (ANTLR's reachesIntoOuterContext). */
  outer: boolean;
}

/** Configurations merged per (state, alternative), as ANTLR's ATNConfigSet does. */
class ConfigSet {
  readonly byKey = new Map<number, Config>();

  constructor(private readonly stacks: Stacks) {}

  add(config: Config): void {
    const key = config.state.id * 2 + config.alt - 1;
    const known = this.byKey.get(key);
    if (!known) this.byKey.set(key, { ...config });
    else {
      known.stack = this.stacks.merge(known.stack, config.stack);
      known.outer ||= config.outer;
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  key(): string {
    return [...this.byKey.values()]
      .map((c) => `${c.state.id}:${c.alt}:${c.stack.id}:${c.outer ? 1 : 0}`)
      .sort()
      .join(' ');
  }

  values(): IterableIterator<Config> {
    return this.byKey.values();
  }
}

/** A state of the prediction's DFA: a configuration set and its moves, each to a state or to a reading. */
interface DfaState {
  configs: ConfigSet;
  edges: Map<string, DfaState | CaretReading>;
}

/** Alternative 1: the `{{^x}}` opens an inverted section. Alternative 2: it is an else of the enclosing block. */
export type CaretReading = 'section' | 'else';

/** How many tokens the predictions of one template may read in all; past that, a `{{^x}}` stays a section. */
const LOOKAHEAD_BUDGET = 50_000;

/** Predicts the reading of each `{{^x}}` of one token list; builds its token sequence once. */
export class CaretPredictor {
  private readonly terminals: string[] = [];
  /** Index in `terminals` of each tag token's first terminal. */
  private readonly firstTerminal = new Map<number, number>();
  private readonly stacks = new Stacks();
  private readonly dfa = new Map<string, DfaState>();
  private start: DfaState | undefined;
  private budget = LOOKAHEAD_BUDGET;
  /** The budget ran out: later `{{^x}}` tags were read as sections without a prediction. */
  exhausted = false;

  constructor(tokens: readonly Token[]) {
    tokens.forEach((token, index) => {
      this.firstTerminal.set(index, this.terminals.length);
      this.terminals.push(...javaTokens(token));
    });
    this.terminals.push('EOF');
  }

  /** The reading of the `{{^x …}}` tag token at `index`. */
  predict(index: number): CaretReading {
    let state = (this.start ??= this.startState());
    for (let at = this.firstTerminal.get(index)!; at < this.terminals.length; at++) {
      if (this.budget-- <= 0) {
        this.exhausted = true;
        return 'section';
      }
      const terminal = this.terminals[at]!;
      let next = state.edges.get(terminal);
      if (next === undefined) {
        next = this.step(state.configs, terminal);
        state.edges.set(terminal, next);
      }
      if (typeof next === 'string') return next;
      state = next;
    }
    return 'section';
  }

  private startState(): DfaState {
    const configs = new ConfigSet(this.stacks);
    const busy = new Set<number>();
    ATN.decision.epsilon.forEach((target, i) => this.closure({ state: target, alt: i + 1, stack: this.stacks.empty, outer: false }, configs, busy));
    return this.dfaState(configs);
  }

  /** The configurations after `terminal`, or the reading if the prediction ends there. */
  private step(configs: ConfigSet, terminal: string): DfaState | CaretReading {
    const reach = new ConfigSet(this.stacks);
    const busy = new Set<number>();
    for (const c of configs.values()) {
      if (c.state.token === terminal) this.closure({ ...c, state: c.state.next! }, reach, busy);
    }
    if (reach.size === 0) return fallback(configs);
    const alts = new Set([...reach.values()].map((c) => c.alt));
    if (alts.size === 1) return alts.has(1) ? 'section' : 'else';
    if (terminal === 'EOF' || conflicts(reach)) return 'section';
    return this.dfaState(reach);
  }

  /** As ANTLR's DFA cache: equal configuration sets are one state, whose moves are computed once. */
  private dfaState(configs: ConfigSet): DfaState {
    const key = configs.key();
    let state = this.dfa.get(key);
    if (!state) {
      state = { configs, edges: new Map() };
      this.dfa.set(key, state);
    }
    return state;
  }

  private closure(config: Config, into: ConfigSet, busy: Set<number>): void {
    const key = (config.stack.id * ATN.states.length + config.state.id) * 2 + config.alt - 1;
    if (busy.has(key)) return;
    busy.add(key);
    const { state } = config;
    if (state.stopOf !== undefined) {
      if (config.stack !== this.stacks.empty) {
        for (const [returnState, below] of config.stack.below) this.closure({ ...config, state: ATN.states[returnState]!, stack: below }, into, busy);
        return;
      }
      // No caller known: every place that calls the rule may follow (SLL). The start rule has none: keep it.
      if (state.epsilon.length === 0) into.add(config);
      for (const follow of state.epsilon) this.closure({ ...config, state: follow, outer: true }, into, busy);
      return;
    }
    if (state.token !== undefined) {
      into.add(config);
      return;
    }
    for (const next of state.epsilon) this.closure({ ...config, state: next }, into, busy);
    for (const call of state.calls) {
      this.closure({ ...config, state: ATN.starts.get(call.rule)!, stack: this.stacks.push(config.stack, call.follow.id) }, into, busy);
    }
  }
}

/**
 * ANTLR's SLL stop rule: some (state, stack) is held by both alternatives, and no state is held by one alternative
 * only; or every configuration has reached a rule's end.
 */
function conflicts(reach: ConfigSet): boolean {
  const byStateAndStack = new Map<string, Set<number>>();
  const byState = new Map<number, Set<number>>();
  let allStopped = true;
  for (const c of reach.values()) {
    const key = `${c.state.id} ${c.stack.id}`;
    byStateAndStack.set(key, (byStateAndStack.get(key) ?? new Set()).add(c.alt));
    byState.set(c.state.id, (byState.get(c.state.id) ?? new Set()).add(c.alt));
    if (c.state.stopOf === undefined) allStopped = false;
  }
  if (allStopped) return true;
  const shared = [...byStateAndStack.values()].some((alts) => alts.size > 1);
  const single = [...byState.values()].some((alts) => alts.size === 1);
  return shared && !single;
}

/**
 * No reading goes on: ANTLR takes the lowest alternative that left the decision's rule (here the else reading,
 * which left the body at once); the parse fails after it either way.
 */
function fallback(configs: ConfigSet): CaretReading {
  const alts = [...configs.values()].filter((c) => c.outer || c.state.stopOf !== undefined).map((c) => c.alt);
  return alts.length && Math.min(...alts) === 2 ? 'else' : 'section';
}

// ---- Handlebars.java's tokens for mergetag's ----------------------------------------------------------------

/** The terminals HbsLexer.g4 would produce for a token, at the grammar's level of detail. */
function javaTokens(token: Token): string[] {
  if (token.kind === 'content') return ['TEXT'];
  switch (token.tag) {
    case 'mustache':
      return ['START', ...sexpr(token.path as PathExpression, token.params, token.hash), 'END'];
    case 'block':
      return ['START_BLOCK', ...sexpr(token.path as PathExpression, token.params, token.hash), ...blockParams(token), 'END'];
    case 'inline':
      return ['START_BLOCK', 'DECORATOR', 'QID', 'LIT', 'END'];
    case 'inverse':
      return ['UNLESS', ...sexpr(token.path as PathExpression, token.params, token.hash), ...blockParams(token), 'END'];
    case 'else': {
      const head = token.caret ? ['UNLESS'] : ['START', 'ELSE'];
      if (!token.path) return [...head, 'END'];
      return [...head, ...sexpr(token.path as PathExpression, token.params, token.hash), ...blockParams(token), 'END'];
    }
    case 'close':
      return ['END_BLOCK', 'QID', 'END'];
    case 'partial':
      return ['START_PARTIAL', 'QID', 'END'];
    case 'comment':
    case 'raw':
    case 'delimiters':
      return ['TEXT'];
  }
}

function sexpr(head: PathExpression | Expression, params: readonly Expression[], hash: Hash | undefined): string[] {
  const out = [head.type === 'PathExpression' ? 'QID' : 'LIT'];
  for (const p of params) out.push(...param(p));
  for (const pair of hash?.pairs ?? []) out.push('QID', 'EQ', ...param(pair.value));
  return out;
}

function param(p: Expression): string[] {
  if (p.type === 'PathExpression') return ['QID'];
  if (p.type === 'SubExpression') return ['LP', ...sexpr(p.path, p.params, p.hash), 'RP'];
  return ['LIT'];
}

function blockParams(token: TagToken): string[] {
  return token.blockParams ? ['AS', 'PIPE', ...token.blockParams.map(() => 'QID'), 'PIPE'] : [];
}
