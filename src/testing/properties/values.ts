/**
 * Where a path the template reads leads in the generated inputs: the `[[ ]]` root as Iterable builds it from the
 * feeds (DESIGN.md rule 10: under each alias, unaliased feeds merged at the root, the later winning), the `{{ }}`
 * root (the user, over the feed context with mergeDataFeedContext), and the value at an absolute path.
 */
import { ANY_ELEMENT, type PathRead } from '../../analysis/analyze.js';
import type { FeedResponse } from '../../iterable/feed-context.js';
import { isPlainObject } from '../arbitraries/plain.js';

export function feedRoot(feeds: readonly FeedResponse[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const feed of feeds) {
    const body = typeof feed.body === 'string' ? (JSON.parse(feed.body) as unknown) : feed.body;
    if (!isPlainObject(body)) continue;
    if (feed.alias) root[feed.alias] = body;
    else Object.assign(root, body);
  }
  return root;
}

export function userRoot(user: Record<string, unknown>, feeds: readonly FeedResponse[], mergeDataFeedContext: boolean): Record<string, unknown> {
  return mergeDataFeedContext ? { ...feedRoot(feeds), ...user } : user;
}

/** The value at an absolute path (own keys only; a number segment indexes an array), or undefined. */
export function valueAt(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isPlainObject(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** The one absolute path a read outside any block resolves to; undefined for reads this check cannot place. */
export function topLevelPath(read: PathRead): string[] | undefined {
  if (read.scope.kind !== 'context' && read.scope.kind !== 'root') return undefined;
  if (read.candidates.length !== 1) return undefined;
  const path = read.candidates[0]!;
  return path.length && !path.includes(ANY_ELEMENT) ? path : undefined;
}

/** A path as the template writes it: `[[welcome_codes.voucher.code]]`, `{{firstName}}`. */
export function tagText(read: PathRead, path: readonly string[]): string {
  const dotted = path.join('.');
  return read.family === 'feed' ? `[[${dotted}]]` : `{{${dotted}}}`;
}

/** `line 12` of the read, as users see lines: 1-based. */
export function lineOf(read: PathRead): string {
  return `line ${read.node.loc.start.line}`;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (value === '') return 'an empty string';
  if (Array.isArray(value)) return `an array (${JSON.stringify(value).slice(0, 60)})`;
  if (isPlainObject(value)) return `an object (${JSON.stringify(value).slice(0, 60)})`;
  return JSON.stringify(value);
}
