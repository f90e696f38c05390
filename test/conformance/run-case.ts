/** Runs one corpus case the way its README says: one delimiter family, data as the user or as one unaliased feed. */
import { compile } from '../../src/iterable/template.js';
import type { HelperRegistry } from '../../src/helpers/registry.js';
import type { RenderResult } from '../../src/iterable/template.js';
import type { CorpusCase } from './corpus.js';

export interface CaseOutcome {
  passed: boolean;
  actual: string;
  /** The rule ids of the render's diagnostics. */
  ruleIds: string[];
}

export function runCase(testCase: CorpusCase, helpers: HelperRegistry): CaseOutcome {
  return run(testCase, helpers, false);
}

/** The same case with both families live, as mergetag renders real templates. */
export function runCaseBothFamilies(testCase: CorpusCase, helpers: HelperRegistry): CaseOutcome {
  return run(testCase, helpers, true);
}

export function renderCorpusCase(
  testCase: Pick<CorpusCase, 'id' | 'delims' | 'template' | 'data'>,
  helpers: HelperRegistry,
  bothFamilies = false,
): RenderResult {
  const family = testCase.delims === '[[]]' ? 'feed' : 'user';
  const families = bothFamilies ? (['user', 'feed'] as const) : ([family] as const);
  const template = compile(testCase.template, { helpers, families, file: testCase.id });
  return family === 'user' ? template.renderRoots(testCase.data, new Map()) : template.renderRoots(new Map(), testCase.data);
}

function run(testCase: CorpusCase, helpers: HelperRegistry, bothFamilies: boolean): CaseOutcome {
  const result = renderCorpusCase(testCase, helpers, bothFamilies);
  const ruleIds = result.diagnostics.map((d) => d.ruleId);
  if (testCase.error !== undefined) {
    return { passed: result.skip !== undefined, actual: result.skip ? `error: ${result.skip.message}` : `output: ${JSON.stringify(result.output)}`, ruleIds };
  }
  if (result.skip) return { passed: false, actual: `error: ${result.skip.message}`, ruleIds };
  return { passed: result.output === testCase.output, actual: `output: ${JSON.stringify(result.output)}`, ruleIds };
}
