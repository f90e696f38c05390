/**
 * `snippet-escaped`: `{{snippet "footer"}}` with double braces. A snippet is HTML, and `{{ }}` HTML-escapes what
 * the helper returns (DESIGN.md rule 3), so the recipient sees the snippet's markup as text (`&lt;table&gt;…`),
 * and an apostrophe in it as `&#x27;` in plain-text channels. Iterable's snippet article writes the call with
 * triple braces, `{{{snippet "sign_up_button" color="#FF5733"}}}` (support article 4414796078868).
 *
 * Reported although "Personalizing Templates with Handlebars" (support article 205480365) shows
 * `{{snippet "snippetname" arg0=x arg1=y}}`: its snippet is plain text, which escaping leaves alone; the same
 * call breaks as soon as the snippet holds markup or a value holds `&`, `'` or `"`, and triple braces are right in
 * both cases, so the warning costs nothing to follow.
 *
 * Not reported: the triple-brace and `&` forms, and `(snippet …)` passed to another helper (that helper's tag
 * decides how the result is printed).
 */
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';

export const snippetEscaped: Rule = {
  meta: lintRuleMeta('snippet-escaped', {
    recommended: true,
    fixable: false,
    examples: { wrong: '<td>{{snippet "footer"}}</td>\n', right: '<td>{{{snippet "footer"}}}</td>\n' },
  }),
  create(context) {
    return {
      onEnd() {
        for (const call of context.analysis.helperCalls) {
          if (call.definition?.meta.name !== 'snippet' || call.node.type !== 'MustacheStatement' || !call.node.escaped) continue;
          const tag = context.source.text.slice(call.node.loc.start.offset, call.node.loc.end.offset);
          const raw = tag.replace(/^(\{\{|\[\[)(~?)/, '$1$2{').replace(/(~?)(\}\}|\]\])$/, '}$1$2');
          context.report({
            loc: call.node.loc,
            message: `${tag} HTML-escapes the snippet: the recipient sees its markup as text (<p> prints as &lt;p&gt;)`,
            hint: `write ${raw}`,
          });
        }
      },
    };
  },
};
