/**
 * Conformance of Iterable's helpers with helpers.jsonl: real outputs of the jknack helper implementations that
 * Iterable documents under the same names (StringHelpers, ConditionalHelpers), run with the case's one delimiter
 * family. Skipped cases carry their reason.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { iterableHelpers } from '../../src/helpers/index.js';
import { loadCorpus } from './corpus.js';
import { runCase } from './run-case.js';

const cases = loadCorpus('helpers.jsonl');

/**
 * Where Iterable documents a behaviour that differs from jknack's implementation, the documentation wins
 * (corpus README, "Where the corpus and Iterable's documentation disagree").
 */
const SKIPPED: Record<string, string> = {
  'helpers.dateFormat.iso_string':
    "Iterable documents ISO-8601 date strings as dateFormat's input (support article 217744303); jknack's dateFormat rejects strings",
  'helpers.dateFormat.hash_format_string':
    "Iterable documents ISO-8601 date strings (date-only ones too, e.g. 2025-02-12) as dateFormat's input; jknack's dateFormat rejects strings",
  'helpers.dateFormat.literal_string':
    "Iterable documents ISO-8601 date strings as dateFormat's input (support article 217744303); jknack's dateFormat rejects strings",
  'helpers.eq.objects':
    'Iterable documents that "for two objects to be considered equal, each must have the exact same set of keys and values" ' +
    "(https://support.iterable.com/hc/en-us/articles/205480365); jknack's eq on Jackson map views reports two equal non-empty objects as different",
};

describe('conformance: helpers.jsonl (jknack helpers as Iterable names them)', () => {
  const helpers = iterableHelpers();
  const results = { passed: 0, failed: 0, skipped: 0 };
  afterAll(() => {
    const total = cases.length;
    console.log(
      `helpers.jsonl: ${results.passed}/${total} passed (${((results.passed / total) * 100).toFixed(1)}%), ` +
        `${results.failed} failed, ${results.skipped} skipped with a reason`,
    );
  });
  for (const testCase of cases) {
    const reason = SKIPPED[testCase.id];
    if (reason) {
      results.skipped++;
      it.skip(`${testCase.id}: ${reason}`, () => {});
      continue;
    }
    it(`${testCase.id} ${JSON.stringify(testCase.template).slice(0, 70)}`, () => {
      const outcome = runCase(testCase, helpers);
      if (outcome.passed) results.passed++;
      else results.failed++;
      const expected = testCase.error !== undefined ? `an error (${testCase.error})` : `output: ${JSON.stringify(testCase.output)}`;
      expect(outcome.passed, `expected ${expected}, got ${outcome.actual}`).toBe(true);
    });
  }
});
