#!/usr/bin/env node
/**
 * The mergetag command line. Commands return exit codes (ESLint's: 0 clean, 1 problems found, 2 usage or
 * internal error); only this entry point sets the process's exit code.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { isatty } from 'node:tty';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../iterable/template.js';
import { OutputTargetError } from '../io/write-output.js';
import { checkCommand, checkHelp } from './commands/check.js';
import { lintCommand, lintHelp } from './commands/lint.js';
import { recordCommand, recordHelp } from './commands/record.js';
import { previewCommand, previewHelp } from './commands/preview.js';
import { renderCommand, renderHelp } from './commands/render.js';
import { urlCommand, urlHelp } from './commands/url.js';
import { validateCommand, validateHelp } from './commands/validate.js';
import { varsCommand, varsHelp } from './commands/vars.js';
import { initCommand, initHelp } from './commands/init.js';
import { InputFileError, ReportedError, UsageError } from './errors.js';
import type { CliIO } from './io.js';
import { version } from './version.js';
import { asksForJson, FormatError, maxFramesInArgs, printDiagnostics, printJsonResult } from './report.js';
import { escapeControlCharacters } from '../diagnostics/terminal-text.js';

const commands: Record<string, { run: (args: string[], io: CliIO) => number | Promise<number>; help: string; summary: string }> = {
  lint: { run: lintCommand, help: lintHelp, summary: 'lint templates: every mistake Iterable would not tell you about' },
  check: { run: checkCommand, help: checkHelp, summary: 'property tests: render for generated users and responses, check, shrink' },
  record: { run: recordCommand, help: recordHelp, summary: 'record real feed responses for users (publishes vouchers)' },
  render: { run: renderCommand, help: renderHelp, summary: 'render a template for a user and recorded feed responses' },
  preview: { run: previewCommand, help: previewHelp, summary: 'every template × user × variant in the browser, live; or static files (--out)' },
  url: { run: urlCommand, help: urlHelp, summary: 'print the data-feed request Iterable sends for a user' },
  validate: { run: validateCommand, help: validateHelp, summary: 'check recordings and Voucherify responses against their schemas' },
  vars: { run: varsCommand, help: varsHelp, summary: 'list the fields, guards and helpers a template reads' },
  init: { run: initCommand, help: initHelp, summary: 'start a project: config, a sample user, a template, a CI workflow' },
};

/** Only the table's own commands: `mergetag constructor` is an unknown command, not Object's constructor. */
function commandNamed(name: string) {
  return Object.hasOwn(commands, name) ? commands[name] : undefined;
}

export function mainHelp(): string {
  const list = Object.entries(commands)
    .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
    .join('\n');
  return `Usage: mergetag COMMAND [options]

Renders and checks Iterable message templates offline, as Iterable would, against
recorded data-feed responses.

Commands:
${list}
  help CMD   the options of a command

Options:
  -h, --help      this help
  -v, --version   the version
`;
}

export { version } from './version.js';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help') {
      io.stdout(mainHelp());
      return name === undefined ? 2 : 0;
    }
    if (name === '-v' || name === '--version') {
      io.stdout(`${version()}\n`);
      return 0;
    }
    if (name === 'help') {
      const topic = args[0];
      const command = topic ? commandNamed(topic) : undefined;
      io.stdout(command ? command.help : mainHelp());
      return topic && !command ? 2 : 0;
    }
    const command = commandNamed(name);
    if (!command) throw new UsageError(`unknown command '${name}'`, `commands: ${Object.keys(commands).join(', ')}`);
    return await command.run(args, io);
  } catch (error) {
    if (asksForJson(args)) return reportFailureAsJson(error, io);
    const maxFrames = maxFramesInArgs(args);
    return reportFailure(error, maxFrames === undefined ? io : { ...io, maxFrames });
  }
}

/** With --format json a failure is the shared result too (exit 2): scripts read stdout, whatever happened. */
function reportFailureAsJson(error: unknown, io: CliIO): number {
  const message = error instanceof Error ? error.message : String(error);
  const known =
    error instanceof UsageError ||
    error instanceof InputFileError ||
    error instanceof InputError ||
    error instanceof FormatError ||
    error instanceof ReportedError ||
    error instanceof OutputTargetError;
  const diagnostics = error instanceof ReportedError || error instanceof InputFileError ? error.diagnostics : [];
  const hint = error instanceof UsageError || error instanceof ReportedError ? error.hint : undefined;
  return printJsonResult(io, 2, diagnostics, { error: known ? message : `internal error: ${message}`, ...(hint ? { hint } : {}) });
}

function reportFailure(error: unknown, cliIO: CliIO): number {
  // Messages quote arguments and file contents: their control characters must not reach the terminal.
  const io = { ...cliIO, stderr: (text: string) => cliIO.stderr(escapeControlCharacters(text, true)) };
  if (error instanceof ReportedError) {
    // printDiagnostics escapes what it prints itself (and keeps its colors).
    printDiagnostics(cliIO, error.diagnostics, error.sources);
    io.stderr(`mergetag: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    return 2;
  }
  if (error instanceof UsageError) {
    io.stderr(`mergetag: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
    return 2;
  }
  if (error instanceof InputError || error instanceof InputFileError || error instanceof FormatError || error instanceof OutputTargetError) {
    io.stderr(`mergetag: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`mergetag: internal error: ${message}\nPlease report it with the command you ran.${io.env.DEBUG ? `\n${(error as Error).stack}` : ''}\n`);
  return 2;
}

function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readFileSync(0, 'utf8'),
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ask: askOnTerminal,
  };
}

/** Asks on the terminal; undefined when standard input or standard error is not a terminal: nobody to ask. */
async function askOnTerminal(question: string): Promise<boolean | undefined> {
  if (!process.stderr.isTTY || !isatty(0)) return undefined;
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return /^\s*y(es)?\s*$/i.test(await prompt.question(question));
  } finally {
    prompt.close();
  }
}

function isEntryPoint(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await run(process.argv.slice(2), processIO());
