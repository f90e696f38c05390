/**
 * The differential run: generate cases from a seed, render each with Handlebars.java (the external engine) and
 * with mergetag, set aside the documented differences, count agreement, then minimise each disagreement and group
 * the minimised cases by class signature. Used by the vitest spec and by `npm run differential`.
 */
import fc from 'fast-check';
import { caseText, diffCase, type CaseText, type DiffCase } from './case.js';
import { verdict, type Verdict } from './compare.js';
import { documentedDifferences } from './documented-differences.js';
import type { EngineOutcome, JavaEngine } from './java-engine.js';
import { MergetagEngine, type MergetagRun } from './mergetag-engine.js';
import { minimise } from './minimise.js';
import { signature } from './signature.js';
import { templateSize } from './template-ast.js';

export interface CaseResult {
  case: DiffCase;
  text: CaseText;
  java: EngineOutcome;
  mergetag: MergetagRun;
  /** Ids of the documented differences the case touches: then it is set aside. */
  documented: string[];
  verdict: Verdict;
}

export interface DisagreementClass {
  signature: string;
  verdict: Verdict;
  /** How many generated cases minimised to this class. */
  count: number;
  /** The smallest minimised case of the class. */
  example: CaseResult;
}

export interface DifferentialReport {
  seed: number;
  runs: number;
  compared: number;
  agreed: number;
  /** Cases set aside per documented difference (a case may touch several). */
  excluded: Map<string, number>;
  /** Cases set aside in all. */
  excludedCases: number;
  /** Compared cases that Java refused (a parse or render error): both engines must refuse them. */
  javaErrors: number;
  disagreements: CaseResult[];
  classes: DisagreementClass[];
  /** Disagreements not minimised (over the limit): counted, not classified. */
  unclassified: number;
}

export interface DifferentialOptions {
  runs: number;
  seed: number;
  /** Minimise at most this many disagreements (default: all). */
  minimiseLimit?: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export class Differential {
  private readonly mergetag = new MergetagEngine();

  constructor(private readonly java: JavaEngine) {}

  async evaluate(cases: readonly DiffCase[]): Promise<CaseResult[]> {
    const texts = cases.map(caseText);
    const java = await this.java.render(texts);
    return cases.map((c, i) => {
      const mergetag = this.mergetag.render(texts[i]!);
      const documented = documentedDifferences(mergetag).map((d) => d.id);
      return { case: c, text: texts[i]!, java: java[i]!, mergetag, documented, verdict: verdict(java[i]!, mergetag) };
    });
  }

  async run(options: DifferentialOptions): Promise<DifferentialReport> {
    const { runs, seed } = options;
    const batchSize = options.batchSize ?? 1000;
    const cases = fc.sample(diffCase, { seed, numRuns: runs });
    const report: DifferentialReport = {
      seed,
      runs,
      compared: 0,
      agreed: 0,
      excluded: new Map(),
      excludedCases: 0,
      javaErrors: 0,
      disagreements: [],
      classes: [],
      unclassified: 0,
    };
    for (let i = 0; i < cases.length; i += batchSize) {
      for (const result of await this.evaluate(cases.slice(i, i + batchSize))) {
        if (result.documented.length > 0) {
          report.excludedCases++;
          for (const id of result.documented) report.excluded.set(id, (report.excluded.get(id) ?? 0) + 1);
        } else {
          report.compared++;
          if (result.java.kind === 'error') report.javaErrors++;
          if (result.verdict === 'agree') report.agreed++;
          else report.disagreements.push(result);
        }
      }
      options.onProgress?.(Math.min(i + batchSize, cases.length), cases.length);
    }
    const limit = options.minimiseLimit ?? Infinity;
    const classes = new Map<string, DisagreementClass>();
    for (const [index, failure] of report.disagreements.entries()) {
      if (index >= limit) {
        report.unclassified++;
        continue;
      }
      const smallest = await this.minimise(failure);
      const sig = signature(smallest.verdict, smallest.case);
      const known = classes.get(sig);
      if (!known) classes.set(sig, { signature: sig, verdict: smallest.verdict, count: 1, example: smallest });
      else {
        known.count++;
        if (caseSize(smallest) < caseSize(known.example)) known.example = smallest;
      }
    }
    report.classes = [...classes.values()].sort((a, b) => b.count - a.count || a.signature.localeCompare(b.signature));
    return report;
  }

  /** The smallest case that still disagrees as `failure` does (same verdict, no documented difference). */
  async minimise(failure: CaseResult): Promise<CaseResult> {
    let last = failure;
    const smallest = await minimise(failure.case, async (candidates) => {
      const results = await this.evaluate(candidates);
      return results.map((r) => {
        const fails = r.verdict === failure.verdict && r.documented.length === 0;
        return fails;
      });
    });
    if (smallest !== failure.case) [last] = await this.evaluate([smallest]);
    return last;
  }
}

/** Template tags and texts first, then the data's JSON length: what "smallest example" means. */
export function caseSize(result: CaseResult): number {
  return templateSize(result.case.nodes) * 1000 + result.text.template.length + result.text.data.length;
}

export function agreementRate(report: DifferentialReport): number {
  return report.compared === 0 ? 1 : report.agreed / report.compared;
}
