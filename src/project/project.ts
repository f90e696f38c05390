/**
 * A mergetag project: the config, its templates, users and recordings, and what rendering one case means:
 * expand each feed URL for the user (rule 12), find the recording of that request, apply the variant, render.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import type { FeedConfig, TemplateConfig } from '../config/schema.js';
import { compileFeedUrl, expandFeedUrl } from '../iterable/feed-url.js';
import type { FeedResponse } from '../iterable/feed-context.js';
import { compile, InputError, type RenderInput, type RenderResult, type Template } from '../iterable/template.js';
import { OutsideFolderError, readFileInside } from '../io/inside-folder.js';
import { RecordingStore, type StoredRecording } from '../recordings/store.js';
import { SourceText } from '../diagnostics/source.js';
import { loadUsers, type UserProfile } from './users.js';
import { applyVariant } from './variants.js';
import { FolderResources } from './resources.js';

export interface TemplateEntry {
  /** Absolute path. */
  file: string;
  /** As shown to users: relative to the working directory. */
  display: string;
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

export interface CaseResult {
  template: TemplateEntry;
  user: UserProfile;
  variant: string | undefined;
  requests: FeedRequest[];
  /** The render, when every feed request had a recording. */
  result?: RenderResult;
  /** Why the case could not be rendered offline (no recording, a broken feed URL), with what to do. */
  problem?: { message: string; hint: string };
}

export class Project {
  private readonly compiled = new Map<string, Template>();
  /** Feed URL templates, compiled once per feed: every user expands the same few URLs. */
  private readonly feedUrls = new Map<string, Template>();
  private readonly resources: FolderResources;

  private constructor(
    readonly loaded: LoadedConfig,
    readonly users: Map<string, UserProfile>,
    readonly recordings: RecordingStore,
    readonly diagnostics: Diagnostic[],
  ) {
    const { dir, config } = loaded;
    this.resources = new FolderResources(resolve(dir, config.snippets), resolve(dir, config.catalogs), process.cwd(), dir);
  }

  static load(configFile: string): { ok: true; project: Project } | { ok: false; diagnostics: Diagnostic[] } {
    const config = loadConfig(configFile);
    if (!config.ok) return { ok: false, diagnostics: config.diagnostics };
    const { loaded } = config;
    const users = loadUsers(loaded.dir, loaded.config.users, loaded.config.userId);
    const recordings = new RecordingStore(resolve(loaded.dir, loaded.config.recordings), loaded.dir);
    const diagnostics = [...loaded.diagnostics, ...users.diagnostics, ...recordings.diagnostics];
    return { ok: true, project: new Project(loaded, users.users, recordings, diagnostics) };
  }

  get dir(): string {
    return this.loaded.dir;
  }

  get config() {
    return this.loaded.config;
  }

  /** Every template the config names, globs expanded, in config order. */
  templates(): TemplateEntry[] {
    const seen = new Set<string>();
    const out: TemplateEntry[] = [];
    for (const settings of this.config.templates) {
      for (const file of globSync(settings.path, { cwd: this.dir, absolute: true }).sort()) {
        if (seen.has(file)) continue;
        seen.add(file);
        out.push({ file, display: relative(process.cwd(), file) || file, settings });
      }
    }
    return out;
  }

  templateFor(path: string, cwd: string): TemplateEntry | undefined {
    const file = resolve(cwd, path);
    return this.templates().find((entry) => entry.file === file);
  }

  compiledTemplate(entry: TemplateEntry): Template {
    let template = this.compiled.get(entry.file);
    if (!template) {
      template = compile(this.readTemplate(entry), { file: entry.display });
      this.compiled.set(entry.file, template);
    }
    return template;
  }

  /** A template's text; a symbolic link out of the project folder is an input error, not read. */
  private readTemplate(entry: TemplateEntry): string {
    try {
      return readFileInside(entry.file, this.dir);
    } catch (error) {
      if (error instanceof OutsideFolderError) throw new InputError(`${entry.display}: ${error.message}`);
      throw error;
    }
  }

  feedRequest(feedId: string, user: UserProfile): FeedRequest {
    const feed = this.config.feeds[feedId]!;
    let urlTemplate = this.feedUrls.get(feedId);
    if (!urlTemplate) {
      urlTemplate = compileFeedUrl(feed.url, { file: `${relative(process.cwd(), this.loaded.file)} (feeds.${feedId}.url)` });
      this.feedUrls.set(feedId, urlTemplate);
    }
    const expanded = expandFeedUrl(urlTemplate, user.profile);
    return { feedId, feed, rendered: expanded.rendered, url: expanded.url, diagnostics: expanded.diagnostics };
  }

  /** The recording that answers a request: by URL as sent, then the feed's default recording. */
  findRecording(request: FeedRequest): StoredRecording | undefined {
    const byUrl = request.url ? this.recordings.find(request.url) : undefined;
    if (byUrl) return byUrl;
    if (request.feed.defaultRecording) return this.recordings.file(this.dir, request.feed.defaultRecording);
    return undefined;
  }

  renderCase(entry: TemplateEntry, user: UserProfile, variantName: string | undefined, services: Pick<RenderInput, 'now' | 'hmacSecret'> = {}): CaseResult {
    const variant = variantName === undefined ? undefined : this.config.variants[variantName];
    const requests = entry.settings.feeds.map((feedId) => this.feedRequest(feedId, user));
    const base: CaseResult = { template: entry, user, variant: variantName, requests };
    const feeds: FeedResponse[] = [];
    for (const request of requests) {
      if (!request.url) {
        const error = request.diagnostics.find((d) => d.severity === 'error');
        return { ...base, problem: { message: `the URL of feed '${request.feedId}' failed for user '${user.id}': ${error?.message ?? 'not a URL'}`, hint: `mergetag url ${this.loaded.file} … shows the request` } };
      }
      const recording = this.findRecording(request);
      if (!recording) {
        return {
          ...base,
          problem: {
            message: `no recording for GET ${request.url} (feed ${request.feedId}, user ${user.id})`,
            hint: `record it: mergetag record --user ${user.id} --feed ${request.feedId}`,
          },
        };
      }
      request.recording = recording;
      const response = recording.recording.response;
      let body: unknown = response.bodyText ?? recording.body;
      if (variant && (variant.feed === undefined || variant.feed === request.feedId) && response.bodyText === undefined) {
        body = applyVariant(recording.body, variant);
      }
      const feed: FeedResponse = { status: response.status, body, name: `${relative(process.cwd(), recording.file) || recording.file}` };
      if (request.feed.alias) feed.alias = request.feed.alias;
      feeds.push(feed);
    }
    const template = this.compiledTemplate(entry);
    const input: RenderInput = {
      user: user.profile,
      feeds,
      mergeDataFeedContext: entry.settings.mergeDataFeedContext,
      snippets: (name) => this.resources.snippet(name),
      catalogs: (name) => this.resources.catalog(name),
      ...services,
    };
    const result = template.render(input);
    result.diagnostics.push(...requests.flatMap((r) => r.diagnostics));
    return { ...base, result };
  }

  /** Warnings about a whole project that no single render shows. */
  projectDiagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    const configSource = new SourceText(readFileSync(this.loaded.file, 'utf8'), relative(process.cwd(), this.loaded.file));
    const used = new Set(this.config.templates.flatMap((t) => t.feeds));
    for (const feedId of Object.keys(this.config.feeds)) {
      if (!used.has(feedId)) {
        out.push(diagnostic('unused-feed', 'warning', `feed '${feedId}' is used by no template`, configSource.span(0, 0), { file: configSource.file!, hint: 'remove it, or add it to a template' }));
      }
    }
    return out;
  }
}

export function configDir(file: string): string {
  return dirname(resolve(file));
}
