/**
 * The differential property against Handlebars.java (issue 11): random nested templates in the whole language
 * (test/conformance/differential/) rendered by mergetag and by the engine Iterable runs, compared byte for byte;
 * the documented differences are set aside. It needs a build of Iterable's Handlebars.java speaking the JSON-lines
 * protocol of docs/conformance.md, named by $MERGETAG_JAVA_ENGINE; without one it is skipped, and the cases it found
 * (test/fixtures/conformance/differential.jsonl, run by differential-cases.spec.ts) still run as regression tests.
 *
 * MERGETAG_DIFFERENTIAL_RUNS (default 500) and MERGETAG_DIFFERENTIAL_SEED choose the cases; `npm run differential`
 * runs more of them and prints every class of disagreement.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { JAVA_ENGINE_ENV, JavaEngine } from './differential/java-engine.js';
import { formatReport } from './differential/report.js';
import { agreementRate, Differential } from './differential/run-differential.js';

const command = process.env[JAVA_ENGINE_ENV];
const RUNS = Number(process.env.MERGETAG_DIFFERENTIAL_RUNS ?? 500);
const SEED = Number(process.env.MERGETAG_DIFFERENTIAL_SEED ?? 20251101);
/** Issue 11: at least 99% agreement outside the documented differences. */
const MIN_AGREEMENT = 0.99;

describe('differential: mergetag against Handlebars.java on random templates', () => {
  if (!command) {
    it.skip(`skipped: set ${JAVA_ENGINE_ENV} to a Handlebars.java engine command to run it (docs/conformance.md)`, () => {});
    return;
  }
  const engine = new JavaEngine(command);
  afterAll(() => engine.close());

  it(`agrees on at least ${MIN_AGREEMENT * 100}% of ${RUNS} cases (seed ${SEED}) outside the documented differences`, async () => {
    const report = await new Differential(engine).run({ runs: RUNS, seed: SEED, minimiseLimit: 20 });
    console.log(formatReport(report));
    expect(report.compared, 'every case was set aside: the generator no longer makes comparable cases').toBeGreaterThan(RUNS / 2);
    expect(agreementRate(report), formatReport(report)).toBeGreaterThanOrEqual(MIN_AGREEMENT);
  }, 600_000);
});
