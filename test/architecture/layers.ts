/**
 * The layer order of DESIGN.md section 2, and a reader of the imports between src/'s top-level folders. Each
 * folder may import from its own layer's folders and the layers below; the folder graph has no cycles.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { globSync } from 'tinyglobby';

/**
 * Lowest first. Folders on one line share a layer. DESIGN.md section 2 lists values … cli; the others sit where
 * their job puts them: io is a leaf utility beside values, record (mergetag record) sits with project.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['values', 'diagnostics', 'io'],
  ['syntax'],
  ['runtime'],
  ['helpers'],
  ['render'],
  ['analysis'],
  ['iterable', 'engine'],
  ['config', 'recordings', 'voucherify'],
  ['project', 'record'],
  ['lint'],
  ['testing'],
  ['preview'],
  ['cli'],
];

export interface Import {
  /** The importing file, relative to src/ with forward slashes. */
  from: string;
  /** The imported file, relative to src/. */
  to: string;
}

/** A file's top-level folder under src/, or undefined for files at src/'s root (index.ts: the public API). */
export function folderOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts.length > 1 ? parts[0] : undefined;
}

function layerOf(folder: string): number | undefined {
  const index = LAYERS.findIndex((layer) => layer.includes(folder));
  return index < 0 ? undefined : index;
}

/** Every relative import, export-from and dynamic import of the .ts files under srcDir (TypeScript's own scanner). */
export function readImports(srcDir: string): Import[] {
  const imports: Import[] = [];
  for (const file of globSync('**/*.ts', { cwd: srcDir })) {
    const info = ts.preProcessFile(readFileSync(resolve(srcDir, file), 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = relative(srcDir, resolve(srcDir, dirname(file), fileName))
        .split(sep)
        .join('/');
      imports.push({ from: file, to: target.replace(/\.js$/, '.ts') });
    }
  }
  return imports;
}

/** Imports that go up the layers, or come from a folder with no layer: each as "from → to (why)". */
export function layerViolations(imports: readonly Import[]): string[] {
  const problems = new Set<string>();
  for (const { from, to } of imports) {
    const source = folderOf(from);
    const target = folderOf(to);
    if (source === undefined || target === undefined || source === target) continue;
    const sourceLayer = layerOf(source);
    const targetLayer = layerOf(target);
    if (sourceLayer === undefined) problems.add(`${from}: folder ${source}/ has no layer (give it one in DESIGN.md and test/architecture/layers.ts)`);
    else if (targetLayer === undefined) problems.add(`${to}: folder ${target}/ has no layer (give it one in DESIGN.md and test/architecture/layers.ts)`);
    else if (targetLayer > sourceLayer) problems.add(`${from} → ${to} (${source}/ may not import from ${target}/, a higher layer)`);
  }
  return [...problems].sort();
}

/** Cycles between top-level folders (strongly connected components of more than one folder), each sorted. */
export function folderCycles(imports: readonly Import[]): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    const source = folderOf(from);
    const target = folderOf(to);
    if (source === undefined || target === undefined || source === target) continue;
    if (!edges.has(source)) edges.set(source, new Set());
    if (!edges.has(target)) edges.set(target, new Set());
    edges.get(source)!.add(target);
  }
  // Tarjan's algorithm; the folder graph has a few dozen nodes, so recursion depth is no concern.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
}
