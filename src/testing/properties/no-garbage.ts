/**
 * `no-garbage`: the message shows nothing a reader should never see: an object or array printed whole (Iterable
 * prints `{a=1, b="x"}` or `[1,"a"]`, DESIGN.md rule 4), the words `undefined` or `null` that the template text and
 * the inputs do not hold themselves, or a link or image with an empty `href`/`src` (a dead link, a broken image).
 */
import { isPlainObject } from '../arbitraries/plain.js';
import { allAnswered, type Property } from './property.js';
import { describe, feedRoot, lineOf, tagText, topLevelPath, userRoot, valueAt } from './values.js';

const EMPTY_LINK = /\b(href|src)\s*=\s*(?:"\s*"|'\s*')/i;

function holds(value: unknown, word: string): boolean {
  if (typeof value === 'string') return value.includes(word);
  if (Array.isArray(value)) return value.some((item) => holds(item, word));
  if (isPlainObject(value)) return Object.entries(value).some(([key, item]) => key.includes(word) || holds(item, word));
  // A JSON null prints nothing (DESIGN.md rule 4): only text can bring the word into the message.
  return false;
}

export const noGarbage: Property = {
  name: 'no-garbage',
  description: 'no object or array printed whole, no undefined/null text, no empty href or src',
  check(context, { user, feeds, result }) {
    if (!allAnswered(feeds) || result.skip) return undefined;
    const roots = { feed: feedRoot(feeds), user: userRoot(user, feeds, context.mergeDataFeedContext) };
    for (const read of context.analysis.reads) {
      if (read.use !== 'printed' && read.use !== 'printed-raw') continue;
      const path = topLevelPath(read);
      if (!path) continue;
      const value = valueAt(roots[read.family], path);
      if (Array.isArray(value) || isPlainObject(value)) {
        return `${tagText(read, path)} (${lineOf(read)}) prints ${describe(value)} whole; print one of its fields, or iterate it with #each`;
      }
    }
    const output = result.output;
    for (const word of ['undefined', 'null']) {
      const pattern = new RegExp(`\\b${word}\\b`);
      if (pattern.test(output) && !pattern.test(context.template.source.text) && !holds(user, word) && !feeds.some((feed) => holds(feed.body, word))) {
        return `the message shows the word '${word}', which neither the template nor the inputs hold`;
      }
    }
    const empty = EMPTY_LINK.exec(output);
    if (empty) return `the message has an empty ${empty[1]} (${empty[0]}): a dead link or a broken image`;
    return undefined;
  },
};
