/** The licence package.json declares is the one the repository ships, with its holder and year. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('LICENSE', () => {
  it('is the MIT licence that package.json names, held by the mergetag authors', () => {
    const manifest = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as { license: string };
    const licence = readFileSync(`${repoRoot}LICENSE`, 'utf8');
    expect(manifest.license).toBe('MIT');
    expect(licence.split('\n')[0]).toBe('MIT License');
    expect(licence).toContain('Copyright (c) 2026 the mergetag authors');
    expect(licence).toContain('THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND');
  });
});
