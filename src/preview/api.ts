/**
 * The preview's JSON API. Every parameter is an id the API itself listed (a template's id, a user id, a variant
 * name): nothing a client sends is ever resolved as a filesystem path. Edits are rendered in memory; only "save as
 * variant" writes, and only the config's `variants`.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import { jsonPathProblem } from '../config/json-path.js';
import { ProjectOpenError } from '../project/open.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { jsonText } from '../values/print.js';
import type { Value } from '../values/types.js';
import { parseEditedJson, type CaseEdits, type PreviewProject } from './case-view.js';

/** What the API needs from the server: the project as it is now (reopened after changes), and its name. */
export interface ApiState {
  current(): PreviewProject;
  /** The files changed under the server (it saved the config): reopen the project on next use. */
  invalidate(): void;
  name: string;
}

/** A request body larger than this is refused: edits are a profile and a few feed bodies. */
const MAX_BODY = 5 * 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

function fail(status: number, message: string, extra: Record<string, unknown> = {}): never {
  throw new HttpError(status, { error: { message, ...extra } });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

/** Handles /api/* except the event stream; true when the path was the API's. */
export async function handleApi(state: ApiState, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const route = `${req.method} ${url.pathname}`;
  try {
    switch (route) {
      case 'GET /api/project':
        sendJson(res, 200, state.current().redact(state.current().view(state.name)));
        return true;
      case 'GET /api/case': {
        const q = url.searchParams;
        const preview = state.current();
        sendJson(res, 200, preview.redact(caseView(preview, str(q.get('template')), str(q.get('user')), str(q.get('variant')), {}, str(q.get('event')))));
        return true;
      }
      case 'POST /api/render': {
        const body = await readJsonBody(req);
        const preview = state.current();
        const edits = parseEdits(body);
        sendJson(res, 200, preview.redact(caseView(preview, str(body.template), str(body.user), str(body.variant), edits, str(body.event))));
        return true;
      }
      case 'POST /api/variants': {
        const body = await readJsonBody(req);
        const saved = saveVariant(state.current(), body);
        state.invalidate();
        sendJson(res, 200, saved);
        return true;
      }
    }
    if (url.pathname.startsWith('/api/')) fail(404, `no API ${route}`);
    return false;
  } catch (error) {
    if (error instanceof HttpError) sendJson(res, error.status, error.body);
    else if (error instanceof ProjectOpenError) {
      // The config broke under the running server (an edit in progress): said with each problem, until it is fixed.
      const diagnostics = error.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        file: d.file ?? null,
        line: d.start.line,
        column: d.start.column,
      }));
      sendJson(res, 500, { error: { message: error.message, hint: error.hint ?? null, diagnostics } });
    } else sendJson(res, 500, { error: { message: error instanceof Error ? error.message : String(error) } });
    return true;
  }
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function caseView(preview: PreviewProject, templateId: string | null, userId: string | null, variant: string | null, edits: CaseEdits, event: string | null) {
  const { entry, user } = resolveCase(preview, templateId, userId, variant);
  if (event !== null && !preview.project.eventFor(entry, event)) fail(404, `no event '${event}' for ${entry.display}`);
  return preview.caseView(entry, user, variant, edits, event);
}

function resolveCase(preview: PreviewProject, templateId: string | null, userId: string | null, variant: string | null) {
  const project = preview.project;
  const entry = templateId === null ? undefined : preview.template(templateId);
  if (!entry) fail(404, `no template '${templateId ?? ''}' in the project`);
  const user = userId === null ? undefined : project.users.get(userId);
  if (!user) fail(404, `no user '${userId ?? ''}' in the project`);
  if (variant !== null && !project.variantsFor(entry).includes(variant)) fail(404, `no variant '${variant}' for ${entry.display}`);
  return { entry, user };
}

/** The editors' texts, parsed; the first invalid one is a 400 saying which editor, line and column. */
function parseEdits(body: Record<string, unknown>): CaseEdits {
  const edits: CaseEdits = {};
  if (body.userJson !== undefined && body.userJson !== null) {
    if (typeof body.userJson !== 'string') fail(400, 'userJson is JSON text (a string)');
    const parsed = parseEditedJson(body.userJson);
    if (!parsed.ok) throw new HttpError(400, { error: { which: 'user', message: parsed.message, line: parsed.line, column: parsed.column } });
    edits.user = parsed.value;
  }
  if (body.feedBodies !== undefined && body.feedBodies !== null) {
    if (typeof body.feedBodies !== 'object' || Array.isArray(body.feedBodies)) fail(400, 'feedBodies is an object of JSON texts by feed id');
    const bodies = new Map<string, Value>();
    for (const [feedId, text] of Object.entries(body.feedBodies as Record<string, unknown>)) {
      if (typeof text !== 'string') fail(400, `feedBodies.${feedId} is JSON text (a string)`);
      const parsed = parseEditedJson(text);
      if (!parsed.ok) throw new HttpError(400, { error: { which: feedId, message: parsed.message, line: parsed.line, column: parsed.column } });
      bodies.set(feedId, parsed.value);
    }
    edits.feedBodies = bodies;
  }
  return edits;
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  // A cross-site page can POST text/plain without asking; application/json needs a preflight this server never grants.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) fail(415, 'send the body as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) fail(413, `the request body is larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (error) {
    fail(400, `the request body is not JSON: ${(error as Error).message}`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) fail(400, 'the request body is a JSON object');
  return body as Record<string, unknown>;
}

/**
 * "Save as variant": the edited feed body becomes a variant of the config, as the top-level keys that differ from
 * the user's recording (`set`) and those it dropped (`unset`), so the variant keeps following the recording for
 * everything else. The config file keeps its formatting and other content (a jsonc edit), written atomically.
 */
function saveVariant(preview: PreviewProject, body: Record<string, unknown>): { ok: true; name: string } {
  const project = preview.project;
  const name = str(body.name);
  if (name === null || name.length > 200 || /[\u0000-\u001f]/.test(name)) fail(400, 'name the variant (a non-empty name)');
  const { entry, user } = resolveCase(preview, str(body.template), str(body.user), null);
  const feedId = str(body.feed);
  if (feedId === null || !entry.settings.feeds.includes(feedId)) fail(400, `no feed '${feedId ?? ''}' in ${entry.display}`);
  if (typeof body.body !== 'string') fail(400, 'body is the feed body as JSON text');
  const parsed = parseEditedJson(body.body);
  if (!parsed.ok) throw new HttpError(400, { error: { which: feedId, message: parsed.message, line: parsed.line, column: parsed.column } });
  if (!(parsed.value instanceof Map)) fail(400, 'a variant changes a JSON object body');
  const file = project.loaded.file;
  const text = readFileSync(file, 'utf8');
  // The file as it is now, not as the project was opened: a variant saved a moment ago counts.
  const onDisk = findNodeAtLocation(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, ['variants', name]);
  if (onDisk !== undefined || Object.hasOwn(project.config.variants, name)) fail(409, `a variant named '${name}' exists`);

  const recording = project.findRecording(project.feedRequest(feedId, user));
  const recorded = recording?.body instanceof Map ? recording.body : new Map<string, Value>();
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const [key, value] of parsed.value) {
    if (!recorded.has(key) || jsonText(recorded.get(key)) !== jsonText(value)) set[keyPath(key)] = JSON.parse(jsonText(value)) as unknown;
  }
  for (const key of recorded.keys()) if (!parsed.value.has(key)) unset.push(keyPath(key));
  // The config loader refuses paths such as $['__proto__']: a variant it would refuse is never written.
  for (const path of [...Object.keys(set), ...unset]) {
    const problem = jsonPathProblem(path);
    if (problem) fail(400, `the body's key in ${path} cannot be a variant path: ${problem}`);
  }
  const variant: Record<string, unknown> = { description: `saved from the preview (user ${user.id})`, feed: feedId };
  if (Object.keys(set).length) variant.set = set;
  if (unset.length) variant.unset = unset;

  const edits = modify(text, ['variants', name], variant, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } });
  writeFileAtomic(file, applyEdits(text, edits));
  return { ok: true, name };
}

/** A JSONPath to one top-level key, quoted so any key is data. */
function keyPath(key: string): string {
  return key.includes("'") ? `$[${JSON.stringify(key)}]` : `$['${key}']`;
}
