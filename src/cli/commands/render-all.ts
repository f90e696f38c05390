/**
 * `mergetag render --all`: every template × user × variant (× sample event, for an event-triggered template) of the project, one at a time (outputs and summary
 * rows are written as they come, never held), with a progress line on a terminal. Before anything is written the
 * output paths are checked: two cases never share a file. Diagnostics print once per template (not once per
 * user × variant), and the run cleans up after the previous one: its outputs that this run did not write (listed
 * in summary.json's `files`) and temporary files of a killed run.
 *
 * The run streams: a first pass over the cases computes only their output paths (user ids, no profile is read),
 * the second reads each profile when its case renders (project/users.ts), writes the message and the summary row,
 * and keeps nothing of it but counts, diagnostics grouped per template and the file's name. Messages go to
 * temporary files without an fsync each (on a second thread in a large run, whose summary rows are also written
 * 64 KB at a time); a message equal to the file already there leaves that file as it is. At the end the run is
 * flushed to disk once and the messages replace the previous ones (io/output-folder.ts), then summary.json,
 * which lists them, is committed last: a summary on disk never names a file that is not there, whole.
 */
import { redactSecretParams } from '../../config/secrets.js';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { escapeControlCharacters } from '../../diagnostics/terminal-text.js';
import { AtomicFileStream } from '../../io/atomic-write.js';
import type { FileSystemSync } from '../../io/flush.js';
import { OutputFolder } from '../../io/output-folder.js';
import { caseOutputPath, findCollisions } from '../../project/output-paths.js';
import type { Case, CaseResult, Project, CaseServices } from '../../project/project.js';
import { ReportedError, UsageError } from '../errors.js';
import { paint, type CliIO } from '../io.js';
import { displayPath } from '../paths.js';
import { DEFAULT_MAX_FRAMES, printDiagnostics, printJsonResult, type OutputFormat } from '../report.js';

export const SUMMARY = 'summary.json';

export interface SummaryRow {
  template: string;
  user: string;
  variant: string | null;
  /** The sample event of an event-triggered template. */
  event?: string;
  status: 'rendered' | 'skipped' | 'not-rendered';
  reason?: string;
  message?: string;
  hint?: string;
  /** The output file, relative to the output folder. */
  output?: string;
  warnings: number;
}

export interface RenderAllOptions {
  format: OutputFormat;
  /** More warnings than this (after grouping) fail the run (exit 1). */
  maxWarnings?: number;
  /** How the written files are flushed to disk at the end (tests pass their own; default io/flush.ts). */
  syncFileSystem?: FileSystemSync;
}

/** A diagnostic seen in one or more cases of a template, printed once. */
interface Grouped {
  diagnostic: Diagnostic;
  cases: number;
}

export function renderAll(project: Project, outDir: string, io: CliIO, services: CaseServices, options: RenderAllOptions): number {
  const out = resolve(io.cwd, outDir);
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new UsageError(`--out ${outDir}: not a folder`, 'render --all writes a folder of messages; give a folder path');

  const pathOf = outputPathOf(project);
  const collisions = findCollisions(() => outputPaths(project, pathOf), [SUMMARY], project.caseCount());
  if (collisions.length) throw collisionError(project, collisions);

  const folder = OutputFolder.open(out, SUMMARY, {
    expectedFiles: project.caseCount(),
    ...(options.syncFileSystem ? { syncFileSystem: options.syncFileSystem } : {}),
  });
  // A large run writes its messages on a second thread, and its summary rows 64 KB at a time.
  const summary = new AtomicFileStream(join(out, SUMMARY), folder.inBackground ? 64 * 1024 : 0);
  try {
    return renderInto(project, pathOf, folder, summary, io, services, options);
  } finally {
    summary.abort();
    folder.close();
  }
}

/** The output file of every case, in case order: from user ids, without reading a profile. */
function* outputPaths(project: Project, pathOf: (c: Case) => string): Generator<string> {
  for (const c of project.cases()) yield pathOf(c);
}

/** Where a case's message goes. A template with several sample events writes one per event: the event's id is then in the name. */
function outputPathOf(project: Project): (c: Case) => string {
  return (c) => caseOutputPath(c.template.relative, c.user.id, c.variant, c.event && project.eventsFor(c.template).length > 1 ? c.event.id : undefined);
}

/** Users named in the text summary of a group of skipped cases; the rest are counted. */
const SHOWN_USERS = 3;

function renderInto(
  project: Project,
  pathOf: (c: Case) => string,
  folder: OutputFolder,
  summary: AtomicFileStream,
  io: CliIO,
  services: CaseServices,
  options: RenderAllOptions,
): number {
  const progress = io.stderrIsTTY && options.format === 'text';
  const total = project.caseCount();
  const grouped = new Map<string, Grouped>();
  const counts = { rendered: 0, skipped: 0, notRendered: 0 };
  // The JSON result lists every user of a group; the text names a few and counts the rest.
  const keepUsers = options.format === 'json' ? Infinity : SHOWN_USERS;
  const skips = new Map<string, { row: SummaryRow; users: string[]; count: number }>();
  const sharedUrls = new Map<string, Set<string>>();
  summary.write('{\n  "cases": [');
  let index = 0;
  for (const current of project.cases()) {
    const path = pathOf(current);
    const result = project.renderCase(current.template, current.user, current.variant, services, {}, current.event);
    if (progress) {
      // Ids and file names come from input files: escaped, so a user id cannot drive the terminal.
      const label = `${result.template.display} × ${result.user.id}${result.event ? ` @${result.event.id}` : ''}${result.variant ? ` (${result.variant})` : ''}`;
      io.stderr(`\r\u001b[K[${index + 1}/${total}] ${escapeControlCharacters(label)}`);
    }
    const row = rowOf(result);
    noteSharedUrls(result, sharedUrls);
    for (const d of result.result?.diagnostics ?? []) group(grouped, d);
    if (result.problem) group(grouped, result.problem);
    if (row.status === 'rendered') {
      folder.write(path, result.result!.output);
      row.output = path;
      counts.rendered++;
    } else {
      if (row.status === 'skipped') counts.skipped++;
      else counts.notRendered++;
      const key = `${row.template}\u0000${row.status}\u0000${row.reason ?? ''}\u0000${row.message ?? ''}`;
      const entry = skips.get(key) ?? { row, users: [], count: 0 };
      if (entry.users.length < keepUsers) entry.users.push(`${row.user}${row.event ? ` @${row.event}` : ''}${row.variant ? ` (${row.variant})` : ''}`);
      entry.count++;
      skips.set(key, entry);
    }
    summary.write(`${index ? ',' : ''}\n    ${JSON.stringify(row)}`);
    index++;
  }
  if (progress) io.stderr('\r\u001b[K');

  // Durable once, at the end: every message and folder (io/flush.ts), then the summary with its manifest of the
  // files written, committed last. No fsync per message: at thousands of cases a second it would cost more than
  // rendering them.
  folder.finish();
  const notes = cacheNotes(sharedUrls);
  summary.write(`\n  ],\n  "counts": ${JSON.stringify(counts)},\n  "notes": ${JSON.stringify(notes)},\n  "files": `);
  writeJsonList(summary, folder.written);
  summary.write('\n}\n');
  summary.commit();

  const diagnostics = [...project.diagnostics, ...project.projectDiagnostics(), ...[...grouped.values()].map((g) => g.diagnostic)];
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  const exitCode = counts.skipped + counts.notRendered > 0 || tooManyWarnings ? 1 : 0;
  const shownOut = displayPath(io.cwd, folder.dir);
  if (options.format === 'json') {
    const notRendered = [...skips.values()].map(({ row, users }) => ({
      template: row.template,
      status: row.status,
      reason: row.reason ?? null,
      message: row.message,
      users,
    }));
    return printJsonResult(io, exitCode, diagnostics, {
      out: shownOut,
      summary: join(shownOut, SUMMARY),
      counts: { ...counts, total: index },
      notRendered,
      notes,
    });
  }

  printGrouped(io, project, diagnostics, grouped, index);
  const colors = paint(io);
  const lines = [`${counts.rendered} rendered, ${counts.skipped} skipped, ${counts.notRendered} not rendered (of ${index}) → ${shownOut}`];
  for (const { row, users, count } of skips.values()) {
    const who = count > SHOWN_USERS ? `${users.slice(0, SHOWN_USERS).join(', ')} and ${count - SHOWN_USERS} more` : users.join(', ');
    const label = `${row.template} × ${who}`;
    if (row.status === 'skipped') lines.push(`  ${colors.warning('skipped')}  ${label}: ${row.reason}: ${row.message}`);
    else lines.push(`  ${colors.error('error')}    ${label}: ${row.message}${row.hint ? `\n           ${row.hint}` : ''}`);
  }
  for (const note of notes) lines.push(`  ${colors.warning('note')}     ${note}`);
  if (tooManyWarnings)
    lines.push(`  ${colors.error('error')}    ${warnings} warning${warnings === 1 ? '' : 's'}: more than --max-warnings ${options.maxWarnings}`);
  io.stdout(`${lines.join('\n')}\n`);
  return exitCode;
}

/** A list as JSON.stringify writes it, a slice at a time: 100,000 names never become one string. */
function writeJsonList(file: AtomicFileStream, list: readonly string[]): void {
  const SLICE = 1024;
  if (list.length === 0) {
    file.write('[]');
    return;
  }
  for (let start = 0; start < list.length; start += SLICE) {
    const json = JSON.stringify(list.slice(start, start + SLICE));
    file.write(`${start === 0 ? '[' : ','}${json.slice(1, -1)}${start + SLICE >= list.length ? ']' : ''}`);
  }
}

function rowOf(result: CaseResult): SummaryRow {
  const row: SummaryRow = { template: result.template.display, user: result.user.id, variant: result.variant ?? null, status: 'rendered', warnings: 0 };
  if (result.event) row.event = result.event.id;
  if (result.problem)
    Object.assign(row, { status: 'not-rendered', message: result.problem.message, ...(result.problem.hint ? { hint: result.problem.hint } : {}) });
  else if (result.result!.skip) Object.assign(row, { status: 'skipped', reason: result.result!.skip.reason, message: result.result!.skip.message });
  row.warnings = result.result?.diagnostics.filter((d) => d.severity === 'warning').length ?? 0;
  return row;
}

/** One entry per diagnostic of a template (same file, place, rule and message), however many cases show it. */
function group(grouped: Map<string, Grouped>, d: Diagnostic): void {
  const key = `${d.file}\u0000${d.start.offset}\u0000${d.end.offset}\u0000${d.ruleId}\u0000${d.message}`;
  const entry = grouped.get(key);
  if (entry) entry.cases++;
  else grouped.set(key, { diagnostic: d, cases: 1 });
}

/** Each diagnostic once, with how many cases showed it; `--max-frames` counts over the whole list. */
function printGrouped(io: CliIO, project: Project, diagnostics: Diagnostic[], grouped: Map<string, Grouped>, total: number): void {
  const counts = new Map([...grouped.values()].map((g) => [g.diagnostic, g.cases]));
  const maxFrames = io.maxFrames ?? DEFAULT_MAX_FRAMES;
  for (const d of diagnostics.slice(0, maxFrames)) {
    printDiagnostics(io, [d], project.sources, io.stderr, { maxFrames: 1 });
    const cases = counts.get(d);
    if (cases !== undefined && cases > 1) io.stderr(`  ${paint(io).dim(`(in ${cases} of ${total} cases)`)}\n`);
  }
  const more = diagnostics.length - maxFrames;
  if (more > 0) io.stderr(`… and ${more} more problem${more === 1 ? '' : 's'} (frames omitted; use --max-frames)\n`);
}

function noteSharedUrls(result: CaseResult, sharedUrls: Map<string, Set<string>>): void {
  if (!result.template.settings.cacheDataFeed) return;
  for (const request of result.requests) {
    const key = `${result.template.display}\u0000${request.feedId}\u0000${request.url}`;
    if (!sharedUrls.has(key)) sharedUrls.set(key, new Set());
    sharedUrls.get(key)!.add(result.user.id);
  }
}

function cacheNotes(sharedUrls: Map<string, Set<string>>): string[] {
  return [...sharedUrls]
    .filter(([, ids]) => ids.size > 1)
    .map(([key, ids]) => {
      const [template, feedId, url] = key.split('\u0000');
      return `${template}: with cacheDataFeed, users ${[...ids].join(', ')} share one cached response of feed '${feedId}' (GET ${redactSecretParams(url!)}) for an hour: for a Voucherify publication feed, the same voucher`;
    });
}

/** The cases at some indexes of `project.cases()`, found by walking it again (only to report a collision). */
function casesAt(project: Project, indexes: ReadonlySet<number>): Map<number, Case> {
  const found = new Map<number, Case>();
  let index = 0;
  for (const c of project.cases()) {
    if (indexes.has(index)) found.set(index, c);
    if (found.size === indexes.size) break;
    index++;
  }
  return found;
}

function collisionError(project: Project, collisions: ReturnType<typeof findCollisions>): ReportedError {
  const cases = casesAt(project, new Set(collisions.flatMap(({ first, second }) => [first, second]).filter((index) => index >= 0)));
  const diagnostics = collisions.map(({ path, first, second }) => {
    const meets = cases.get(second)!;
    const other = first < 0 ? `mergetag's own ${SUMMARY}` : describe(cases.get(first)!);
    const at = { line: meets.user.line ?? 1, column: 1, offset: 0 };
    return diagnostic(
      'output-collision',
      'error',
      `${describe(meets)} would write ${path}, which ${other} writes too (file names that differ only in case are one file on macOS and Windows)`,
      { start: at, end: at },
      {
        file: project.shown(meets.user.file),
        hint: 'give the users ids that differ in more than case, or rename the template or variant',
      },
    );
  });
  return new ReportedError(
    `${collisions.length} output file${collisions.length === 1 ? '' : 's'} would be written by two cases: nothing was written`,
    diagnostics,
  );
}

function describe(c: Case): string {
  return `${c.template.display} × ${c.user.id}${c.variant ? ` (${c.variant})` : ''}`;
}
