/**
 * Where the app gets its data: the preview server's JSON API, or the static export's window.__MERGETAG_PREVIEW__.
 * One interface so the DOM code does not care which; the static source cannot edit or save. No DOM here: fetch is
 * passed in (tests hand it a fake of the contract).
 */
import { readJsonError } from './json-error.js';
import { staticCase } from './static-data.js';
import type { CaseView, JsonError, ProjectInfo, StaticData } from './types.js';

export interface RenderRequest {
  template: string;
  user: string;
  variant?: string;
  event?: string;
  userJson?: string;
  feedBodies?: Record<string, string>;
}

export interface VariantRequest {
  template: string;
  user: string;
  name: string;
  feed: string;
  body: string;
}

export type CaseResult = { ok: true; view: CaseView } | { ok: false; message: string; jsonError?: JsonError };

export interface Source {
  /** False in a static export: no textareas to edit, no save, no live reload. */
  readonly editable: boolean;
  project(): Promise<ProjectInfo>;
  /** `event`: a sample event of an event-triggered template (null: its first, or none for a blast). */
  caseView(template: string, user: string, variant: string | null, event?: string | null): Promise<CaseResult>;
  render(request: RenderRequest): Promise<CaseResult>;
  saveVariant(request: VariantRequest): Promise<{ ok: true; name: string } | { ok: false; message: string }>;
}

/** The subset of fetch the source uses (the browser's, or a test's fake). */
export type FetchLike = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

async function readBody(response: { json(): Promise<unknown> }): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function errorMessage(status: number, body: unknown): string {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return `The preview server answered HTTP ${status}.`;
}

export function httpSource(fetchFn: FetchLike, base = ''): Source {
  const asCase = async (response: Awaited<ReturnType<FetchLike>>): Promise<CaseResult> => {
    const body = await readBody(response);
    if (response.ok) return { ok: true, view: body as CaseView };
    const jsonError = response.status === 400 ? readJsonError(body) : null;
    return jsonError !== null ? { ok: false, message: jsonError.message, jsonError } : { ok: false, message: errorMessage(response.status, body) };
  };
  const post = (path: string, payload: unknown) =>
    fetchFn(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  return {
    editable: true,
    async project() {
      const response = await fetchFn(`${base}/api/project`);
      const body = await readBody(response);
      if (!response.ok) throw new Error(errorMessage(response.status, body));
      return body as ProjectInfo;
    },
    async caseView(template, user, variant, event = null) {
      const params = new URLSearchParams({ template, user });
      if (variant !== null) params.set('variant', variant);
      if (event !== null) params.set('event', event);
      return asCase(await fetchFn(`${base}/api/case?${params.toString()}`));
    },
    async render(request) {
      return asCase(await post('/api/render', request));
    },
    async saveVariant(request) {
      const response = await post('/api/variants', request);
      const body = await readBody(response);
      if (response.ok) return { ok: true, name: request.name };
      if (response.status === 409) return { ok: false, message: `A variant named "${request.name}" already exists; choose another name.` };
      return { ok: false, message: errorMessage(response.status, body) };
    },
  };
}

export function staticSource(data: StaticData): Source {
  const readOnly = { ok: false as const, message: 'This is a static export: editing and saving need `mergetag preview` running.' };
  return {
    editable: false,
    project: () => Promise.resolve(data.project),
    caseView(template, user, variant, event = null) {
      const found = staticCase(data, template, user, variant, event);
      return Promise.resolve('missing' in found ? { ok: false, message: found.missing } : { ok: true, view: found });
    },
    render: () => Promise.resolve(readOnly),
    saveVariant: () => Promise.resolve(readOnly),
  };
}
