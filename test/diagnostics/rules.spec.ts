import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules, isRuleId, rule } from '../../src/diagnostics/rules.js';
import { repoRoot } from '../support/run-cli.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/** Rule ids written as string literals where a diagnostic is made: `diagnostic('id'`, `warn(\n 'id'`, `ruleId === 'id'`... */
function usedRuleIds(): Map<string, string> {
  const used = new Map<string, string>();
  const call = /\b(?:diagnostic|warn|report|reporter\.\w+)\(\s*'([a-z][a-z0-9-]*)'/g;
  const compare = /ruleId\s*(?:===|!==|:|=)\s*'([a-z][a-z0-9-]*)'/g;
  for (const file of sourceFiles(join(repoRoot, 'src'))) {
    if (file.endsWith(join('diagnostics', 'rules.ts'))) continue;
    const text = readFileSync(file, 'utf8');
    for (const pattern of [call, compare]) for (const match of text.matchAll(pattern)) used.set(match[1]!, file);
  }
  return used;
}

describe('the rule registry', () => {
  it('registers every rule id the sources report', () => {
    const used = usedRuleIds();
    expect(used.size).toBeGreaterThan(20);
    const unregistered = [...used].filter(([id]) => !isRuleId(id)).map(([id, file]) => `${id} (${file})`);
    expect(unregistered).toEqual([]);
  });

  it('gives every rule a severity, a description and a docs URL naming it', () => {
    for (const entry of allRules()) {
      expect(['error', 'warning', 'info']).toContain(entry.severity);
      expect(entry.description.length).toBeGreaterThan(10);
      expect(entry.docs).toBe(`docs/rules/${entry.id}.md`);
      expect(entry.docsUrl).toMatch(new RegExp(`^https://.*/docs/rules/${entry.id}\\.md$`));
    }
    expect(rule('syntax-error').severity).toBe('error');
  });

  it('knows no rule by an inherited name', () => {
    expect(isRuleId('constructor')).toBe(false);
    expect(isRuleId('toString')).toBe(false);
  });
});
