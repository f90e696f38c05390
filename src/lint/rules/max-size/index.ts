/**
 * `max-size`: the rendered email is over 102 KB. Gmail shows only the first 102 KB of an HTML message and hides
 * the rest behind "[Message clipped] View entire message", taking the footer (the unsubscribe link Iterable
 * requires) and the open-tracking pixel with it, so opens go uncounted. The size depends on the data (`#each` over
 * a feed's list, long fields), so the template is rendered as Iterable would: with each sample user and each
 * recorded feed body (recordings, variants), in pairs, so every user and every body is rendered once; without
 * users or recordings, with what there is (an empty profile, no feed data), which still measures the template's
 * own markup. The largest size found is reported at line 1.
 *
 * Not counted: snippets (the linter knows whether a snippet exists, not its text: they render as nothing here),
 * so the real email may be larger. Renders that Iterable would not send (a failed helper, a feed error) are
 * skipped: other rules report why.
 */
import { compile } from '../../../iterable/template.js';
import type { FeedResponse } from '../../../iterable/feed-context.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';

/** Gmail's clipping threshold: 102 KB of the message's HTML. */
export const GMAIL_CLIP_BYTES = 102 * 1024;
/** Renders per template at most: a lint must stay fast over many templates and users. */
const MAX_RENDERS = 12;
/** A render stops here: far over the limit is over the limit, however far. */
const RENDER_CAP_BYTES = 4 * GMAIL_CLIP_BYTES;

export const maxSize: Rule = {
  meta: lintRuleMeta('max-size', {
    recommended: true,
    fixable: false,
    examples: {
      // A padding helper stands in for the 100 KB of markup a long newsletter has.
      wrong: '<p>Hello {{email}}</p>\n<p>{{center "Our whole catalogue" size=110000 pad="."}}</p>\n',
      right: '<p>Hello {{email}}</p>\n',
    },
  }),
  create(context) {
    return {
      onEnd() {
        const text = context.source.text;
        const template = compile(text, context.file !== undefined ? { file: context.file, helpers: context.helpers } : { helpers: context.helpers });
        if (!template.ok) return;
        const { knowledge } = context;
        const users = knowledge.users?.profiles ?? [];
        const feeds = knowledge.feeds ?? [];
        const runs = Math.min(MAX_RENDERS, Math.max(1, users.length, ...feeds.map((f) => f.samples.length)));
        let largest: { bytes: number; user: string | undefined; sample: number | undefined; capped: boolean } | undefined;
        for (let i = 0; i < runs; i++) {
          const user = users.length ? users[i % users.length] : undefined;
          const responses: FeedResponse[] = [];
          for (const feed of feeds) {
            // A feed without a recorded body renders as an empty response: its tags print nothing.
            const body = feed.samples.length ? feed.samples[i % feed.samples.length] : new Map();
            responses.push(feed.alias !== undefined ? { alias: feed.alias, body, name: feed.id } : { body, name: feed.id });
          }
          const result = template.render({
            user: user?.profile,
            feeds: responses,
            mergeDataFeedContext: knowledge.mergeDataFeedContext,
            now: new Date(0),
            maxOutputBytes: RENDER_CAP_BYTES,
          });
          const capped = result.skip !== undefined && result.diagnostics.some((d) => d.ruleId === 'output-limit');
          if (result.skip && !capped) continue;
          const bytes = capped ? RENDER_CAP_BYTES : Buffer.byteLength(result.output, 'utf8');
          const varied = feeds.find((f) => f.samples.length > 1);
          const sample = varied ? i % varied.samples.length : undefined;
          if (!largest || bytes > largest.bytes) largest = { bytes, user: user?.id, sample, capped };
        }
        if (!largest || largest.bytes <= GMAIL_CLIP_BYTES) return;
        const lineEnd = text.search(/\r?\n|$/);
        const size = `${largest.capped ? 'over ' : ''}${(largest.bytes / 1024).toFixed(1)} KB`;
        const withWhat = [
          largest.user !== undefined ? `user ${largest.user}` : undefined,
          largest.sample !== undefined ? `recorded response ${largest.sample + 1}` : undefined,
        ]
          .filter((s) => s !== undefined)
          .join(' and ');
        context.report({
          loc: context.source.span(0, lineEnd),
          message:
            `the email renders to ${size}${withWhat ? ` (with ${withWhat})` : ''}, over Gmail's 102 KB: Gmail clips the rest ` +
            'behind "View entire message", hiding the footer with its unsubscribe link and the open-tracking pixel',
          hint: 'cut the HTML: move repeated inline styles into a <style> block, drop comments and unused markup, limit long #each lists',
        });
      },
    };
  },
};
