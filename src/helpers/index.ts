/**
 * The helper sets. `coreHelpers`: the built-ins of Handlebars.java (what the conformance corpus `core.jsonl` ran
 * with). `iterableHelpers`: what Iterable's templates can call, the default for rendering and linting.
 */
import { eachHelper } from './builtin/each.js';
import { ifHelper, unlessHelper } from './builtin/if.js';
import { logHelper } from './builtin/log.js';
import { lookupHelper } from './builtin/lookup.js';
import { withHelper } from './builtin/with.js';
import { arraysHelpers } from './iterable/arrays.js';
import { conditionalsHelpers } from './iterable/conditionals.js';
import { datesHelpers } from './iterable/dates.js';
import { defaultIfEmptyHelper } from './iterable/default-if-empty.js';
import { encodingHelpers } from './iterable/encoding.js';
import { numbersHelpers } from './iterable/numbers.js';
import { otherHelpers } from './iterable/other.js';
import { textHelpers } from './iterable/text.js';
import { urlEncodeHelper } from './iterable/url-encode.js';
import { HelperRegistry } from './registry.js';

export const coreHelperDefinitions = [ifHelper, unlessHelper, eachHelper, withHelper, lookupHelper, logHelper];
export const iterableHelperDefinitions = [
  ...coreHelperDefinitions,
  urlEncodeHelper,
  defaultIfEmptyHelper,
  ...conditionalsHelpers,
  ...textHelpers,
  ...encodingHelpers,
  ...numbersHelpers,
  ...datesHelpers,
  ...arraysHelpers,
  ...otherHelpers,
];

export function coreHelpers(): HelperRegistry {
  return new HelperRegistry(coreHelperDefinitions);
}

export function iterableHelpers(): HelperRegistry {
  return new HelperRegistry(iterableHelperDefinitions);
}

export { HelperRegistry } from './registry.js';
export type * from './types.js';
