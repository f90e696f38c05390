/**
 * mergetag's side of a differential case, rendered exactly as the conformance corpus runs (run-case.ts): one
 * delimiter family, the data read losslessly as the user profile (`{{ }}`) or one unaliased feed (`[[ ]]`), and
 * Iterable's helpers (the jknack names the Java engine registers are among them). A skip is the error outcome.
 */
import { iterableHelpers } from '../../../src/helpers/index.js';
import type { HelperRegistry } from '../../../src/helpers/registry.js';
import { parseJson } from '../../../src/values/json.js';
import { renderCorpusCase } from '../run-case.js';
import type { CaseText } from './case.js';
import type { EngineOutcome } from './java-engine.js';

export interface MergetagRun {
  outcome: EngineOutcome;
  /** The rule ids of every diagnostic, compile-time and render-time: documented differences are read off them. */
  ruleIds: ReadonlySet<string>;
  /** An exception out of mergetag (never acceptable: every bad input must end as a diagnostic). */
  crash?: string;
}

export class MergetagEngine {
  private readonly helpers: HelperRegistry = iterableHelpers();

  render(c: CaseText): MergetagRun {
    const data = parseJson(c.data);
    if (!data.ok) throw new Error(`differential: generated data is not JSON: ${c.data}`);
    let result;
    try {
      result = renderCorpusCase({ id: 'differential', delims: c.delims, template: c.template, data: data.value }, this.helpers);
    } catch (error) {
      const crash = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return { outcome: { kind: 'error', message: crash }, ruleIds: new Set(), crash };
    }
    const ruleIds = new Set(result.diagnostics.map((d) => d.ruleId));
    const outcome: EngineOutcome = result.skip ? { kind: 'error', message: result.skip.message } : { kind: 'output', text: result.output };
    return { outcome, ruleIds };
  }
}
