/**
 * `mergetag lint [FILES/GLOBS...]`: finds the mistakes that reach production today (alias and path typos, feeds in
 * the wrong family, unencoded feed URL parameters, unused feeds that burn vouchers...) without rendering, as ESLint
 * does for code. In a project every template of the config is linted with what the project knows (recordings,
 * variants, sample users, Voucherify's publication schema); without one, each file is linted with what its text
 * alone tells. Exit codes are ESLint's: 0 clean (warnings within --max-warnings), 1 problems, 2 usage or input.
 */
import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { spanOfPath } from '../../diagnostics/json-location.js';
import { SourceText } from '../../diagnostics/source.js';
import { Reporter } from '../../diagnostics/reporter.js';
import { findConfig } from '../../config/load.js';
import { resolveRules, type LintConfig } from '../../lint/config.js';
import { formatters } from '../../lint/formatters/index.js';
import { lintText, type LintResult } from '../../lint/linter.js';
import { configRules, lintConfig } from '../../lint/config-rules/index.js';
import { lintProjectTemplates, projectKnowledge } from '../../lint/project.js';
import { allRules } from '../../lint/rules/index.js';
import type { Project, TemplateEntry } from '../../project/project.js';
import { parseJson } from '../../values/json.js';
import { parseCommandArgs } from '../args.js';
import { displayPath } from '../paths.js';
import { InputFileError, ReportedError, UsageError } from '../errors.js';
import { useColor, type CliIO } from '../io.js';
import { openCommandProject } from '../project.js';
import { maxFramesOf, MAX_FRAMES_HELP, MAX_FRAMES_OPTION } from '../report.js';
import { version } from '../version.js';

export const lintHelp = `Usage: mergetag lint [FILE|GLOB ...] [options]

Lints templates without rendering them: syntax errors (all of them), unknown
helpers and aliases, feed paths no recording or schema has, user fields, feed
fields in the wrong delimiter family, unencoded feed URL parameters, feeds a
template never uses (each send still burns a voucher), and more: see
docs/rules/index.md. In a project (the nearest mergetag.config.json, or --config)
it lints every template of the config with what the project knows: recordings,
variants, sample users and Voucherify's publication schema. No recording is
needed; a rule that lacks what it needs says so. Without a project it lints the
files given with what their text alone tells.

Options:
  --config FILE           the project config (default: the nearest one)
  --format NAME           stylish (default), json (ESLint's result shape),
                          sarif (2.1.0, for GitHub code scanning), github
                          (workflow annotations)
  --max-warnings N        fail (exit 1) when there are more than N warnings
  --quiet                 report errors only
  --frames                print a code frame under each problem (stylish)
${MAX_FRAMES_HELP}
  -h, --help              this help

Rules are set in the config: "preset": "recommended" (default) or "all", and
"rules": {"unused-feed": "error", "user-field-not-found": "off"}. In a template,
{{!-- mergetag-disable-next-line rule-id --}} silences the next line.

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors, or too
many warnings; 2 bad usage, a broken config or input file.
`;

export function lintCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    ...MAX_FRAMES_OPTION,
    config: { type: 'string' },
    format: { type: 'string' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    frames: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(lintHelp);
    return 0;
  }
  const formatName = (values.format as string | undefined) ?? 'stylish';
  const formatter = formatters.get(formatName);
  if (!formatter) throw new UsageError(`--format ${formatName}: unknown formatter`, `formatters: ${[...formatters.keys()].join(', ')}`);
  const maxWarnings = values['max-warnings'] === undefined ? undefined : count(values['max-warnings'] as string, '--max-warnings');
  const configPath = values.config as string | undefined;
  const inProject = configPath !== undefined || findConfig(io.cwd) !== undefined;
  let results = inProject ? lintInProject(io, configPath, positionals) : lintFiles(io, positionals);
  if (values.quiet) results = results.map(onlyErrors);
  const context = {
    cwd: io.cwd,
    color: useColor(io) && formatName === 'stylish',
    frames: Boolean(values.frames),
    maxFrames: maxFramesOf(values['max-frames']),
    rules: new Map([...allRules, ...configRules].map((rule) => [rule.meta.id as string, rule.meta])),
    version: version(),
  };
  io.stdout(formatter(results, context));
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`mergetag: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function lintInProject(io: CliIO, configPath: string | undefined, patterns: readonly string[]): LintResult[] {
  const project = openCommandProject(io, configPath);
  const config: LintConfig = { preset: project.config.preset, rules: project.config.rules };
  const configProblems = unknownRules(project, config);
  if (hasErrors(configProblems)) {
    throw new ReportedError(`${project.shown(project.loaded.file)}: the config has errors`, configProblems, project.sources, 'fix the config and run again');
  }
  const knowledge = projectKnowledge(project);
  const { entries, outside } = selectTemplates(project, io, patterns);
  const results = lintProjectTemplates(project, knowledge, entries, config).map((linted) => linted.result);
  // The config's own findings (feed URLs, feeds a template never reads): only when the whole project is linted,
  // since they are about every template's feeds.
  if (!patterns.length) {
    const analyses = new Map(results.map((result) => [result.file, result.analysis]));
    const configFile = project.shown(project.loaded.file);
    results.unshift(
      lintConfig(
        {
          file: configFile,
          text: project.sources.get(configFile) ?? '',
          feeds: [...knowledge.feeds.values()],
          templates: entries.map((entry) => ({
            file: entry.display,
            feedIds: entry.settings.feeds,
            mergeDataFeedContext: entry.settings.mergeDataFeedContext,
            analysis: analyses.get(entry.display),
          })),
          users: knowledge.users,
        },
        { config },
      ),
    );
  }
  // A file given on the command line that the config does not name is linted with what its text tells.
  for (const file of outside) results.push(lintText(readFileSync(file, 'utf8'), { file: project.shown(file), config }));
  return results;
}

/** The templates to lint: all of the config's, or those the arguments name (files or globs, relative to cwd). */
function selectTemplates(project: Project, io: CliIO, patterns: readonly string[]): { entries: TemplateEntry[]; outside: string[] } {
  const all = project.templates();
  if (!patterns.length) return { entries: all, outside: [] };
  const byFile = new Map(all.map((entry) => [entry.file, entry]));
  const entries: TemplateEntry[] = [];
  const outside: string[] = [];
  for (const file of expand(io, patterns)) {
    const entry = byFile.get(file);
    if (entry) entries.push(entry);
    else outside.push(file);
  }
  return { entries, outside };
}

function lintFiles(io: CliIO, patterns: readonly string[]): LintResult[] {
  if (!patterns.length) {
    throw new UsageError('no mergetag.config.json here or above, and no template given', 'mergetag lint welcome.html, or run mergetag init to start a project');
  }
  return expand(io, patterns).map((file) => lintText(readFileSync(file, 'utf8'), { file: displayPath(io.cwd, file) }));
}

/** Files and globs to absolute paths; a name that matches nothing is an input error, as in ESLint. */
function expand(io: CliIO, patterns: readonly string[]): string[] {
  const files: string[] = [];
  for (const pattern of patterns) {
    const found = globSync(pattern, { cwd: io.cwd, absolute: true, onlyFiles: true }).sort();
    if (!found.length) throw new InputFileError(pattern, 'no such file (no template matches it)');
    for (const file of found) if (!files.includes(file)) files.push(file);
  }
  return files;
}

/** A rule id in the config's "rules" that mergetag does not have: an error at its key, with a did-you-mean. */
function unknownRules(project: Project, config: LintConfig): Diagnostic[] {
  const { unknown } = resolveRules([...allRules, ...configRules], config);
  if (!unknown.length) return [];
  const text = project.sources.get(project.shown(project.loaded.file)) ?? '';
  const source = new SourceText(text, project.shown(project.loaded.file));
  const parsed = parseJson(text);
  const reporter = new Reporter(source);
  return unknown.map((id) =>
    reporter.report('config', `"rules" names '${id}', which is no lint rule`, spanOfPath(parsed.ok ? parsed.tree : undefined, ['rules', id], source), {
      hint: 'see docs/rules/index.md for the rule ids',
    }),
  );
}

function onlyErrors(result: LintResult): LintResult {
  return { ...result, messages: result.messages.filter((m) => m.severity === 'error'), warningCount: 0, infoCount: 0 };
}

function count(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} ${text}: expected a whole number`);
  return Number(text);
}
