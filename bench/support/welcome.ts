/**
 * The bundled welcome project's lint knowledge (its feed, recordings and sample users), read from fixtures/welcome
 * as a project would. Shared by the lint benchmark and the rule tests (test/support/rule-tester.ts re-exports it):
 * the benchmark must not import test code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildKnowledge, type KnowledgeSources, type TemplateKnowledge } from '../../src/lint/knowledge.js';
import { parseJson } from '../../src/values/json.js';
import type { Value } from '../../src/values/types.js';

export const welcomeDir = resolve(import.meta.dirname, '../../fixtures/welcome');

function readJson(file: string): Value {
  const parsed = parseJson(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: not JSON`);
  return parsed.value;
}

export function welcomeSources(overrides: Partial<KnowledgeSources> = {}): KnowledgeSources {
  const config = readJson(join(welcomeDir, 'mergetag.config.json')) as Map<string, Value>;
  const feed = (config.get('feeds') as Map<string, Value>).get('welcome_codes') as Map<string, Value>;
  const samples = readdirSync(join(welcomeDir, 'recordings'))
    .map((name) => readJson(join(welcomeDir, 'recordings', name)) as Map<string, Value>)
    .map((recording) => recording.get('response') as Map<string, Value>)
    .filter((response) => String(response.get('status')) === '200')
    .map((response) => response.get('body'));
  const users = readdirSync(join(welcomeDir, 'users')).map((name) => ({ id: name.replace(/\.json$/, ''), profile: readJson(join(welcomeDir, 'users', name)) }));
  return { feeds: [{ id: 'welcome_codes', alias: 'welcome_codes', url: String(feed.get('url')), samples }], users, ...overrides };
}

export function welcomeKnowledge(overrides: Partial<KnowledgeSources> = {}): TemplateKnowledge {
  return buildKnowledge(welcomeSources(overrides));
}
