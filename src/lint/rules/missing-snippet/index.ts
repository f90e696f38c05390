/**
 * `missing-snippet`: `{{{snippet "name"}}}` naming a snippet the project does not have, directly or through the
 * snippets it includes (`footer` includes `social-links`, which does not exist), and a snippet that includes
 * itself. In Iterable a missing snippet renders nothing in its place, and with `required=true` the message is
 * not sent (send-skip reason `SnippetLookupError`: "Snippet does not exist and the Handlebars for the snippet
 * includes required=true", support article 360021169631); a snippet including itself fails the render.
 *
 * The snippets a project has come from the knowledge (`snippetExists`; `snippetNames` for the did-you-mean;
 * `snippetText` to follow includes). Without `snippetText` only the template's own calls are checked, not the
 * calls inside the snippets. A name that is not a string literal (`{{{snippet name}}}`) is known only at send
 * time and is not reported.
 */
import { analyze, type HelperUse } from '../../../analysis/analyze.js';
import { closestName } from '../../../diagnostics/suggest.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';

/** How deep includes are followed; Iterable's own nesting limit is not documented. */
const MAX_DEPTH = 10;

export const missingSnippet: Rule = {
  meta: lintRuleMeta('missing-snippet', {
    recommended: true,
    fixable: false,
    requires: ['snippets'],
    examples: { wrong: '<td>{{{snippet "fotter"}}}</td>\n', right: '<td>{{{snippet "footer"}}}</td>\n' },
  }),
  create(context) {
    const { snippetExists, snippetNames, snippetText } = context.knowledge;
    /** The snippets each snippet includes (by literal name), read once per lint. */
    const includes = new Map<string, string[]>();
    const includedBy = (name: string): string[] => {
      let names = includes.get(name);
      if (!names) {
        const text = snippetText?.(name);
        names = text === undefined ? [] : snippetCalls(analyze(text, { helpers: context.helpers, file: name }).helperCalls).map((c) => c.name);
        includes.set(name, names);
      }
      return names;
    };
    /** The first broken link below `name`: a chain ending at a missing snippet or at a repeated one. */
    const brokenBelow = (chain: string[]): { chain: string[]; kind: 'missing' | 'cycle' } | undefined => {
      if (chain.length > MAX_DEPTH) return undefined;
      for (const next of includedBy(chain[chain.length - 1]!)) {
        const longer = [...chain, next];
        if (chain.includes(next)) return { chain: longer, kind: 'cycle' };
        if (!snippetExists!(next)) return { chain: longer, kind: 'missing' };
        const below = brokenBelow(longer);
        if (below) return below;
      }
      return undefined;
    };
    return {
      onEnd() {
        if (!snippetExists) return;
        for (const { name, call } of snippetCalls(context.analysis.helperCalls)) {
          const loc = call.params[0]!.loc;
          const required = call.hash?.pairs.some((p) => p.key === 'required' && p.value.type === 'BooleanLiteral' && p.value.value);
          if (!snippetExists(name)) {
            const suggestion = snippetNames ? closestName(name, snippetNames) : undefined;
            context.report({
              loc,
              message: `the snippet "${name}" does not exist: ${required ? 'with required=true Iterable does not send the message (SnippetLookupError)' : 'Iterable renders nothing in its place'}`,
              hint: suggestion ? `did you mean "${suggestion}"?` : `check the name, or add the snippet (snippets/${name}.html)`,
            });
            continue;
          }
          const broken = snippetText ? brokenBelow([name]) : undefined;
          if (!broken) continue;
          const path = broken.chain.map((n) => `"${n}"`).join(' → ');
          const last = broken.chain[broken.chain.length - 1]!;
          const suggestion = broken.kind === 'missing' && snippetNames ? closestName(last, snippetNames) : undefined;
          context.report({
            loc,
            message:
              broken.kind === 'cycle'
                ? `the snippet "${name}" includes itself (${path}): the render fails and Iterable does not send the message`
                : `the snippet "${name}" includes "${last}", which does not exist (${path}): nothing is rendered in its place`,
            hint: suggestion
              ? `in the snippet "${broken.chain[broken.chain.length - 2]}": did you mean "${suggestion}"?`
              : `fix the snippet "${broken.chain[broken.chain.length - 2]}"`,
          });
        }
      },
    };
  },
};

/** The snippet calls whose name is a string literal. */
function snippetCalls(calls: readonly HelperUse[]): Array<{ name: string; call: HelperUse }> {
  return calls.flatMap((call) => {
    const first = call.params[0];
    return call.definition?.meta.name === 'snippet' && first?.type === 'StringLiteral' ? [{ name: first.value, call }] : [];
  });
}
