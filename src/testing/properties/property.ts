/**
 * A built-in property: a name users switch it by (`--property`, `properties: [...]`), a one-line description, and
 * a check of one rendered message. The check returns why the message is wrong, or undefined when it holds.
 */
import type { TemplateAnalysis } from '../../analysis/analyze.js';
import type { FeedResponse } from '../../iterable/feed-context.js';
import type { RenderResult, Template } from '../../iterable/template.js';
import type { FeedKnowledge } from '../../lint/knowledge.js';

export interface CheckInputs {
  user: Record<string, unknown>;
  /** The data fields of the triggering event, for an event-triggered template (one of its sample events). */
  event?: Record<string, unknown>;
  feeds: FeedResponse[];
  result: RenderResult;
}

export interface PropertyContext {
  template: Template;
  analysis: TemplateAnalysis;
  feeds: readonly FeedKnowledge[];
  mergeDataFeedContext: boolean;
  /**
   * Renders a template (this one or a changed copy) as checkTemplate does: same clock, same settings, and the event
   * of the inputs being judged.
   */
  render(template: Template | string, user: Record<string, unknown>, feeds: readonly FeedResponse[], mergeDataFeedContext?: boolean): RenderResult;
}

export interface Property {
  name: string;
  description: string;
  check(context: PropertyContext, inputs: CheckInputs): string | undefined;
}

/** All feeds answered 200: the message must be sent, and what it prints can be judged. */
export function allAnswered(feeds: readonly FeedResponse[]): boolean {
  return feeds.every((feed) => (feed.status ?? 200) === 200);
}
