/**
 * `mergetag render`: renders one template for one user and its feed responses, as Iterable would send it.
 * Rendering files needs only the engine: the project (config, zod schemas, users, recordings), `--all` and
 * the file writer are imported when the arguments ask for them, so `render FILE` starts fast.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { redactSecretParams } from '../../config/secrets.js';
import { FolderResources } from '../../project/resources.js';
import { compile, type RenderInput, type RenderResult } from '../../iterable/template.js';
import { InputFileError, UsageError } from '../errors.js';
import { InputReader } from '../inputs.js';
import { paint, type CliIO } from '../io.js';
import { printableMessage } from '../../diagnostics/format.js';
import type { EventSample } from '../../project/events.js';
import type { Project, TemplateEntry } from '../../project/project.js';
import { MAX_FRAMES_HELP, MAX_FRAMES_OPTION, outputFormat, printDiagnostics, printJsonResult, withMaxFrames } from '../report.js';
import { parseCommandArgs } from '../args.js';

/** Problems that mean an input file could not be read at all. */
const UNREADABLE_INPUT = new Set(['input-file', 'outside-project']);

export const renderHelp = `Usage: mergetag render TEMPLATE --user USER.json [--event EVENT.json] [--feed [ALIAS=]RESPONSE.json ...] [options]
       mergetag render TEMPLATE --user ID [--event ID] [--variant NAME]   (in a project)
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
  --event FILE|ID         the data fields of the event that triggered the
                          message (a JSON object), for an event-triggered
                          campaign: {{x}} reads the event's field first, then
                          the profile's; {{profile.x}} reads the profile. In a
                          project, an event id of the template's "event"
                          setting (default: its first event), or a file
  --feed [ALIAS=]FILE     a feed response, in the template's feed order; repeat for
                          several feeds. FILE is a response body (HTTP 200) or a
                          recording {"request":…, "response":{"status":…, "body":…}}.
                          Without ALIAS the response's keys sit at the root of [[ ]].
  --merge-context         Iterable's "Merge the data feed and user contexts": feed
                          fields are also {{ }} fields; user fields win
  --variant NAME          a payload variant of the project config
  --all                   every template × user × variant of the project (and
                          × event, for a template with several events)
  --config FILE           the project config (default: the nearest
                          mergetag.config.json)
  --now ISO-8601          the clock for date helpers (default: now)
  --snippets DIR          where {{{snippet "name"}}} finds DIR/name.html
                          (default: ./snippets); DIR/name.json may declare
                          its variables: {"variables": ["a", "b"]}
  --catalogs DIR          where {{#catalog "Name" key}} and {{#catalogKeys}} find
                          DIR/Name.json, an object of items by key, and
                          {{#catalogCollection "Name"}} finds the collection's
                          items in DIR/collections/Name.json, an array
                          (default: ./catalogs)
  --out FILE|DIR          write the message to FILE instead of stdout (a regular
                          file is replaced atomically; a FIFO or device such as
                          /dev/null is written like a shell redirect; a symlink
                          is followed). With --all, the folder for every
                          message: DIR/<template folder>/<template name>/
                          <user id>[=<event>][~<variant>].<ext>, ids
                          percent-encoded
                          where unsafe, and DIR/summary.json. Files a
                          previous --all wrote and this one did not are removed.
  --max-warnings N        with --all: more than N warnings (counted once per
                          template) fail the run (exit 1)
  --format text|json      json prints the result on stdout: {exitCode,
                          errorCount, warningCount, diagnostics, file, output,
                          skip}; with --all {…, out, summary, counts,
                          notRendered, notes}
${MAX_FRAMES_HELP}
  -h, --help              this help

Environment:
  MERGETAG_HMAC_SECRET    the project's HMAC secret for hmacSHA1/hmacSHA256
                          (never printed or stored)

Exit codes: 0 rendered; 1 a message would not be sent (template error, feed
error, send skip) or has no recording, or more warnings than --max-warnings;
2 bad usage, or an unreadable or invalid input file (config, user, recording:
every one is reported first), a template path or users glob that matches
nothing, or two cases that would write one output file.

Examples:
  mergetag render fixtures/welcome/welcome.html \\
    --user fixtures/welcome/users/ann.json \\
    --feed welcome_codes=fixtures/welcome/recordings/ann.json
  cd fixtures/welcome && mergetag render welcome.html --user ann --variant no-marketing-text
  cd fixtures/welcome && mergetag render --all --out /tmp/welcome
`;

export async function renderCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...MAX_FRAMES_OPTION,
    user: { type: 'string' },
    event: { type: 'string' },
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
    'max-warnings': { type: 'string' },
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
    const { openCommandProject } = await import('../project.js');
    const project = openCommandProject(io, values.config as string | undefined);
    const maxWarnings = values['max-warnings'] === undefined ? undefined : wholeNumber(values['max-warnings'] as string, '--max-warnings');
    const { renderAll } = await import('./render-all.js');
    return renderAll(project, values.out as string, io, services, { format, ...(maxWarnings !== undefined ? { maxWarnings } : {}) });
  }
  if (values['max-warnings'] !== undefined) throw new UsageError('--max-warnings goes with --all', 'mergetag render --all --out DIR --max-warnings 0');
  if (positionals.length !== 1) throw new UsageError('render takes one TEMPLATE file', 'mergetag render TEMPLATE --user USER.json --feed alias=RESPONSE.json');
  const templatePath = positionals[0]!;
  const user = values.user as string | undefined;
  const userIsFile = user === undefined || user === '-' || existsSync(resolve(io.cwd, user));
  if (user !== undefined && !userIsFile && /[\\/]|\.(json|ndjson|jsonl)$/i.test(user)) {
    throw new InputFileError(user, 'no such file (the user profile)');
  }
  if (!userIsFile || values.variant !== undefined || (values.config !== undefined && !values.feed)) {
    return await renderProjectCase(templatePath, user, values, io, format, services);
  }

  const reader = new InputReader(io);
  const text = reader.readText(templatePath, 'template');
  const input: RenderInput = { ...services };
  if (user !== undefined) input.user = reader.readUserProfile(user);
  if (values.event !== undefined) input.event = reader.readEvent(values.event as string);
  input.feeds = ((values.feed as string[] | undefined) ?? []).map((feed) => reader.readFeed(feed));
  if (values['merge-context']) input.mergeDataFeedContext = true;
  const resources = new FolderResources(
    resolve(io.cwd, (values.snippets as string | undefined) ?? 'snippets'),
    resolve(io.cwd, (values.catalogs as string | undefined) ?? 'catalogs'),
    io.cwd,
  );
  input.snippets = (name) => resources.snippet(name);
  input.catalogs = (name) => resources.catalog(name);
  input.collections = (name) => resources.collection(name);

  const file = InputReader.label(templatePath);
  const result = compile(text, { file }).render(input);
  return await report(io, format, file, new Map([[file, text]]), result, values.out as string | undefined);
}

async function report(
  io: CliIO,
  format: 'text' | 'json',
  file: string,
  sources: ReadonlyMap<string | undefined, string>,
  result: RenderResult,
  out: string | undefined,
  extra: Diagnostic[] = [],
): Promise<number> {
  const diagnostics = [...extra, ...result.diagnostics];
  // With --out the message goes to the file even in JSON mode; stdout carries the result.
  if (!result.skip && out !== undefined) {
    const { writeOutput } = await import('../../io/write-output.js');
    writeOutput(resolve(io.cwd, out), result.output, out);
  }
  if (format === 'json') {
    return printJsonResult(io, result.skip ? 1 : 0, diagnostics, { file, output: result.skip ? null : result.output, skip: result.skip ?? null });
  }
  printDiagnostics(io, diagnostics, sources);
  if (result.skip) {
    io.stderr(`skipped: ${result.skip.reason}: ${printableMessage(result.skip.message)}\n`);
    return 1;
  }
  if (out === undefined) io.stdout(result.output);
  return 0;
}

async function renderProjectCase(
  templatePath: string,
  userId: string | undefined,
  values: Record<string, unknown>,
  io: CliIO,
  format: 'text' | 'json',
  services: { now?: Date; hmacSecret?: string },
): Promise<number> {
  if (userId === undefined) throw new UsageError('in a project, render needs --user ID');
  const { openCommandProject } = await import('../project.js');
  const project = openCommandProject(io, values.config as string | undefined, dirname(resolve(io.cwd, templatePath)));
  const template = project.templateFor(templatePath);
  if (!template) {
    throw new UsageError(`${templatePath} is not a template of ${project.shown(project.loaded.file)}`, 'add it under "templates" with its feeds');
  }
  const user = project.users.get(userId);
  if (!user) {
    const known = [...project.users.keys()];
    throw new UsageError(
      `no user '${userId}' in the project (users: ${project.config.users})`,
      known.length ? `known users: ${known.slice(0, 10).join(', ')}` : 'add profile files',
    );
  }
  const variant = values.variant as string | undefined;
  if (variant !== undefined && !Object.hasOwn(project.config.variants, variant)) {
    throw new UsageError(`no variant '${variant}' in the config`, `variants: ${Object.keys(project.config.variants).join(', ') || 'none'}`);
  }
  const event = caseEvent(project, template, values.event as string | undefined, io);
  const events = project.eventsFor(template);
  if (values.event === undefined && events.length > 1 && format === 'text') {
    io.stderr(`${paint(io).dim(`event ${event!.id} (${project.shown(event!.file)}), the first of ${events.length}; --event ID picks another`)}\n`);
  }
  const outcome = project.renderCase(template, user, variant, services, {}, event);
  for (const request of outcome.requests) {
    if (request.rendered && request.url && request.rendered !== request.url && format === 'text') {
      io.stderr(`${paint(io).dim(`feed ${request.feedId}: GET ${redactSecretParams(request.url)}`)}\n`);
    }
  }
  const warnings = [...project.diagnostics, ...project.projectDiagnostics()];
  if (outcome.problem) {
    const diagnostics = [...warnings, outcome.problem];
    // A template that cannot be read is a broken input file (exit 2); a case that cannot be rendered offline, a finding.
    const code = UNREADABLE_INPUT.has(outcome.problem.ruleId) ? 2 : 1;
    if (format === 'json') return printJsonResult(io, code, diagnostics, { file: template.display, output: null, skip: null });
    printDiagnostics(io, diagnostics, project.sources);
    return code;
  }
  return await report(io, format, template.display, project.sources, outcome.result!, values.out as string | undefined, warnings);
}

/**
 * The event of a project case: `--event ID` names one of the template's sample events, or `--event FILE` a file;
 * without it, the template's first event (none for a blast).
 */
function caseEvent(project: Project, template: TemplateEntry, given: string | undefined, io: CliIO): EventSample | undefined {
  if (given === undefined) return project.eventsFor(template)[0];
  const known = project.eventFor(template, given);
  if (known) return known;
  const file = resolve(io.cwd, given);
  if (given === '-' || existsSync(file)) return { id: InputReader.label(given), file, data: new InputReader(io).readEvent(given) };
  const ids = project.eventsFor(template).map((e) => e.id);
  throw new UsageError(
    `no event '${given}': neither an event of ${template.display} nor a file`,
    ids.length ? `its events: ${ids.slice(0, 10).join(', ')}` : `give an event file, or set "event" for ${template.display} in the config`,
  );
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${option} ${text}: expected a whole number (0 or more)`);
  return Number(text);
}

function parseNow(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now ${text}: not an ISO-8601 date`, 'e.g. --now 2026-11-25T09:00:00Z');
  return date;
}
