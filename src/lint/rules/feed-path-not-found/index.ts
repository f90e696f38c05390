/**
 * `feed-path-not-found`: a `[[ ]]` path that no recorded response has and the feed's schema does not allow, such
 * as `[[welcome_codes.voucher.cod]]`. Iterable prints nothing for it, silently. The message names the full path and
 * the segment that does not exist; the hint the closest path that does. Paths below free-form objects (a voucher's
 * `metadata`) cannot be checked and are not reported.
 */
import { pathText, type PathRead } from '../../../analysis/analyze.js';
import type { PathLookup, Shape } from '../../../analysis/shape.js';
import { feedContextShape } from '../../knowledge.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { answersWithJavaMethod, closestPath, segmentOffset } from '../paths.js';
import { spanFromSegment } from '../spans.js';

export const feedPathNotFound: Rule = {
  meta: lintRuleMeta('feed-path-not-found', {
    recommended: true,
    fixable: false,
    requires: ['feed-shapes'],
    examples: { wrong: '<b>[[welcome_codes.voucher.cod]]</b>\n', right: '<b>[[welcome_codes.voucher.code]]</b>\n' },
  }),
  create(context) {
    const feeds = context.knowledge.feeds ?? [];
    const root = feedContextShape(feeds);
    const aliases = new Set(feeds.map((f) => f.alias).filter((a) => a !== undefined));
    const sources = [...new Set(feeds.flatMap((f) => f.shapeSources))].join(' or ');
    return {
      onEnd() {
        for (const read of context.analysis.reads) {
          if (read.family !== 'feed' || read.candidates.length === 0) continue;
          const missing = missingEverywhere(root, read);
          if (!missing) continue;
          const { candidate, lookup } = missing;
          // `size`/`empty` of an object answer with Java's method, not nothing: java-method-key reports them.
          if (answersWithJavaMethod(candidate, lookup.at)) continue;
          // An unknown alias is unknown-feed-alias's finding.
          if (lookup.at === 0 && aliases.size > 0 && feeds.every((f) => f.alias !== undefined)) continue;
          const segment = segmentOffset(read, candidate, lookup.at);
          // The missing part is in the enclosing block's path: reported there, not again for every tag inside.
          if (segment < 0) continue;
          const parent = candidate.slice(0, lookup.at);
          const suggestion = closestPath(root, candidate, lookup);
          context.report({
            loc: spanFromSegment(read.node, segment, context.source),
            message: `[[${pathText(candidate)}]]: '${candidate[lookup.at]}' is not a field of ${parent.length ? pathText(parent) : 'the feed context'} in ${sources || 'the feed'}: it prints nothing`,
            hint: suggestion ? `did you mean [[${pathText(suggestion)}]]?` : 'check the path against a recording (mergetag validate shows the response)',
          });
        }
      },
    };
  },
};

/** The candidate that got furthest, when no candidate of the read exists (nor is unknowable). */
function missingEverywhere(root: Shape, read: PathRead): { candidate: string[]; lookup: Extract<PathLookup, { status: 'missing' }> } | undefined {
  let best: { candidate: string[]; lookup: Extract<PathLookup, { status: 'missing' }> } | undefined;
  for (const candidate of read.candidates) {
    const lookup = root.resolve(candidate);
    if (lookup.status !== 'missing') return undefined;
    if (!best || lookup.at > best.lookup.at) best = { candidate, lookup };
  }
  return best;
}
