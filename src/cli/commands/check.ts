/**
 * `mergetag check [TEMPLATE...]`: property-based tests of a project's templates. Each template is rendered for
 * many generated users and Voucherify responses (the `mergetag/testing` kit: every voucher type, with and without
 * metadata, error responses, users with apostrophes and missing fields) and checked against the built-in
 * properties: the message is sent for a 200, printed fields are never empty, no half-built link, under 102 KB...
 * A failure is shrunk by fast-check to a small counterexample, which is printed, written as files (a user profile
 * and one recording per feed) and given with the `mergetag render` command that reproduces it, so that a property
 * failure becomes an ordinary render the user can look at. Exit codes: 0 every property holds, 1 one failed,
 * 2 bad usage or a broken input file.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { escapeControlCharacters } from '../../diagnostics/terminal-text.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { leavesFolder } from '../../io/inside-folder.js';
import { userContext } from '../../iterable/event-context.js';
import { expandFeedUrl } from '../../iterable/feed-url.js';
import type { FeedResponse } from '../../iterable/feed-context.js';
import type { Project, TemplateEntry } from '../../project/project.js';
import { encodeSegment } from '../../project/output-paths.js';
import { REDACTED } from '../../recordings/schema.js';
import { checkTemplate, DEFAULT_NOW, PROPERTIES, UnknownPropertyError, type CheckFailure, type CheckResult } from '../../testing/index.js';
import { jsonString, jsonText } from '../../values/print.js';
import { toValue } from '../../values/json.js';
import type { Value } from '../../values/types.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { paint, type CliIO } from '../io.js';
import { openCommandProject } from '../project.js';
import { outputFormat, printJsonResult } from '../report.js';

/**
 * The clock of every run, unless --now: checkTemplate's own fixed date, so that a seed replays the same messages in
 * the CLI and in a user's vitest, and a counterexample and its render command agree on every machine.
 */
const DEFAULT_CHECK_NOW = DEFAULT_NOW.toISOString();

/** The built-in properties for --help: name and description, in the order they run. */
function propertyList(): string {
  return PROPERTIES.map(({ name, description }) => `  ${name.padEnd(16)} ${description}`).join('\n');
}

/** Where counterexamples go, relative to the project folder, unless --out. */
export const DEFAULT_CHECK_OUT = '.mergetag/check';

/** A compact JSON value is cut here in the terminal; the files hold it whole. */
const SHOWN_JSON = 400;

export const checkHelp = `Usage: mergetag check [TEMPLATE ...] [options]

Property-based tests of the project's templates (in a project: the nearest
mergetag.config.json, or --config). Each template is rendered for many generated
users and feed responses (every Voucherify voucher type, with and without
metadata, expiration and categories; error responses; users with apostrophes,
HTML specials, unicode and missing fields) and checked: the message is sent for
every 200 response and skipped for every error, every field it prints unguarded
is a non-empty value, no object, "null" or empty href/src is printed, the feed
URL is valid for every user, the message is under 102 KB, and aliases resolve
as Iterable resolves them.

A failure is shrunk to a small counterexample, printed, written as files (the
user profile and one recording per feed) and given with the mergetag render
command that reproduces it.

Properties (--property NAME):
${propertyList()}

Options:
  --runs N                generated cases per template (default 100)
  --seed S                fast-check's seed (default: random; always printed,
                          so a failing run can be repeated)
  --property NAME         run only this property; repeat for several
  --now ISO-8601          the clock for date helpers (default ${DEFAULT_CHECK_NOW})
  --out DIR               where counterexamples are written, inside the project
                          (default ${DEFAULT_CHECK_OUT}): DIR/<template>/<property>/
  --config FILE           the project config (default: the nearest one)
  --format text|json      json prints the result on stdout: {exitCode, …,
                          results: [{template, seed, runs, passed, failures}]}
  -h, --help              this help

Exit codes: 0 every property holds; 1 a property failed; 2 bad usage, or a
broken config or input file.

Examples:
  cd fixtures/welcome && mergetag check
  mergetag check welcome.html --runs 1000 --seed 42 --property prints-scalars
`;

interface WrittenFailure {
  failure: CheckFailure;
  /** The counterexample's folder, as shown (relative to cwd). */
  folder: string;
  /** The `mergetag render` command that renders the counterexample. */
  command: string;
}

interface TemplateReport {
  entry: TemplateEntry;
  result: CheckResult;
  failures: WrittenFailure[];
}

export function checkCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    runs: { type: 'string' },
    seed: { type: 'string' },
    property: { type: 'string', multiple: true },
    now: { type: 'string' },
    out: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(checkHelp);
    return 0;
  }
  const format = outputFormat(values.format as string | undefined);
  const runs = values.runs === undefined ? undefined : positiveInteger(values.runs as string, '--runs');
  const seed = values.seed === undefined ? undefined : seedOf(values.seed as string);
  const properties = values.property as string[] | undefined;
  const nowText = (values.now as string | undefined) ?? DEFAULT_CHECK_NOW;
  const now = new Date(nowText);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now ${nowText}: not an ISO-8601 date`, 'e.g. --now 2026-11-25T09:00:00Z');

  const project = openCommandProject(io, values.config as string | undefined);
  const out = outFolder(project, io, values.out as string | undefined);
  const entries = selectTemplates(project, io, positionals);
  const colors = paint(io);

  const reports: TemplateReport[] = [];
  for (const [index, entry] of entries.entries()) {
    // Progress goes to a terminal only: a CI log or a pipe gets the results and nothing else.
    if (io.stderrIsTTY && format === 'text') {
      io.stderr(escapeControlCharacters(`checking ${entry.display} (${index + 1}/${entries.length})…\n`));
    }
    const template = project.compiledTemplate(entry);
    let result: CheckResult;
    try {
      result = checkTemplate(template, {
        project,
        templateEntry: entry,
        now,
        ...(runs !== undefined ? { runs } : {}),
        ...(seed !== undefined ? { seed } : {}),
        ...(properties ? { properties } : {}),
      });
    } catch (error) {
      if (error instanceof UnknownPropertyError) throw new UsageError(`--property: ${error.message}`, 'mergetag check --help lists them');
      throw error;
    }
    const failures = result.failures.map((failure) => writeFailure(project, io, entry, failure, out, nowText));
    reports.push({ entry, result, failures });
  }
  const code = reports.every((report) => report.result.passed) ? 0 : 1;

  if (format === 'json') {
    return printJsonResult(io, code, [], { now: nowText, results: reports.map(jsonReport) });
  }
  for (const { entry, result, failures } of reports) {
    const mark = result.passed ? 'ok' : colors.error('FAILED');
    io.stdout(line(`${mark} ${result.template}: ${result.runs} runs, seed ${result.seed}`));
    for (const { failure, folder, command } of failures) {
      io.stdout(line(`  ${colors.bold(failure.property)}: ${failure.message}`));
      io.stdout(line(`    user: ${shown(failure.counterexample.user)}`));
      if (failure.counterexample.event) io.stdout(line(`    event: ${shown(failure.counterexample.event)}`));
      failure.counterexample.feeds.forEach((feed, position) => {
        io.stdout(line(`    feed ${feedLabel(entry, feed, position)} (${feed.status ?? 200}): ${shown(feed.body)}`));
      });
      io.stdout(line(`    seed ${failure.seed}${failure.path !== undefined ? `, path ${failure.path}` : ''}`));
      io.stdout(line(`    written to ${folder}/; reproduce it with:`));
      io.stdout(line(`    ${command}`));
    }
  }
  const failed = reports.reduce((n, report) => n + report.result.failures.length, 0);
  io.stdout(
    failed
      ? `${failed} propert${failed === 1 ? 'y' : 'ies'} failed in ${reports.filter((r) => !r.result.passed).length} of ${reports.length} template${reports.length === 1 ? '' : 's'}\n`
      : `every property holds for ${reports.length} template${reports.length === 1 ? '' : 's'}\n`,
  );
  return code;
}

/** One line of terminal output: generated values hold any character, none of which may drive the terminal. */
function line(text: string): string {
  return `${escapeControlCharacters(text)}\n`;
}

function shown(value: unknown): string {
  const text = jsonText(toValue(value));
  return text.length > SHOWN_JSON ? `${text.slice(0, SHOWN_JSON)}… (${text.length} characters: see the file)` : text;
}

/** The feed's alias, else its id in the config, else its position. */
function feedLabel(entry: TemplateEntry, feed: FeedResponse, position: number): string {
  return feed.alias ?? entry.settings.feeds[position] ?? `#${position + 1}`;
}

/**
 * The folder counterexamples go to: --out (relative to cwd) or the default under the project folder. It must be
 * inside the project, links resolved: check writes where the project's owner would look, never elsewhere.
 */
function outFolder(project: Project, io: CliIO, out: string | undefined): string {
  const dir = out === undefined ? resolve(project.dir, DEFAULT_CHECK_OUT) : resolve(io.cwd, out);
  const rel = relative(project.dir, dir);
  if (rel.startsWith('..') || isAbsolute(rel) || leavesFolder(existingAncestor(dir), project.dir)) {
    throw new UsageError(
      `--out ${out ?? dir}: outside the project folder ${project.shown(project.dir) || '.'}`,
      `write a folder inside it, e.g. --out ${DEFAULT_CHECK_OUT}`,
    );
  }
  return dir;
}

/** The folder itself, or the nearest of its parents that exists: where a link could take the writes elsewhere. */
function existingAncestor(dir: string): string {
  let path = dir;
  while (!existsSync(path) && dirname(path) !== path) path = dirname(path);
  return path;
}

function selectTemplates(project: Project, io: CliIO, names: readonly string[]): TemplateEntry[] {
  if (!names.length) return project.templates();
  return names.map((name) => {
    const entry = project.templateFor(resolve(io.cwd, name));
    if (!entry) throw new UsageError(`${name} is not a template of ${project.shown(project.loaded.file)}`, 'add it under "templates" with its feeds');
    return entry;
  });
}

/**
 * Writes the counterexample as the files `mergetag render` reads: `user.json`, `event.json` for an event-triggered
 * template, and one recording per feed (the
 * request the feed URL makes for that user, the generated response), and returns the command that renders them.
 */
function writeFailure(project: Project, io: CliIO, entry: TemplateEntry, failure: CheckFailure, out: string, now: string): WrittenFailure {
  const folder = join(out, ...entry.relative.split('/').map(encodeSegment), encodeSegment(failure.property));
  mkdirSync(folder, { recursive: true });
  if (leavesFolder(folder, project.dir)) throw new UsageError(`${project.shown(folder)}: a symbolic link takes it outside the project folder`);
  const { user, event } = failure.counterexample;
  writeFileAtomic(join(folder, 'user.json'), prettyJson(toValue(user)));
  const shownFolder = project.shown(folder);
  const args = ['mergetag', 'render', entry.display, '--user', join(shownFolder, 'user.json')];
  if (event) {
    // The sample event the run used, copied beside the user: the folder reproduces the failure on its own.
    writeFileAtomic(join(folder, 'event.json'), prettyJson(toValue(event)));
    args.push('--event', join(shownFolder, 'event.json'));
  }
  const used = new Set<string>();
  failure.counterexample.feeds.forEach((feed, position) => {
    const feedId = entry.settings.feeds[position];
    const config = feedId !== undefined ? project.config.feeds[feedId] : undefined;
    let name = encodeSegment(feedLabel(entry, feed, position));
    while (used.has(name)) name = `${name}_`;
    used.add(name);
    const file = join(folder, `${name}.json`);
    const urlTemplate = config?.url;
    const expanded = urlTemplate !== undefined ? expandFeedUrl(urlTemplate, userContext(toValue(user), toValue(event))) : undefined;
    const recording = recordingText({
      url: expanded?.url || expanded?.rendered || urlTemplate || 'https://feed.invalid/',
      headers: Object.fromEntries(Object.keys(config?.headers ?? {}).map((header) => [header, REDACTED])),
      status: feed.status ?? 200,
      body: toValue(feed.body),
      recordedAt: now,
      note: `mergetag check: the counterexample of ${failure.property} for ${entry.display} (seed ${failure.seed})`,
    });
    writeFileAtomic(file, recording);
    const path = join(shownFolder, `${name}.json`);
    args.push('--feed', feed.alias !== undefined ? `${feed.alias}=${path}` : path);
  });
  if (entry.settings.mergeDataFeedContext) args.push('--merge-context');
  args.push('--now', now);
  // Files mode reads snippets and catalogs from ./snippets and ./catalogs: name the project's own when they differ.
  for (const [option, dir, fallback] of [
    ['--snippets', project.config.snippets, 'snippets'],
    ['--catalogs', project.config.catalogs, 'catalogs'],
  ] as const) {
    const absolute = resolve(project.dir, dir);
    if (existsSync(absolute) && absolute !== resolve(io.cwd, fallback)) args.push(option, project.shown(absolute));
  }
  return { failure, folder: shownFolder, command: args.map(shellWord).join(' ') };
}

/** A recording as `mergetag record` writes it, with the body's numbers kept as generated. */
function recordingText(recording: { url: string; headers: Record<string, string>; status: number; body: Value; recordedAt: string; note: string }): string {
  const request = new Map<string, Value>([
    ['method', 'GET'],
    ['url', recording.url],
    ['headers', new Map(Object.entries(recording.headers))],
  ]);
  const response = new Map<string, Value>([
    ['status', toValue(recording.status)],
    ['headers', new Map([['content-type', 'application/json']])],
    ['body', recording.body],
  ]);
  return prettyJson(
    new Map<string, Value>([
      ['request', request],
      ['response', response],
      ['recordedAt', recording.recordedAt],
      ['note', recording.note],
    ]),
  );
}

/** JSON text with two-space indentation, numbers as spelled (jsonText for the leaves). */
function prettyJson(value: Value, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(value) && value.length)
    return `[\n${value.map((item) => inner + prettyJson(item, inner).trimEnd()).join(',\n')}\n${indent}]${indent ? '' : '\n'}`;
  if (value instanceof Map && value.size) {
    const parts = [...value].map(([key, item]) => `${inner}${jsonString(key)}: ${prettyJson(item, inner).trimEnd()}`);
    return `{\n${parts.join(',\n')}\n${indent}}${indent ? '' : '\n'}`;
  }
  return `${jsonText(value)}${indent ? '' : '\n'}`;
}

/** A word as a POSIX shell reads it back: bare when it is safe, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function jsonReport({ result, failures }: TemplateReport): Record<string, unknown> {
  return {
    template: result.template,
    seed: result.seed,
    runs: result.runs,
    passed: result.passed,
    failures: failures.map(({ failure, folder, command }) => ({
      property: failure.property,
      message: failure.message,
      seed: failure.seed,
      path: failure.path ?? null,
      counterexample: {
        user: failure.counterexample.user,
        ...(failure.counterexample.event ? { event: failure.counterexample.event } : {}),
        feeds: failure.counterexample.feeds.map((feed) => ({ alias: feed.alias ?? null, status: feed.status ?? 200, body: feed.body })),
        output: failure.counterexample.result.skip ? null : failure.counterexample.result.output,
        skip: failure.counterexample.result.skip ?? null,
      },
      folder,
      command,
    })),
  };
}

function positiveInteger(text: string, option: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`${option} ${text}: expected a whole number above 0`);
  return Number(text);
}

/** fast-check seeds are 32-bit integers. */
function seedOf(text: string): number {
  const seed = Number(text);
  if (!/^-?\d+$/.test(text) || seed < -(2 ** 31) || seed >= 2 ** 32)
    throw new UsageError(`--seed ${text}: expected a 32-bit whole number`, 'use the seed a previous run printed');
  return seed;
}
