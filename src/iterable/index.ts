/**
 * Iterable's dialect: the engine with Iterable's default helpers, the data-feed context and feed URL expansion.
 * Everything above this layer (projects, the linter, the testing kit, the preview, the CLI) renders through it.
 */
export { compile, render, Template, InputError } from './template.js';
export type { CompileOptions, RenderInput, RenderResult, RenderServices, Skip } from './template.js';
export { expandFeedUrl, compileFeedUrl } from './feed-url.js';
export type { ExpandedUrl } from './feed-url.js';
export { buildFeedContext, FEED_ALIAS, feedLabel, mergeUserAndFeed } from './feed-context.js';
export type { FeedResponse, FeedContext } from './feed-context.js';
export { userContext, PROFILE_NAMESPACE } from './event-context.js';
