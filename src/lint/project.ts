/**
 * Linting a project: what the linter knows comes from the project's files, read once for every template. A feed's
 * response shape is learnt from its 200 recordings (those of the feed's endpoint and campaign), the same bodies
 * with each variant applied, and, for a Voucherify publication endpoint, the publication schema; the user shape from
 * the sample users, with each of the template's sample events over them for an event-triggered template. No recording is required: a rule that needs what is missing says so.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Shape } from '../analysis/shape.js';
import { leavesFolder } from '../io/inside-folder.js';
import { compileFeedUrl, expandFeedUrl } from '../iterable/feed-url.js';
import type { Project, TemplateEntry } from '../project/project.js';
import { applyVariant } from '../project/variants.js';
import type { Value } from '../values/types.js';
import type { LintConfig } from './config.js';
import { emptyKnowledge, feedShape, isPublicationUrl, withEvents, type FeedKnowledge, type TemplateKnowledge, type UserKnowledge } from './knowledge.js';
import { lintText, type LintResult } from './linter.js';

export interface ProjectKnowledge {
  feeds: ReadonlyMap<string, FeedKnowledge>;
  users: UserKnowledge | undefined;
  snippetExists: ((name: string) => boolean) | undefined;
  forTemplate(entry: TemplateEntry): TemplateKnowledge;
}

export function projectKnowledge(project: Project): ProjectKnowledge {
  const feeds = new Map<string, FeedKnowledge>();
  for (const [id, feed] of Object.entries(project.config.feeds)) {
    const urlFile = `${project.shown(project.loaded.file)} (feeds.${id}.url)`;
    const urlTemplate = compileFeedUrl(feed.url, { file: urlFile });
    const samples = feedSamples(project, id, feed.url);
    const publishes = isPublicationUrl(feed.url);
    const { shape, sources } = feedShape(samples, publishes);
    feeds.set(id, { id, alias: feed.alias, url: feed.url, urlTemplate, urlFile, shape, shapeSources: sources, publishes, samples });
  }
  const profiles = [...project.users.values()].map((user) => ({ id: user.id, profile: user.profile }));
  const users: UserKnowledge | undefined = profiles.length ? { profiles, shape: Shape.of(profiles.map((p) => p.profile)) } : undefined;
  const snippetsDir = resolve(project.dir, project.config.snippets);
  const snippetExists = existsSync(snippetsDir) ? (name: string) => existsSync(resolve(snippetsDir, `${name}.html`)) : undefined;
  // For missing-snippet: the names for its did-you-mean, the texts to follow the snippets a snippet includes.
  const snippetNames = snippetExists ? listSnippets(snippetsDir) : undefined;
  const snippetText = snippetExists ? (name: string) => readSnippet(snippetsDir, project.dir, name) : undefined;
  return {
    feeds,
    users,
    snippetExists,
    forTemplate: (entry) =>
      emptyKnowledge({
        feeds: entry.settings.feeds.flatMap((id) => (feeds.has(id) ? [feeds.get(id)!] : [])),
        // An event-triggered template's {{ }} tags read its sample events too (they are not user fields).
        users: users && withEvents(users, project.eventsFor(entry)),
        mergeDataFeedContext: entry.settings.mergeDataFeedContext,
        snippetExists,
        snippetNames,
        snippetText,
      }),
  };
}

function listSnippets(snippetsDir: string): string[] | undefined {
  try {
    return readdirSync(snippetsDir).flatMap((f) => (f.endsWith('.html') ? [f.slice(0, -'.html'.length)] : []));
  } catch {
    return undefined; // not a folder: no names to suggest
  }
}

/** A snippet's text, read as `snippet "name"` reads it: a plain name, a file that stays inside the project. */
function readSnippet(snippetsDir: string, projectDir: string, name: string): string | undefined {
  if (!/^[\w. -]+$/.test(name) || name.startsWith('.')) return undefined;
  const file = resolve(snippetsDir, `${name}.html`);
  if (!existsSync(file) || leavesFolder(file, projectDir)) return undefined;
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // a folder, no permission: the render reports it; the lint just cannot follow it
  }
}

/**
 * The 200 bodies a feed answered with: recordings of the feed's endpoint whose fixed query parameters (the campaign)
 * match, its default recording, and each of them with every variant of the feed applied.
 */
function feedSamples(project: Project, feedId: string, url: string): Value[] {
  const skeleton = fixedRequest(url);
  const bodies: Value[] = [];
  for (const stored of project.recordings.all()) {
    const response = stored.recording.response;
    if (response.status !== 200 || response.bodyText !== undefined || !(stored.body instanceof Map)) continue;
    if (skeleton && !sameEndpoint(skeleton, stored.recording.request.url)) continue;
    bodies.push(stored.body);
  }
  const fallback = project.config.feeds[feedId]?.defaultRecording;
  if (fallback !== undefined) {
    const stored = project.recordings.file(project.dir, fallback);
    if (stored && stored.recording.response.status === 200 && stored.body instanceof Map && !bodies.includes(stored.body)) bodies.push(stored.body);
  }
  const variants = Object.values(project.config.variants).filter((v) => v.feed === undefined || v.feed === feedId);
  return [...bodies, ...variants.flatMap((variant) => bodies.map((body) => applyVariant(body, variant)))];
}

/** The feed URL with every merge tag empty: its endpoint and the query parameters that do not depend on the user. */
function fixedRequest(urlTemplate: string): URL | undefined {
  const expanded = expandFeedUrl(urlTemplate, {});
  try {
    return new URL(expanded.url);
  } catch {
    return undefined;
  }
}

function sameEndpoint(skeleton: URL, recorded: string): boolean {
  let url: URL;
  try {
    url = new URL(recorded);
  } catch {
    return false;
  }
  if (url.origin !== skeleton.origin || url.pathname !== skeleton.pathname) return false;
  for (const [key, value] of skeleton.searchParams) if (value !== '' && url.searchParams.get(key) !== value) return false;
  return true;
}

export interface LintedTemplate {
  entry: TemplateEntry;
  result: LintResult;
}

/** Lints every template of the project (or those given), each with what the project knows about it. */
export function lintProjectTemplates(project: Project, knowledge: ProjectKnowledge, entries: readonly TemplateEntry[], config: LintConfig): LintedTemplate[] {
  return entries.map((entry) => {
    // Read as the project reads templates: a link out of the project is not followed (its problem is reported apart).
    const text = project.compiledTemplate(entry).source.text;
    const result = lintText(text, { file: entry.display, knowledge: knowledge.forTemplate(entry), config });
    return { entry, result };
  });
}
