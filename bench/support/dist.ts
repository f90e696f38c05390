/**
 * The benchmarks time the BUILT package (dist/), the code users run, not the TypeScript source through a loader.
 * A dist/ older than src/ would time yesterday's code: refuse it (exit code 2), with the command that fixes it
 * (`npm run bench` builds first, so this only catches a bench file run on its own).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..', '..');

/** The newest file under a folder and its modification time. */
function newest(dir: string): { file: string; mtimeMs: number } {
  let best = { file: dir, mtimeMs: 0 };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const mtimeMs = statSync(file).mtimeMs;
    if (mtimeMs > best.mtimeMs) best = { file, mtimeMs };
  }
  return best;
}

/** Why dist/ cannot be benchmarked (missing, or older than a file of src/), or undefined when it is fresh. */
export function staleDist(): string | undefined {
  const entry = join(root, 'dist', 'index.js');
  if (!existsSync(entry)) return 'dist/ is missing: run `npm run build` first (`npm run bench` does)';
  const built = statSync(entry).mtimeMs;
  const changed = newest(join(root, 'src'));
  if (changed.mtimeMs > built) {
    return `dist/ is older than ${relative(root, changed.file)}: run \`npm run build\` first (\`npm run bench\` does), so the benchmark times the current code`;
  }
  return undefined;
}

/** mergetag's public API from dist/ (typed as the source it was built from), after checking dist/ is fresh. */
export async function importDist(): Promise<typeof import('../../src/index.js')> {
  const stale = staleDist();
  if (stale) {
    console.error(`bench: ${stale}`);
    process.exit(2);
  }
  return (await import(pathToFileURL(join(root, 'dist', 'index.js')).href)) as typeof import('../../src/index.js');
}
