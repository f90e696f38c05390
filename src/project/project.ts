/**
 * A mergetag project: the config, its templates, users and recordings, and what rendering one case means:
 * expand each feed URL for the user (rule 12), find the recording of that request, apply the variant, render.
 * Nothing here reads process state: paths in messages are relative to the `cwd` the project was opened with.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Reporter } from '../diagnostics/reporter.js';
import { spanOfPath, type JsonPathSegment } from '../diagnostics/json-location.js';
import type { RuleId } from '../diagnostics/rules.js';
import { SourceText, type Span } from '../diagnostics/source.js';
import { unreadable } from '../diagnostics/unreadable.js';
import type { LoadedConfig } from '../config/load.js';
import type { FeedConfig, TemplateConfig } from '../config/schema.js';
import { redactSecretParams } from '../config/secrets.js';
import { userContext } from '../iterable/event-context.js';
import { compileFeedUrl, expandFeedUrl } from '../iterable/feed-url.js';
import type { FeedResponse } from '../iterable/feed-context.js';
import { compile, type RenderInput, type RenderResult, type Template } from '../iterable/template.js';
import { OutsideFolderError, outsideFolderDiagnostic, readFileInside } from '../io/inside-folder.js';
import { RecordingStore, type StoredRecording } from '../recordings/store.js';
import { parseJson } from '../values/json.js';
import type { Value } from '../values/types.js';
import { validateRecordingText } from '../voucherify/validate.js';
import { displayPath } from './display-path.js';
import { loadEvents, type EventSample } from './events.js';
import { loadUsers, type UserProfile } from './users.js';
import { applyVariant } from './variants.js';
import { FolderResources } from './resources.js';

export interface TemplateEntry {
  /** Absolute path. */
  file: string;
  /** As shown to users: relative to the working directory. */
  display: string;
  /** Relative to the config's folder, with `/` separators: where its outputs go under `render --all --out`. */
  relative: string;
  settings: TemplateConfig;
}

export interface FeedRequest {
  feedId: string;
  feed: FeedConfig;
  /** The URL template rendered with the user. */
  rendered: string;
  /** The request as sent; empty when the URL template failed. */
  url: string;
  diagnostics: Diagnostic[];
  recording?: StoredRecording;
}

/**
 * One message to render: a template for a user, with the recorded responses as they are or changed by a variant;
 * for an event-triggered template (its `"event"` setting), one of its sample events.
 */
export interface Case {
  template: TemplateEntry;
  user: UserProfile;
  variant: string | undefined;
  /** The triggering event of an event-triggered template; absent for a blast. */
  event?: EventSample | undefined;
}

export interface CaseResult extends Case {
  requests: FeedRequest[];
  /** The render, when every feed request had a recording. */
  result?: RenderResult;
  /** Why the case could not be rendered offline (`no-recording`, `feed-url`), with what to do in its hint. */
  problem?: Diagnostic;
}

export type CaseServices = Pick<RenderInput, 'now' | 'hmacSecret'>;

/** Changes to a case's data that exist only in memory (a preview's editors): feed bodies by feed id. */
export interface CaseOverrides {
  feedBodies?: ReadonlyMap<string, Value>;
}

export interface ValidationResult {
  /** Every file checked, as shown. */
  files: string[];
  diagnostics: Diagnostic[];
}

export class Project {
  private readonly compiled = new Map<string, Template>();
  /** Feed URL templates, compiled once per feed: every user expands the same few URLs. */
  private readonly feedUrls = new Map<string, Template>();
  private readonly unreadableTemplates = new Map<string, Diagnostic>();
  /** Sample events by the config's `"event"` pattern, read when the project opens. */
  private readonly eventSets = new Map<string, EventSample[]>();
  private readonly resources: FolderResources;
  private readonly configSource: SourceText;
  private configTree: Node | undefined;
  /** Texts of files that diagnostics point into, by file as shown. */
  readonly sources = new Map<string, string>();

  private constructor(
    readonly loaded: LoadedConfig,
    /** Paths in messages are relative to it. */
    readonly cwd: string,
    configText: string,
    readonly users: Map<string, UserProfile>,
    readonly recordings: RecordingStore,
    /** Problems found while opening: config warnings, unreadable or invalid users and recordings, empty globs. */
    readonly diagnostics: Diagnostic[],
  ) {
    const { dir, config } = loaded;
    this.resources = new FolderResources(resolve(dir, config.snippets), resolve(dir, config.catalogs), cwd, dir);
    this.configSource = new SourceText(configText, this.shown(loaded.file));
    this.sources.set(this.configSource.file!, configText);
  }

  /** Reads the users and recordings of a loaded config. Use `openProject()`, which finds and loads the config. */
  static open(loaded: LoadedConfig, cwd: string, configText: string): Project {
    const shown = (file: string) => displayPath(cwd, file);
    const users = loadUsers(loaded.dir, loaded.config.users, loaded.config.userId, shown);
    const recordings = new RecordingStore(resolve(loaded.dir, loaded.config.recordings), shown, loaded.dir);
    const diagnostics = [...loaded.diagnostics, ...users.diagnostics, ...recordings.diagnostics];
    const project = new Project(loaded, cwd, configText, users.users, recordings, diagnostics);
    for (const [file, text] of [...users.sources, ...recordings.sources]) project.sources.set(file, text);
    if (users.files === 0) {
      diagnostics.push(
        project.configProblem(
          'no-match',
          ['users'],
          `the users glob '${loaded.config.users}' matches no file`,
          'check the "users" glob (relative to the config folder), or add profile files',
        ),
      );
    }
    project.templates();
    project.loadEvents();
    return project;
  }

  /** Reads the sample events every template's `"event"` setting names, once per pattern, reporting each problem. */
  private loadEvents(): void {
    this.config.templates.forEach((settings, index) => {
      const pattern = settings.event;
      if (pattern === undefined || this.eventSets.has(pattern)) return;
      const loaded = loadEvents(this.dir, pattern, (file) => this.shown(file));
      this.eventSets.set(pattern, loaded.events);
      this.diagnostics.push(...loaded.diagnostics);
      for (const [file, text] of loaded.sources) this.sources.set(file, text);
      if (loaded.files === 0) {
        this.diagnostics.push(
          this.configProblem(
            'no-match',
            ['templates', index, 'event'],
            `the event path '${pattern}' matches no file`,
            'check the path (relative to the config folder), or add the event file: a JSON object of its data fields',
          ),
        );
      }
    });
  }

  /** The sample events of an event-triggered template (its `"event"` setting), in file order; none for a blast. */
  eventsFor(template: TemplateEntry): EventSample[] {
    const pattern = template.settings.event;
    return pattern === undefined ? [] : (this.eventSets.get(pattern) ?? []);
  }

  /** One of a template's events by id, or undefined. */
  eventFor(template: TemplateEntry, id: string): EventSample | undefined {
    return this.eventsFor(template).find((event) => event.id === id);
  }

  get dir(): string {
    return this.loaded.dir;
  }

  get config() {
    return this.loaded.config;
  }

  /** A file as messages name it. */
  shown(file: string): string {
    return displayPath(this.cwd, file);
  }

  /** Recording files as messages name them, by file: every case names its recordings, from a few files. */
  private readonly shownRecordings = new Map<string, string>();

  private shownRecording(file: string): string {
    let shown = this.shownRecordings.get(file);
    if (shown === undefined) {
      shown = this.shown(file);
      this.shownRecordings.set(file, shown);
    }
    return shown;
  }

  private templateList: TemplateEntry[] | undefined;

  /** Every template the config names, globs expanded, in config order. A path that matches nothing is reported once. */
  templates(): TemplateEntry[] {
    if (this.templateList) return this.templateList;
    const seen = new Set<string>();
    const out: TemplateEntry[] = [];
    this.config.templates.forEach((settings, index) => {
      const files = globSync(settings.path, { cwd: this.dir, absolute: true }).sort();
      if (files.length === 0) {
        this.diagnostics.push(
          this.configProblem(
            'no-match',
            ['templates', index, 'path'],
            `the template path '${settings.path}' matches no file`,
            'check the path (relative to the config folder)',
          ),
        );
      }
      for (const file of files) {
        if (seen.has(file)) continue;
        seen.add(file);
        out.push({ file, display: this.shown(file), relative: relative(this.dir, file).split('\\').join('/'), settings });
      }
    });
    this.templateList = out;
    return out;
  }

  templateFor(path: string): TemplateEntry | undefined {
    const file = resolve(this.cwd, path);
    return this.templates().find((entry) => entry.file === file);
  }

  /** The variants that apply to a template: those of one of its feeds, or of any feed. */
  variantsFor(template: TemplateEntry): string[] {
    return Object.entries(this.config.variants)
      .filter(([, variant]) => variant.feed === undefined || template.settings.feeds.includes(variant.feed))
      .map(([name]) => name);
  }

  /**
   * Every user × template × variant (the recorded responses as they are first), user by user: a profile is read
   * from its file when its first case renders, and dropped after its last.
   */
  *cases(): Generator<Case> {
    const templates = this.templates().map((template) => ({
      template,
      variants: [undefined, ...this.variantsFor(template)],
      // A blast has no event; an event-triggered template is rendered with each of its sample events.
      events: template.settings.event === undefined ? [undefined] : this.eventsFor(template),
    }));
    for (const user of this.users.values()) {
      for (const { template, variants, events } of templates) {
        for (const event of events) for (const variant of variants) yield event ? { template, user, variant, event } : { template, user, variant };
      }
    }
  }

  /** How many cases `cases()` yields, without making them. */
  caseCount(): number {
    return this.templates().reduce((sum, template) => {
      const events = template.settings.event === undefined ? 1 : this.eventsFor(template).length;
      return sum + this.users.size * events * (1 + this.variantsFor(template).length);
    }, 0);
  }

  compiledTemplate(entry: TemplateEntry): Template {
    let template = this.compiled.get(entry.file);
    if (!template) {
      let text = '';
      try {
        text = readFileInside(entry.file, this.dir);
        this.sources.set(entry.display, text);
      } catch (error) {
        this.unreadableTemplates.set(
          entry.file,
          error instanceof OutsideFolderError ? outsideFolderDiagnostic(entry.display) : unreadable(entry.display, error),
        );
      }
      template = compile(text, { file: entry.display });
      this.compiled.set(entry.file, template);
    }
    return template;
  }

  /** A feed's request for a user: its URL template rendered with the user's `{{ }}` fields (and the event's, if any). */
  feedRequest(feedId: string, user: UserProfile, event?: EventSample): FeedRequest {
    const feed = this.config.feeds[feedId]!;
    let urlTemplate = this.feedUrls.get(feedId);
    if (!urlTemplate) {
      urlTemplate = compileFeedUrl(feed.url, { file: `${this.configSource.file} (feeds.${feedId}.url)` });
      this.feedUrls.set(feedId, urlTemplate);
    }
    const expanded = expandFeedUrl(urlTemplate, userContext(user.profile, event?.data));
    return { feedId, feed, rendered: expanded.rendered, url: expanded.url, diagnostics: expanded.diagnostics };
  }

  /** The recording that answers a request: by URL as sent, then the feed's default recording. */
  findRecording(request: FeedRequest): StoredRecording | undefined {
    const byUrl = request.url ? this.recordings.findSent(request.url) : undefined;
    if (byUrl) return byUrl;
    if (request.feed.defaultRecording) return this.recordings.file(this.dir, request.feed.defaultRecording);
    return undefined;
  }

  /**
   * Renders one case. `event` is the triggering event of an event-triggered template; by default its first sample
   * event (none for a blast).
   */
  renderCase(
    entry: TemplateEntry,
    user: UserProfile,
    variantName: string | undefined,
    services: CaseServices = {},
    overrides: CaseOverrides = {},
    event: EventSample | undefined = this.eventsFor(entry)[0],
  ): CaseResult {
    const prepared = this.caseInput(entry, user, variantName, services, overrides, event);
    if (!prepared.input) return prepared.base;
    const result = this.compiledTemplate(entry).render(prepared.input);
    const base = prepared.base;
    for (const request of base.requests) result.diagnostics.push(...request.diagnostics);
    // Written out, not `{...base, result}`: that spread, once per case, left V8 keeping about 130 bytes of each
    // case until a full collection (render --all of 100,000 users: 13 MB more of heap, measured).
    base.result = result;
    return base;
  }

  /**
   * What rendering a case reads: the feed requests and responses, and the render input (absent with the case's
   * problem when the case cannot render). A preview renders other texts of the message (subject, preheader) with it.
   */
  caseInput(
    entry: TemplateEntry,
    user: UserProfile,
    variantName: string | undefined,
    services: CaseServices = {},
    overrides: CaseOverrides = {},
    event: EventSample | undefined = this.eventsFor(entry)[0],
  ): { base: CaseResult; input?: RenderInput } {
    const variant = variantName === undefined ? undefined : this.config.variants[variantName];
    const requests = entry.settings.feeds.map((feedId) => this.feedRequest(feedId, user, event));
    const base: CaseResult = { template: entry, user, variant: variantName, requests, ...(event ? { event } : {}) };
    const feeds: FeedResponse[] = [];
    for (const request of requests) {
      const edited = overrides.feedBodies?.get(request.feedId);
      if (!request.url) {
        const error = request.diagnostics.find((d) => d.severity === 'error');
        return {
          base: {
            ...base,
            problem: this.configProblem(
              'feed-url',
              ['feeds', request.feedId, 'url'],
              `the URL of feed '${request.feedId}' failed for user '${user.id}': ${error?.message ?? 'not a URL'}`,
              `mergetag url --feed ${request.feedId} --user ${user.id} shows the request`,
            ),
          },
        };
      }
      const recording = this.findRecording(request);
      if (edited !== undefined) {
        // An edited body (a preview's editor) answers the request as the recording would, never written to disk.
        if (recording) request.recording = recording;
        const feed: FeedResponse = { status: recording?.recording.response.status ?? 200, body: edited, name: `${request.feedId} (edited)` };
        if (request.feed.alias) feed.alias = request.feed.alias;
        feeds.push(feed);
        continue;
      }
      if (!recording) {
        return {
          base: {
            ...base,
            problem: this.configProblem(
              'no-recording',
              ['feeds', request.feedId, 'url'],
              `no recording for GET ${redactSecretParams(request.url)} (feed ${request.feedId}, user ${user.id})`,
              `record it: mergetag record --user ${user.id} --feed ${request.feedId}`,
            ),
          },
        };
      }
      request.recording = recording;
      const response = recording.recording.response;
      let body: unknown = response.bodyText ?? recording.body;
      if (variant && (variant.feed === undefined || variant.feed === request.feedId) && response.bodyText === undefined) {
        body = applyVariant(recording.body, variant);
      }
      const feed: FeedResponse = { status: response.status, body, name: this.shownRecording(recording.file) };
      if (request.feed.alias) feed.alias = request.feed.alias;
      feeds.push(feed);
    }
    this.compiledTemplate(entry);
    const unreadableTemplate = this.unreadableTemplates.get(entry.file);
    if (unreadableTemplate) return { base: { ...base, problem: unreadableTemplate } };
    const input: RenderInput = {
      user: user.profile,
      ...(event ? { event: event.data } : {}),
      feeds,
      mergeDataFeedContext: entry.settings.mergeDataFeedContext,
      snippets: (name) => this.resources.snippet(name),
      catalogs: (name) => this.resources.catalog(name),
      collections: (name) => this.resources.collection(name),
      ...services,
    };
    return { base, input };
  }

  /** Renders every case, one at a time, as the caller asks for the next: nothing is held after it is yielded. */
  *renderAll(services: CaseServices = {}): Generator<CaseResult> {
    for (const { template, user, variant, event } of this.cases()) yield this.renderCase(template, user, variant, services, {}, event);
  }

  /** The problems of the project's files without rendering: the config, users, templates (syntax) and recordings (schemas). */
  validate(): ValidationResult {
    const diagnostics = [...this.diagnostics, ...this.projectDiagnostics()];
    const files = [this.configSource.file!];
    for (const template of this.templates()) {
      files.push(template.display);
      diagnostics.push(...this.compiledTemplate(template).diagnostics);
      const problem = this.unreadableTemplates.get(template.file);
      if (problem) diagnostics.push(problem);
    }
    // Sample events were checked when the project opened (their problems are in this.diagnostics).
    for (const file of new Set([...this.eventSets.values()].flat().map((event) => event.file))) files.push(this.shown(file));
    const readable = new Set(this.recordings.all().map((stored) => stored.file));
    for (const file of this.recordings.files) {
      const shown = this.shown(file);
      files.push(shown);
      // Files that did not read as recordings are already reported by the store.
      if (!readable.has(file)) continue;
      const text = readFileSync(file, 'utf8');
      const found = validateRecordingText(text, shown);
      if (found.length) this.sources.set(shown, text);
      diagnostics.push(...found);
    }
    return { files, diagnostics };
  }

  /** Warnings about a whole project that no single render shows. */
  projectDiagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const used = new Set(this.config.templates.flatMap((t) => t.feeds));
    for (const feedId of Object.keys(this.config.feeds)) {
      if (!used.has(feedId))
        out.push(
          this.configProblem('unused-feed', ['feeds', feedId], `feed '${feedId}' is used by no template`, 'remove it, or add it to a template', 'warning'),
        );
    }
    return out;
  }

  /** A diagnostic at a setting of the config file. */
  private configProblem(ruleId: RuleId, path: JsonPathSegment[], message: string, hint: string, severity: 'error' | 'warning' = 'error'): Diagnostic {
    return new Reporter(this.configSource).report(ruleId, message, this.configSpan(path), { severity, hint });
  }

  private configSpan(path: JsonPathSegment[]): Span {
    if (this.configTree === undefined) {
      const parsed = parseJson(this.configSource.text);
      this.configTree = parsed.ok ? parsed.tree : undefined;
    }
    return spanOfPath(this.configTree, path, this.configSource);
  }
}
