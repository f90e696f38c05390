/**
 * The helper sets. `coreHelpers`: the built-ins of Handlebars.java (what the conformance corpus `core.jsonl` ran
 * with). `iterableHelpers`: what Iterable's templates can call, the default for rendering and linting.
 */
import { eachHelper } from './builtin/each.js';
import { ifHelper, unlessHelper } from './builtin/if.js';
import { logHelper } from './builtin/log.js';
import { lookupHelper } from './builtin/lookup.js';
import { withHelper } from './builtin/with.js';
import { defaultIfEmptyHelper } from './iterable/default-if-empty.js';
import { urlEncodeHelper } from './iterable/url-encode.js';
import { HelperRegistry } from './registry.js';

export const coreHelperDefinitions = [ifHelper, unlessHelper, eachHelper, withHelper, lookupHelper, logHelper];
export const iterableHelperDefinitions = [...coreHelperDefinitions, urlEncodeHelper, defaultIfEmptyHelper];

export function coreHelpers(): HelperRegistry {
  return new HelperRegistry(coreHelperDefinitions);
}

export function iterableHelpers(): HelperRegistry {
  return new HelperRegistry(iterableHelperDefinitions);
}

export { HelperRegistry } from './registry.js';
export type * from './types.js';
