/**
 * One suite per file of cases in the corpus line format: every case runs, a case in `known` must still differ and
 * must warn with its diagnostic (so fixing a class means removing its entry: the test fails until you do), and the
 * pass count printed at the end is honest. fuzz-classes.spec.ts and differential-cases.spec.ts use it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { coreHelpers, iterableHelpers } from '../../src/helpers/index.js';
import type { CorpusCase } from './corpus.js';
import { runCase } from './run-case.js';

/** Cases mergetag deliberately renders differently: id → why, and the diagnostic that tells the user. */
export type KnownDifferences = Record<string, { reason: string; diagnostic: string }>;

export function describeCaseFile(title: string, file: string, cases: readonly CorpusCase[], known: KnownDifferences): void {
  describe(title, () => {
    const core = coreHelpers();
    const iterable = iterableHelpers();
    const results = { passed: 0, known: 0 };

    afterAll(() => {
      console.log(`${file}: ${results.passed}/${cases.length} pass, ${results.known} known differences (each with its reason)`);
    });

    it('holds cases, each with its own id', () => {
      expect(cases.length).toBeGreaterThan(0);
      expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    });

    for (const testCase of cases) {
      const difference = known[testCase.id];
      it(`${testCase.id}${difference ? ` (known difference: ${difference.reason}; warns ${difference.diagnostic})` : ''}`, () => {
        const outcome = runCase(testCase, testCase.helpers === 'jknack' ? iterable : core);
        if (difference) {
          results.known++;
          expect(outcome.passed, `${testCase.id} now passes: remove it from the known differences`).toBe(false);
          expect(outcome.ruleIds, `${testCase.id} must tell the user with ${difference.diagnostic}`).toContain(difference.diagnostic);
          return;
        }
        const expected = testCase.error !== undefined ? `an error (${testCase.error})` : `output: ${JSON.stringify(testCase.output)}`;
        expect(outcome.passed, `expected ${expected}, got ${outcome.actual}`).toBe(true);
        results.passed++;
      });
    }
  });
}
