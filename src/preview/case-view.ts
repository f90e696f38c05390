/**
 * What the preview shows of one case (template × user × variant): the email as Iterable would send it, its
 * envelope (subject, preheader, from name rendered with the same data), why it would not be sent, the render's
 * diagnostics and the template's lint findings, and the data behind it (the user profile, each feed request as
 * sent and its response). Plain JSON: the server sends it, the static export writes it.
 *
 * Secrets stay out: a feed's headers (X-App-Token...) are never part of a view; the request is its URL only.
 */
import { redactSecretParams } from '../config/secrets.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { codeFrame } from '../diagnostics/format.js';
import { SourceText } from '../diagnostics/source.js';
import { compile } from '../iterable/template.js';
import { lintText } from '../lint/linter.js';
import type { LintConfig } from '../lint/config.js';
import { projectKnowledge, type ProjectKnowledge } from '../lint/project.js';
import type { CaseServices, Project, TemplateEntry } from '../project/project.js';
import type { UserProfile } from '../project/users.js';
import { applyVariant } from '../project/variants.js';
import { SYSTEM_PLACEHOLDERS } from '../testing/arbitraries/user.js';
import { parseJson, toValue } from '../values/json.js';
import { JsonNumber } from '../values/json-number.js';
import { jsonString, printNumber } from '../values/print.js';
import { RawNode, type Value } from '../values/types.js';
import type { CaseView, FeedView, ProjectView, ViewDiagnostic } from './contract.js';

export type { CaseView, FeedView, ProjectView, ViewDiagnostic } from './contract.js';

/** Edits from the preview's editors, already parsed: never written to disk. */
export interface CaseEdits {
  user?: Value;
  feedBodies?: ReadonlyMap<string, Value>;
}

/** A template's id in the API: its path relative to the config's folder (`/` separators), never resolved as a path. */
export function templateId(entry: TemplateEntry): string {
  return entry.relative;
}

/** The preview's view of an open project, with what lint needs computed once per project. */
export class PreviewProject {
  private knowledge: ProjectKnowledge | undefined;
  private readonly lintCache = new Map<string, ViewDiagnostic[]>();

  constructor(readonly project: Project) {}

  get services(): CaseServices {
    const now = this.project.config.now;
    return now !== undefined ? { now: new Date(now) } : {};
  }

  view(name: string): ProjectView {
    const project = this.project;
    return {
      name,
      templates: project.templates().map((entry) => ({
        id: templateId(entry),
        display: entry.display,
        feeds: entry.settings.feeds.map((id) => ({ id, alias: project.config.feeds[id]?.alias ?? null })),
        users: [...project.users.keys()],
        variants: project.variantsFor(entry),
        events: project.eventsFor(entry).map((event) => event.id),
      })),
      systemFields: { ...SYSTEM_PLACEHOLDERS },
      now: project.config.now ?? null,
    };
  }

  /**
   * Header values written literally in the config (secrets belong in ${ENV} references, but a config may hold
   * one): replaced by `[redacted]` wherever they would appear, a code frame of the config included.
   */
  redact<T>(value: T): T {
    const secrets = Object.values(this.project.config.feeds)
      .flatMap((feed) => Object.values(feed.headers))
      .filter((header) => header.length >= 4 && !/^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(header))
      .sort((a, b) => b.length - a.length);
    if (!secrets.length) return value;
    let text = JSON.stringify(value);
    for (const secret of secrets) {
      // Searched as it appears inside JSON text (quotes and backslashes escaped).
      text = text.split(JSON.stringify(secret).slice(1, -1)).join('[redacted]');
    }
    return JSON.parse(text) as T;
  }

  template(id: string): TemplateEntry | undefined {
    return this.project.templates().find((entry) => templateId(entry) === id);
  }

  /**
   * Every case key of the static export: `template|user|variant` (variant empty for the recordings as they are), and
   * `|event` for each sample event of an event-triggered template.
   */
  *caseKeys(): Generator<{ template: string; user: string; variant: string | null; event: string | null }> {
    for (const entry of this.project.templates()) {
      const events = this.project.eventsFor(entry).map((event) => event.id);
      for (const user of this.project.users.keys()) {
        for (const event of events.length ? events : [null]) {
          for (const variant of [null, ...this.project.variantsFor(entry)]) yield { template: templateId(entry), user, variant, event };
        }
      }
    }
  }

  /** One case; `event` is a sample event's id of an event-triggered template (default: its first). */
  caseView(entry: TemplateEntry, stored: UserProfile, variant: string | null, edits: CaseEdits = {}, event: string | null = null): CaseView {
    const project = this.project;
    const profile = edits.user !== undefined ? edits.user : stored.profile;
    // System fields (unsubscribeUrl...) are Iterable's, not the profile's: visible placeholders under the profile.
    const user: UserProfile = { id: stored.id, file: stored.file, profile: withSystemFields(profile) };
    const overrides = edits.feedBodies ? { feedBodies: edits.feedBodies } : {};
    const sample = event === null ? project.eventsFor(entry)[0] : project.eventFor(entry, event);
    const { base, input } = project.caseInput(entry, user, variant ?? undefined, this.services, overrides, sample);
    const settings = entry.settings;
    const envelope = { subject: null as string | null, preheader: null as string | null, fromName: null as string | null };
    const diagnostics: Diagnostic[] = [];
    let html: string | null = null;
    let skip: CaseView['skip'] = null;
    if (input) {
      const result = project.compiledTemplate(entry).render(input);
      diagnostics.push(...result.diagnostics, ...base.requests.flatMap((r) => r.diagnostics));
      if (result.skip) skip = { reason: result.skip.reason, message: result.skip.message };
      else html = result.output;
      for (const field of ['subject', 'preheader', 'fromName'] as const) {
        const text = settings[field];
        if (text === undefined) continue;
        const file = `${entry.display} (${field})`;
        const rendered = compile(text, { file }).render(input);
        project.sources.set(file, text);
        diagnostics.push(...rendered.diagnostics);
        envelope[field] = rendered.skip ? null : rendered.output;
      }
    } else {
      diagnostics.push(...base.requests.flatMap((r) => r.diagnostics));
    }
    const problem = base.problem ? { message: base.problem.message, hint: base.problem.hint ?? null } : null;
    const variantConfig = variant === null ? undefined : project.config.variants[variant];
    const feeds: FeedView[] = base.requests.map((request) => {
      const edited = edits.feedBodies?.get(request.feedId);
      const stored = request.recording;
      const changed = variantConfig !== undefined && (variantConfig.feed === undefined || variantConfig.feed === request.feedId);
      let body = '';
      if (edited !== undefined) body = prettyJson(edited);
      else if (stored) {
        const bodyText = stored.recording.response.bodyText;
        body = bodyText ?? prettyJson(changed ? applyVariant(stored.body, variantConfig) : stored.body);
      }
      const view: FeedView = {
        id: request.feedId,
        alias: request.feed.alias ?? null,
        // Never a secret query parameter: the static export is published (as `record` stores requests).
        request: { rendered: redactSecretParams(request.rendered), url: redactSecretParams(request.url) },
        status: stored ? stored.recording.response.status : edited !== undefined ? 200 : null,
        body,
        source: edited !== undefined || (stored && changed) ? 'variant' : stored ? 'recording' : 'none',
      };
      if (stored) view.file = project.shown(stored.file);
      return view;
    });
    return {
      template: templateId(entry),
      user: stored.id,
      variant,
      event: sample?.id ?? null,
      envelope,
      html,
      skip,
      problem,
      diagnostics: diagnostics.map((d) => this.viewDiagnostic(d)),
      lint: this.lint(entry),
      data: { user: prettyJson(profile), event: sample ? prettyJson(sample.data) : null, feeds },
    };
  }

  /** The template's lint findings, as `mergetag lint` reports them in the project; once per template per open project. */
  lint(entry: TemplateEntry): ViewDiagnostic[] {
    const cached = this.lintCache.get(entry.file);
    if (cached) return cached;
    this.knowledge ??= projectKnowledge(this.project);
    const config: LintConfig = { preset: this.project.config.preset, rules: this.project.config.rules };
    const text = this.project.compiledTemplate(entry).source.text;
    const result = lintText(text, { file: entry.display, knowledge: this.knowledge.forTemplate(entry), config });
    const source = new SourceText(text, entry.display);
    const found = result.messages.map((d) => this.viewDiagnostic(d, source));
    this.lintCache.set(entry.file, found);
    return found;
  }

  private viewDiagnostic(d: Diagnostic, source?: SourceText): ViewDiagnostic {
    const view: ViewDiagnostic = { ruleId: d.ruleId, severity: d.severity, message: d.message, line: d.start.line, column: d.start.column };
    if (d.hint !== undefined) view.hint = d.hint;
    const text = source ?? (d.file !== undefined ? this.project.sources.get(d.file) : undefined);
    if (text !== undefined) view.frame = codeFrame(text, d);
    return view;
  }
}

function withSystemFields(profile: Value): Value {
  const merged = toValue(SYSTEM_PLACEHOLDERS) as Map<string, Value>;
  if (profile instanceof Map) for (const [key, value] of profile) merged.set(key, value);
  return merged;
}

/** JSON text to parse, with where it is wrong (1-based line and column) when it is not JSON. */
export function parseEditedJson(text: string): { ok: true; value: Value } | { ok: false; message: string; line: number; column: number } {
  const parsed = parseJson(text);
  if (parsed.ok) return { ok: true, value: parsed.value };
  const at = new SourceText(text).position(parsed.error.offset);
  return { ok: false, message: parsed.error.message, line: at.line, column: at.column };
}

/** Indented JSON of a value, number spelling and key order kept, for the preview's editors. */
export function prettyJson(value: Value, indent = ''): string {
  if (value instanceof Map) {
    if (value.size === 0) return '{}';
    const inner = `${indent}  `;
    const parts = [...value].map(([key, item]) => `${inner}${jsonString(key)}: ${prettyJson(item, inner)}`);
    return `{\n${parts.join(',\n')}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    return `[\n${value.map((item) => `${inner}${prettyJson(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonNumber) return printNumber(value);
  if (value instanceof RawNode) return prettyJson(value.value, indent);
  return jsonString(value.html);
}
