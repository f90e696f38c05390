/**
 * What `mergetag record` will request: for each user and each feed, the feed URL expanded for the user (as
 * Iterable sends it; with each sample event of the event-triggered templates using the feed, once per distinct URL), the headers with their `${ENV}` references resolved, the headers as they will be recorded
 * (secrets `[redacted]`), and the file the recording goes to. Everything that can fail without a request fails
 * here, before anything is published.
 */
import { join, resolve } from 'node:path';
import { envReferences, resolveEnv } from '../config/secrets.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { EventSample } from '../project/events.js';
import type { Project } from '../project/project.js';
import { REDACTED } from '../recordings/schema.js';
import { parseBaseUrl, rebase } from './base-url.js';
import { isSecretHeaderName, redactPathProblem } from './redact.js';

export interface PlannedRequest {
  feedId: string;
  userId: string;
  /** The request URL as Iterable sends it (WHATWG-normalised); recordings are keyed and found by it. */
  url: string;
  /** Where the request actually goes when not to `url`: `url` moved onto `--base-url`. */
  sendTo?: string;
  /** The headers as sent, secrets resolved: never printed or stored. */
  headers: Record<string, string>;
  /** The headers as recorded. */
  recordedHeaders: Record<string, string>;
  /** The feed's `redact` JSONPaths. */
  redact: string[];
  /**
   * The absolute path of the recording: `<recordings>/<feedId>/<userId>.json`; a second URL of one user (a feed URL
   * that reads fields of the template's events, which differ) goes to `<userId>=<eventId>.json`.
   */
  file: string;
  /** Another, older recording of the same URL: render replays the newest, so the new file replaces it. */
  shadowedBy?: string;
}

export interface RecordPlan {
  requests: PlannedRequest[];
  users: string[];
  feeds: string[];
  /** Every secret value the requests carry, to scrub from anything printed or written. */
  secrets: string[];
  /** The project folder: recordings are written inside it only, never through a link out of it. */
  root?: string;
}

/** A reason not to make any request. `diagnostics` point into the config when there are some. */
export class PlanError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'PlanError';
  }
}

/**
 * A file name for an id: letters, digits and `. _ + @ -` stay; every other byte becomes `%XX`; a leading dot is
 * encoded too, so a recording is never a hidden file and never leaves its folder.
 */
/**
 * The events a feed's URL is expanded with: those of the event-triggered templates using the feed, and none
 * (`undefined`) when a blast template uses it or no template does. A URL that reads event fields differs per event.
 */
function eventsOfFeed(project: Project, feedId: string): Array<EventSample | undefined> {
  const templates = project.templates().filter((t) => t.settings.feeds.includes(feedId));
  const events = new Map<string, EventSample | undefined>();
  for (const template of templates) {
    if (template.settings.event === undefined) events.set('', undefined);
    else for (const event of project.eventsFor(template)) events.set(event.file, event);
  }
  return events.size ? [...events.values()] : [undefined];
}

export function fileNameFor(id: string): string {
  let out = '';
  for (const ch of id) {
    if (/[A-Za-z0-9._+@-]/.test(ch)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  if (out.startsWith('.')) out = `%2E${out.slice(1)}`;
  return out === '' ? '%00' : out;
}

export function planRecording(
  project: Project,
  options: { users: readonly string[]; feeds?: readonly string[]; baseUrl?: string },
  env: NodeJS.ProcessEnv,
): RecordPlan {
  let base: URL | undefined;
  if (options.baseUrl !== undefined) {
    const parsed = parseBaseUrl(options.baseUrl);
    if (typeof parsed === 'string') throw new PlanError(parsed);
    base = parsed;
  }
  const config = project.config;
  const users = [...new Set(options.users)];
  if (users.length === 0) throw new PlanError('record needs at least one --user ID');
  for (const id of users) {
    if (!project.users.has(id)) {
      const known = [...project.users.keys()];
      throw new PlanError(
        `no user '${id}' in the project (users: ${config.users})`,
        known.length ? `known users: ${known.slice(0, 10).join(', ')}` : 'add profile files',
      );
    }
  }

  let feeds: string[];
  if (options.feeds && options.feeds.length) {
    feeds = [...new Set(options.feeds)];
    for (const id of feeds) {
      if (!Object.hasOwn(config.feeds, id)) {
        throw new PlanError(`no feed '${id}' in the config`, `feeds: ${Object.keys(config.feeds).join(', ') || 'none'}`);
      }
    }
  } else {
    feeds = [...new Set(config.templates.flatMap((template) => template.feeds))].filter((id) => Object.hasOwn(config.feeds, id));
    if (feeds.length === 0)
      throw new PlanError('no template of the project uses a feed: nothing to record', 'name one with --feed ID, or list feeds under a template');
  }

  // Headers and redact paths per feed: a missing variable or a bad path stops everything, before any request.
  const secrets = new Set<string>();
  const headersOf = new Map<string, { sent: Record<string, string>; recorded: Record<string, string> }>();
  const missing: string[] = [];
  for (const feedId of feeds) {
    const feed = config.feeds[feedId]!;
    for (const path of feed.redact) {
      const problem = redactPathProblem(path);
      if (problem) throw new PlanError(`feeds.${feedId}.redact: ${path}: ${problem}`, 'e.g. "$.customer.email" or "$..assets.qr.url"');
    }
    const sent: Record<string, string> = {};
    const recorded: Record<string, string> = {};
    for (const [name, template] of Object.entries(feed.headers)) {
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new PlanError(`feeds.${feedId}.headers: '${name}' is not a valid header name`);
      const resolved = resolveEnv(template, env);
      for (const variable of resolved.missing) missing.push(`${variable} (feed '${feedId}', header ${name})`);
      const referenced = envReferences(template);
      const fromEnv = referenced.length > 0;
      const secret = fromEnv || isSecretHeaderName(name);
      if (secret) {
        secrets.add(resolved.value);
        for (const variable of referenced) {
          const value = Object.hasOwn(env, variable) ? env[variable] : undefined;
          if (value) secrets.add(value);
        }
      }
      if (/[\r\n\0]/.test(resolved.value)) {
        throw new PlanError(
          `feeds.${feedId}.headers.${name}: the value${fromEnv ? ' from the environment' : ''} has a line break or NUL, which no HTTP header can carry`,
          fromEnv ? 'check how the variable was set (a trailing newline from a file?)' : undefined,
        );
      }
      Object.defineProperty(sent, name, { value: resolved.value, enumerable: true, writable: true, configurable: true });
      Object.defineProperty(recorded, name, { value: secret ? REDACTED : template, enumerable: true, writable: true, configurable: true });
    }
    headersOf.set(feedId, { sent, recorded });
  }
  if (missing.length) {
    const names = [...new Set(missing.map((m) => m.split(' ')[0]!))];
    throw new PlanError(
      `environment variable${missing.length > 1 ? 's' : ''} not set: ${missing.join(', ')}`,
      `set ${names.join(' and ')} (the feed's credentials) and run again; no request was made`,
    );
  }

  const recordingsDir = resolve(project.dir, config.recordings);
  const requests: PlannedRequest[] = [];
  for (const userId of users) {
    const user = project.users.get(userId)!;
    for (const feedId of feeds) {
      for (const event of eventsOfFeed(project, feedId)) {
        const request = project.feedRequest(feedId, user, event);
        if (!request.url) {
          const errors = request.diagnostics.filter((d) => d.severity === 'error');
          throw new PlanError(
            `the URL of feed '${feedId}' failed for user '${userId}': ${errors[0]?.message ?? 'not a URL'}`,
            `mergetag url shows the request`,
            errors,
          );
        }
        const protocol = new URL(request.url).protocol;
        if (protocol !== 'https:' && protocol !== 'http:')
          throw new PlanError(`feed '${feedId}': ${protocol} URLs cannot be requested; a data feed is http(s)`);
        // A URL the user's other events already ask for is one request (one voucher), recorded once.
        if (requests.some((r) => r.feedId === feedId && r.userId === userId && r.url === request.url)) continue;
        const headers = headersOf.get(feedId)!;
        const name =
          event === undefined || !requests.some((r) => r.feedId === feedId && r.userId === userId)
            ? fileNameFor(userId)
            : `${fileNameFor(userId)}=${fileNameFor(event.id)}`;
        const file = join(recordingsDir, fileNameFor(feedId), `${name}.json`);
        const planned: PlannedRequest = {
          feedId,
          userId,
          url: request.url,
          headers: headers.sent,
          recordedHeaders: headers.recorded,
          redact: [...config.feeds[feedId]!.redact],
          file,
        };
        if (base) planned.sendTo = rebase(request.url, base);
        const existing = project.recordings.find(request.url);
        if (existing && resolve(existing.file) !== file) planned.shadowedBy = resolve(existing.file);
        requests.push(planned);
      }
    }
  }
  return { requests, users, feeds, secrets: [...secrets].filter((s) => s !== ''), root: project.dir };
}
