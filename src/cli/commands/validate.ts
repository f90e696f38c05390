/**
 * `mergetag validate`: checks a project's files without rendering (the config, user profiles, template syntax,
 * and recordings against the recording schema and Voucherify's publication and error schemas), or the recordings
 * and response bodies given as FILEs. Problems print like lint results, with file:line:column, the JSON path
 * and a code frame.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../paths.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { leavesFolder, outsideFolderDiagnostic } from '../../io/inside-folder.js';
import { unreadable } from '../../diagnostics/unreadable.js';
import { parseJson } from '../../values/json.js';
import { looksLikeRecording } from '../../recordings/schema.js';
import { validateRecordingText, validateResponseText } from '../../voucherify/validate.js';
import { parseCommandArgs } from '../args.js';
import { ReportedError } from '../errors.js';
import type { CliIO } from '../io.js';
import { openCommandProject } from '../project.js';
import { MAX_FRAMES_HELP, MAX_FRAMES_OPTION, outputFormat, printDiagnostics, printJsonResult, withMaxFrames } from '../report.js';

export const validateHelp = `Usage: mergetag validate [FILE...] [options]

Checks a project without rendering it: the config, every user profile, the
syntax of every template, and every recording against the recording schema and
Voucherify's publication and error schemas (the nearest mergetag.config.json,
or --config). With FILEs, checks those: each a recording ({"request":…,
"response":…, "recordedAt":…}) or a bare response body (a Voucherify
publication or error JSON).

Each problem names the file, line, column and JSON path:
  recordings/ann.json:12:9: error: $.response.body.voucher.code: expected a non-empty string

A symbolic link that leads out of the project folder (for FILE arguments: out of
the working directory) is refused, not read.

Options:
  --config FILE           the project config (default: the nearest one)
  --format text|json      json prints the result: {exitCode, errorCount,
                          warningCount, diagnostics, files}
${MAX_FRAMES_HELP}
  -h, --help              this help

Exit codes: 0 valid (warnings allowed); 1 a problem found; 2 bad usage, or a
file that is missing, unreadable or not JSON, or a template path or users glob
that matches nothing (every such file is reported first).
`;

export function validateCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    ...MAX_FRAMES_OPTION,
    config: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(validateHelp);
    return 0;
  }
  const format = outputFormat(values.format as string | undefined);
  io = withMaxFrames(io, values['max-frames']);
  const { files, diagnostics, sources } = positionals.length ? validateFiles(positionals, io) : validateProject(values.config as string | undefined, io);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (format === 'json') return printJsonResult(io, errors ? 1 : 0, diagnostics, { files });
  printDiagnostics(io, diagnostics, sources, io.stdout);
  io.stdout(
    `${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
  );
  return errors ? 1 : 0;
}

interface Checked {
  files: string[];
  diagnostics: Diagnostic[];
  sources: ReadonlyMap<string | undefined, string>;
}

function validateProject(config: string | undefined, io: CliIO): Checked {
  const project = openCommandProject(io, config);
  const { files, diagnostics } = project.validate();
  return { files, diagnostics, sources: project.sources };
}

/** Every file given is read first: the ones that cannot be read or parsed are all reported, then exit 2. */
function validateFiles(paths: string[], io: CliIO): Checked {
  const sources = new Map<string | undefined, string>();
  const unusable: Diagnostic[] = [];
  const texts: Array<{ shown: string; text: string }> = [];
  const outside: Diagnostic[] = [];
  for (const path of paths) {
    const shown = displayPath(io.cwd, resolve(io.cwd, path));
    // A link out of the working directory is not read: `x.json -> /proc/self/environ` must not print the environment.
    if (leavesFolder(resolve(io.cwd, path), io.cwd)) {
      outside.push(outsideFolderDiagnostic(shown));
      continue;
    }
    try {
      const text = readFileSync(resolve(io.cwd, path), 'utf8');
      sources.set(shown, text);
      texts.push({ shown, text });
    } catch (error) {
      unusable.push((error as NodeJS.ErrnoException).code === 'ENOENT' ? missing(shown) : unreadable(shown, error));
    }
  }
  const diagnostics: Diagnostic[] = [...outside];
  for (const { shown, text } of texts) {
    const found = isRecordingText(text) ? validateRecordingText(text, shown) : validateResponseText(text, shown);
    for (const d of found) (d.ruleId === 'invalid-json' ? unusable : diagnostics).push(d);
  }
  if (unusable.length) {
    const files = new Set(unusable.map((d) => d.file));
    throw new ReportedError(
      `${files.size} file${files.size === 1 ? '' : 's'} could not be checked`,
      [...unusable, ...diagnostics],
      sources,
      'fix the paths or the JSON and run again',
    );
  }
  return { files: texts.map((t) => t.shown), diagnostics, sources };
}

function missing(shown: string): Diagnostic {
  const at = { line: 1, column: 1, offset: 0 };
  return { ruleId: 'input-file', severity: 'error', message: 'no such file', file: shown, start: at, end: at };
}

function isRecordingText(text: string): boolean {
  const parsed = parseJson(text);
  return parsed.ok && looksLikeRecording(parsed.value);
}
