/**
 * Iterable's documented example templates (the ones the helper and render tests cite, collected in
 * test/fixtures/iterable-docs-examples.json with their support.iterable.com article) lint without a false alarm:
 * every rule on (preset `all`), with the welcome project's knowledge. A finding is expected only when the fixture
 * lists it with the reason it is right (for instance: the welcome project's sample users have no such field).
 * A listed finding that no longer happens fails too, so the list stays true.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/linter.js';
import { repoRoot } from '../support/run-cli.js';
import { welcomeKnowledge } from '../support/rule-tester.js';

interface Example {
  url: string;
  template: string;
  note: string;
  /** Findings that are right for this example, each with why. */
  findings?: Array<{ rule: string; highlighted: string; reason: string }>;
}

const examples = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/iterable-docs-examples.json'), 'utf8')) as Example[];
const knowledge = welcomeKnowledge();

describe("Iterable's documented examples lint without false alarms", () => {
  it('the fixture cites an Iterable article for every example', () => {
    expect(examples.length).toBeGreaterThan(100);
    for (const example of examples) {
      expect(example.url).toMatch(/^https:\/\/support\.iterable\.com\/hc\/en-us\/articles\/\d+$/);
      expect(example.note).not.toBe('');
      for (const finding of example.findings ?? []) expect(finding.reason.length, `${finding.rule} in ${example.note}`).toBeGreaterThan(20);
    }
  });

  it.each(examples.map((example, index) => [`${index + 1}. ${example.note}`, example] as const))('%s', (_name, example) => {
    const result = lintText(example.template, { knowledge, config: { preset: 'all' }, file: 'example.html' });
    const found = result.messages.map((m) => `${m.ruleId} ${example.template.slice(m.start.offset, m.end.offset)}`);
    const expected = (example.findings ?? []).map((f) => `${f.rule} ${f.highlighted}`);
    const messages = result.messages.map((m) => `${m.ruleId}: ${m.message}`).join('\n');
    expect(found, `${example.template}\n${messages}`).toEqual(expected);
  });
});
