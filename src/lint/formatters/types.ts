/** A formatter is a pure function of the lint results, as in ESLint: `(results, context) => string`. */
import type { LintResult } from '../linter.js';
import type { RuleMeta } from '../rule.js';

export interface FormatContext {
  /** Paths in the output are relative to it (the repository root in CI). */
  cwd: string;
  /** ANSI colours (stylish only): on a terminal, never with NO_COLOR. */
  color: boolean;
  /** Code frames under each finding (stylish only). */
  frames: boolean;
  /** At most this many code frames, then a count. */
  maxFrames: number;
  /** The meta of every rule that ran, by id: SARIF lists them with their docs. */
  rules: ReadonlyMap<string, RuleMeta>;
  /** mergetag's version, for SARIF's tool.driver. */
  version: string;
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
