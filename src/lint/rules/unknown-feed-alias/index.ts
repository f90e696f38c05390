/**
 * `unknown-feed-alias`: `[[alias.path]]` names an alias none of the template's feeds has (`[[welcom_codes.x]]`).
 * Iterable renders it empty, silently. Reported at the alias segment, with the closest alias of the template.
 * Unaliased feeds put their keys at the root, so with one of them the first segment may be a field: then the
 * rule stays silent unless the feed's known shape has no such field either (that is `feed-path-not-found`'s job).
 */
import { closestName } from '../../../diagnostics/suggest.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { segmentSpans } from '../spans.js';

export const unknownFeedAlias: Rule = {
  meta: lintRuleMeta('unknown-feed-alias', {
    recommended: true,
    fixable: false,
    requires: ['feeds'],
    examples: { wrong: '<b>[[welcom_codes.voucher.code]]</b>\n', right: '<b>[[welcome_codes.voucher.code]]</b>\n' },
  }),
  create(context) {
    const feeds = context.knowledge.feeds ?? [];
    const aliases = feeds.map((f) => f.alias).filter((a): a is string => a !== undefined);
    // With an unaliased feed, any root field may come from it: aliases cannot be told from fields.
    if (feeds.some((f) => f.alias === undefined)) return {};
    return {
      onEnd() {
        for (const read of context.analysis.reads) {
          if (read.family !== 'feed' || read.candidates.length === 0) continue;
          // Only a path that reaches the root names an alias: the outermost candidate is the root one.
          const rootCandidate = read.candidates[read.candidates.length - 1]!;
          const fromRoot = read.scope.kind === 'root' || (read.scope.kind === 'context' && !read.scope.local);
          if (!fromRoot || read.candidates.some((c) => aliases.includes(c[0] ?? ''))) continue;
          // Inside [[#each]] or [[#with]], a short path may name a field of the inner context.
          if (read.candidates.length > 1) continue;
          const alias = rootCandidate[0];
          if (alias === undefined) continue;
          // `[[firstName]]`: a user field in the feed family is wrong-delimiter-family's finding, not an alias typo.
          if (context.knowledge.users?.shape.fields.has(alias) || context.knowledge.systemFields.has(alias)) continue;
          const suggestion = closestName(alias, aliases);
          context.report({
            loc: segmentSpans(read.node, context.source)[read.scope.kind === 'root' ? 1 : 0] ?? read.node.loc,
            message: aliases.length
              ? `no feed of this template has the alias '${alias}' (its aliases: ${aliases.join(', ')}): the tag renders empty`
              : `this template has no data feed with an alias, so '${alias}' renders empty`,
            hint: suggestion ? `did you mean '${suggestion}'?` : 'add the feed to the template in mergetag.config.json, or fix the alias',
          });
        }
      },
    };
  },
};
