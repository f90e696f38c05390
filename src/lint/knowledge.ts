/**
 * What the linter knows about a template beyond its text: the feeds it is attached to (alias, URL, and the shape
 * of their responses learnt from recordings, variants and, for Voucherify publication endpoints, the publication
 * schema), the shape of user profiles learnt from the sample users, the snippets that exist, and the template's
 * settings. A template linted without a project knows none of it: rules that need it stay silent and the linter
 * says which knowledge they lacked.
 */
import { z } from 'zod';
import { Shape, type JsonSchema } from '../analysis/shape.js';
import { userContext } from '../iterable/event-context.js';
import { compile, type Template } from '../iterable/template.js';
import { publicationSchema } from '../voucherify/publication.js';
import type { Value } from '../values/types.js';

export interface FeedKnowledge {
  /** The feed's id in the config. */
  id: string;
  alias: string | undefined;
  /** The URL template as written in the config. */
  url: string;
  /** The URL template compiled (with Iterable's helpers), for the URL rules. */
  urlTemplate: Template;
  /** Where in the config the URL is, for messages: `mergetag.config.json (feeds.welcome_codes.url)`. */
  urlFile: string;
  /** The shape of the feed's 200 responses; undefined when nothing is known of it. */
  shape: Shape | undefined;
  /** What the shape was learnt from: `3 recordings`, `the Voucherify publication schema`... */
  shapeSources: string[];
  /** The URL is a Voucherify publication endpoint: every call publishes (burns) a voucher. */
  publishes: boolean;
  /**
   * The sample 200 bodies the shape was learnt from (recordings, variants applied): rules count in how many of
   * them a path is missing, and max-size renders the template with each.
   */
  samples: readonly Value[];
}

export interface UserKnowledge {
  /**
   * The sample user profiles, by id; for an event-triggered template, the `{{ }}` roots of each profile with each
   * sample event (src/iterable/event-context.ts: the event's fields over the profile's, the profile as `profile`).
   */
  profiles: ReadonlyArray<{ id: string; profile: Value }>;
  shape: Shape;
  /** How many sample events the roots were built with (0 or absent for a blast). */
  events?: number;
}

/**
 * What `{{ }}` tags of an event-triggered template see: each sample profile with each sample event laid over it.
 * Without events, the profiles as they are.
 */
export function withEvents(users: UserKnowledge, events: ReadonlyArray<{ id: string; data: Value }>): UserKnowledge {
  if (events.length === 0) return users;
  const profiles = users.profiles.flatMap((user) => events.map((event) => ({ id: `${user.id} @${event.id}`, profile: userContext(user.profile, event.data) })));
  return { profiles, shape: Shape.of(profiles.map((p) => p.profile)), events: events.length };
}

export interface TemplateKnowledge {
  /** The template's feeds in its feed order; undefined outside a project (the feeds are unknown). */
  feeds: readonly FeedKnowledge[] | undefined;
  /** Iterable's "Merge the data feed and user contexts" setting of the template. */
  mergeDataFeedContext: boolean;
  users: UserKnowledge | undefined;
  /** Whether a snippet of that name exists; undefined when the project has no snippets folder. */
  snippetExists: ((name: string) => boolean) | undefined;
  /** The names of the project's snippets, for did-you-mean hints; undefined when they cannot be listed. */
  snippetNames?: readonly string[] | undefined;
  /** A snippet's template text, to follow the snippets it includes; undefined when it cannot be read. */
  snippetText?: ((name: string) => string | undefined) | undefined;
  /** Iterable's system fields, which it fills at send time: never reported as unknown. */
  systemFields: ReadonlySet<string>;
}

/**
 * The fields Iterable fills at send time for every recipient, although no profile file holds them: the
 * "universal merge parameters" (support article 206514205: `unsubscribeUrl`, `hostedUnsubscribeUrl`,
 * `unsubscribeMessageTypeUrl`, `viewInBrowserUrl`, and the message's campaign and template ids), and the
 * identifiers every Iterable user has (`email`, `userId`).
 */
export const SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  'unsubscribeUrl',
  'hostedUnsubscribeUrl',
  'unsubscribeMessageTypeUrl',
  'viewInBrowserUrl',
  'campaignId',
  'templateId',
  'messageId',
  'email',
  'userId',
]);

export function emptyKnowledge(overrides: Partial<TemplateKnowledge> = {}): TemplateKnowledge {
  return { feeds: undefined, mergeDataFeedContext: false, users: undefined, snippetExists: undefined, systemFields: SYSTEM_FIELDS, ...overrides };
}

/** Voucherify's publication endpoint: `/v1/publications/create` (GET) or `/v1/publications` (POST). */
export function isPublicationUrl(url: string): boolean {
  return /\/v1\/publications(\/create)?(\?|$)/.test(url);
}

let publicationShapeSchema: JsonSchema | undefined;

/** The JSON Schema of a publication (200) body, from the zod schema `mergetag validate` checks with. */
export function publicationJsonSchema(): JsonSchema {
  publicationShapeSchema ??= z.toJSONSchema(publicationSchema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  return publicationShapeSchema;
}

/** The shape of a feed's responses: its samples (recordings, variants), and the publication schema if it is one. */
export function feedShape(samples: readonly Value[], publishes: boolean): { shape: Shape | undefined; sources: string[] } {
  const sources: string[] = [];
  if (!samples.length && !publishes) return { shape: undefined, sources };
  const shape = Shape.of(samples);
  if (samples.length) sources.push(`${samples.length} recorded response${samples.length === 1 ? '' : 's'}`);
  if (publishes) {
    shape.addSchema(publicationJsonSchema());
    sources.push('the Voucherify publication schema');
  }
  return { shape, sources };
}

/**
 * The shape of the feed context `[[ ]]` tags read (DESIGN.md rule 10): each aliased feed under its alias, the
 * fields of unaliased feeds at the root. A feed whose shape is unknown makes its part of the context free-form.
 */
export function feedContextShape(feeds: readonly FeedKnowledge[]): Shape {
  const root = new Shape();
  root.kinds.add('object');
  for (const feed of feeds) {
    if (feed.alias !== undefined) {
      root.fields.set(feed.alias, { shape: feed.shape ?? freeForm(), optional: false });
    } else if (feed.shape) {
      for (const [key, field] of feed.shape.fields) if (!root.fields.has(key)) root.fields.set(key, field);
      if (feed.shape.open) root.open = true;
    } else {
      root.open = true;
    }
  }
  return root;
}

function freeForm(): Shape {
  const shape = new Shape();
  shape.kinds.add('object');
  shape.open = true;
  return shape;
}

/** What the project knows, in plain data: the caller reads files, this builds the linter's knowledge. */
export interface KnowledgeSources {
  /** The template's feeds, in its feed order, each with sample 200 bodies (recordings, variants applied). */
  feeds?: ReadonlyArray<{ id: string; alias?: string | undefined; url: string; urlFile?: string; samples: readonly Value[] }>;
  users?: ReadonlyArray<{ id: string; profile: Value }>;
  /** For an event-triggered template: sample events (their data fields), laid over each user (withEvents). */
  events?: ReadonlyArray<{ id: string; data: Value }>;
  mergeDataFeedContext?: boolean;
  snippetExists?: (name: string) => boolean;
  snippetNames?: readonly string[];
  snippetText?: (name: string) => string | undefined;
}

export function buildKnowledge(sources: KnowledgeSources): TemplateKnowledge {
  const feeds = sources.feeds?.map((feed): FeedKnowledge => {
    const publishes = isPublicationUrl(feed.url);
    const { shape, sources: shapeSources } = feedShape(feed.samples, publishes);
    const urlFile = feed.urlFile ?? `feeds.${feed.id}.url`;
    return {
      id: feed.id,
      alias: feed.alias,
      url: feed.url,
      urlTemplate: compile(feed.url, { file: urlFile }),
      urlFile,
      shape,
      shapeSources,
      publishes,
      samples: feed.samples,
    };
  });
  const profiles = sources.users && { profiles: sources.users, shape: Shape.of(sources.users.map((u) => u.profile)) };
  const users = profiles && withEvents(profiles, sources.events ?? []);
  return emptyKnowledge({
    feeds,
    users,
    mergeDataFeedContext: sources.mergeDataFeedContext ?? false,
    snippetExists: sources.snippetExists,
    snippetNames: sources.snippetNames,
    snippetText: sources.snippetText,
  });
}
