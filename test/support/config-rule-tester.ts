/**
 * RuleTester for config rules: each case is a `mergetag.config.json` (an object, written with two-space indent,
 * or its text) with templates and sample users; `valid` cases produce no finding of the rule, `invalid` ones
 * exactly the findings listed, asserted by the config text each highlights. By default the templates are the
 * welcome project's `welcome.html` for each config template entry, and the users are its sample users.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { Shape } from '../../src/analysis/shape.js';
import { configRules, lintConfig, type ConfigLintInput, type ConfigRule } from '../../src/lint/config-rules/index.js';
import { buildKnowledge, type UserKnowledge } from '../../src/lint/knowledge.js';
import { parse } from '../../src/syntax/parser.js';
import { parseJson } from '../../src/values/json.js';
import type { Value } from '../../src/values/types.js';
import { welcomeSources } from './rule-tester.js';

export const welcomeTemplate = readFileSync(resolve(import.meta.dirname, '../../fixtures/welcome/welcome.html'), 'utf8');

export interface ConfigCase {
  name?: string;
  config: object | string;
  /** Template texts by file (the config's template paths); default: welcome.html's text for each. */
  templates?: Record<string, string>;
  /** Sample users; default: the welcome project's; `null` for a project without users. */
  users?: ReadonlyArray<{ id: string; profile: Value }> | null;
}

export interface InvalidConfigCase extends ConfigCase {
  errors: Array<{ highlighted: string; message?: RegExp; hint?: RegExp }>;
}

interface PlainConfig {
  feeds?: Record<string, { url: string; alias?: string }>;
  templates?: Array<{ path: string; feeds?: string[]; mergeDataFeedContext?: boolean }>;
}

/** The input `mergetag lint` gives lintConfig, built from a config, its templates and users. */
export function configInput(c: ConfigCase): ConfigLintInput {
  const text = typeof c.config === 'string' ? c.config : `${JSON.stringify(c.config, null, 2)}\n`;
  const config = JSON.parse(text) as PlainConfig;
  const welcome = welcomeSources();
  const welcomeSamples = welcome.feeds![0]!.samples;
  const feeds =
    buildKnowledge({
      feeds: Object.entries(config.feeds ?? {}).map(([id, feed]) => ({
        id,
        alias: feed.alias,
        url: feed.url,
        // The welcome recordings answer the welcome feed; other feeds have none.
        samples: id === 'welcome_codes' ? welcomeSamples : [],
      })),
    }).feeds ?? [];
  const templates = (config.templates ?? []).map((entry) => {
    const source = c.templates?.[entry.path] ?? welcomeTemplate;
    // As `mergetag lint` gives it: no analysis for a template that does not parse.
    const parsed = parse(source, { file: entry.path });
    const analysis = parsed.diagnostics.some((d) => d.severity === 'error') ? undefined : analyze(parsed);
    return { file: entry.path, feedIds: entry.feeds ?? [], mergeDataFeedContext: entry.mergeDataFeedContext ?? false, analysis };
  });
  const profiles = c.users === null ? undefined : (c.users ?? welcome.users!);
  const users: UserKnowledge | undefined = profiles && { profiles, shape: Shape.of(profiles.map((u) => u.profile)) };
  return { file: 'mergetag.config.json', text, feeds, templates, users };
}

export function configFindings(rule: ConfigRule, c: ConfigCase) {
  const input = configInput(c);
  const result = lintConfig(input, { rules: [rule], config: { preset: 'all' } });
  return result.messages.filter((m) => m.ruleId === rule.meta.id).map((m) => ({ ...m, highlighted: input.text.slice(m.start.offset, m.end.offset) }));
}

export function configRuleTester(rule: ConfigRule, cases: { valid: ConfigCase[]; invalid: InvalidConfigCase[] }): void {
  describe(`config rule ${rule.meta.id}`, () => {
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        it(c.name ?? `valid #${i + 1}`, () => {
          expect(configFindings(rule, c).map((f) => `${f.highlighted}: ${f.message}`)).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}`, () => {
          const found = configFindings(rule, c);
          expect(found.map((f) => f.highlighted)).toEqual(c.errors.map((e) => e.highlighted));
          c.errors.forEach((expected, j) => {
            if (expected.message) expect(found[j]!.message).toMatch(expected.message);
            if (expected.hint) expect(found[j]!.hint ?? '').toMatch(expected.hint);
          });
        });
      });
    });
    it('its docs example: the wrong one is reported, the right one is not', () => {
      expect(configFindings(rule, { config: rule.meta.examples.wrong }).length).toBeGreaterThan(0);
      expect(configFindings(rule, { config: rule.meta.examples.right })).toEqual([]);
    });
    it('is one of configRules', () => {
      expect(configRules).toContain(rule);
    });
  });
}

/** A config of feeds (id → URL, aliased by their id) all attached to welcome.html. */
export function feedsConfig(urls: Record<string, string>, extra: object = {}): object {
  return {
    feeds: Object.fromEntries(Object.entries(urls).map(([id, url]) => [id, { url, alias: id }])),
    templates: [{ path: 'welcome.html', feeds: Object.keys(urls) }],
    ...extra,
  };
}

/** The welcome project's config, as in fixtures/welcome. */
export const welcomeConfigText = readFileSync(resolve(import.meta.dirname, '../../fixtures/welcome/mergetag.config.json'), 'utf8');

/** A user profile from its JSON text, read as mergetag reads profiles (numbers keep their spelling). */
export function profile(json: string): Value {
  const parsed = parseJson(json);
  if (!parsed.ok) throw new Error(`not JSON: ${json}`);
  return parsed.value;
}
