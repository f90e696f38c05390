/**
 * `user-field-not-found`: a `{{ }}` path that no sample user (nor, for an event-triggered template, sample event)
 * has, such as `{{frstName}}`. Iterable prints nothing
 * for a missing field, silently, so a typo ships as a blank greeting. The sample users are only samples (a real
 * profile or an event may carry fields they lack), hence `info` by default; the hint names the closest field of
 * the users' shape.
 *
 * Not reported: Iterable's system fields (`unsubscribeUrl`, `email`... from knowledge.systemFields), which it fills
 * at send time; with `mergeDataFeedContext`, a path the feed context has; a path whose first segment is a feed
 * alias or a feed field (that is `wrong-delimiter-family`'s finding); data variables, `#assign`ed variables, and
 * paths under a context the analysis cannot name (inside `#sortBy`, `#catalog`...).
 */
import { pathText, type PathRead } from '../../../analysis/analyze.js';
import type { PathLookup, Shape } from '../../../analysis/shape.js';
import { PROFILE_NAMESPACE } from '../../../iterable/event-context.js';
import { feedContextShape } from '../../knowledge.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { answersWithJavaMethod, closestPath, segmentOffset } from '../paths.js';
import { spanFromSegment } from '../spans.js';

type Missing = Extract<PathLookup, { status: 'missing' }>;

export const userFieldNotFound: Rule = {
  meta: lintRuleMeta('user-field-not-found', {
    recommended: true,
    fixable: false,
    requires: ['users'],
    examples: { wrong: '<p>Hi {{defaultIfEmpty frstName "there"}},</p>\n', right: '<p>Hi {{defaultIfEmpty firstName "there"}},</p>\n' },
  }),
  create(context) {
    const { knowledge } = context;
    const users = knowledge.users!;
    const feeds = knowledge.feeds ?? [];
    const feedRoot = feeds.length ? feedContextShape(feeds) : undefined;
    const aliases = new Set(feeds.map((f) => f.alias).filter((a) => a !== undefined));
    const events = users.events ?? 0;
    const count = users.profiles.length / Math.max(1, events);
    const checked = `${count} user${count === 1 ? '' : 's'}${events ? ` × ${events} event${events === 1 ? '' : 's'}` : ''} checked`;
    const merged = knowledge.mergeDataFeedContext;
    return {
      onEnd() {
        for (const read of context.analysis.reads) {
          if (read.family !== 'user' || read.candidates.length === 0) continue;
          const userMissing = missingEverywhere(users.shape, read);
          if (!userMissing) continue;
          const head = userMissing.candidate[0] ?? '';
          if (knowledge.systemFields.has(head)) continue;
          const feedFound = feedRoot !== undefined && read.candidates.some((c) => feedRoot.resolve(c).status !== 'missing');
          // A feed path in the user family: found in the merged contexts, else the delimiter rule's finding.
          if (feedFound || (!merged && aliases.has(head))) continue;
          // With the contexts merged, `{{alias.x}}` is a feed path: say where it stops in the feed context.
          const missing = merged && aliases.has(head) && feedRoot ? missingEverywhere(feedRoot, read) : userMissing;
          if (!missing) continue;
          const { candidate, lookup } = missing;
          // `size`/`empty` of an object answer with Java's method, not nothing: java-method-key reports them.
          if (answersWithJavaMethod(candidate, lookup.at)) continue;
          const segment = segmentOffset(read, candidate, lookup.at);
          // The missing part is the enclosing block's path: reported there, not for every tag inside.
          if (segment < 0) continue;
          const parent = candidate.slice(0, lookup.at);
          const suggestion = closestPath(missing === userMissing ? users.shape : feedRoot!, candidate, lookup);
          context.report({
            loc: spanFromSegment(read.node, segment, context.source),
            message:
              `{{${pathText(candidate)}}}: no sample user${events ? ' nor event' : ''}${merged ? ' nor feed response' : ''} has '${candidate[lookup.at]}'${parent.length ? ` in ${pathText(parent)}` : ''} ` +
              `(${checked}): ${consequence(read)}`,
            hint:
              head === PROFILE_NAMESPACE && !events
                ? '{{profile.x}} reads the profile in an event-triggered message: give the template its sample events ("event" in the config), or write {{x}}'
                : suggestion
                  ? `did you mean {{${pathText(suggestion)}}}?`
                  : `check the field name against a user profile${events ? ' and the events' : ''}; if only some users have it, add one such user to users/`,
          });
        }
      },
    };
  },
};

/** What Iterable does for a profile without the field, by what the tag does with it. */
function consequence(read: PathRead): string {
  if (read.helper?.definition?.meta.failsOnMissing) return `for a profile without it #${read.helper.name} fails and Iterable does not send the message`;
  if (read.use === 'condition' || read.use === 'section' || read.use === 'iterated') return 'for a profile without it the block takes its else branch';
  return 'for a profile without it Iterable prints nothing';
}

/** The candidate that got furthest, when no candidate of the read exists (nor is unknowable). */
function missingEverywhere(root: Shape, read: PathRead): { candidate: string[]; lookup: Missing } | undefined {
  let best: { candidate: string[]; lookup: Missing } | undefined;
  for (const candidate of read.candidates) {
    const lookup = root.resolve(candidate);
    if (lookup.status !== 'missing') return undefined;
    if (!best || lookup.at > best.lookup.at) best = { candidate, lookup };
  }
  return best;
}
