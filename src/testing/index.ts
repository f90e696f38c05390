/**
 * `mergetag/testing`: fast-check arbitraries for Iterable templates fed by Voucherify publications, and
 * `checkTemplate`, which runs the built-in properties (and the user's own) over them. `fc` is re-exported: the
 * arbitraries are values of this fast-check instance, and another copy of fast-check would not run them.
 */
import { alias } from './arbitraries/alias.js';
import { feedSet } from './arbitraries/feed-set.js';
import { publication } from './arbitraries/publication.js';
import { publicationError } from './arbitraries/publication-error.js';
import { user } from './arbitraries/user.js';

export * as fc from 'fast-check';
export { checkTemplate, DEFAULT_NOW, PROPERTIES, UnknownPropertyError } from './check.js';
export type { CheckFailure, CheckInputs, CheckOptions, CheckResult, CustomProperty } from './check.js';
export type { PublicationOptions } from './arbitraries/publication.js';
export type { UserOptions } from './arbitraries/user.js';
export type { FeedSetOptions } from './arbitraries/feed-set.js';
export { SYSTEM_PLACEHOLDERS } from './arbitraries/user.js';
export { MAX_MESSAGE_BYTES } from './properties/max-size.js';

export const arbitraries = { publication, publicationError, user, feedSet, alias };
