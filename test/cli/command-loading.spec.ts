/**
 * Start-up time: each command loads its own module only (src/cli/main.ts), and `render` of files loads the
 * engine and nothing else of mergetag's: not the linter, the preview, the testing kit, the recorder, the project
 * layer, the config loader, nor zod (config/secrets.ts, which redacts URLs in messages, imports nothing). Checked on the built CLI in a child process, with a loader hook that lists every module
 * Node loads: what a user's `npx mergetag render` really pays for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolders } from '../support/run-cli.js';
import { binary, repoRoot } from './support.js';

const temp = tempFolders('all');

/** Registers a load hook that appends every module URL it sees to the file in `data.log`. */
const HOOKS = `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function load(url, context, next) { appendFileSync(log, url + '\\n'); return next(url, context); }
`)}`;

/** The modules (file URLs relative to the repository, or `node:` names) that loading and running the CLI with `args` loads. */
function modulesLoadedBy(args: string[], cwd = repoRoot): string[] {
  if (!existsSync(binary)) throw new Error('dist/cli/main.js is missing: run npm run build (npm test does)');
  const log = join(temp(), 'modules.txt');
  const register = `data:text/javascript,${encodeURIComponent(
    `import { register } from 'node:module'; register(${JSON.stringify(HOOKS)}, { data: { log: ${JSON.stringify(log)} } });`,
  )}`;
  const run = spawnSync(process.execPath, ['--import', register, binary, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file://'))
    .map((url) => decodeURIComponent(new URL(url).pathname).slice(repoRoot.length + 1));
}

const welcome = [
  'render',
  'fixtures/welcome/welcome.html',
  '--user',
  'fixtures/welcome/users/ann.json',
  '--feed',
  'welcome_codes=fixtures/welcome/recordings/ann.json',
];

describe('what a command loads', () => {
  it('render of files loads the engine, and not the linter, preview, testing kit, recorder, project layer or zod', () => {
    const loaded = modulesLoadedBy(welcome);
    expect(loaded).toContain('dist/iterable/template.js');
    expect(loaded).toContain('dist/cli/commands/render.js');
    const unwanted = loaded.filter((file) =>
      /^dist\/(lint|preview|testing|record|voucherify)\/|^dist\/config\/(?!secrets\.js)|^dist\/project\/(project|open|users)\.js|^dist\/cli\/commands\/(?!render\.js)|node_modules\/(zod|fast-check|tinyglobby|jsonpath-plus|re2js|@eslint-community)\//.test(
        file,
      ),
    );
    expect(unwanted).toEqual([]);
  });

  it('--version loads no command and no engine', () => {
    const loaded = modulesLoadedBy(['--version']);
    expect(loaded.filter((file) => file.startsWith('dist/'))).toEqual(['dist/cli/main.js', 'dist/cli/version.js']);
    expect(loaded.filter((file) => file.includes('node_modules/'))).toEqual([]);
  });

  it('render in a project loads the project layer and zod (the config), still not the linter or the preview', () => {
    const loaded = modulesLoadedBy(['render', 'welcome.html', '--user', 'ann'], join(repoRoot, 'fixtures/welcome'));
    expect(loaded).toContain('dist/project/project.js');
    expect(loaded.some((file) => file.includes('node_modules/zod/'))).toBe(true);
    expect(loaded.filter((file) => /^dist\/(lint|preview|testing)\//.test(file))).toEqual([]);
  });
});
