/**
 * ESLint's RuleTester, for mergetag rules: `valid` templates produce no finding of the rule, each `invalid` one
 * produces exactly the findings listed, asserted by the text they highlight (theme-check's
 * `highlightedOffenses`) and, optionally, their message. Templates are linted with the bundled welcome project's
 * knowledge (its feed, recordings and sample users) unless a case brings its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledge, emptyKnowledge, type KnowledgeSources, type TemplateKnowledge } from '../../src/lint/knowledge.js';
import { lintText } from '../../src/lint/linter.js';
import type { Rule } from '../../src/lint/rule.js';
import { allRules } from '../../src/lint/rules/index.js';
import { parseJson } from '../../src/values/json.js';
import type { Value } from '../../src/values/types.js';

const welcome = resolve(import.meta.dirname, '../../fixtures/welcome');

function readJson(file: string): Value {
  const parsed = parseJson(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: not JSON`);
  return parsed.value;
}

/** The welcome project's knowledge, read from fixtures/welcome as a project would. */
export function welcomeSources(overrides: Partial<KnowledgeSources> = {}): KnowledgeSources {
  const config = readJson(join(welcome, 'mergetag.config.json')) as Map<string, Value>;
  const feed = (config.get('feeds') as Map<string, Value>).get('welcome_codes') as Map<string, Value>;
  const samples = readdirSync(join(welcome, 'recordings'))
    .map((name) => readJson(join(welcome, 'recordings', name)) as Map<string, Value>)
    .map((recording) => recording.get('response') as Map<string, Value>)
    .filter((response) => String(response.get('status')) === '200')
    .map((response) => response.get('body'));
  const users = readdirSync(join(welcome, 'users')).map((name) => ({ id: name.replace(/\.json$/, ''), profile: readJson(join(welcome, 'users', name)) }));
  return { feeds: [{ id: 'welcome_codes', alias: 'welcome_codes', url: String(feed.get('url')), samples }], users, ...overrides };
}

export function welcomeKnowledge(overrides: Partial<KnowledgeSources> = {}): TemplateKnowledge {
  return buildKnowledge(welcomeSources(overrides));
}

export interface ValidCase {
  code: string;
  knowledge?: TemplateKnowledge;
  name?: string;
}

export interface InvalidCase extends ValidCase {
  /** Each expected finding: the text it highlights, and optionally a pattern its message (or hint) matches. */
  errors: Array<{ highlighted: string; message?: RegExp; hint?: RegExp }>;
}

/**
 * Findings of one rule, with the text each highlights. Every rule runs (the `all` preset), as in a real lint, so
 * directives and rules that depend on each other behave as they will for users; only the rule's findings count.
 */
export function findings(rule: Rule, code: string, knowledge: TemplateKnowledge = welcomeKnowledge()) {
  const rules = allRules.some((r) => r.meta.id === rule.meta.id) ? allRules : [...allRules, rule];
  const result = lintText(code, { rules, knowledge, config: { preset: 'all' }, file: 'test.html' });
  return result.messages.filter((m) => m.ruleId === rule.meta.id).map((m) => ({ ...m, highlighted: code.slice(m.start.offset, m.end.offset) }));
}

/**
 * `examplesKnowledge`: what the rule's docs examples are linted with, for a rule that needs knowledge the welcome
 * project lacks (it has no snippets).
 */
export function ruleTester(
  rule: Rule,
  cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] },
  options: { examplesKnowledge?: TemplateKnowledge } = {},
): void {
  describe(`rule ${rule.meta.id}`, () => {
    describe('valid', () => {
      for (const item of cases.valid) {
        const c = typeof item === 'string' ? { code: item } : item;
        it(c.name ?? c.code, () => {
          expect(findings(rule, c.code, c.knowledge).map((f) => `${f.highlighted}: ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name ?? c.code, () => {
          const found = findings(rule, c.code, c.knowledge);
          expect(found.map((f) => f.highlighted)).toEqual(c.errors.map((e) => e.highlighted));
          c.errors.forEach((expected, i) => {
            if (expected.message) expect(found[i]!.message).toMatch(expected.message);
            if (expected.hint) expect(found[i]!.hint ?? '').toMatch(expected.hint);
          });
        });
      }
    });
    it('its docs example: the wrong one is reported, the right one is not', () => {
      expect(findings(rule, rule.meta.examples.wrong, options.examplesKnowledge).length).toBeGreaterThan(0);
      expect(findings(rule, rule.meta.examples.right, options.examplesKnowledge)).toEqual([]);
    });
  });
}

export { emptyKnowledge };
