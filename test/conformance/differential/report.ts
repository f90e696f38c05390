/** Prints a differential report: the agreement rate, what was set aside, and one smallest example per class. */
import { describeOutcome } from './compare.js';
import { DOCUMENTED_DIFFERENCES } from './documented-differences.js';
import { agreementRate, type CaseResult, type DifferentialReport, type DisagreementClass } from './run-differential.js';

export function formatReport(report: DifferentialReport): string {
  const percent = (agreementRate(report) * 100).toFixed(2);
  const lines = [
    `Handlebars.java differential: seed ${report.seed}, ${report.runs} cases`,
    `  set aside (documented differences): ${report.excludedCases}` +
      (report.excluded.size ? ` (${[...report.excluded].map(([id, n]) => `${id} ${n}`).join(', ')})` : ''),
    `  compared ${report.compared} (Java rendered ${report.compared - report.javaErrors}, refused ${report.javaErrors}), agreed ${report.agreed}, disagreed ${report.disagreements.length}: agreement ${percent}%`,
  ];
  if (report.classes.length) lines.push(`  ${report.classes.length} classes of disagreement (minimised; count = cases that minimised to it):`);
  for (const cls of report.classes) lines.push(...formatClass(cls));
  if (report.unclassified) lines.push(`  ${report.unclassified} more disagreements not minimised (over the limit)`);
  return lines.join('\n');
}

function formatClass(cls: DisagreementClass): string[] {
  return [`  - ${cls.count}× ${cls.signature}`, ...formatCase(cls.example).map((l) => `      ${l}`)];
}

export function formatCase(result: CaseResult): string[] {
  return [
    `template ${JSON.stringify(result.text.template)}  delims ${result.text.delims}`,
    `data     ${result.text.data}`,
    `java     ${describeOutcome(result.java)}`,
    `mergetag ${describeOutcome(result.mergetag.outcome)}`,
  ];
}

/** A class's example as a corpus line (test/fixtures/conformance/differential.jsonl), with Java's outcome as the expectation. */
export function corpusLine(id: string, area: string, result: CaseResult): string {
  const expectation = result.java.kind === 'output' ? `"output":${JSON.stringify(result.java.text)}` : `"error":${JSON.stringify(result.java.message)}`;
  return `{"id":${JSON.stringify(id)},"area":${JSON.stringify(area)},"delims":${JSON.stringify(result.text.delims)},"helpers":"jknack","template":${JSON.stringify(result.text.template)},"data":${result.text.data},${expectation}}`;
}

export function documentedDifferencesText(): string {
  return DOCUMENTED_DIFFERENCES.map((d) => `  ${d.id}: ${d.reason}`).join('\n');
}
