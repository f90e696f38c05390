/**
 * `prints-non-scalar`: `{{x}}` or `[[x]]` where the data may hold an object or a list at `x` (a voucher's
 * `discount`, a profile's `emailListIds`). Iterable does not document what it prints then; its engine binds JSON as
 * a Jackson tree and prints Java's rendering: a list as compact JSON (`[4821]`), an object as `{type="PERCENT",
 * percent_off=10}`, both HTML-escaped (DESIGN.md rule 4; corpus core.jsonl `num.obj`). Neither is what a reader
 * should see. A value that is a scalar in some data and a container in other data is reported too ("may be").
 *
 * Not reported: values passed to helpers (`join`, `toJson`, `size` take lists on purpose), sections and conditions,
 * paths the data does not know or cannot judge, and values whose shape is only a scalar.
 */
import { ANY_ELEMENT } from '../../../analysis/analyze.js';
import type { Shape } from '../../../analysis/shape.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { DataModel, tagText } from '../data.js';

export const printsNonScalar: Rule = {
  meta: lintRuleMeta('prints-non-scalar', {
    recommended: true,
    fixable: false,
    requiresAny: ['feed-shapes', 'users'],
    examples: {
      wrong: '[[#if welcome_codes.voucher.discount]]<p>Your discount: [[welcome_codes.voucher.discount]]</p>[[/if]]\n',
      right: '[[#if welcome_codes.voucher.discount.percent_off]]<p>Your discount: [[welcome_codes.voucher.discount.percent_off]]%</p>[[/if]]\n',
    },
  }),
  create(context) {
    const model = new DataModel(context.knowledge);
    return {
      onEnd() {
        for (const read of context.analysis.reads) {
          if (read.use !== 'printed' && read.use !== 'printed-raw') continue;
          const resolved = model.resolve(read);
          if (!resolved || !resolved.lookup.shape.mayBeContainer) continue;
          const kinds = resolved.lookup.shape.kinds;
          const written = read.node.original || 'this';
          const what = kinds.has('object') && kinds.has('array') ? 'an object or a list' : kinds.has('array') ? 'a list' : 'an object';
          // Only containers (or null, which prints nothing): it is one; with scalars too, only in some data.
          const always = [...kinds].every((k) => k === 'object' || k === 'array' || k === 'null');
          const looks = kinds.has('array') ? '[1,"a"]' : '{a=1, b="x"}';
          const field = firstField(resolved.lookup.shape);
          const suggestions = [
            field !== undefined && kinds.has('object') ? `a field of it (${tagText(read.family, `${written}.${field}`)})` : undefined,
            field !== undefined && !kinds.has('object') ? `a field of each element (${eachBlock(read.family, written, field)})` : undefined,
            kinds.has('array') ? `${tagText(read.family, `join ${written} ", "`)} for a list of text` : undefined,
            `${tagText(read.family, `toJson ${written}`)} for JSON`,
          ].filter((s) => s !== undefined);
          context.report({
            loc: read.node.loc,
            message:
              `${tagText(read.family, written)} ${always ? 'is' : 'may be'} ${what} in ${resolved.origin === 'user' ? 'the sample users' : 'the feed data'}: ` +
              `Iterable prints Java's rendering of it (like ${looks}, HTML-escaped), which Iterable does not document`,
            hint: `print ${suggestions.join(', or ')}`,
          });
        }
      },
    };
  },
};

/** A scalar field of the object (or of the list's elements), to suggest. */
function firstField(shape: Shape): string | undefined {
  const object = shape.kinds.has('object') ? shape : shape.element;
  if (!object) return undefined;
  for (const [key, field] of object.fields) if (!field.shape.mayBeContainer && key !== ANY_ELEMENT) return key;
  return undefined;
}

/** `[[#each list]][[field]][[/each]]` in the family's delimiters. */
function eachBlock(family: 'user' | 'feed', list: string, field: string): string {
  const [open, close] = family === 'feed' ? ['[[', ']]'] : ['{{', '}}'];
  return `${open}#each ${list}${close}${open}${field}${close}${open}/each${close}`;
}
