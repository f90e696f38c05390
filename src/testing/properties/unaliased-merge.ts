/**
 * `unaliased-merge`: unaliased feeds put their keys at the root of `[[ ]]`, merged shallowly in the template's feed
 * order, the later feed winning (DESIGN.md rule 10). The message is the one a single feed holding that merge gives;
 * and a path the template reads under a key two feeds share must not be one only the earlier feed has: the later
 * feed's value replaces it whole, so it prints nothing.
 */
import { isPlainObject } from '../arbitraries/plain.js';
import { difference } from './compare.js';
import { allAnswered, type Property } from './property.js';
import { feedRoot, lineOf, tagText, topLevelPath, valueAt } from './values.js';

export const unaliasedMerge: Property = {
  name: 'unaliased-merge',
  description: 'unaliased feeds merge shallowly, the later one winning',
  check(context, { user, feeds, result }) {
    if (!allAnswered(feeds)) return undefined;
    const unaliased = feeds.filter((feed) => !feed.alias && isPlainObject(feed.body));
    if (unaliased.length < 2) return undefined;
    const bodies = unaliased.map((feed) => feed.body as Record<string, unknown>);
    const merged = feedRoot(feeds);
    for (const read of context.analysis.reads) {
      if (read.family !== 'feed') continue;
      const path = topLevelPath(read);
      if (!path || path.length < 2 || valueAt(merged, path) !== undefined) continue;
      const holders = bodies.flatMap((body, index) => (Object.hasOwn(body, path[0]!) ? [index] : []));
      const earlier = holders.find((index) => valueAt(bodies[index], path) !== undefined);
      if (holders.length > 1 && earlier !== undefined) {
        return `${tagText(read, path)} (${lineOf(read)}) is in unaliased feed #${earlier + 1}, but a later unaliased feed's '${path[0]}' replaces it whole (unaliased feeds merge shallowly, the later winning): it prints nothing; give the feeds aliases`;
      }
    }
    const aliases = new Set(feeds.flatMap((feed) => (feed.alias ? [feed.alias] : [])));
    if (bodies.some((body) => Object.keys(body).some((key) => aliases.has(key)))) return undefined; // an alias and a key clash: order decides, not this law
    const last = feeds.lastIndexOf(unaliased[unaliased.length - 1]!);
    const single = feeds.flatMap((feed, index) =>
      index === last ? [{ body: Object.assign({}, ...bodies) as Record<string, unknown> }] : unaliased.includes(feed) ? [] : [feed],
    );
    const why = difference(context.render(context.template, user, single), result);
    return why ? `the unaliased feeds do not render as one feed holding their shallow merge (later wins): ${why}` : undefined;
  },
};
