/**
 * `each-over-scalar` (found statically; the renderer reports the same id when it meets one): `#each` over a path
 * whose data is a string, a number or a boolean in some recording, schema or sample user. Iterable documents `#each`
 * for lists and objects only; its engine then iterates the Java value's bean properties (a boolean 4 times, a
 * string 23 times on the build we observed: docs/differences.md), an undocumented output.
 *
 * Not reported: a value that is only a list, an object or null (a null renders the else block, as documented),
 * paths the data does not know or cannot judge.
 */
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { DataModel, tagText } from '../data.js';

const SCALARS = ['string', 'number', 'boolean'] as const;

export const eachOverScalar: Rule = {
  meta: lintRuleMeta('each-over-scalar', {
    recommended: true,
    fixable: false,
    requiresAny: ['feed-shapes', 'users'],
    examples: {
      wrong: '[[#each welcome_codes.voucher.code]]<li>[[this]]</li>[[/each]]\n',
      right: '[[#each welcome_codes.voucher.categories]]<li>[[name]]</li>[[/each]]\n',
    },
  }),
  create(context) {
    const model = new DataModel(context.knowledge);
    return {
      onEnd() {
        for (const read of context.analysis.reads) {
          if (read.use !== 'iterated' || read.helper?.definition?.meta.name !== 'each') continue;
          const resolved = model.resolve(read);
          if (!resolved) continue;
          const kinds = resolved.lookup.shape.kinds;
          const scalars = SCALARS.filter((k) => kinds.has(k));
          if (!scalars.length) continue;
          const sometimes = kinds.has('array') || kinds.has('object') ? ' in some of the data' : '';
          context.report({
            loc: read.node.loc,
            message:
              `#each over ${tagText(read.family, read.node.original)}, which is a ${scalars.join(' or ')}${sometimes}, not a list: ` +
              "Iterable's engine iterates the Java value's internals, an undocumented output",
            hint: 'iterate a list or an object; to print a single value, print it without #each',
          });
        }
      },
    };
  },
};
