/**
 * `raw-feed-output`: feed data printed without HTML escaping, `[[{x}]]` or `[[&x]]` (and `{{{x}}}` / `{{&x}}` of a
 * feed field when "Merge the data feed and user contexts" makes it reachable as `{{ }}`). Whatever the feed
 * returns then becomes markup in the message: a `<`, `&` or quote in a voucher's metadata breaks the layout, and a
 * feed that echoes user input (a customer name, a source id) can inject HTML into the email.
 *
 * Off the `recommended` preset (in `all`): triple braces are Iterable's documented way to "render HTML contained
 * within a field" (Personalizing Templates with Handlebars, support article 205480365), and feeds often carry HTML
 * on purpose (a marketing text with `<b>`). Reporting every deliberate raw print would be noise in CI; teams whose
 * feeds are not theirs turn it on. Deliberately simple: no HTML context analysis (inside `<script>`, attributes).
 *
 * Not reported: raw output inside an encoding block (`{{#urlEncode}}[[{x}]]{{/urlEncode}}`: raw is right there,
 * the block encodes it; see `escaped-in-url-encode`), and `{{{x}}}` of a field that the user profile also has
 * (user fields win on a clash).
 */
import type { PathRead } from '../../../analysis/analyze.js';
import { feedContextShape } from '../../knowledge.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';

export const rawFeedOutput: Rule = {
  meta: lintRuleMeta('raw-feed-output', {
    recommended: false,
    fixable: false,
    examples: { wrong: '<b>[[{welcome_codes.voucher.code}]]</b>\n', right: '<b>[[welcome_codes.voucher.code]]</b>\n' },
  }),
  create(context) {
    const { knowledge } = context;
    const feedRoot = knowledge.feeds && feedContextShape(knowledge.feeds);
    /** A `{{{x}}}` that reads a feed field through mergeDataFeedContext (and no user field of that name). */
    const mergedFeedField = (read: PathRead): boolean => {
      if (!knowledge.mergeDataFeedContext || !feedRoot || read.candidates.length !== 1) return false;
      const path = read.candidates[0]!;
      if (path[0] === undefined || knowledge.systemFields.has(path[0])) return false;
      if (knowledge.users && knowledge.users.shape.resolve(path).status !== 'missing') return false;
      return feedRoot.resolve(path).status === 'found';
    };
    return {
      onEnd() {
        for (const read of context.analysis.reads) {
          if (read.use !== 'printed-raw' || read.encodedBy.length > 0) continue;
          if (read.family !== 'feed' && !mergedFeedField(read)) continue;
          const tag = context.source.text.slice(read.tag.loc.start.offset, read.tag.loc.end.offset);
          const [open, close] = read.family === 'feed' ? ['[[', ']]'] : ['{{', '}}'];
          context.report({
            loc: read.tag.loc,
            message: `${tag} prints the feed's value without HTML escaping: a <, & or quote in it becomes markup in the message (a broken layout, or HTML injected through the feed)`,
            hint: `write ${open}${read.node.original}${close}, or disable this rule on the line when the field holds HTML on purpose`,
          });
        }
      },
    };
  },
};
