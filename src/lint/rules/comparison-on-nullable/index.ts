/**
 * `comparison-on-nullable`: a helper that fails on a missing or null value (meta `failsOnMissing`: `#gt`, `#lt`,
 * `#ifEq`, `#ifGt`, `#ifContainsStr`, `math`...) given a path that some recording, variant, schema or sample user
 * may lack or have null, with no guard around it. Iterable documents the consequence: "If an #lt, lt, #lte, lte,
 * #gt, gt, #gte, or gte expression references a non-existent or null field, the template will fail and the message
 * will not be sent to that user" (support article 205480365; #ifContainsStr in 115003884806). The send is skipped
 * with HandlebarsExecutionError for exactly those recipients, which no preview with a complete profile shows.
 * `#ifContainsStr` also fails on an empty string ("references an empty or missing field"): its string is reported
 * when a sample has it empty.
 *
 * Not reported: a value guarded by an enclosing `#if`/`#with`/`#each` of it or a prefix, or passed through
 * `defaultIfEmpty` first (then the comparison gets the fallback), or inside `#ifEq` of a sibling discriminator
 * whose samples of that case all have it (see unguarded-optional-path); literals; hash values; paths the data does not
 * know at all (the not-found rules' job) or cannot judge (below a voucher's free-form `metadata`). `eq`/`neq`
 * compare a missing value as null without failing, so they are not `failsOnMissing`.
 */
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import type { Expression } from '../../../syntax/ast.js';
import { DataModel, EnclosingBlocks, ifBlock, mayBeMissing, tagText } from '../data.js';

export const comparisonOnNullable: Rule = {
  meta: lintRuleMeta('comparison-on-nullable', {
    recommended: true,
    fixable: false,
    requiresAny: ['feed-shapes', 'users'],
    examples: {
      wrong: '[[#gt welcome_codes.voucher.discount.percent_off 10]]Big savings![[/gt]]\n',
      right: '[[#if welcome_codes.voucher.discount.percent_off]][[#gt welcome_codes.voucher.discount.percent_off 10]]Big savings![[/gt]][[/if]]\n',
    },
  }),
  create(context) {
    const model = new DataModel(context.knowledge);
    const enclosing = new EnclosingBlocks();
    return {
      MustacheStatement: (node, path) => enclosing.visit(node, path),
      BlockStatement: (node, path) => enclosing.visit(node, path),
      onEnd() {
        const readOf = new Map(context.analysis.reads.map((read) => [read.node as Expression, read]));
        for (const read of context.analysis.reads) {
          const helper = read.helper;
          if (!helper?.definition?.meta.failsOnMissing || helper.param === undefined || read.guard) continue;
          const resolved = model.resolve(read);
          if (!resolved) continue;
          // `#ifContainsStr` fails on an empty string too, as Iterable documents (support article 115003884806).
          const failsOnEmpty = helper.definition.meta.name === 'ifContainsStr' && helper.param === 0;
          const why = mayBeMissing(resolved.lookup) ? model.whyMissing(resolved) : failsOnEmpty ? model.whyEmpty(resolved) : undefined;
          if (why === undefined) continue;
          if (model.impliedByComparison(resolved, enclosing.of(read.tag), readOf)) continue;
          const written = read.node.original;
          // A fallback of the value's own type: a string compares with "", a number with 0.
          const kinds = resolved.lookup.shape.kinds;
          const fallback = `(defaultIfEmpty ${written} ${kinds.has('string') && !kinds.has('number') ? '""' : '0'})`;
          context.report({
            loc: read.node.loc,
            message:
              `${helper.name} fails the render on a ${failsOnEmpty ? 'missing, null or empty' : 'missing or null'} value, and ` +
              `${tagText(read.family, written)} is ${why}: for those recipients Iterable does not send the message (HandlebarsExecutionError)`,
            hint: `compare only when it is there: ${ifBlock(read.family, written, `…${helper.name}…`)}, or compare a fallback: ${fallback}`,
          });
        }
      },
    };
  },
};
