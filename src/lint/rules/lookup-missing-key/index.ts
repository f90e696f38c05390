/**
 * `lookup-missing-key`: `{{lookup object key}}` printed where the key may not be there: a literal key that the
 * object lacks in some (or all) of the data, or a key read from a path that may itself be missing or null. The
 * helper then prints nothing (Handlebars.java's `lookup`, corpus `path.lookup_helper`), silently, as a missing
 * field would; unlike a plain path, feed-path-not-found and unguarded-optional-path cannot see through it.
 *
 * Not reported: lookups inside a sub-expression (`(lookup …)` feeds another helper, often `defaultIfEmpty`, which
 * handles an empty result), the block form (`{{#lookup}}…{{else}}` has its own else branch), objects the data
 * does not know or cannot judge (a free-form `metadata`: any key may be there), and keys guarded by an `#if`.
 */
import { pathText } from '../../../analysis/analyze.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { DataModel, mayBeMissing, tagText } from '../data.js';

export const lookupMissingKey: Rule = {
  meta: lintRuleMeta('lookup-missing-key', {
    recommended: true,
    fixable: false,
    requiresAny: ['feed-shapes', 'users'],
    examples: {
      wrong: '<p>[[lookup welcome_codes.voucher "expiration_date"]]</p>\n',
      right: '<p>[[defaultIfEmpty (lookup welcome_codes.voucher "expiration_date") "no end date"]]</p>\n',
    },
  }),
  create(context) {
    const model = new DataModel(context.knowledge);
    const readOf = new Map(context.analysis.reads.map((read) => [read.node, read]));
    return {
      onEnd() {
        for (const call of context.analysis.helperCalls) {
          if (call.definition?.meta.name !== 'lookup' || call.form !== 'inline') continue;
          const [objectNode, keyNode] = call.params;
          if (objectNode?.type !== 'PathExpression' || !keyNode) continue;
          const objectRead = readOf.get(objectNode);
          const object = objectRead && model.resolve(objectRead);
          if (!objectRead || !object) continue;
          const written = objectNode.original;
          if (keyNode.type === 'StringLiteral' || keyNode.type === 'NumberLiteral') {
            // An index into a list may be out of range in any data: that is what the index means, not a mistake.
            if (keyNode.type === 'NumberLiteral' && object.lookup.shape.kinds.has('array')) continue;
            const key = keyNode.type === 'StringLiteral' ? keyNode.value : keyNode.original;
            const path = [...object.candidate, key];
            const found = model.lookup(objectRead.family, path);
            if (!found || found.result.status === 'unknown') continue;
            if (found.result.status === 'found' && !mayBeMissing(found.result)) continue;
            if (found.result.status === 'found' && objectRead.guard && startsWith(path, objectRead.guard.path)) continue;
            const why =
              found.result.status === 'missing'
                ? `no ${found.origin === 'user' ? 'sample user' : 'recorded response or schema'} has it`
                : model.whyMissing({ candidate: path, lookup: found.result, origin: found.origin });
            context.report({
              loc: keyNode.loc,
              message: `lookup of '${key}' in ${tagText(objectRead.family, written)}: ${pathText(path)} is ${found.result.status === 'missing' ? 'never there' : 'not always there'} (${why}): then Iterable prints nothing`,
              hint: `guard it or give a fallback: ${tagText(objectRead.family, `defaultIfEmpty (lookup ${written} ${keyNode.type === 'StringLiteral' ? JSON.stringify(key) : key}) "…"`)}`,
            });
            continue;
          }
          if (keyNode.type !== 'PathExpression') continue;
          const keyRead = readOf.get(keyNode);
          const key = keyRead && !keyRead.guard ? model.resolve(keyRead) : undefined;
          if (!keyRead || !key || !mayBeMissing(key.lookup)) continue;
          context.report({
            loc: keyNode.loc,
            message: `the lookup key ${tagText(keyRead.family, keyNode.original)} is ${model.whyMissing(key)}: with no key, Iterable prints nothing here`,
            hint: `look up only when the key is there: ${keyRead.family === 'feed' ? `[[#if ${keyNode.original}]]…[[/if]]` : `{{#if ${keyNode.original}}}…{{/if}}`}`,
          });
        }
      },
    };
  },
};

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}
