/** `mergetag preview`: every template × user × variant of the project in the browser, live; or as static files. */
import { spawn } from 'node:child_process';
import { basename, resolve } from 'node:path';
import { exportPreview } from '../../preview/export.js';
import { PreviewProject } from '../../preview/case-view.js';
import { defaultUiDir, startPreviewServer } from '../../preview/server.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { openCommandProject } from '../project.js';

export const previewHelp = `Usage: mergetag preview [--port N] [--host 127.0.0.1] [--open|--no-open] [--config FILE]
       mergetag preview --out DIR [--config FILE]

Serves a local web app of the project: every template for every sample user
and variant, rendered as Iterable would send it, with its subject, preheader
and from name, the skip reason when Iterable would not send it, render and
lint findings, and the data behind it (user profile, each feed request as sent
and its response), editable in the page. Edits are never written to disk
unless you click "save as variant", which adds a variant to the config. A
change to a template, snippet, user, recording or the config re-renders the
open page. Feed header values (secrets) are never shown.

Options:
  --port N          the port (default 0: any free port; the URL is printed)
  --host HOST       the address to bind (default 127.0.0.1: this machine only)
  --open            open the browser (default on a terminal, outside CI)
  --no-open         do not open the browser
  --out DIR         write the app as static files instead (every case
                    pre-rendered; DIR/index.html opens from disk), and exit
  --config FILE     the project config (default: the nearest
                    mergetag.config.json)
  -h, --help        this help

The clock for date helpers is the config's "now" (ISO-8601) when set.
Stop the server with Ctrl-C.

Exit codes: 0 stopped or exported; 2 bad usage, or a broken config or input file.
`;

export interface PreviewRunOptions {
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  until?: Promise<void>;
  /** Called with the server's URL once it listens (tests). */
  onListening?: (url: string) => void;
}

export async function previewCommand(args: string[], io: CliIO, options: PreviewRunOptions = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    open: { type: 'boolean' },
    'no-open': { type: 'boolean' },
    out: { type: 'string' },
    config: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(previewHelp);
    return 0;
  }
  if (positionals.length) throw new UsageError('preview takes no FILE: it shows every template of the project', 'mergetag preview [--config FILE]');
  if (values.open && values['no-open']) throw new UsageError('--open and --no-open together', 'pass one of them');
  const config = values.config as string | undefined;
  // Opened here first, so a broken config or input file is reported as every command reports it (exit 2).
  const project = openCommandProject(io, config);

  if (values.out !== undefined) {
    if (values.port !== undefined || values.host !== undefined || values.open)
      throw new UsageError('--out writes files and starts no server: drop --port, --host and --open');
    const out = values.out as string;
    const result = exportPreview(new PreviewProject(project), basename(project.dir), resolve(io.cwd, out), defaultUiDir());
    io.stderr(`mergetag: wrote ${result.cases} case${result.cases === 1 ? '' : 's'} to ${out}/ (${result.files.join(', ')})\n`);
    if (result.missingUi.length) io.stderr(`mergetag: the preview app is not built (${result.missingUi.join(', ')} missing): run npm run build\n`);
    return 0;
  }

  const port = values.port === undefined ? 0 : portNumber(values.port as string);
  const host = (values.host as string | undefined) ?? '127.0.0.1';
  const server = await startPreviewServer({ cwd: io.cwd, ...(config !== undefined ? { config } : {}), host, port });
  io.stdout(`mergetag preview: ${server.url}\n`);
  options.onListening?.(server.url);
  const wantsOpen = values.open === true || (values['no-open'] !== true && io.stderrIsTTY && !io.env.CI);
  if (wantsOpen && io.stderrIsTTY) openBrowser(server.url);
  await (options.until ?? untilSignal());
  await server.close();
  return 0;
}

function portNumber(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535) throw new UsageError(`--port ${text}: expected a port number (0 to 65535)`);
  return Number(text);
}

function untilSignal(): Promise<void> {
  return new Promise((resolveStop) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolveStop();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The platform's opener; a failure to open is not the preview's failure (the URL is printed). */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no opener: the printed URL is enough
  }
}
