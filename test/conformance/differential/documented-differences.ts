/**
 * Where mergetag differs from Handlebars.java on purpose (docs/differences.md, "Where mergetag differs from
 * Iterable's engine"). A case that touches one is set aside, counted under its id, and not part of the agreement
 * rate. Each is recognised by the diagnostic mergetag reports for it, so a template that hits one is never called
 * fine silently: the rule that warns the user is the same one that excuses the case here.
 */
import type { MergetagRun } from './mergetag-engine.js';

export interface DocumentedDifference {
  id: string;
  /** What differs, and why mergetag does not emulate it. */
  reason: string;
  applies(run: MergetagRun): boolean;
}

const byRule = (ruleId: string) => (run: MergetagRun) => run.ruleIds.has(ruleId);

export const DOCUMENTED_DIFFERENCES: readonly DocumentedDifference[] = [
  {
    id: 'each-over-scalar',
    reason:
      "#each over a string, number or boolean: Handlebars.java iterates the Java object's bean properties and prints Java internals (`[hashCode][toString]…`); mergetag renders nothing (the else block for a falsy one) and warns",
    applies: byRule('each-over-scalar'),
  },
  {
    id: 'object-equality',
    reason:
      "eq/neq on two objects: Iterable documents content equality, the engine's jknack helpers compare Java map views (equal only when empty); mergetag renders the documented answer with an object-equality info note (issue 11: the documentation wins)",
    applies: byRule('object-equality'),
  },
  {
    id: 'nesting-depth',
    reason: 'blocks nested past 1000 levels or sub-expressions past 100: Handlebars.java overflows its stack at some depth; mergetag refuses with a diagnostic',
    applies: byRule('nesting-depth'),
  },
  {
    id: 'output-limit',
    reason: 'output past 20 MB: mergetag stops the render with a diagnostic, Handlebars.java has no limit',
    applies: byRule('output-limit'),
  },
];

/** The documented differences a case touches (empty when it must agree). */
export function documentedDifferences(run: MergetagRun): DocumentedDifference[] {
  return DOCUMENTED_DIFFERENCES.filter((d) => d.applies(run));
}
