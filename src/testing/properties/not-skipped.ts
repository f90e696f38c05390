/**
 * `not-skipped`: when every feed answers 200 the message is sent (no `HandlebarsExecutionError` from a comparison
 * on a missing field, a helper given nothing...); when a feed answers an error, Iterable skips the send with
 * `DataFeedError` and never sends the message with blanks (DESIGN.md rule 11).
 */
import { allAnswered, type Property } from './property.js';

export const notSkipped: Property = {
  name: 'not-skipped',
  description: 'a 200 response never skips the send; an error response always skips it with DataFeedError',
  check(_context, { feeds, result }) {
    if (allAnswered(feeds)) {
      return result.skip ? `every feed answered 200, yet Iterable would not send the message: ${result.skip.reason}: ${result.skip.message}` : undefined;
    }
    if (result.skip?.reason !== 'DataFeedError') {
      const status = feeds.find((feed) => (feed.status ?? 200) !== 200)?.status;
      return result.skip
        ? `a feed answered HTTP ${status}, so Iterable skips with DataFeedError, but the render skipped with ${result.skip.reason}`
        : `a feed answered HTTP ${status}, so Iterable skips the message with DataFeedError, but it was rendered`;
    }
    return undefined;
  },
};
