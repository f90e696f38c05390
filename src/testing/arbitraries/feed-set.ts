/**
 * The responses of the feeds a template declares, in its feed order, as `render` takes them. A Voucherify
 * publication feed answers mostly a generated publication (metadata shaped by its recordings), sometimes a recorded
 * one, and sometimes a documented error (Iterable then skips the message); another feed answers one of its
 * recordings or variants, or, when nothing is known of it, a small free object.
 */
import fc from 'fast-check';
import type { FeedResponse } from '../../iterable/feed-context.js';
import type { FeedKnowledge } from '../../lint/knowledge.js';
import { isPlainObject, toPlain } from './plain.js';
import { publication, type PublicationOptions } from './publication.js';
import { publicationError } from './publication-error.js';
import { trickyString } from './strings.js';

export interface FeedSetOptions {
  /** Whether error answers are generated (default true): one response in ten for a publication feed. */
  errors?: boolean;
  /** Options of the publication arbitrary (metadata). */
  publication?: PublicationOptions;
}

function feedResponse(feed: FeedKnowledge, options: FeedSetOptions): fc.Arbitrary<FeedResponse> {
  const samples = feed.samples.map(toPlain).filter(isPlainObject);
  // `{alias?, status, body}`, as render takes it: the response's place in the list says which feed it answers.
  const withAlias = (status: number, body: Record<string, unknown>): FeedResponse => ({
    ...(feed.alias !== undefined ? { alias: feed.alias } : {}),
    status,
    body,
  });
  const ok: fc.Arbitrary<FeedResponse>[] = [];
  if (feed.publishes) ok.push(publication({ samples, ...options.publication }).map((body) => withAlias(200, body)));
  if (samples.length) ok.push(fc.constantFrom(...samples).map((body) => withAlias(200, body)));
  if (!ok.length)
    ok.push(
      fc
        .dictionary(fc.stringMatching(/^[a-z][a-z_]{0,9}$/), fc.oneof(trickyString(), fc.integer(), fc.boolean()), { maxKeys: 4 })
        .map((body) => withAlias(200, body)),
    );
  const answered = ok.length === 1 ? ok[0]! : fc.oneof({ weight: 3, arbitrary: ok[0]! }, { weight: 1, arbitrary: ok[1]! });
  if (!feed.publishes || options.errors === false) return answered;
  return fc.oneof({ weight: 9, arbitrary: answered }, { weight: 1, arbitrary: publicationError().map(({ status, body }) => withAlias(status, body)) });
}

export function feedSet(feeds: readonly FeedKnowledge[], options: FeedSetOptions = {}): fc.Arbitrary<FeedResponse[]> {
  return fc.tuple(...feeds.map((feed) => feedResponse(feed, options)));
}
