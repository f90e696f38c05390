/**
 * One case per class of difference that the random differential against Handlebars.java found after
 * fuzz-classes.jsonl was fixed (test/fixtures/conformance/differential.jsonl, issue 11). Each expected output or
 * error is what a build of Iterable's engine answered (docs/conformance.md, "The engine protocol"); ids name the
 * general rule. As in fuzz-classes.spec.ts, a case in KNOWN_DIFFERENCES must still differ and must warn.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { coreHelpers, iterableHelpers } from '../../src/helpers/index.js';
import { loadCaseFile } from './corpus.js';
import { runCase } from './run-case.js';

const cases = loadCaseFile(fileURLToPath(new URL('../fixtures/conformance/differential.jsonl', import.meta.url)));

/** id → why mergetag renders it differently, and the diagnostic that tells the user (docs/differences.md). */
const KNOWN_DIFFERENCES: Record<string, { reason: string; diagnostic: string }> = {};

describe('conformance: differential.jsonl (classes the random differential found)', () => {
  const core = coreHelpers();
  const iterable = iterableHelpers();
  const results = { passed: 0, known: 0 };

  afterAll(() => {
    console.log(`differential.jsonl: ${results.passed}/${cases.length} pass, ${results.known} known differences (each with its reason)`);
  });

  it('holds cases', () => expect(cases.length).toBeGreaterThan(0));

  for (const testCase of cases) {
    const known = KNOWN_DIFFERENCES[testCase.id];
    it(`${testCase.id}${known ? ` (known difference: ${known.reason}; warns ${known.diagnostic})` : ''}`, () => {
      const outcome = runCase(testCase, testCase.helpers === 'jknack' ? iterable : core);
      if (known) {
        results.known++;
        expect(outcome.passed, `${testCase.id} now passes: remove it from KNOWN_DIFFERENCES`).toBe(false);
        expect(outcome.ruleIds, `${testCase.id} must tell the user with ${known.diagnostic}`).toContain(known.diagnostic);
        return;
      }
      results.passed++;
      const expected = testCase.error !== undefined ? `an error (${testCase.error})` : `output: ${JSON.stringify(testCase.output)}`;
      expect(outcome.passed, `expected ${expected}, got ${outcome.actual}`).toBe(true);
    });
  }
});
