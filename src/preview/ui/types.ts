/**
 * The preview's HTTP contract as the browser sees it (issue 10): what GET /api/project, GET /api/case and
 * POST /api/render return. Plain data, no DOM, so the pure modules and their tests share it with the app.
 */

export interface ProjectTemplate {
  id: string;
  display: string;
  feeds: { id: string; alias: string }[];
  users: string[];
  variants: string[];
}

export interface ProjectInfo {
  name: string;
  templates: ProjectTemplate[];
  /** System fields (campaignId, messageId, ...) and the placeholder the preview renders in their place. */
  systemFields: Record<string, unknown>;
  now: string;
}

export interface Finding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  hint?: string;
  frame?: string;
}

export interface FeedData {
  id: string;
  alias: string;
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
  envelope: { subject: string | null; preheader: string | null; fromName: string | null };
  html: string | null;
  skip: { reason: string; message: string } | null;
  problem: { message: string; hint?: string } | null;
  diagnostics: Finding[];
  lint: Finding[];
  data: { user: string; feeds: FeedData[] };
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
  project: ProjectInfo;
  cases: Record<string, CaseView>;
}
