/**
 * `mergetag vars`: what a template reads, as the linter sees it (src/analysis/analyze.ts): every path per family
 * and alias with its place, its use, its guard and its scope, and the template's helper calls. In a project, the
 * feed URLs of the template too: they are templates of their own, rendered with the user's `{{ }}` fields.
 */
import { dirname, resolve } from 'node:path';
import { analyze, pathText, type PathRead, type ReadScope, type TemplateAnalysis } from '../../analysis/analyze.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../diagnostics/source.js';
import { findConfig } from '../../config/load.js';
import { escapeControlCharacters } from '../../diagnostics/terminal-text.js';
import { openProject, ProjectOpenError } from '../../project/open.js';
import type { Project } from '../../project/project.js';
import type { Family } from '../../syntax/ast.js';
import { parse } from '../../syntax/parser.js';
import { parseCommandArgs } from '../args.js';
import { ReportedError, UsageError } from '../errors.js';
import { InputReader } from '../inputs.js';
import { paint, type CliIO } from '../io.js';
import { MAX_FRAMES_HELP, MAX_FRAMES_OPTION, outputFormat, printDiagnostics, printJsonResult, withMaxFrames } from '../report.js';

export const varsHelp = `Usage: mergetag vars TEMPLATE [--format text|json] [options]

Prints what TEMPLATE reads: every {{ }} user field and [[ ]] feed field (grouped by
feed alias), each with its line:column, its use (printed, compared, iterated...),
the guard that protects it (#if, #with, #each, defaultIfEmpty...) and its scope
(this, ../, a block parameter, @root); then every helper call. This is the model
mergetag lint checks templates with.

In a project (a mergetag.config.json in the template's folder or above, or
--config) whose templates include TEMPLATE, the tags of each of its feed URLs
are listed too.

Options:
  --config FILE           the project config (default: the nearest one)
  --no-project            ignore any project config
  --format text|json      json prints {exitCode, errorCount, warningCount,
                          diagnostics, file, reads, helperCalls, feedUrls}:
                          every read with its 1-based span, candidates (the
                          absolute paths it may resolve to, innermost context
                          first), use, helper, guard, scope and encodedBy
${MAX_FRAMES_HELP}
  -h, --help              this help

Exit codes: 0 listed; 1 the template (or a feed URL) has a syntax error: what
parsed is listed; 2 bad usage or an unreadable file.

Example:
  mergetag vars fixtures/welcome/welcome.html
`;

/** One read as `--format json` prints it: plain data, spans 1-based. */
interface ReadJson {
  family: Family;
  /** For a feed read, the first segment of the path it resolves to (the feed alias when the feed has one). */
  alias: string | null;
  /** The path as written. */
  path: string;
  candidates: string[];
  start: Span['start'];
  end: Span['end'];
  use: PathRead['use'];
  helper: { name: string; param?: number; hashKey?: string; known: boolean } | null;
  guard: { path: string; by: string; start: Span['start']; end: Span['end'] } | null;
  scope: ReadScope & { text: string };
  encodedBy: string[];
}

interface HelperCallJson {
  name: string;
  family: Family;
  form: 'inline' | 'block' | 'subexpression';
  known: boolean;
  inverted: boolean;
  params: number;
  hashKeys: string[];
  blockParams: string[];
  start: Span['start'];
  end: Span['end'];
}

interface FeedUrlJson {
  feed: string;
  alias: string | null;
  url: string;
  file: string;
  reads: ReadJson[];
  helperCalls: HelperCallJson[];
}

export function varsCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    ...MAX_FRAMES_OPTION,
    config: { type: 'string' },
    'no-project': { type: 'boolean' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(varsHelp);
    return 0;
  }
  const format = outputFormat(values.format as string | undefined);
  io = withMaxFrames(io, values['max-frames']);
  if (positionals.length !== 1) throw new UsageError('vars takes one TEMPLATE file', 'mergetag vars welcome.html');
  if (values['no-project'] && values.config !== undefined) throw new UsageError('--config and --no-project do not go together');
  const templatePath = positionals[0]!;
  const file = InputReader.label(templatePath);
  const text = new InputReader(io).readText(templatePath, 'template');
  const parsed = parse(text, { file });
  const analysis = analyze(parsed);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const sources = new Map<string | undefined, string>([[file, text]]);

  const project = values['no-project'] || templatePath === '-' ? undefined : projectOf(io, templatePath, values.config as string | undefined);
  const feedUrls: FeedUrlJson[] = [];
  const feedAnalyses: Array<{ id: string; alias: string | undefined; url: string; file: string; analysis: TemplateAnalysis }> = [];
  const entry = project?.templateFor(templatePath);
  if (project && entry) {
    for (const id of entry.settings.feeds) {
      const feed = project.config.feeds[id];
      // An unknown feed id is the config's problem: `mergetag validate` reports it.
      if (!feed) continue;
      const urlFile = `${project.shown(project.loaded.file)} (feeds.${id}.url)`;
      const urlParsed = parse(feed.url, { file: urlFile });
      diagnostics.push(...urlParsed.diagnostics);
      sources.set(urlFile, feed.url);
      const urlAnalysis = analyze(urlParsed);
      feedAnalyses.push({ id, alias: feed.alias, url: feed.url, file: urlFile, analysis: urlAnalysis });
      feedUrls.push({ feed: id, alias: feed.alias ?? null, url: feed.url, file: urlFile, ...analysisJson(urlAnalysis) });
    }
  }
  const code = hasErrors(diagnostics) ? 1 : 0;
  if (format === 'json') {
    return printJsonResult(io, code, diagnostics, {
      file,
      ...analysisJson(analysis),
      feedUrls,
      ...(project ? { config: project.shown(project.loaded.file), inProject: entry !== undefined } : {}),
    });
  }
  printDiagnostics(io, diagnostics, sources);
  if (project && !entry) {
    io.stderr(`${paint(io).dim(`note: ${file} is not a template of ${project.shown(project.loaded.file)}: its feed URLs are unknown`)}\n`);
  }
  // The listing is plain text on stdout (no colors: it is meant to be read, piped and diffed).
  const out: string[] = [printAnalysis(file, analysis)];
  for (const feed of feedAnalyses) {
    out.push(printAnalysis(`feed ${feed.id}${feed.alias ? ` (alias ${feed.alias})` : ''}: ${feed.file}`, feed.analysis, feed.url));
  }
  io.stdout(out.join('\n'));
  return code;
}

/** The project the template belongs to, if a config is found (or given); undefined without one. */
function projectOf(io: CliIO, templatePath: string, config: string | undefined): Project | undefined {
  const searchFrom = dirname(resolve(io.cwd, templatePath));
  if (config === undefined && !findConfig(searchFrom)) return undefined;
  try {
    // Users and recordings are not needed here: their problems are for `mergetag validate`, not a reason to stop.
    return openProject({ cwd: io.cwd, searchFrom, ...(config !== undefined ? { config } : {}) });
  } catch (error) {
    if (!(error instanceof ProjectOpenError)) throw error;
    if (!error.diagnostics.length) throw new UsageError(error.message, error.hint);
    throw new ReportedError(error.message, error.diagnostics, error.sources, error.hint);
  }
}

// ---- JSON -------------------------------------------------------------------------------------------------

function analysisJson(analysis: TemplateAnalysis): { reads: ReadJson[]; helperCalls: HelperCallJson[] } {
  return {
    reads: analysis.reads.map(readJson),
    helperCalls: analysis.helperCalls.map((call) => ({
      name: call.name,
      family: call.family,
      form: call.form,
      known: call.definition !== undefined,
      inverted: call.inverted,
      params: call.params.length,
      hashKeys: call.hash?.pairs.map((pair) => pair.key) ?? [],
      blockParams: [...call.blockParams],
      start: call.node.loc.start,
      end: call.node.loc.end,
    })),
  };
}

function readJson(read: PathRead): ReadJson {
  const helper = read.helper
    ? {
        name: read.helper.name,
        ...(read.helper.param !== undefined ? { param: read.helper.param } : {}),
        ...(read.helper.hashKey !== undefined ? { hashKey: read.helper.hashKey } : {}),
        known: read.helper.definition !== undefined,
      }
    : null;
  return {
    family: read.family,
    alias: aliasOf(read),
    path: read.node.original,
    candidates: read.candidates.map(pathText),
    start: read.node.loc.start,
    end: read.node.loc.end,
    use: read.use,
    helper,
    guard: read.guard ? { path: pathText(read.guard.path), by: read.guard.by, start: read.guard.loc.start, end: read.guard.loc.end } : null,
    scope: { ...read.scope, text: scopeText(read.scope) },
    encodedBy: [...read.encodedBy],
  };
}

/**
 * The feed alias a feed read goes through: the first segment of its innermost candidate, the path it resolves to
 * when its enclosing contexts have it (inside `[[#each shop.items]]`, `[[name]]` is `shop.items.[].name`). Null
 * for reads with no static path (data variables, values computed by a helper).
 */
function aliasOf(read: PathRead): string | null {
  if (read.family !== 'feed') return null;
  return read.candidates[0]?.[0] ?? null;
}

function scopeText(scope: ReadScope): string {
  switch (scope.kind) {
    case 'context':
      if (scope.depth > 0) return '../'.repeat(scope.depth);
      return scope.local ? 'this (only)' : 'this';
    case 'root':
      return '@root';
    case 'data':
      return `@${scope.name}`;
    case 'block-param':
      return `block param |${scope.name}|${scope.bound ? ` = ${pathText(scope.bound)}` : ''}`;
    case 'assigned':
      return `#assign "${scope.name}"`;
  }
}

// ---- text -------------------------------------------------------------------------------------------------

function printAnalysis(title: string, analysis: TemplateAnalysis, url?: string): string {
  const lines = [inert(title)];
  if (url !== undefined) lines.push(`  ${inert(url)}`);
  const user = analysis.reads.filter((read) => read.family === 'user');
  const feed = analysis.reads.filter((read) => read.family === 'feed');
  if (!analysis.reads.length) lines.push('', '  reads no field');
  if (user.length) lines.push('', `  user fields {{ }} (${count(user.length, 'read')})`, ...table(readRows(user), '    '));
  if (feed.length) {
    const byAlias = new Map<string, PathRead[]>();
    for (const read of feed) {
      const key = aliasOf(read) ?? '(no static path: data variables, helper values)';
      byAlias.set(key, [...(byAlias.get(key) ?? []), read]);
    }
    lines.push('', `  feed fields [[ ]] (${count(feed.length, 'read')})`);
    for (const [alias, reads] of byAlias) lines.push(`    ${inert(alias)}`, ...table(readRows(reads), '      '));
  }
  if (analysis.helperCalls.length) {
    const rows = analysis.helperCalls.map((call) => [
      at(call.node.loc),
      call.form === 'block' ? `${call.inverted ? '^' : '#'}${call.name}` : call.form === 'subexpression' ? `(${call.name})` : call.name,
      call.form,
      call.family === 'user' ? '{{ }}' : '[[ ]]',
      call.definition ? '' : 'unknown helper',
    ]);
    lines.push('', `  helper calls (${analysis.helperCalls.length})`, ...table([['AT', 'HELPER', 'FORM', 'FAMILY', 'NOTE'], ...rows], '    '));
  }
  return `${lines.join('\n')}\n`;
}

function readRows(reads: readonly PathRead[]): string[][] {
  const rows = reads.map((read) => {
    const use = read.helper ? `${read.use} (${read.helper.name}${read.helper.hashKey !== undefined ? ` ${read.helper.hashKey}=` : ''})` : read.use;
    // The guard's path only when it is not the read's own (a prefix, or another candidate): `#if 26:15`.
    const guardPath = read.guard && pathText(read.guard.path) !== (read.candidates[0] && pathText(read.candidates[0])) ? ` ${pathText(read.guard.path)}` : '';
    const guard = read.guard ? `${guardName(read.guard.by)}${guardPath} ${at(read.guard.loc)}` : '-';
    const encoded = read.encodedBy.length ? ` in #${read.encodedBy.join(' > #')}` : '';
    // Where the path resolves, when the scope changes it (`name` inside `[[#each shop.items]]`).
    const resolved = read.candidates[0] && pathText(read.candidates[0]);
    const path = resolved && resolved !== read.node.original ? `${read.node.original} → ${resolved}` : read.node.original;
    return [at(read.node.loc), path, use + encoded, guard, scopeText(read.scope)];
  });
  return [['AT', 'PATH', 'USE', 'GUARDED BY', 'SCOPE'], ...rows];
}

/** `#if`, `#each`: block guards read as the tag that makes them; a fallback helper by its name. */
function guardName(by: string): string {
  return by === 'defaultIfEmpty' || by === 'fallback' ? by : `#${by}`;
}

function at(loc: Span): string {
  return `${loc.start.line}:${loc.start.column}`;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** Columns padded to their widest cell; the last column is not padded. */
function table(rows: string[][], indent: string): string[] {
  const widths: number[] = [];
  rows = rows.map((row) => row.map(inert));
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => `${indent}${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd());
}

/** Paths, helper names and URLs come from the template: their control characters must not reach the terminal. */
function inert(text: string): string {
  return escapeControlCharacters(text);
}
