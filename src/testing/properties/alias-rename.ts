/**
 * `alias-rename`: an alias is only a name. Renaming it consistently, in the template's tags and in the feed list,
 * gives the same message. A template whose output depends on the name (iterating the feed root with `#each this`
 * and printing `@key`, a `lookup` by a string literal) breaks when someone renames the alias in Iterable.
 */
import type { PathRead } from '../../analysis/analyze.js';
import { difference } from './compare.js';
import { allAnswered, type Property } from './property.js';

/** The template text with every tag path that starts with `alias` starting with `renamed` instead. */
export function renameAlias(text: string, reads: readonly PathRead[], alias: string, renamed: string, userToo: boolean): string {
  const offsets = new Set<number>();
  for (const read of reads) {
    const node = read.node;
    if (node.data || node.parts[0] !== alias || (read.family === 'user' && !userToo)) continue;
    const start = node.loc.start.offset;
    const original = text.slice(start, node.loc.end.offset);
    // The alias as a whole segment: `alias.x`, `this.alias.x`, `[alias].x` are renamed; `aliasx.y` is not.
    const match = new RegExp(`(^|[./\\[])${alias}(?![A-Za-z_])`).exec(original);
    if (match) offsets.add(start + match.index + match[1]!.length);
  }
  let out = text;
  for (const offset of [...offsets].sort((a, b) => b - a)) out = out.slice(0, offset) + renamed + out.slice(offset + alias.length);
  return out;
}

export const aliasRename: Property = {
  name: 'alias-rename',
  description: 'renaming an alias consistently in the template and the feed list gives the same output',
  check(context, { user, feeds, result }) {
    if (!allAnswered(feeds)) return undefined;
    const taken = new Set(feeds.map((feed) => feed.alias));
    const text = context.template.source.text;
    for (const feed of feeds) {
      if (!feed.alias) continue;
      let renamed = `renamed_${feed.alias}`;
      while (taken.has(renamed) || text.includes(renamed)) renamed = `x${renamed}`;
      const renamedText = renameAlias(text, context.analysis.reads, feed.alias, renamed, context.mergeDataFeedContext);
      const renamedFeeds = feeds.map((other) => (other === feed ? { ...other, alias: renamed } : other));
      const why = difference(result, context.render(renamedText, user, renamedFeeds));
      if (why)
        return `renaming the alias '${feed.alias}' to '${renamed}' in the template and the feed list changes the message: ${why}; the output depends on the alias's name`;
    }
    return undefined;
  },
};
