/**
 * Conformance with Iterable's engine: every case of core.jsonl (real Handlebars.java outputs) runs as its README
 * says, with one delimiter family enabled, as the Java engine compiled it. A second pass runs the `{{ }}` cases
 * with both families enabled, as mergetag renders real templates, and lists where the two modes differ.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { coreHelpers } from '../../src/helpers/index.js';
import { loadCorpus } from './corpus.js';
import { runCase, runCaseBothFamilies } from './run-case.js';

const cases = loadCorpus('core.jsonl');

/** Cases we do not run, each with its reason. Empty today: every case passes. */
const SKIPPED: Record<string, string> = {};

/**
 * With both families live, a `[[ ]]` case whose text holds `{{ }}` is a different template: those tags read the
 * user context instead of printing as text (corpus README). The dual pass expects these to differ.
 */
const DIFFERS_WITH_BOTH_FAMILIES: Record<string, string> = {
  'sq.curly_literal': '{{x}} reads the (empty) user context instead of printing as text',
  'sq.curly_triple_literal': '{{{x}}} reads the (empty) user context instead of printing as text',
  'sq.curly_block_literal': '{{#if x}} reads the (empty) user context instead of printing as text',
  'iterable.pass1.with_name': "{{else}} is the [[#if]]'s else (DESIGN.md rule 2), as Iterable's docs intend",
  'iterable.pass1.empty': "{{else}} is the [[#if]]'s else (DESIGN.md rule 2), as Iterable's docs intend",
  'x.sq_with_curly_inside_if': '{{y}} reads the (empty) user context instead of printing as text',
  'iterable.curly_pass1_same': '[[#if]] is a block, so the {{else}} is its else (DESIGN.md rule 2) instead of a stray else',
};

describe('conformance: core.jsonl (Handlebars.java outputs)', () => {
  const helpers = coreHelpers();
  const results = { passed: 0, failed: 0, skipped: 0 };
  const dual = { same: 0, differs: 0, expectedDifferences: 0 };

  afterAll(() => {
    const total = cases.length;
    const rate = ((results.passed / total) * 100).toFixed(1);
    console.log(
      `core.jsonl: ${results.passed}/${total} passed (${rate}%), ${results.failed} failed, ${results.skipped} skipped` +
        `; with both families live: ${dual.same} same, ${dual.expectedDifferences} differ by design, ${dual.differs} differ unexpectedly`,
    );
  });

  for (const testCase of cases) {
    const reason = SKIPPED[testCase.id];
    if (reason) {
      it.skip(`${testCase.id}: ${reason}`, () => {});
      results.skipped++;
      continue;
    }
    it(`${testCase.id} ${JSON.stringify(testCase.template).slice(0, 60)}`, () => {
      const outcome = runCase(testCase, helpers);
      if (outcome.passed) results.passed++;
      else results.failed++;
      const expected = testCase.error !== undefined ? `an error (${testCase.error})` : `output: ${JSON.stringify(testCase.output)}`;
      expect(outcome.passed, `expected ${expected}, got ${outcome.actual}`).toBe(true);
    });
  }

  describe('with both families live', () => {
    for (const testCase of cases) {
      const differs = DIFFERS_WITH_BOTH_FAMILIES[testCase.id];
      it(`${testCase.id}${differs ? ` (differs by design: ${differs})` : ''}`, () => {
        const outcome = runCaseBothFamilies(testCase, helpers);
        if (differs) {
          dual.expectedDifferences++;
          expect(outcome.passed, `expected a difference: ${differs}`).toBe(false);
        } else {
          if (outcome.passed) dual.same++;
          else dual.differs++;
          expect(outcome.passed, `got ${outcome.actual}`).toBe(true);
        }
      });
    }
  });
});
