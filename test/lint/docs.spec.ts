import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/diagnostics/rules.js';
import { rulePages } from '../../src/lint/docs.js';
import { repoRoot } from '../support/run-cli.js';

describe('docs/rules/', () => {
  const pages = rulePages();

  it('is generated from the registry and the lint rules (run npm run docs)', () => {
    for (const [path, text] of pages) expect(readFileSync(join(repoRoot, path), 'utf8'), path).toBe(text);
    expect(readdirSync(join(repoRoot, 'docs/rules')).sort()).toEqual([...pages.keys()].map((p) => p.slice('docs/rules/'.length)).sort());
  });

  it('has a page for every rule id, and the index links each one', () => {
    const index = pages.get('docs/rules/index.md')!;
    for (const entry of allRules()) {
      expect(pages.has(entry.docs)).toBe(true);
      expect(index).toContain(`](${entry.id}.md)`);
    }
  });

  it("a lint rule's page shows its wrong and right example", () => {
    const page = pages.get('docs/rules/feed-path-not-found.md')!;
    expect(page).toContain('## Wrong');
    expect(page).toContain('[[welcome_codes.voucher.cod]]');
    expect(page).toContain('## Right');
  });
});
