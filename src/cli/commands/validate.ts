/**
 * `mergetag validate`: checks recordings (and bare Voucherify response bodies) against the recording schema and
 * Voucherify's publication and error schemas. Problems print like lint results, with file:line:column, the JSON
 * path and a code frame.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath } from '../paths.js';
import { globSync } from 'tinyglobby';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { findConfig, loadConfig } from '../../config/load.js';
import { CONFIG_FILE } from '../../config/schema.js';
import { leavesFolder, outsideFolderDiagnostic } from '../../io/inside-folder.js';
import { parseJson } from '../../values/json.js';
import { looksLikeRecording } from '../../recordings/schema.js';
import { validateRecordingText, validateResponseText } from '../../voucherify/validate.js';
import { parseCommandArgs } from '../args.js';
import { InputFileError, UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { MAX_FRAMES_HELP, MAX_FRAMES_OPTION, outputFormat, printDiagnostics, withMaxFrames } from '../report.js';

export const validateHelp = `Usage: mergetag validate [FILE...] [options]

Checks recorded feed responses. Without FILE, every recording of the project (the
recordings folder of the nearest mergetag.config.json, or --config). A FILE is a
recording ({"request":…, "response":…, "recordedAt":…}) or a bare response body:
a Voucherify publication or error JSON.

Each problem names the file, line, column and JSON path:
  recordings/ann.json:12:9: error: $.response.body.voucher.code: expected a non-empty string

A symbolic link that leads out of the project folder (for FILE arguments: out of
the working directory) is refused, not read.

Options:
  --config FILE           the project config (default: the nearest one)
  --format text|json      json prints {files, diagnostics} on stdout
${MAX_FRAMES_HELP}
  -h, --help              this help

Exit codes: 0 valid (warnings allowed); 1 a problem found; 2 bad usage or a
missing file.
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
  // Files named on the command line are read from inside the working directory, a project's from inside the project.
  const { files, root } = positionals.length ? { files: positionals.map((file) => resolve(io.cwd, file)), root: io.cwd } : projectRecordings(values.config as string | undefined, io);
  const sources = new Map<string | undefined, string>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    if (!existsSync(file)) throw new InputFileError(`${displayPath(io.cwd, file)}: no such file`);
    const shown = displayPath(io.cwd, file);
    if (leavesFolder(file, root)) {
      diagnostics.push(outsideFolderDiagnostic(shown));
      continue;
    }
    const text = readFileSync(file, 'utf8');
    sources.set(shown, text);
    diagnostics.push(...(isRecordingText(text) ? validateRecordingText(text, shown) : validateResponseText(text, shown)));
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ files: files.map((f) => displayPath(io.cwd, f)), diagnostics }, null, 2)}\n`);
  } else {
    printDiagnostics(io, diagnostics, sources, io.stdout);
    io.stdout(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  }
  return errors ? 1 : 0;
}

function isRecordingText(text: string): boolean {
  const parsed = parseJson(text);
  return parsed.ok && looksLikeRecording(parsed.value);
}

function projectRecordings(configPath: string | undefined, io: CliIO): { files: string[]; root: string } {
  const file = configPath !== undefined ? resolve(io.cwd, configPath) : findConfig(io.cwd);
  if (!file) throw new UsageError(`no FILE given and no ${CONFIG_FILE} here or above`, 'mergetag validate recordings/*.json, or run it in a project');
  if (!existsSync(file)) throw new InputFileError(`${configPath}: no such file (the config)`);
  const config = loadConfig(file);
  if (!config.ok) {
    printDiagnostics(io, config.diagnostics, new Map([[config.diagnostics[0]?.file, readFileSync(file, 'utf8')]]));
    throw new InputFileError(`${displayPath(io.cwd, file)}: the config has errors`);
  }
  const dir = resolve(config.loaded.dir, config.loaded.config.recordings);
  return { files: existsSync(dir) ? globSync('**/*.json', { cwd: dir, absolute: true }).sort() : [], root: config.loaded.dir };
}
