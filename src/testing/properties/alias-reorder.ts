/**
 * `alias-reorder`: aliased feeds each sit under their own name, so their order in the template's feed list does not
 * matter (DESIGN.md rule 10). A template whose output changes with the order (iterating the feed root with
 * `#each this`) breaks when someone reorders the feeds in Iterable.
 */
import { difference } from './compare.js';
import { allAnswered, type Property } from './property.js';

export const aliasReorder: Property = {
  name: 'alias-reorder',
  description: 'reordering aliased feeds gives the same output',
  check(context, { user, feeds, result }) {
    if (!allAnswered(feeds)) return undefined;
    const slots = feeds.flatMap((feed, index) => (feed.alias ? [index] : []));
    if (slots.length < 2) return undefined;
    // The aliased feeds reversed in their own slots; unaliased feeds keep their places (their order is a law of its own).
    const reordered = [...feeds];
    slots.forEach((slot, i) => (reordered[slot] = feeds[slots[slots.length - 1 - i]!]!));
    const why = difference(result, context.render(context.template, user, reordered));
    return why ? `reversing the order of the aliased feeds (${slots.map((i) => feeds[i]!.alias).join(', ')}) changes the message: ${why}` : undefined;
  },
};
