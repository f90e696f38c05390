/**
 * DESIGN.md section 2: each folder of src/ imports only from its own layer and the layers below, and there are no
 * cycles between top-level folders. The checker itself is tested on small graphs, then run on the real tree.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYERS, folderCycles, layerViolations, readImports, type Import } from './layers.js';

const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));
const edges = (...pairs: [string, string][]): Import[] => pairs.map(([from, to]) => ({ from, to }));

describe('the layer checker', () => {
  it('allows imports downwards, within a folder, within a layer, and from src/index.ts', () => {
    const imports = edges(
      ['render/template.ts', 'helpers/index.ts'],
      ['render/template.ts', 'render/scope.ts'],
      ['values/json.ts', 'diagnostics/source.ts'],
      ['index.ts', 'cli/main.ts'],
      ['cli/main.ts', 'values/json.ts'],
    );
    expect(layerViolations(imports)).toEqual([]);
    expect(folderCycles(imports)).toEqual([]);
  });

  it('names each import that goes up a layer, and each folder that has no layer', () => {
    const imports = edges(['helpers/builtin/each.ts', 'render/scope.ts'], ['widgets/x.ts', 'values/json.ts'], ['values/a.ts', 'gadgets/y.ts']);
    expect(layerViolations(imports)).toEqual([
      'gadgets/y.ts: folder gadgets/ has no layer (give it one in DESIGN.md and test/architecture/layers.ts)',
      'helpers/builtin/each.ts → render/scope.ts (helpers/ may not import from render/, a higher layer)',
      'widgets/x.ts: folder widgets/ has no layer (give it one in DESIGN.md and test/architecture/layers.ts)',
    ]);
  });

  it('finds cycles between folders, also within one layer and through several folders', () => {
    const imports = edges(
      ['helpers/a.ts', 'render/b.ts'],
      ['render/b.ts', 'feeds/c.ts'],
      ['feeds/c.ts', 'helpers/a.ts'],
      ['config/x.ts', 'recordings/y.ts'],
      ['recordings/y.ts', 'config/z.ts'],
      ['cli/main.ts', 'config/x.ts'],
    );
    expect(folderCycles(imports)).toEqual([
      ['config', 'recordings'],
      ['feeds', 'helpers', 'render'],
    ]);
  });

  it('reads relative imports, re-exports and dynamic imports of src/, and nothing from packages', () => {
    const imports = readImports(srcDir);
    expect(imports).toContainEqual({ from: 'index.ts', to: 'render/template.ts' });
    expect(imports.every(({ to }) => to.endsWith('.ts') && !to.startsWith('..'))).toBe(true);
  });
});

describe('src/', () => {
  it('has a layer for every top-level folder', () => {
    const folders = readdirSync(srcDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !LAYERS.some((layer) => layer.includes(folder)))).toEqual([]);
  });

  it('imports only downwards, with no cycle between folders', () => {
    const imports = readImports(srcDir);
    expect(layerViolations(imports)).toEqual([]);
    expect(folderCycles(imports)).toEqual([]);
  });
});
