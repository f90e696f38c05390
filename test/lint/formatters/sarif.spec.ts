/** SARIF output validates against the SARIF 2.1.0 schema that @microsoft/jest-sarif ships, and is stable across runs. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../src/lint/linter.js';
import { sarif } from '../../../src/lint/formatters/sarif.js';
import { allRules } from '../../../src/lint/rules/index.js';
import { welcomeKnowledge } from '../../support/rule-tester.js';

const require = createRequire(import.meta.url);
// Ajv is CommonJS: required, its class comes without the ESM default-import wrapper.
const { default: Ajv } = require('ajv-draft-04') as { default: new (options: object) => { compile(schema: unknown): ValidateFunction } };
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);

const context = { cwd: '/repo', color: false, frames: false, maxFrames: 20, rules: new Map(allRules.map((r) => [r.meta.id, r.meta])), version: '0.1.0' };
const template = '<b>[[welcome_codes.voucher.cod]]</b>\n<p>{{upcase firstName}}</p>\n[[#if x]]\n';

function run(text = template) {
  return lintText(text, { file: '/repo/emails/welcome.html', knowledge: welcomeKnowledge() });
}

describe('sarif formatter', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(sarif([run()], context));
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual([
      'feed-path-not-found',
      'syntax-error',
      'unknown-feed-alias',
      'unknown-helper',
    ]);
  });

  it('an invalid log fails the same check (the check can fail)', () => {
    const log = JSON.parse(sarif([run()], context));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('uses repository-relative URIs, 1-based regions, and rules with help URIs and default levels', () => {
    const log = JSON.parse(sarif([run()], context));
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'feed-path-not-found');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'emails/welcome.html', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 28, endLine: 1, endColumn: 31 },
    });
    const rule = log.runs[0].tool.driver.rules[result.ruleIndex];
    expect(rule).toMatchObject({ id: 'feed-path-not-found', defaultConfiguration: { level: 'error' } });
    expect(rule.helpUri).toMatch(/docs\/rules\/feed-path-not-found\.md$/);
  });

  it('fingerprints stay the same when unrelated lines move, and differ between findings', () => {
    const fingerprints = (text: string) =>
      JSON.parse(sarif([run(text)], context)).runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0],
      );
    const before = fingerprints(template);
    const after = fingerprints(`<!-- a new first line -->\n${template}`);
    expect(after).toEqual(before);
    expect(new Set(before).size).toBe(before.length);
  });
});
