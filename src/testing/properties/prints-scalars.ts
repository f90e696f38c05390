/**
 * `prints-scalars`: every `[[alias.path]]` and `{{path}}` the template prints without a guard (`#if`, `#with`,
 * `defaultIfEmpty`...) holds a non-empty string, a number or a boolean in the inputs. Missing, null or empty prints
 * nothing: a blank where the code or the name should be. An object or array is left to `no-garbage`. Reads inside
 * blocks that change the context (`#each`, `#with`) are not placed here: their path depends on the iteration.
 */
import { isPlainObject } from '../arbitraries/plain.js';
import { allAnswered, type Property } from './property.js';
import { describe, feedRoot, lineOf, tagText, topLevelPath, userRoot, valueAt } from './values.js';

export const printsScalars: Property = {
  name: 'prints-scalars',
  description: 'every path printed without a guard is a non-empty scalar',
  check(context, { user, feeds }) {
    if (!allAnswered(feeds)) return undefined;
    const roots = { feed: feedRoot(feeds), user: userRoot(user, feeds, context.mergeDataFeedContext) };
    for (const read of context.analysis.reads) {
      if ((read.use !== 'printed' && read.use !== 'printed-raw') || read.guard !== undefined) continue;
      const path = topLevelPath(read);
      if (!path) continue;
      const value = valueAt(roots[read.family], path);
      if (value === undefined || value === null || value === '') {
        return `${tagText(read, path)} (${lineOf(read)}) prints nothing: the value is ${describe(value)}; guard it with #if or give a fallback with defaultIfEmpty`;
      }
      if (Array.isArray(value) || isPlainObject(value)) continue; // no-garbage reports it
    }
    return undefined;
  },
};
