/** `mergetag render`: renders one template for one user and its feed responses, as Iterable would send it. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { findConfig } from '../../config/load.js';
import { CONFIG_FILE } from '../../config/schema.js';
import { Project } from '../../project/project.js';
import { FolderResources } from '../../project/resources.js';
import { renderAll } from './render-all.js';
import { compile, type RenderInput, type RenderResult } from '../../iterable/template.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { InputFileError, UsageError } from '../errors.js';
import { InputReader } from '../inputs.js';
import { paint, type CliIO } from '../io.js';
import { printableMessage } from '../../diagnostics/format.js';
import { MAX_FRAMES_HELP, MAX_FRAMES_OPTION, outputFormat, printDiagnostics, withMaxFrames } from '../report.js';
import { parseCommandArgs } from '../args.js';

export const renderHelp = `Usage: mergetag render TEMPLATE --user USER.json [--feed [ALIAS=]RESPONSE.json ...] [options]
       mergetag render TEMPLATE --user ID [--variant NAME]      (in a project)
       mergetag render --all --out DIR                          (in a project)

Renders TEMPLATE exactly as Iterable would send it, with the user's {{ }} fields
and the recorded data-feed responses behind [[ ]].

With files: --user is a profile file and each --feed a response file.
In a project (a mergetag.config.json here or above, or --config): --user is a
user id; each feed URL of the template is expanded for that user, its recording
found by the request URL, and the variant applied.

Options:
  --user FILE|ID          the user profile (JSON file; - reads standard input),
                          or a user id of the project
  --feed [ALIAS=]FILE     a feed response, in the template's feed order; repeat for
                          several feeds. FILE is a response body (HTTP 200) or a
                          recording {"request":…, "response":{"status":…, "body":…}}.
                          Without ALIAS the response's keys sit at the root of [[ ]].
  --merge-context         Iterable's "Merge the data feed and user contexts": feed
                          fields are also {{ }} fields; user fields win
  --variant NAME          a payload variant of the project config
  --all                   every template × user × variant of the project
  --config FILE           the project config (default: the nearest
                          mergetag.config.json)
  --now ISO-8601          the clock for date helpers (default: now)
  --snippets DIR          where {{{snippet "name"}}} finds DIR/name.html
                          (default: ./snippets); DIR/name.json may declare
                          its variables: {"variables": ["a", "b"]}
  --catalogs DIR          where {{#catalog "Name" key}} finds DIR/Name.json, an
                          object of items by key (default: ./catalogs)
  --out FILE|DIR          write the message to FILE (atomically) instead of stdout;
                          with --all, the folder for every message and summary.json
  --format text|json      json prints {output, skip, diagnostics} on stdout
${MAX_FRAMES_HELP}
  -h, --help              this help

Environment:
  MERGETAG_HMAC_SECRET    the project's HMAC secret for hmacSHA1/hmacSHA256
                          (never printed or stored)

Exit codes: 0 rendered; 1 a message would not be sent (template error, feed
error, send skip) or has no recording; 2 bad usage or unreadable input.

Examples:
  mergetag render fixtures/welcome/welcome.html \\
    --user fixtures/welcome/users/ann.json \\
    --feed welcome_codes=fixtures/welcome/recordings/ann.json
  cd fixtures/welcome && mergetag render welcome.html --user ann --variant no-marketing-text
  cd fixtures/welcome && mergetag render --all --out /tmp/welcome
`;

export function renderCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    ...MAX_FRAMES_OPTION,
    user: { type: 'string' },
    feed: { type: 'string', multiple: true },
    'merge-context': { type: 'boolean' },
    variant: { type: 'string' },
    all: { type: 'boolean' },
    config: { type: 'string' },
    now: { type: 'string' },
    snippets: { type: 'string' },
    catalogs: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(renderHelp);
    return 0;
  }
  const format = outputFormat(values.format as string | undefined);
  io = withMaxFrames(io, values['max-frames']);
  const now = values.now !== undefined ? parseNow(values.now as string) : undefined;
  const hmacSecret = io.env.MERGETAG_HMAC_SECRET || undefined;
  const services = { ...(now ? { now } : {}), ...(hmacSecret ? { hmacSecret } : {}) };
  if (values.all) {
    if (positionals.length) throw new UsageError('render --all takes no TEMPLATE: it renders every template of the project');
    if (values.out === undefined) throw new UsageError('render --all needs --out DIR', 'mergetag render --all --out rendered/');
    const project = openProject(values.config as string | undefined, io.cwd, io);
    return renderAll(project, values.out as string, io, services);
  }
  if (positionals.length !== 1) throw new UsageError('render takes one TEMPLATE file', 'mergetag render TEMPLATE --user USER.json --feed alias=RESPONSE.json');
  const templatePath = positionals[0]!;
  const user = values.user as string | undefined;
  const userIsFile = user === undefined || user === '-' || existsSync(resolve(io.cwd, user));
  if (user !== undefined && !userIsFile && /[\\/]|\.(json|ndjson|jsonl)$/i.test(user)) {
    throw new InputFileError(`${user}: no such file (the user profile)`);
  }
  if (!userIsFile || values.variant !== undefined || (values.config !== undefined && !values.feed)) {
    return renderProjectCase(templatePath, user, values, io, format, services);
  }

  const reader = new InputReader(io);
  const text = reader.readText(templatePath, 'template');
  const input: RenderInput = { ...services };
  if (user !== undefined) input.user = reader.readUserProfile(user);
  input.feeds = ((values.feed as string[] | undefined) ?? []).map((feed) => reader.readFeed(feed));
  if (values['merge-context']) input.mergeDataFeedContext = true;
  const resources = new FolderResources(
    resolve(io.cwd, (values.snippets as string | undefined) ?? 'snippets'),
    resolve(io.cwd, (values.catalogs as string | undefined) ?? 'catalogs'),
    io.cwd,
  );
  input.snippets = (name) => resources.snippet(name);
  input.catalogs = (name) => resources.catalog(name);

  const file = InputReader.label(templatePath);
  const result = compile(text, { file }).render(input);
  return report(io, format, file, text, result, values.out as string | undefined);
}

function report(io: CliIO, format: 'text' | 'json', file: string, text: string, result: RenderResult, out: string | undefined): number {
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ file, output: result.skip ? null : result.output, skip: result.skip ?? null, diagnostics: result.diagnostics }, null, 2)}\n`);
    return result.skip ? 1 : 0;
  }
  printDiagnostics(io, result.diagnostics, new Map([[file, text]]));
  if (result.skip) {
    io.stderr(`skipped: ${result.skip.reason}: ${printableMessage(result.skip.message)}\n`);
    return 1;
  }
  if (out !== undefined) writeFileAtomic(resolve(io.cwd, out), result.output);
  else io.stdout(result.output);
  return 0;
}

function openProject(configPath: string | undefined, from: string, io: CliIO): Project {
  const file = configPath !== undefined ? resolve(io.cwd, configPath) : findConfig(from);
  if (!file) throw new UsageError(`no ${CONFIG_FILE} in ${from} or a folder above it`, 'pass --config FILE, or give --user a profile file and --feed response files');
  if (!existsSync(file)) throw new InputFileError(`${configPath}: no such file (the config)`);
  const opened = Project.load(file);
  if (!opened.ok) {
    printDiagnostics(io, opened.diagnostics, new Map([[opened.diagnostics[0]?.file, readFileSync(file, 'utf8')]]));
    throw new InputFileError(`${relative(io.cwd, file) || file}: the config has errors`);
  }
  const sources = new Map<string | undefined, string>([[relative(process.cwd(), file) || file, readFileSync(file, 'utf8')]]);
  printDiagnostics(io, opened.project.diagnostics, sources);
  return opened.project;
}

function renderProjectCase(
  templatePath: string,
  userId: string | undefined,
  values: Record<string, unknown>,
  io: CliIO,
  format: 'text' | 'json',
  services: { now?: Date; hmacSecret?: string },
): number {
  if (userId === undefined) throw new UsageError('in a project, render needs --user ID');
  const project = openProject(values.config as string | undefined, dirname(resolve(io.cwd, templatePath)), io);
  const template = project.templateFor(templatePath, io.cwd);
  if (!template) {
    throw new UsageError(`${templatePath} is not a template of ${relative(io.cwd, project.loaded.file)}`, 'add it under "templates" with its feeds');
  }
  const user = project.users.get(userId);
  if (!user) {
    const known = [...project.users.keys()];
    throw new UsageError(`no user '${userId}' in the project (users: ${project.config.users})`, known.length ? `known users: ${known.slice(0, 10).join(', ')}` : 'add profile files');
  }
  const variant = values.variant as string | undefined;
  if (variant !== undefined && !Object.hasOwn(project.config.variants, variant)) {
    throw new UsageError(`no variant '${variant}' in the config`, `variants: ${Object.keys(project.config.variants).join(', ') || 'none'}`);
  }
  const outcome = project.renderCase(template, user, variant, services);
  for (const request of outcome.requests) {
    if (request.rendered && request.url && request.rendered !== request.url && format === 'text') {
      io.stderr(`${paint(io).dim(`feed ${request.feedId}: GET ${request.url}`)}\n`);
    }
  }
  if (outcome.problem) {
    io.stderr(`mergetag: ${outcome.problem.message}\n  ${outcome.problem.hint}\n`);
    return 1;
  }
  const text = readFileSync(template.file, 'utf8');
  return report(io, format, template.display, text, outcome.result!, values.out as string | undefined);
}

function parseNow(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now ${text}: not an ISO-8601 date`, 'e.g. --now 2026-11-25T09:00:00Z');
  return date;
}
