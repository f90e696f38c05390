/**
 * A backtracking matcher for what RE2 cannot run (backreferences, lookaround, Java's atomic groups and possessive
 * quantifiers), with Java's answers and a deterministic bound: it counts steps and stops at a budget, so a
 * pattern like `(a+)+\1` can never hang a render.
 *
 * The pattern is compiled to a small program, as RE2's BitState does: `char` tests one character with a sticky
 * JavaScript RegExp built from the class's own text (one character, so JavaScript cannot backtrack inside it),
 * `split` tries its first branch and remembers the second, `atomic` and `look` run a sub-program. Without
 * backreferences, whether a match can continue from (instruction, position) does not depend on how it got there,
 * so each pair is tried at most once and each sub-program result is memoized per position: a run costs at most
 * program size × (input length + 1) steps, plus sub-programs. With backreferences that does not hold, and only the
 * budget bounds the work.
 */
import type { AST } from '@eslint-community/regexpp';
import { ATOMIC_GROUP_PREFIX, INPUT_END, INPUT_END_BEFORE_TERMINATOR, INPUT_START } from './markers.js';
import { capturingGroupsOf, nodesOf } from './js-pattern.js';
import type { JsFlags } from './to-re2.js';

/** Steps one match may take before it gives up (about 50 ms on a laptop). */
export const DEFAULT_STEP_BUDGET = 1_000_000;
/** Instructions a compiled pattern may have: counted repetitions (`(?:a{1000}){1000}`) are unrolled. */
const MAX_PROGRAM_SIZE = 50_000;

export class RegexBudgetExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegexBudgetExceeded';
  }
}

type Instruction =
  | { op: 'char'; test: RegExp }
  | { op: 'assert'; test: RegExp }
  | { op: 'split'; first: number; second: number }
  | { op: 'jump'; to: number }
  | { op: 'save'; slot: number }
  | { op: 'backref'; group: number }
  | { op: 'atomic'; sub: number }
  | { op: 'look'; sub: number; behind: boolean; negate: boolean; maxLength: number }
  | { op: 'match' };

export interface BacktrackingMatcher {
  /** True when the whole input matches; throws `RegexBudgetExceeded` past the budget. */
  matches(input: string, budget?: number): boolean;
}

export function compileBacktracking(pattern: AST.Pattern, flags: JsFlags): BacktrackingMatcher {
  const compiled = new ProgramCompiler(pattern, flags);
  const programs = compiled.programs;
  const groupCount = compiled.groupCount;
  const memoize = !compiled.hasBackreferences;
  return {
    matches(input, budget = DEFAULT_STEP_BUDGET) {
      const run = new Run(programs, input, budget, memoize, flags.ignoreCase);
      const captures = new Array<number>(2 * (groupCount + 1)).fill(-1);
      return run.exec(0, 0, captures, input.length) !== undefined;
    },
  };
}

class ProgramCompiler {
  readonly programs: Instruction[][] = [];
  readonly hasBackreferences: boolean;
  readonly groupCount: number;
  private readonly groupNumbers = new Map<AST.CapturingGroup, number>();
  private readonly flagText: string;
  private size = 0;

  constructor(pattern: AST.Pattern, flags: JsFlags) {
    this.flagText = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}uy`;
    const groups = capturingGroupsOf(pattern);
    groups.forEach((group, index) => this.groupNumbers.set(group, index + 1));
    this.groupCount = groups.length;
    this.hasBackreferences = [...nodesOf(pattern)].some((node) => node.type === 'Backreference');
    this.program(pattern.alternatives);
  }

  /** Compiles alternatives into a new program and returns its index. */
  private program(alternatives: readonly AST.Alternative[]): number {
    const index = this.programs.length;
    const code: Instruction[] = [];
    this.programs.push(code);
    this.alternatives(alternatives, code);
    this.push(code, { op: 'match' });
    return index;
  }

  private push(code: Instruction[], instruction: Instruction): number {
    if (++this.size > MAX_PROGRAM_SIZE) {
      throw new RegexBudgetExceeded(
        `the pattern is too large to run with a bounded number of steps (over ${MAX_PROGRAM_SIZE} instructions once repetitions are unrolled)`,
      );
    }
    code.push(instruction);
    return code.length - 1;
  }

  private alternatives(alternatives: readonly AST.Alternative[], code: Instruction[]): void {
    const jumps: Array<{ op: 'jump'; to: number }> = [];
    alternatives.forEach((alternative, i) => {
      const isLast = i === alternatives.length - 1;
      const split: Instruction = { op: 'split', first: 0, second: 0 };
      if (!isLast) {
        this.push(code, split);
        split.first = code.length;
      }
      for (const element of alternative.elements) this.element(element, code);
      if (!isLast) {
        const jump = { op: 'jump' as const, to: 0 };
        this.push(code, jump);
        jumps.push(jump);
        split.second = code.length;
      }
    });
    for (const jump of jumps) jump.to = code.length;
  }

  private element(element: AST.Element, code: Instruction[]): void {
    switch (element.type) {
      case 'Character':
      case 'CharacterSet':
      case 'CharacterClass':
      case 'ExpressionCharacterClass':
        this.push(code, { op: 'char', test: new RegExp(element.raw, this.flagText) });
        return;
      case 'Group':
        this.alternatives(element.alternatives, code);
        return;
      case 'CapturingGroup': {
        if (element.name?.startsWith(ATOMIC_GROUP_PREFIX)) {
          this.push(code, { op: 'atomic', sub: this.program(element.alternatives) });
          return;
        }
        const number = this.groupNumbers.get(element)!;
        if (this.hasBackreferences) this.push(code, { op: 'save', slot: 2 * number });
        this.alternatives(element.alternatives, code);
        if (this.hasBackreferences) this.push(code, { op: 'save', slot: 2 * number + 1 });
        return;
      }
      case 'Backreference': {
        const target = Array.isArray(element.resolved) ? element.resolved[0]! : element.resolved;
        this.push(code, { op: 'backref', group: this.groupNumbers.get(target)! });
        return;
      }
      case 'Assertion':
        this.assertion(element, code);
        return;
      case 'Quantifier':
        this.quantifier(element, code);
        return;
    }
  }

  private assertion(assertion: AST.Assertion, code: Instruction[]): void {
    // The anchors the translation writes look at one or two characters: JavaScript runs them in constant time.
    const known = assertion.raw === INPUT_START || assertion.raw === INPUT_END || assertion.raw === INPUT_END_BEFORE_TERMINATOR;
    if (assertion.kind === 'lookahead' || assertion.kind === 'lookbehind') {
      if (!known) {
        this.lookaround(assertion, code);
        return;
      }
    }
    this.push(code, { op: 'assert', test: new RegExp(assertion.raw, this.flagText) });
  }

  private lookaround(assertion: AST.LookaroundAssertion, code: Instruction[]): void {
    const sub = this.program(assertion.alternatives);
    const behind = assertion.kind === 'lookbehind';
    this.push(code, { op: 'look', sub, behind, negate: assertion.negate, maxLength: behind ? Math.max(0, ...assertion.alternatives.map(maxLength)) : 0 });
  }

  private quantifier(q: AST.Quantifier, code: Instruction[]): void {
    for (let i = 0; i < q.min; i++) this.element(q.element, code);
    if (q.max === Infinity) {
      // loop: split(body, out); body; jump loop. A lazy quantifier prefers `out`.
      const split: Instruction = { op: 'split', first: 0, second: 0 };
      const loop = this.push(code, split);
      const body = code.length;
      this.element(q.element, code);
      this.push(code, { op: 'jump', to: loop });
      [split.first, split.second] = q.greedy ? [body, code.length] : [code.length, body];
      return;
    }
    // Each optional copy nests in the previous one: a?(?:a(?:a)?)? for {0,3}, so all skip to the same end.
    const splits: Array<Extract<Instruction, { op: 'split' }>> = [];
    for (let i = q.min; i < q.max; i++) {
      const split: Extract<Instruction, { op: 'split' }> = { op: 'split', first: 0, second: 0 };
      this.push(code, split);
      split.first = code.length;
      splits.push(split);
      this.element(q.element, code);
    }
    for (const split of splits) {
      const body = split.first;
      [split.first, split.second] = q.greedy ? [body, code.length] : [code.length, body];
    }
  }
}

/** The longest text (in UTF-16 code units) a lookbehind's body can match; Java only allows bounded ones. */
function maxLength(node: AST.Node): number {
  switch (node.type) {
    case 'Character':
      return node.value > 0xffff ? 2 : 1;
    case 'CharacterSet':
    case 'CharacterClass':
    case 'ExpressionCharacterClass':
      return 2;
    case 'Assertion':
      return 0;
    case 'Group':
    case 'CapturingGroup':
    case 'Pattern':
      return Math.max(0, ...node.alternatives.map(maxLength));
    case 'Alternative':
      return node.elements.reduce((sum, element) => sum + maxLength(element), 0);
    case 'Quantifier': {
      const each = maxLength(node.element);
      return each === 0 ? 0 : node.max * each;
    }
    default:
      return Infinity;
  }
}

/** One match of one input: the step count, the visited (instruction, position) pairs and sub-program results. */
class Run {
  private steps = 0;
  private readonly subResults = new Map<number, number>();

  constructor(
    private readonly programs: readonly Instruction[][],
    private readonly input: string,
    private readonly budget: number,
    private readonly memoize: boolean,
    private readonly ignoreCase: boolean,
  ) {}

  private step(): void {
    if (++this.steps > this.budget) {
      throw new RegexBudgetExceeded(`matching took more than ${this.budget.toLocaleString('en-US')} steps`);
    }
  }

  /**
   * Runs program `index` from `start`; the first match in priority order that ends at `end` (any end when -1).
   * Returns the captures at that match, or undefined.
   */
  exec(index: number, start: number, captures: number[], end: number): number[] | undefined {
    const found = this.execEnd(index, start, captures, end);
    return found?.captures;
  }

  private execEnd(index: number, start: number, startCaptures: number[], end: number): { at: number; captures: number[] } | undefined {
    const code = this.programs[index]!;
    const input = this.input;
    const width = input.length + 1;
    const visited = this.memoize ? new Set<number>() : undefined;
    const pcs: number[] = [0];
    const positions: number[] = [start];
    const captureStack: number[][] = [startCaptures];
    while (pcs.length > 0) {
      let pc = pcs.pop()!;
      let pos = positions.pop()!;
      let captures = captureStack.pop()!;
      thread: for (;;) {
        this.step();
        if (visited) {
          const key = pc * width + pos;
          if (visited.has(key)) break;
          visited.add(key);
        }
        const instruction = code[pc]!;
        switch (instruction.op) {
          case 'char':
          case 'assert':
            instruction.test.lastIndex = pos;
            if (!instruction.test.test(input)) break thread;
            pos = instruction.test.lastIndex;
            pc++;
            continue;
          case 'split':
            pcs.push(instruction.second);
            positions.push(pos);
            captureStack.push(captures);
            pc = instruction.first;
            continue;
          case 'jump':
            pc = instruction.to;
            continue;
          case 'save':
            captures = captures.slice();
            captures[instruction.slot] = pos;
            pc++;
            continue;
          case 'backref': {
            const from = captures[2 * instruction.group]!;
            const to = captures[2 * instruction.group + 1]!;
            // Java: a group that did not take part in the match fails the back reference.
            if (from < 0 || to < 0) break thread;
            const text = input.slice(from, to);
            const here = input.slice(pos, pos + text.length);
            if (here.length !== text.length) break thread;
            if (here !== text && !(this.ignoreCase && here.toLowerCase() === text.toLowerCase())) break thread;
            pos += text.length;
            pc++;
            continue;
          }
          case 'atomic': {
            const result = this.atomic(instruction.sub, pos, captures);
            if (!result) break thread;
            ({ at: pos, captures } = result);
            pc++;
            continue;
          }
          case 'look': {
            const found = instruction.behind ? this.behind(instruction.sub, pos, captures, instruction.maxLength) : this.ahead(instruction.sub, pos, captures);
            if (found === undefined ? !instruction.negate : instruction.negate) break thread;
            if (found && !instruction.negate) captures = found;
            pc++;
            continue;
          }
          case 'match':
            if (end >= 0 && pos !== end) break thread;
            return { at: pos, captures };
        }
      }
    }
    return undefined;
  }

  /** An atomic group: its first match in priority order, never revisited. */
  private atomic(sub: number, pos: number, captures: number[]): { at: number; captures: number[] } | undefined {
    if (!this.memoize) return this.execEnd(sub, pos, captures, -1);
    const key = sub * (this.input.length + 1) + pos;
    const known = this.subResults.get(key);
    if (known !== undefined) return known < 0 ? undefined : { at: known, captures };
    const result = this.execEnd(sub, pos, captures, -1);
    this.subResults.set(key, result ? result.at : -1);
    return result;
  }

  private ahead(sub: number, pos: number, captures: number[]): number[] | undefined {
    if (!this.memoize) return this.exec(sub, pos, captures, -1);
    const key = sub * (this.input.length + 1) + pos;
    const known = this.subResults.get(key);
    if (known !== undefined) return known < 0 ? undefined : captures;
    const result = this.exec(sub, pos, captures, -1);
    this.subResults.set(key, result ? pos : -1);
    return result;
  }

  /** A lookbehind: some start at most `maxLength` back from which the body matches exactly up to `pos`. */
  private behind(sub: number, pos: number, captures: number[], maxLength: number): number[] | undefined {
    const key = sub * (this.input.length + 1) + pos;
    if (this.memoize) {
      const known = this.subResults.get(key);
      if (known !== undefined) return known < 0 ? undefined : captures;
    }
    let result: number[] | undefined;
    const earliest = Math.max(0, pos - maxLength);
    for (let start = pos; start >= earliest && !result; start--) {
      this.step();
      result = this.exec(sub, start, captures, pos);
    }
    if (this.memoize) this.subResults.set(key, result ? pos : -1);
    return result;
  }
}
