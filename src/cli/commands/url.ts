/** `mergetag url`: the request Iterable sends for a feed URL template and one user. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { userContext } from '../../iterable/event-context.js';
import { expandFeedUrl, type ExpandedUrl } from '../../iterable/feed-url.js';
import type { EventSample } from '../../project/events.js';
import type { Project } from '../../project/project.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { redactSecretParams, secretParamValues } from '../../config/secrets.js';
import { Scrubber } from '../../record/redact.js';
import { parseJson } from '../../values/json.js';
import { UsageError } from '../errors.js';
import { InputReader } from '../inputs.js';
import type { CliIO } from '../io.js';
import { openCommandProject } from '../project.js';
import { MAX_FRAMES_HELP, MAX_FRAMES_OPTION, outputFormat, printDiagnostics, printJsonResult, withMaxFrames } from '../report.js';
import { parseCommandArgs } from '../args.js';

export const urlHelp = `Usage: mergetag url URL_TEMPLATE [--user USER.json] [--event EVENT.json] [options]
       mergetag url --feed ID --user ID [--event ID]         (in a project)

Prints the request Iterable sends for a data-feed URL: the URL template rendered
with the user's {{ }} fields, then as an HTTP client sends it: normalised (a
literal space becomes %20) and cut at a # (a fragment is never sent; a warning
says what was lost). When the two differ, both are shown. Query parameters whose
name looks secret (api_key, token, signature...) are printed as [redacted].

URL_TEMPLATE is the URL itself, or a feed definition file (JSON with a "url").
In a project (a mergetag.config.json here or above, or --config), --feed names
one of its feeds and --user one of its users.

Options:
  --user FILE|ID          the user profile (JSON; - reads standard input), or a
                          user id of the project
  --event FILE|ID         the data fields of the triggering event (a JSON
                          object): a feed URL reads them like the template
                          does, before the profile's. In a project, the id of
                          a sample event of a template using the feed, or a file
  --feed ID               a feed of the project config
  --config FILE           the project config (default: the nearest one)
  --format text|json      json prints the result: {exitCode, errorCount,
                          warningCount, diagnostics, rendered, url}
${MAX_FRAMES_HELP}
  -h, --help              this help

Exit codes: 0 a URL; 1 the URL template has an error; 2 bad usage or input.

Example:
  mergetag url 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{source_id}}{{/urlEncode}}&campaign[name]=Welcome Codes' \\
    --user fixtures/welcome/users/ann.json
`;

export function urlCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    ...MAX_FRAMES_OPTION,
    user: { type: 'string' },
    event: { type: 'string' },
    feed: { type: 'string' },
    config: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(urlHelp);
    return 0;
  }
  const format = outputFormat(values.format as string | undefined);
  io = withMaxFrames(io, values['max-frames']);
  if (values.feed !== undefined) return projectUrl(values, positionals, io, format);
  if (positionals.length !== 1)
    throw new UsageError('url takes one URL_TEMPLATE', "quote it: mergetag url 'https://…?id={{#urlEncode}}{{id}}{{/urlEncode}}' --user USER.json");
  const reader = new InputReader(io);
  const { template, file } = urlTemplateFrom(positionals[0]!, reader, io);
  const user = values.user !== undefined ? reader.readJson(values.user as string, 'user profile') : new Map();
  const event = values.event !== undefined ? reader.readEvent(values.event as string) : undefined;
  return printUrl(expandFeedUrl(template, userContext(user, event), { file }), template, file, io, format);
}

/**
 * Prints the request. Query parameters whose name looks secret (`api_key`, `token`, `signature`...) are printed as
 * `[redacted]`, in the URLs and in every message, as `mergetag record` prints and stores them
 * (src/config/secrets.ts); a template whose own text holds the secret is shown without code frames.
 */
function printUrl(result: ExpandedUrl, template: string, file: string, io: CliIO, format: 'text' | 'json', extra: Diagnostic[] = []): number {
  const failed = hasErrors(result.diagnostics) || result.url === '';
  const scrubber = new Scrubber([...secretParamValues(result.rendered), ...secretParamValues(result.url), ...secretParamValues(template)]);
  const rendered = redactSecretParams(scrubber.text(result.rendered));
  const url = redactSecretParams(scrubber.text(result.url));
  const diagnostics = [...extra, ...result.diagnostics].map((d) => scrubDiagnostic(d, scrubber));
  if (format === 'json') return printJsonResult(io, failed ? 1 : 0, diagnostics, { rendered, url: url || null });
  // No code frame shows a template that holds a secret itself.
  printDiagnostics(io, diagnostics, scrubber.appearsIn(template) ? new Map() : new Map([[file, template]]));
  if (failed) return 1;
  if (rendered !== url) io.stderr(`note: rendered as ${rendered}\n      sent as     ${url}\n`);
  io.stdout(`${url}\n`);
  return 0;
}

function scrubDiagnostic(d: Diagnostic, scrubber: Scrubber): Diagnostic {
  if (scrubber.empty) return d;
  return { ...d, message: scrubber.text(d.message), ...(d.hint !== undefined ? { hint: scrubber.text(d.hint) } : {}) };
}

function projectUrl(values: Record<string, unknown>, positionals: string[], io: CliIO, format: 'text' | 'json'): number {
  if (positionals.length) throw new UsageError('url --feed ID takes no URL_TEMPLATE', 'mergetag url --feed welcome_codes --user ann');
  const project = openCommandProject(io, values.config as string | undefined);
  const feedId = values.feed as string;
  if (!Object.hasOwn(project.config.feeds, feedId)) {
    throw new UsageError(`no feed '${feedId}' in the config`, `feeds: ${Object.keys(project.config.feeds).join(', ') || 'none'}`);
  }
  const userId = values.user as string | undefined;
  const user = userId === undefined ? undefined : project.users.get(userId);
  if (!user)
    throw new UsageError(
      userId === undefined ? 'url --feed needs --user ID' : `no user '${userId}' in the project`,
      `known users: ${[...project.users.keys()].slice(0, 10).join(', ')}`,
    );
  const request = project.feedRequest(feedId, user, projectEvent(project, feedId, values.event as string | undefined, io));
  const file = request.diagnostics[0]?.file ?? `${project.shown(project.loaded.file)} (feeds.${feedId}.url)`;
  const warnings = [...project.diagnostics, ...project.projectDiagnostics()];
  return printUrl(
    { rendered: request.rendered, url: request.url, diagnostics: request.diagnostics },
    project.config.feeds[feedId]!.url,
    file,
    io,
    format,
    warnings,
  );
}

/**
 * `--event` in a project: the id of a sample event of a template that uses the feed, or an event file. Without
 * it, none: a feed URL that reads event fields shows what a blast would send.
 */
function projectEvent(project: Project, feedId: string, given: string | undefined, io: CliIO): EventSample | undefined {
  if (given === undefined) return undefined;
  const templates = project.templates().filter((t) => t.settings.feeds.includes(feedId));
  const known = templates.flatMap((t) => project.eventsFor(t)).find((e) => e.id === given);
  if (known) return known;
  if (given === '-' || existsSync(resolve(io.cwd, given))) return { id: given, file: resolve(io.cwd, given), data: new InputReader(io).readEvent(given) };
  const ids = [...new Set(templates.flatMap((t) => project.eventsFor(t).map((e) => e.id)))];
  throw new UsageError(
    `no event '${given}': neither a sample event of a template using feed '${feedId}' nor a file`,
    ids.length ? `events: ${ids.join(', ')}` : undefined,
  );
}

function urlTemplateFrom(argument: string, reader: InputReader, io: CliIO): { template: string; file: string } {
  if (argument.includes('://') || !existsSync(resolve(io.cwd, argument))) return { template: argument, file: '<url>' };
  const text = reader.readText(argument, 'feed definition');
  const parsed = parseJson(text);
  if (parsed.ok && parsed.value instanceof Map) {
    const url = parsed.value.get('url');
    if (typeof url !== 'string') throw new UsageError(`${argument}: a feed definition needs a "url" string`);
    return { template: url, file: `${argument}#url` };
  }
  return { template: text.trim(), file: argument };
}
