/**
 * `wrong-delimiter-family`: a field read with the other family's brackets. `{{ }}` tags read the user profile
 * (and event, campaign and system fields), `[[ ]]` tags read the data-feed responses (DESIGN.md rules 1 and 10;
 * Iterable's "Personalizing Templates with Data Feeds", support article 204795659). So:
 *   - `{{welcome_codes.voucher.code}}`, where `welcome_codes` is an alias of the template's feeds (or, for an
 *     unaliased feed, a top-level field of its response) and no field of the sample users, prints nothing;
 *   - `[[firstName]]`, a field of the sample users and not of the feed context, prints nothing;
 *   - the same read by a block or helper of the wrong family, `{{#if welcome_codes.voucher}}`: the condition is
 *     never true, the list never iterates, a comparison gets a missing value.
 *
 * With the template setting "Merge the data feed and user contexts" (`mergeDataFeedContext`) feed fields are also
 * reachable as `{{ }}` (Iterable: "so fields can be referenced by {{field}} instead of [[field]]"), so the first
 * direction is not reported then; user fields are never reachable as `[[ ]]`.
 *
 * Not reported: a name that exists in both families (the author may mean either), Iterable's system fields
 * (`{{email}}`, `{{unsubscribeUrl}}`...), reads relative to a block's context (`this`, `../`, inside `#each`: the
 * other family's scope there is not the same), and, for unaliased feeds, anything when no sample users are known
 * (a common name such as `name` may well be a user field). Unknown feed shapes (no recording, no schema) make
 * their part of the feed context free-form: nothing in it is "missing".
 */
import { pathText, type PathRead, type PathUse } from '../../../analysis/analyze.js';
import type { Shape } from '../../../analysis/shape.js';
import { feedContextShape } from '../../knowledge.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';

export const wrongDelimiterFamily: Rule = {
  meta: lintRuleMeta('wrong-delimiter-family', {
    recommended: true,
    fixable: false,
    requires: ['feeds'],
    examples: {
      wrong: '<p>Hi [[firstName]], your code is <b>{{welcome_codes.voucher.code}}</b></p>\n',
      right: '<p>Hi {{firstName}}, your code is <b>[[welcome_codes.voucher.code]]</b></p>\n',
    },
  }),
  create(context) {
    const { knowledge } = context;
    const feeds = knowledge.feeds ?? [];
    const feedRoot = feedContextShape(feeds);
    const aliases = new Set(feeds.flatMap((f) => (f.alias !== undefined ? [f.alias] : [])));
    const userShape = knowledge.users?.shape;
    return {
      onEnd() {
        if (!knowledge.feeds) return;
        for (const read of context.analysis.reads) {
          const parts = rootParts(read);
          if (!parts || parts.length === 0) continue;
          const head = parts[0]!;
          if (read.family === 'user') {
            if (knowledge.mergeDataFeedContext || knowledge.systemFields.has(head)) continue;
            if (userShape && userShape.resolve(parts).status !== 'missing') continue;
            const isAlias = aliases.has(head);
            // An unaliased feed's fields have ordinary names: judge them only against known users.
            if (!isAlias && (!userShape || !found(feedRoot, parts))) continue;
            context.report({
              loc: read.node.loc,
              message: `{{ }} reads the user profile, and ${isAlias ? `'${head}' is a data feed alias` : `'${pathText(parts)}' is a data-feed field`}${userShape ? ', no user field' : ''}: ${consequence(read, 'user')}`,
              hint: `read feed fields with [[ ]]: ${suggestion(read, 'feed')} (or turn on "Merge the data feed and user contexts")`,
            });
          } else {
            if (!userShape || feedRoot.open || feedRoot.resolve(parts).status !== 'missing') continue;
            if (!found(userShape, parts) && !knowledge.systemFields.has(head)) continue;
            context.report({
              loc: read.node.loc,
              message: `[[ ]] reads the data-feed responses, and '${pathText(parts)}' is a user field, not a field of the feed context: ${consequence(read, 'feed')}`,
              hint: `read user fields with {{ }}: ${suggestion(read, 'user')}`,
            });
          }
        }
      },
    };
  },
};

function found(shape: Shape, parts: readonly string[]): boolean {
  return shape.resolve(parts).status === 'found';
}

/** The path from the family's root, for reads that name it directly (top-level plain paths and `@root.x`). */
function rootParts(read: PathRead): string[] | undefined {
  if (read.scope.kind === 'root') return read.node.parts.slice(1);
  if (read.scope.kind !== 'context' || read.scope.depth !== 0 || read.scope.local) return undefined;
  // Only where the family's context is its root: inside `#each`/`#with` the other family's scope differs.
  const root = read.candidates[read.candidates.length - 1];
  if (read.candidates.length !== 1 || !root || root.length !== read.node.parts.length) return undefined;
  return read.node.parts;
}

function consequence(read: PathRead, family: 'user' | 'feed'): string {
  const use: PathUse = read.use;
  const where = family === 'user' ? 'the profile' : 'the feed context';
  switch (use) {
    case 'printed':
    case 'printed-raw':
      return `it is missing from ${where} and prints nothing`;
    case 'section':
    case 'condition':
      return `it is missing from ${where}, so the condition is always false`;
    case 'iterated':
    case 'context':
      return `it is missing from ${where}, so the block never renders its content`;
    case 'compared':
      return `it is missing from ${where}: the comparison gets no value (Iterable does not send the message)`;
    case 'argument':
      return `it is missing from ${where}: ${read.helper ? read.helper.name : 'the helper'} gets no value`;
  }
}

/** The same tag written with the other family's brackets. */
function suggestion(read: PathRead, family: 'user' | 'feed'): string {
  const [open, close] = family === 'feed' ? ['[[', ']]'] : ['{{', '}}'];
  const path = read.node.original;
  const tag = read.tag;
  if (tag.type === 'BlockStatement') {
    const name = tag.path.original;
    return `${open}#${name} ${tag.params.map((p) => ('original' in p ? p.original : '(…)')).join(' ')}${close}…${open}/${name}${close}`;
  }
  if (tag.type === 'MustacheStatement' && read.helper) return `${open}${read.helper.name} … ${path} …${close}`;
  return tag.type === 'MustacheStatement' && !tag.escaped ? `${open}{${path}}${close}` : `${open}${path}${close}`;
}
