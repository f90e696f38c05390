/**
 * The data-feed context that `[[ ]]` tags resolve against (DESIGN.md rules 10 and 11):
 *   - a feed with an alias sits under its alias: `{welcome_codes: response}`;
 *   - a feed without one spreads its keys at the root; several such feeds merge shallowly, in the template's
 *     feed order, the later winning;
 *   - a status other than 200, a body that is not JSON, or one that is not a JSON object (an array, say) means
 *     Iterable does not send the message: send-skip `DataFeedError`.
 */
import { parseJson, readValue } from '../values/json.js';
import type { JsonObject, Value } from '../values/types.js';

export interface FeedResponse {
  /** The feed's handlebars alias: letters and underscores. Without one, the response's keys sit at the root. */
  alias?: string;
  /** The HTTP status the feed answered with; 200 unless said. */
  status?: number;
  /** The response body: JSON text (parsed keeping number spelling and key order), or an already parsed value. */
  body: unknown;
  /** How to name this feed in messages (a file name, a feed id); defaults to the alias or its position. */
  name?: string;
}

export type FeedContext = { ok: true; root: JsonObject } | { ok: false; skip: { reason: 'DataFeedError'; message: string } };

/** Iterable's alias field accepts "uppercase or lowercase letters, and underscore". */
export const FEED_ALIAS = /^[A-Za-z_]+$/;

/** `FEED_ALIAS.test(alias)` as a char-code loop: it runs for every feed of every render. */
export function isFeedAlias(alias: string): boolean {
  if (alias.length === 0) return false;
  for (let i = 0; i < alias.length; i++) {
    const code = alias.charCodeAt(i);
    if (!(code === 0x5f || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a))) return false;
  }
  return true;
}

export function feedLabel(feed: FeedResponse, index: number): string {
  return feed.name ?? (feed.alias ? `feed '${feed.alias}'` : `feed #${index + 1}`);
}

/** Reads one feed's response, or says why Iterable would skip the message. */
export function readFeedBody(feed: FeedResponse, index: number): { ok: true; value: JsonObject } | { ok: false; message: string } {
  const status = feed.status ?? 200;
  // The label is built only for a message: this runs for every feed on every render.
  const label = () => feedLabel(feed, index);
  if (status !== 200) return { ok: false, message: `${label()} answered HTTP ${status}${errorSummary(feed.body)}; Iterable sends only on 200` };
  let value: Value;
  if (typeof feed.body === 'string') {
    const parsed = parseJson(feed.body);
    if (!parsed.ok) return { ok: false, message: `${label()} did not answer JSON (${parsed.error.message} at offset ${parsed.error.offset})` };
    value = parsed.value;
  } else {
    const read = readValue(feed.body);
    if (!read.ok) return { ok: false, message: `${label()}: ${read.error.message}` };
    value = read.value;
  }
  if (Array.isArray(value)) return { ok: false, message: `${label()} answered a JSON array; a JSON data feed must return an object` };
  if (!(value instanceof Map))
    return { ok: false, message: `${label()} answered a JSON ${value === null ? 'null' : typeof value}; a JSON data feed must return an object` };
  return { ok: true, value };
}

/** ` (key: message)` from an error body such as Voucherify's `{code, key, message, details}`, when there is one. */
function errorSummary(body: unknown): string {
  const read = readValue(body);
  const value = read.ok ? read.value : undefined;
  if (!(value instanceof Map)) return '';
  const text = (key: string) => (typeof value.get(key) === 'string' ? (value.get(key) as string) : undefined);
  const parts = [text('key'), text('details') ?? text('message')].filter((part) => part !== undefined);
  return parts.length ? ` (${parts.join(': ')})` : '';
}

export function buildFeedContext(feeds: readonly FeedResponse[]): FeedContext {
  const root: JsonObject = new Map();
  for (let index = 0; index < feeds.length; index++) {
    const feed = feeds[index]!;
    const body = readFeedBody(feed, index);
    if (!body.ok) return { ok: false, skip: { reason: 'DataFeedError', message: body.message } };
    if (feed.alias) root.set(feed.alias, body.value);
    else for (const [key, value] of body.value) root.set(key, value);
  }
  return { ok: true, root };
}

/** `mergeDataFeedContext`: feed fields become reachable from `{{ }}` too; user fields win on a clash. */
export function mergeUserAndFeed(user: Value, feed: JsonObject): Value {
  if (!(user instanceof Map)) return user === undefined || user === null ? new Map(feed) : user;
  const merged: JsonObject = new Map(feed);
  for (const [key, value] of user) merged.set(key, value);
  return merged;
}
