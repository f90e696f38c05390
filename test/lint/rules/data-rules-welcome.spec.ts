/** The data rules on the bundled welcome project: its template must lint clean, also with its payload variant. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledge } from '../../../src/lint/knowledge.js';
import { lintText } from '../../../src/lint/linter.js';
import { allRules } from '../../../src/lint/rules/index.js';
import type { Value } from '../../../src/values/types.js';
import { welcomeSources } from '../../support/rule-tester.js';

const welcome = readFileSync(resolve(import.meta.dirname, '../../../fixtures/welcome/welcome.html'), 'utf8');
const dataRuleIds = [
  'user-field-not-found',
  'unguarded-optional-path',
  'comparison-on-nullable',
  'prints-non-scalar',
  'each-over-scalar',
  'raw-json-node',
  'lookup-missing-key',
  'java-method-key',
  'max-size',
];
const dataRules = allRules.filter((rule) => dataRuleIds.includes(rule.meta.id));

/** The config's `no-marketing-text` variant: `unset $.voucher.metadata.marketing_text`. */
function withoutMarketingText(body: Value): Value {
  // Copies only the maps on the path (structuredClone would turn JsonNumbers into plain objects).
  const copy = new Map(body as Map<string, Value>);
  const voucher = new Map(copy.get('voucher') as Map<string, Value>);
  const metadata = new Map(voucher.get('metadata') as Map<string, Value>);
  metadata.delete('marketing_text');
  voucher.set('metadata', metadata);
  copy.set('voucher', voucher);
  return copy;
}

describe('the data rules on fixtures/welcome', () => {
  it('are all registered', () => {
    expect(dataRules.map((r) => r.meta.id).sort()).toEqual([...dataRuleIds].sort());
  });

  it('find nothing in welcome.html, with the recordings and with the variant applied', () => {
    const sources = welcomeSources();
    const feed = sources.feeds![0]!;
    const variants = { ...sources, feeds: [{ ...feed, samples: [...feed.samples, ...feed.samples.map(withoutMarketingText)] }] };
    for (const knowledge of [buildKnowledge(sources), buildKnowledge(variants), buildKnowledge({ ...sources, mergeDataFeedContext: true })]) {
      const result = lintText(welcome, { rules: dataRules, knowledge, config: { preset: 'all' }, file: 'welcome.html' });
      expect(result.messages.map((m) => `${m.ruleId} ${m.start.line}:${m.start.column} ${m.message}`)).toEqual([]);
      expect(result.lacking).toEqual([]);
    }
  });
});
