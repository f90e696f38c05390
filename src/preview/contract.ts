/**
 * The preview's HTTP contract (issue 10), written once: what GET /api/project, GET /api/case and POST /api/render
 * answer. The server builds these (case-view.ts) and the browser app reads them (ui/types.ts re-exports them), so
 * the two cannot drift. Plain data with no imports: the app type-checks it with the DOM library, the server with
 * Node's.
 */

export interface ViewDiagnostic {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  hint?: string;
  /** The code frame, when the file's text is known. */
  frame?: string;
}

export interface FeedView {
  id: string;
  alias: string | null;
  request: { rendered: string; url: string };
  status: number | null;
  body: string;
  source: 'recording' | 'variant' | 'none';
  file?: string;
}

export interface CaseView {
  template: string;
  user: string;
  variant: string | null;
  /** The sample event the case renders with (an event-triggered template); null for a blast. */
  event: string | null;
  envelope: { subject: string | null; preheader: string | null; fromName: string | null };
  html: string | null;
  skip: { reason: string; message: string } | null;
  problem: { message: string; hint: string | null } | null;
  diagnostics: ViewDiagnostic[];
  lint: ViewDiagnostic[];
  /** `event`: the event's data fields as JSON text, or null for a blast. */
  data: { user: string; event: string | null; feeds: FeedView[] };
}

export interface ProjectView {
  name: string;
  templates: {
    id: string;
    display: string;
    feeds: { id: string; alias: string | null }[];
    users: string[];
    variants: string[];
    /** The ids of the template's sample events (its "event" setting); empty for a blast. */
    events: string[];
  }[];
  systemFields: Record<string, unknown>;
  now: string | null;
}

/** The 400 of POST /api/render: which textarea holds invalid JSON, and where. */
export interface JsonError {
  which: string;
  message: string;
  line: number;
  column: number;
}

/** What `mergetag preview --out DIR` writes into DIR/data.js as window.__MERGETAG_PREVIEW__. */
export interface StaticData {
  project: ProjectView;
  cases: Record<string, CaseView>;
}
