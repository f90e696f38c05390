/**
 * `unknown-helper`: a tag calls a helper Iterable does not have. Called with parameters, Handlebars.java refuses
 * the template (the message is not sent); without parameters it reads a field of that name instead, so only calls
 * with parameters and blocks with parameters are reported. The hint names the closest helper, including the names
 * authors bring from Liquid and JavaScript (`upcase` → `upper`, `date` → `dateFormat`).
 */
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';

export const unknownHelper: Rule = {
  meta: lintRuleMeta('unknown-helper', {
    recommended: true,
    fixable: false,
    examples: { wrong: '<p>{{upcase firstName}}</p>\n', right: '<p>{{upper firstName}}</p>\n' },
  }),
  create(context) {
    return {
      onEnd() {
        for (const call of context.analysis.helperCalls) {
          if (call.definition) continue;
          const head = call.node.path;
          const suggestion = context.helpers.suggest(call.name);
          context.report({
            loc: head.loc,
            message: `could not find helper '${call.name}': Iterable refuses the template and the message is not sent`,
            hint: suggestion ? `did you mean '${suggestion}'?` : 'see docs/helpers.md for the helpers Iterable has',
          });
        }
      },
    };
  },
};
