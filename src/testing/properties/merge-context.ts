/**
 * `merge-context`: with the template's "Merge the data feed and user contexts" (mergeDataFeedContext), feed fields
 * are reachable as `{{ }}` too, and a user field wins over a feed field of the same name (Iterable documents it,
 * DESIGN.md rule 10). The message is the one rendered with the user laid over the feed fields; and a `{{path}}` the
 * template reads whose name both the user and a feed hold, with different values, reads the user's, which is
 * reported: the template likely meant the feed's (write `[[path]]`), or the field should be renamed.
 */
import { difference } from './compare.js';
import { allAnswered, type Property } from './property.js';
import { describe, feedRoot, lineOf, tagText, topLevelPath } from './values.js';

export const mergeContext: Property = {
  name: 'merge-context',
  description: 'with mergeDataFeedContext a user field wins over a feed field of the same name',
  check(context, { user, feeds, result }) {
    if (!context.mergeDataFeedContext || !allAnswered(feeds)) return undefined;
    const feedFields = feedRoot(feeds);
    for (const read of context.analysis.reads) {
      if (read.family !== 'user') continue;
      const path = topLevelPath(read);
      const key = path?.[0];
      if (!path || key === undefined || !Object.hasOwn(user, key) || !Object.hasOwn(feedFields, key)) continue;
      if (JSON.stringify(user[key]) !== JSON.stringify(feedFields[key])) {
        return `${tagText(read, path)} (${lineOf(read)}) reads the user's '${key}' (${describe(user[key])}), not the feed's (${describe(feedFields[key])}): with mergeDataFeedContext the user field wins; write [[${path.join('.')}]] for the feed's`;
      }
    }
    const why = difference(context.render(context.template, { ...feedFields, ...user }, feeds, false), result);
    return why ? `the message differs from the one rendered with the user laid over the feed fields: ${why}` : undefined;
  },
};
