/**
 * Shared by the data rules (unguarded-optional-path, comparison-on-nullable, prints-non-scalar and their
 * siblings): where a read leads in what the project knows of the data, in how many samples it is missing, and how
 * to say so. A read resolves in the first context that has its path (Handlebars.java's lookup), so the rules judge
 * the first candidate that the shape knows; a candidate under a free-form object (a voucher's `metadata`) or an
 * unknown context ends the judgement: nothing can be said of it.
 */
import { ANY_ELEMENT, type PathRead } from '../../analysis/analyze.js';
import type { PathLookup, Shape } from '../../analysis/shape.js';
import { feedContextShape, type FeedKnowledge, type TemplateKnowledge } from '../knowledge.js';
import type { Value } from '../../values/types.js';

export type Found = Extract<PathLookup, { status: 'found' }>;

export interface ResolvedRead {
  /** The absolute path the read resolves to (from its family's root). */
  candidate: string[];
  lookup: Found;
  /** Where the value comes from: the feeds' responses or the sample users. */
  origin: 'feed' | 'user';
}

/** Resolves reads against the project's knowledge; built once per template. */
export class DataModel {
  private readonly feedRoot: Shape | undefined;
  private readonly userRoot: Shape | undefined;

  constructor(private readonly knowledge: TemplateKnowledge) {
    const feeds = knowledge.feeds ?? [];
    this.feedRoot = feeds.some((f) => f.shape) ? feedContextShape(feeds) : undefined;
    this.userRoot = knowledge.users?.shape;
  }

  /**
   * The first candidate of the read that the data has: found (with whether it may be missing or null), or
   * undefined when no candidate is found or one before it cannot be judged (unknown).
   */
  resolve(read: PathRead): ResolvedRead | undefined {
    for (const candidate of read.candidates) {
      const lookup = this.lookup(read.family, candidate);
      if (!lookup) return undefined;
      if (lookup.result.status === 'unknown') return undefined;
      if (lookup.result.status === 'found') return { candidate, lookup: lookup.result, origin: lookup.origin };
    }
    return undefined;
  }

  /** Where an absolute path of a family leads; undefined when nothing is known of that family. */
  lookup(family: PathRead['family'], candidate: string[]): { result: PathLookup; origin: 'feed' | 'user' } | undefined {
    if (family === 'feed') return this.feedRoot && { result: this.feedRoot.resolve(candidate), origin: 'feed' };
    // `{{ }}`: the user profile; with mergeDataFeedContext, the feed context under it (user fields win).
    const user = this.userRoot?.resolve(candidate);
    if (user && user.status !== 'missing') return { result: user, origin: 'user' };
    if (this.knowledge.mergeDataFeedContext && this.feedRoot) {
      const feed = this.feedRoot.resolve(candidate);
      if (feed.status !== 'missing' || !user) return { result: feed, origin: 'feed' };
    }
    return user && { result: user, origin: 'user' };
  }

  /**
   * Why the value at `resolved` may be missing or null, for a message: counted in the samples when they show it
   * ("absent or null in 1 of 2 recorded responses", "absent from 1 of 3 sample users"), else the schema that
   * allows it ("optional in the Voucherify publication schema").
   */
  whyMissing(resolved: ResolvedRead): string {
    if (resolved.origin === 'user') {
      const profiles = this.knowledge.users?.profiles ?? [];
      const lacking = profiles.filter((p) => lacks(p.profile, resolved.candidate)).length;
      if (lacking > 0) return `absent or null for ${lacking} of ${profiles.length} sample user${profiles.length === 1 ? '' : 's'}`;
      return 'optional in the sample users';
    }
    const located = this.feedOf(resolved.candidate);
    if (located) {
      const { feed, path } = located;
      const lacking = feed.samples.filter((sample) => lacks(sample, path)).length;
      if (lacking > 0) return `absent or null in ${lacking} of ${feed.samples.length} recorded response${feed.samples.length === 1 ? '' : 's'}`;
      const schemas = feed.shapeSources.filter((s) => !/recorded response/.test(s));
      if (schemas.length) return `optional or nullable in ${schemas.join(' and ')}`;
    }
    return 'missing or null in some responses';
  }

  /** The feed a feed-context path reads, and the path inside its response. */
  private feedOf(candidate: readonly string[]): { feed: FeedKnowledge; path: string[] } | undefined {
    const feeds = this.knowledge.feeds ?? [];
    const aliased = feeds.find((f) => f.alias !== undefined && f.alias === candidate[0]);
    if (aliased) return { feed: aliased, path: candidate.slice(1) };
    // Unaliased feeds merge at the root; the later one wins (DESIGN.md rule 10).
    const unaliased = feeds.filter((f) => f.alias === undefined && f.shape?.resolve(candidate).status === 'found');
    const feed = unaliased[unaliased.length - 1];
    return feed && { feed, path: [...candidate] };
  }
}

/** A found path may be missing or null in some sample, recording, variant or per the schema. */
export function mayBeMissing(lookup: Found): boolean {
  return lookup.optional || lookup.nullable;
}

/**
 * Whether `path` is missing or null in `value`. `[]` (and a name on an array, as the shape resolves it) looks at
 * every element: one element without it is enough. An index may be out of range: then it is missing.
 */
export function lacks(value: Value, path: readonly string[]): boolean {
  let current: Value[] = [value];
  for (const segment of path) {
    const next: Value[] = [];
    for (const item of current) {
      if (item === null || item === undefined) return true;
      if (Array.isArray(item)) {
        if (segment === ANY_ELEMENT) next.push(...item);
        else if (/^\d+$/.test(segment)) next.push(item[Number(segment)]);
        else for (const element of item) next.push(element instanceof Map ? element.get(segment) : undefined);
      } else if (item instanceof Map) {
        if (segment === ANY_ELEMENT) next.push(...item.values());
        else next.push(item.get(segment));
      } else {
        return true;
      }
    }
    current = next;
  }
  return current.some((v) => v === null || v === undefined);
}

/** The tag's helper prints its first argument as it is (or nothing when it is empty): `{{upper x}}` does not. */
export function printsArgument(read: PathRead): boolean {
  const helper = read.helper;
  if (!helper || helper.param !== 0 || read.tag.type !== 'MustacheStatement') return false;
  // Only the tag's own helper prints: a value inside a sub-expression goes through another helper first.
  const head = read.tag.path;
  if (head.type !== 'PathExpression' || head.original !== helper.name) return false;
  return /^prints nothing/.test(helper.definition?.meta.onMissing ?? '');
}

/** `{{x}}`, `{{{x}}}`, or a helper argument the tag prints. */
export function isPrinted(read: PathRead): boolean {
  return read.use === 'printed' || read.use === 'printed-raw' || printsArgument(read);
}

/** A path as written in its family's delimiters: `[[a.b]]`, `{{a.b}}`. */
export function tagText(family: PathRead['family'], text: string): string {
  return family === 'feed' ? `[[${text}]]` : `{{${text}}}`;
}

/** `[[#if a.b]]…[[/if]]` in the read's family, for hints. */
export function ifBlock(family: PathRead['family'], text: string, body = '…'): string {
  return family === 'feed' ? `[[#if ${text}]]${body}[[/if]]` : `{{#if ${text}}}${body}{{/if}}`;
}
