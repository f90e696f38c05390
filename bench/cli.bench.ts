/**
 * `npm run bench` (CLI part): what a user of the command line waits for, measured on the built CLI
 * (dist/cli/main.js, as `npm install` leaves it; built first when src/ is newer), in child processes.
 *
 * 1. Cold start: `mergetag render` of the welcome email (the README's quick start) against `node -e ''`, the
 *    floor of any Node.js command. The two run in turns, in alternating order, round after round; the result is
 *    the median of the per-round ratios of wall time, so a machine that is busy for a while slows both sides of
 *    the rounds it touches. Goal (issue 11): at most 2.5×.
 * 2. `render --all` on 100,000 generated users (one NDJSON file, the welcome template and feed, every user
 *    answered by the feed's default recording), three runs: into an empty folder; again over the first run's
 *    files (every message the same: each is compared and left as it is); and after a change to the template, so
 *    that every message is replaced. For each, users per second over the whole command, and the peak RSS of the
 *    child (its own `process.resourceUsage().maxRSS`, reported at exit by a preloaded module). Goals (issue 11):
 *    at least 5,000 users/s on 2 cores, under 150 MB. Creating and replacing 100,000 files is the file
 *    system's work: on a shared disk the same run can take twice as long from one minute to the next.
 * Outputs are checked before anything counts: the cold render prints the welcome code, and every user of the
 * big run is rendered, with the user's own name (and, after the change, the changed template) in a sampled file.
 *
 *   npm run bench                          every benchmark, this one after lint and render
 *   node --import tsx bench/cli.bench.ts   this one; --rounds 40 --users 100000 to change the sizes,
 *                                          --only cold or --only all for one part (its rows replace those of
 *                                          the last run, the others are kept),
 *                                          --binary OTHER/dist/cli/main.js to measure another build
 *
 * Results are recorded with bench/support/results.ts (section "cli").
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, closeSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatRows, recordResults, type ResultRow } from './support/results.js';

const root = join(import.meta.dirname, '..');
const binaryArg = process.argv.indexOf('--binary');
/** The CLI measured: this checkout's build, or another one's (`--binary ../main/dist/cli/main.js`) to compare. */
const binary = binaryArg > 0 ? resolve(process.argv[binaryArg + 1]!) : join(root, 'dist/cli/main.js');
const welcome = join(root, 'fixtures/welcome');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}
const ROUNDS = option('rounds', 40);
const USERS = option('users', 100_000);
const onlyArg = process.argv.indexOf('--only');
/** One part of the benchmark (`cold` or `all`), or both. */
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
if (ONLY !== undefined && ONLY !== 'cold' && ONLY !== 'all') throw new Error(`--only ${ONLY}: cold or all`);

/** The newest modification time under a folder (files only). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** The benchmark measures what users run: the build, made again when the sources changed since. */
function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(binary).mtimeMs;
  } catch {
    // not built yet
  }
  if (built < newest(join(root, 'src'))) {
    console.log('building dist/ (src/ changed since the last build)…');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs node with the arguments; returns the wall time in ms (and throws on a non-zero exit). */
function timeNode(args: readonly string[], cwd: string): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return { ms, stdout: run.stdout };
}

function coldStart(): ResultRow[] {
  const render = [binary, 'render', 'welcome.html', '--user', 'users/ann.json', '--feed', 'welcome_codes=recordings/ann.json'];
  const empty = ['-e', ''];
  const first = timeNode(render, welcome);
  if (!first.stdout.includes('WELCOME-7QX2K9')) throw new Error('mergetag render did not print the welcome code: nothing to time');
  for (let round = 0; round < 5; round++) {
    timeNode(empty, welcome);
    timeNode(render, welcome);
  }
  const ratios: number[] = [];
  const renderMs: number[] = [];
  const emptyMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which side goes first, so neither always follows the other.
    let base: number;
    let cli: number;
    if (round % 2) {
      cli = timeNode(render, welcome).ms;
      base = timeNode(empty, welcome).ms;
    } else {
      base = timeNode(empty, welcome).ms;
      cli = timeNode(render, welcome).ms;
    }
    ratios.push(cli / base);
    renderMs.push(cli);
    emptyMs.push(base);
  }
  return [
    {
      name: `cold start: mergetag render welcome / node -e '' (median of ${ROUNDS} interleaved rounds, wall time)`,
      value: median(ratios),
      unit: '×',
      better: 'lower',
      goal: 2.5,
    },
    { name: 'cold start: mergetag render welcome (median)', value: median(renderMs), unit: 'ms', better: 'lower' },
    { name: "cold start: node -e '' (median)", value: median(emptyMs), unit: 'ms', better: 'lower' },
  ];
}

/** The welcome project with `count` users in one NDJSON file, every feed request answered by Ann's recording. */
function generateProject(dir: string, count: number): void {
  mkdirSync(join(dir, 'users'), { recursive: true });
  cpSync(join(welcome, 'recordings'), join(dir, 'recordings'), { recursive: true });
  cpSync(join(welcome, 'welcome.html'), join(dir, 'welcome.html'));
  const config = JSON.parse(readFileSync(join(welcome, 'mergetag.config.json'), 'utf8')) as {
    $schema?: string;
    feeds: Record<string, { defaultRecording?: string }>;
    users: string;
    variants: object;
  };
  delete config.$schema;
  config.feeds.welcome_codes!.defaultRecording = 'recordings/ann.json';
  config.users = 'users/*.ndjson';
  config.variants = {};
  writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify(config, null, 2));
  const fd = openSync(join(dir, 'users', 'users.ndjson'), 'w');
  let chunk = '';
  for (let i = 0; i < count; i++) {
    const profile = {
      id: `user-${i}`,
      email: `user${i}@example.com`,
      source_id: `user${i}@example.com`,
      firstName: i % 7 ? `Name${i}` : '',
      lastName: 'Lindqvist',
      locale: 'en-US',
      signupDate: '2026-11-20 10:12:44 +00:00',
      emailListIds: [4821, i],
      vip: i % 2 === 0,
    };
    chunk += `${JSON.stringify(profile)}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

/** Preloaded into the child: its own resource usage, written to the file named by the environment at exit. */
const USAGE_REPORTER = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => writeFileSync(process.env.MERGETAG_BENCH_USAGE, JSON.stringify(process.resourceUsage())));",
)}`;

function renderAllRun(project: string, out: string, usageFile: string, marker = ''): { seconds: number; maxRssMb: number } {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', USAGE_REPORTER, binary, 'render', '--all', '--out', out], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, MERGETAG_BENCH_USAGE: usageFile },
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`render --all exited ${run.status}: ${run.stderr}`);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { counts: { rendered: number } };
  if (summary.counts.rendered !== USERS) throw new Error(`render --all rendered ${summary.counts.rendered} of ${USERS} users`);
  let sample = Math.floor(USERS / 2);
  while (sample % 7 === 0) sample++; // every seventh user has no first name: the message greets 'there'
  const message = readFileSync(join(out, 'welcome', `user-${sample}.html`), 'utf8');
  if (!message.includes(`Name${sample}`)) throw new Error(`user-${sample}'s message lacks the name`);
  if (!message.includes(marker)) throw new Error(`user-${sample}'s message is not the changed template's`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
  return { seconds, maxRssMb: usage.maxRSS / 1024 };
}

function renderAll(): ResultRow[] {
  const dir = mkdtempSync(join(tmpdir(), 'mergetag-bench-cli-'));
  try {
    const project = join(dir, 'project');
    generateProject(project, USERS);
    const out = join(dir, 'out');
    const first = renderAllRun(project, out, join(dir, 'usage-1.json'));
    const again = renderAllRun(project, out, join(dir, 'usage-2.json'));
    // Every message changes: each is replaced.
    const marker = '<!-- changed for the benchmark -->';
    writeFileSync(join(project, 'welcome.html'), `${readFileSync(join(project, 'welcome.html'), 'utf8')}${marker}\n`);
    const changed = renderAllRun(project, out, join(dir, 'usage-3.json'), marker);
    const label = `render --all, ${USERS.toLocaleString('en-US')} users`;
    return [
      { name: `${label}: into an empty folder`, value: USERS / first.seconds, unit: 'users/s', better: 'higher', goal: 5000 },
      { name: `${label}: into an empty folder, peak RSS`, value: first.maxRssMb, unit: 'MB', better: 'lower', goal: 150 },
      { name: `${label}: again, same messages (left as they are)`, value: USERS / again.seconds, unit: 'users/s', better: 'higher', goal: 5000 },
      { name: `${label}: again, peak RSS`, value: again.maxRssMb, unit: 'MB', better: 'lower', goal: 150 },
      { name: `${label}: template changed, every message replaced`, value: USERS / changed.seconds, unit: 'users/s', better: 'higher', goal: 5000 },
      { name: `${label}: template changed, peak RSS`, value: changed.maxRssMb, unit: 'MB', better: 'lower', goal: 150 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (binaryArg < 0) ensureBuilt();
const rows = [...(ONLY !== 'all' ? coldStart() : []), ...(ONLY !== 'cold' ? renderAll() : [])];
console.log(`\nCLI (${process.version}, ${binaryArg < 0 ? 'built dist/cli/main.js' : binary})\n`);
if (binaryArg < 0) console.log(recordResults('cli', rows, { partial: ONLY !== undefined }));
else console.log(formatRows(rows));
