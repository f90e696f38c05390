import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { helpersMarkdown } from '../../src/helpers/docs.js';
import { iterableHelpers } from '../../src/helpers/index.js';
import { repoRoot } from '../cli/support.js';

it('docs/helpers.md is generated from the current helper meta (run npm run docs)', () => {
  const written = readFileSync(join(repoRoot, 'docs/helpers.md'), 'utf8');
  expect(written).toBe(helpersMarkdown(iterableHelpers()));
});

it('every helper has a description, a form and parameter metadata', () => {
  const registry = iterableHelpers();
  for (const name of registry.names()) {
    const { meta } = registry.get(name)!;
    expect(meta.name, name).toBe(name);
    expect(meta.description.length, name).toBeGreaterThan(10);
    expect(['inline', 'block', 'both'], name).toContain(meta.form);
    expect(Array.isArray(meta.params), name).toBe(true);
  }
});
