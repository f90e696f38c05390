/**
 * Why a message is not sent. Iterable records a send-skip with a reason (`HandlebarsExecutionError`,
 * `DataFeedError`, `SendAborted`, ...); mergetag returns the same reason instead of an output.
 */
import type { RuleId } from '../diagnostics/rules.js';
import type { Span } from '../diagnostics/source.js';

export type SkipReason =
  | 'HandlebarsExecutionError'
  | 'DataFeedError'
  | 'SendAborted'
  | 'SnippetLookupError'
  | 'CatalogLookupError'
  | 'CatalogCollectionLookupError'
  | 'RetriesExhaustedError';

/** Thrown while rendering to stop the message; carries the location of the tag that stopped it. */
export class SendSkip extends Error {
  constructor(
    readonly reason: SkipReason,
    message: string,
    public loc?: Span,
    readonly ruleId: RuleId = 'execution-error',
  ) {
    super(message);
    this.name = 'SendSkip';
  }
}

/** What helpers throw on bad input; the renderer turns it into a `HandlebarsExecutionError` at the helper's tag. */
export class HelperError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelperError';
  }
}
