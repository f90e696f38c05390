/**
 * The smallest reproductions of each class of difference that random differential testing against Iterable's
 * Handlebars.java found (fuzz-classes.jsonl, issue 11). Every case runs; a case in KNOWN_DIFFERENCES is expected to
 * still differ, with the reason, so fixing a class means removing its entries (the test fails until you do), and
 * the pass rate printed at the end is honest.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { coreHelpers, iterableHelpers } from '../../src/helpers/index.js';
import { loadCorpus } from './corpus.js';
import { runCase } from './run-case.js';

const cases = loadCorpus('fuzz-classes.jsonl');

/** Cases mergetag still renders differently from Handlebars.java: id → why (or what is left to do). */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'fuzz.null-literal-is-a-path.15': "null is a path now; on an object it reads Java's isNull() (false): left to java-method-name-as-key (issue 11)",
  'fuzz.block-params-raw-jsonnode.19': 'not yet emulated: block-params-raw-jsonnode (issue 11)',
  'fuzz.jsonnode-iterable-root-or-raw-node.27': 'not yet emulated: jsonnode-iterable-root-or-raw-node (issue 11)',
  'fuzz.each-over-scalar (deliberate).29':
    '#each over a scalar iterates Java internals in Handlebars.java; mergetag renders nothing and warns (docs/differences.md)',
  'fuzz.null-literal-is-a-path.41': 'null is a path now; it reads isNull() (false), and #each over false iterates Java bean properties (docs/differences.md)',
  'fuzz.jsonnode-iterable-root-or-raw-node.42': 'not yet emulated: jsonnode-iterable-root-or-raw-node (issue 11)',
  'fuzz.block-params-raw-jsonnode (jsonnode binding).43': 'not yet emulated: block-params-raw-jsonnode (jsonnode binding) (issue 11)',
};

describe('conformance: fuzz-classes.jsonl (differences random testing found)', () => {
  const core = coreHelpers();
  const iterable = iterableHelpers();
  const results = { passed: 0, known: 0 };

  afterAll(() => {
    console.log(`fuzz-classes.jsonl: ${results.passed}/${cases.length} pass, ${results.known} known differences (each with its reason)`);
  });

  for (const testCase of cases) {
    const known = KNOWN_DIFFERENCES[testCase.id];
    it(`${testCase.id}${known ? ` (known difference: ${known})` : ''}`, () => {
      const outcome = runCase(testCase, testCase.helpers === 'jknack' ? iterable : core);
      if (known) {
        results.known++;
        expect(outcome.passed, `${testCase.id} now passes: remove it from KNOWN_DIFFERENCES`).toBe(false);
        return;
      }
      results.passed++;
      const expected = testCase.error !== undefined ? `an error (${testCase.error})` : `output: ${JSON.stringify(testCase.output)}`;
      expect(outcome.passed, `expected ${expected}, got ${outcome.actual}`).toBe(true);
    });
  }
});
