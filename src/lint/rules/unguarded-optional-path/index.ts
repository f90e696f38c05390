/**
 * `unguarded-optional-path`: a path printed without a guard although some of what the project knows lacks it or
 * has it null: a recorded response or a variant, the Voucherify publication schema (`expiration_date` is nullable,
 * `discount.percent_off` exists only for percentage discounts), or a sample user (`firstName` of a guest). For
 * those recipients Iterable prints nothing there, silently (DESIGN.md rule 4), and the email ships with an empty
 * `<div>`, a dangling "Valid until", or a half-built link. Iterable's own advice is to guard such fields ("check
 * for null or missing fields", support article 211728403; `defaultIfEmpty`, article 115003884806).
 *
 * Printed means `{{x}}`, `{{{x}}}`, or the first argument of an inline helper that prints nothing for a missing
 * value (`{{join x ", "}}`). A read is guarded, and not reported, inside `#if` of the same path or a prefix of it,
 * `#with` of it, `#each` over it (an element's fields), the else branch of `#unless` of it, a section `{{#x}}`, or
 * as `defaultIfEmpty`'s value: the analysis (src/analysis/analyze.ts) records the guard. Inside `#ifEq`/`#eq` of a
 * sibling discriminator (`[[#ifEq voucher.discount.type "PERCENT"]][[voucher.discount.percent_off]]`) the read is
 * not reported when every sample of that case has the value (Voucherify's discount is a union on `type`). Paths
 * optional only in the schema are reported, saying that every recording has them. Inside a comparison of the value
 * itself (`{{#ifEq plan "gold"}}{{plan}}`, `#gt`, `#eq` with a literal) the value is there: not reported. Not reported either: paths
 * the data does not know at all (the not-found rules' job), objects and lists (prints-non-scalar's), or cannot judge (below a free-form object such as a
 * voucher's `metadata`), and values used as conditions, compared or iterated (comparison-on-nullable and the
 * block helpers' own else branches handle those).
 */
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import type { Expression } from '../../../syntax/ast.js';
import { DataModel, EnclosingBlocks, ifBlock, isPrinted, mayBeMissing, tagText } from '../data.js';

export const unguardedOptionalPath: Rule = {
  meta: lintRuleMeta('unguarded-optional-path', {
    recommended: true,
    fixable: false,
    requiresAny: ['feed-shapes', 'users'],
    examples: {
      wrong: '<div>Valid until [[welcome_codes.voucher.expiration_date]]</div>\n',
      right: '[[#if welcome_codes.voucher.expiration_date]]<div>Valid until [[welcome_codes.voucher.expiration_date]]</div>[[/if]]\n',
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
          if (!isPrinted(read) || read.guard) continue;
          const resolved = model.resolve(read);
          if (!resolved || !mayBeMissing(resolved.lookup)) continue;
          // An object or a list printed whole is wrong either way: prints-non-scalar says so, once.
          const whole = read.use === 'printed' || read.use === 'printed-raw';
          if (whole && [...resolved.lookup.shape.kinds].every((k) => k === 'object' || k === 'array' || k === 'null')) continue;
          if (model.impliedByComparison(resolved, enclosing.of(read.tag), readOf)) continue;
          const written = read.node.original;
          const fallback = read.family === 'feed' ? `[[defaultIfEmpty ${written} "…"]]` : `{{defaultIfEmpty ${written} "…"}}`;
          context.report({
            loc: read.node.loc,
            message:
              `${tagText(read.family, written)} is ${model.whyMissing(resolved)}: there Iterable prints nothing, ` +
              'leaving an empty element or a half-built link',
            hint: `print it only when it is there: ${ifBlock(read.family, written)}, or give a fallback: ${fallback}`,
          });
        }
      },
    };
  },
};
