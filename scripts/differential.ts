/**
 * `npm run differential -- --runs N --seed S [--minimise N] [--cases FILE]`: renders N random templates (seed S)
 * with mergetag and with a Handlebars.java engine ($MERGETAG_JAVA_ENGINE, the JSON-lines protocol of
 * docs/conformance.md), prints the agreement rate outside the documented differences, and one minimised example
 * per class of disagreement. `--cases FILE` writes those examples as corpus lines (Java's outcome as the expected
 * one), ready to review for test/fixtures/conformance/differential.jsonl. Exit code 1 when any case disagrees.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { JAVA_ENGINE_ENV, JavaEngine } from '../test/conformance/differential/java-engine.js';
import { corpusLine, documentedDifferencesText, formatReport } from '../test/conformance/differential/report.js';
import { Differential } from '../test/conformance/differential/run-differential.js';

const usage = 'usage: npm run differential -- [--runs N] [--seed S] [--minimise N] [--cases FILE]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: 'string', default: '2000' },
        seed: { type: 'string', default: '1' },
        minimise: { type: 'string' },
        cases: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    console.error(`differential: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(`${usage}\n\nDocumented differences (set aside):\n${documentedDifferencesText()}`);
    return 0;
  }
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  const minimiseLimit = values.minimise === undefined ? undefined : Number(values.minimise);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || (minimiseLimit !== undefined && !(minimiseLimit >= 0))) {
    console.error(`differential: --runs and --seed take integers, --minimise a count\n${usage}`);
    return 2;
  }
  const command = process.env[JAVA_ENGINE_ENV];
  if (!command) {
    console.error(`differential: set ${JAVA_ENGINE_ENV} to a Handlebars.java engine command (see docs/conformance.md)`);
    return 2;
  }
  const engine = new JavaEngine(command);
  try {
    const started = Date.now();
    const report = await new Differential(engine).run({
      runs,
      seed,
      minimiseLimit,
      onProgress: (done, total) => process.stderr.write(`\r${done}/${total} cases`),
    });
    process.stderr.write(`\r${' '.repeat(30)}\r`);
    console.log(formatReport(report));
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (values.cases) {
      const lines = report.classes.map((cls, i) => corpusLine(`differential.${seed}.${i + 1}`, cls.signature, cls.example));
      writeFileSync(values.cases, lines.map((l) => `${l}\n`).join(''));
      console.log(`  wrote ${lines.length} class examples to ${values.cases}`);
    }
    return report.disagreements.length > 0 ? 1 : 0;
  } finally {
    engine.close();
  }
}

process.exitCode = await main();
