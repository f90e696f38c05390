#!/usr/bin/env node
/**
 * The mergetag command line. Commands return exit codes (ESLint's: 0 clean, 1 problems found, 2 usage or
 * internal error); only this entry point sets the process's exit code.
 *
 * Start-up time is part of the interface (CI renders message by message; editors lint on save), so this file
 * imports nothing of mergetag's but its version: a command's module, and with it the engine, the linter or zod,
 * is imported when that command runs, and the failure reporter only when a command fails.
 * test/cli/command-loading.spec.ts checks that `render` loads neither the linter nor the preview nor zod.
 */
import { readFileSync, realpathSync } from 'node:fs';
import module from 'node:module';
import { isatty } from 'node:tty';
import { fileURLToPath } from 'node:url';
import type { CliIO } from './io.js';
import { version } from './version.js';

interface CommandModule {
  run: (args: string[], io: CliIO) => number | Promise<number>;
  help: string;
}

interface Command {
  /** Imports the command's module: only the command that runs is loaded. */
  load: () => Promise<CommandModule>;
  summary: string;
}

const commands: Record<string, Command> = {
  lint: {
    load: () => import('./commands/lint.js').then((m) => ({ run: m.lintCommand, help: m.lintHelp })),
    summary: 'lint templates: every mistake Iterable would not tell you about',
  },
  check: {
    load: () => import('./commands/check.js').then((m) => ({ run: m.checkCommand, help: m.checkHelp })),
    summary: 'property tests: render for generated users and responses, check, shrink',
  },
  record: {
    load: () => import('./commands/record.js').then((m) => ({ run: m.recordCommand, help: m.recordHelp })),
    summary: 'record real feed responses for users (publishes vouchers)',
  },
  render: {
    load: () => import('./commands/render.js').then((m) => ({ run: m.renderCommand, help: m.renderHelp })),
    summary: 'render a template for a user and recorded feed responses',
  },
  preview: {
    load: () => import('./commands/preview.js').then((m) => ({ run: m.previewCommand, help: m.previewHelp })),
    summary: 'every template × user × variant in the browser, live; or static files (--out)',
  },
  url: {
    load: () => import('./commands/url.js').then((m) => ({ run: m.urlCommand, help: m.urlHelp })),
    summary: 'print the data-feed request Iterable sends for a user',
  },
  validate: {
    load: () => import('./commands/validate.js').then((m) => ({ run: m.validateCommand, help: m.validateHelp })),
    summary: 'check recordings and Voucherify responses against their schemas',
  },
  vars: {
    load: () => import('./commands/vars.js').then((m) => ({ run: m.varsCommand, help: m.varsHelp })),
    summary: 'list the fields, guards and helpers a template reads',
  },
  init: {
    load: () => import('./commands/init.js').then((m) => ({ run: m.initCommand, help: m.initHelp })),
    summary: 'start a project: config, a sample user, a template, a CI workflow',
  },
};

/** Only the table's own commands: `mergetag constructor` is an unknown command, not Object's constructor. */
function commandNamed(name: string): Command | undefined {
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
      io.stdout(command ? (await command.load()).help : mainHelp());
      return topic && !command ? 2 : 0;
    }
    const command = commandNamed(name);
    if (!command) {
      const { UsageError } = await import('./errors.js');
      throw new UsageError(`unknown command '${name}'`, `commands: ${Object.keys(commands).join(', ')}`);
    }
    return await (await command.load()).run(args, io);
  } catch (error) {
    const { reportCommandFailure } = await import('./failure.js');
    return reportCommandFailure(error, args, io);
  }
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
  const { createInterface } = await import('node:readline/promises');
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

/**
 * Node 22.1+ can keep the compiled code of the modules a run loads on disk (in the OS temp folder), so the
 * next run skips compiling them; Node 20 has no such cache, hence the guard. Only the CLI turns it on: a
 * library that imports mergetag decides for its own process. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
function enableCompileCache(): void {
  const enable = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
  try {
    enable?.();
  } catch {
    // a cache that cannot be opened only costs the compile it would have saved
  }
}

if (isEntryPoint()) {
  enableCompileCache();
  process.exitCode = await run(process.argv.slice(2), processIO());
}
