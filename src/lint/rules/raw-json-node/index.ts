/**
 * `raw-json-node` (found statically; the renderer reports the same id when it meets one): the element parameter of
 * `{{#each list as |item|}}` passed to a helper (`{{#if item}}`, `{{upper item}}`, `{{#eq item "x"}}`) where the
 * list holds texts, numbers or booleans. Handlebars.java binds that parameter to the element's raw Jackson node, and
 * a JsonNode is a Java Iterable of its children: a text, number or boolean node has none, so `Utils.isEmpty` finds
 * it empty and the helper treats it as missing (`{{#if item}}` is false for `"a"`). Checked against the Java engine
 * (fuzz class block-params-raw-jsonnode; docs/differences.md). Printing `{{item}}` is fine (it prints as JSON text).
 *
 * Not reported: lists of objects or lists (a non-empty node is not empty), paths the data does not know.
 */
import { ANY_ELEMENT } from '../../../analysis/analyze.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { DataModel, tagText } from '../data.js';

const SCALARS = ['string', 'number', 'boolean'] as const;

export const rawJsonNode: Rule = {
  meta: lintRuleMeta('raw-json-node', {
    recommended: true,
    fixable: false,
    requiresAny: ['feed-shapes', 'users'],
    examples: {
      wrong: '{{#each emailListIds as |id|}}{{#if id}}<li>{{id}}</li>{{/if}}{{/each}}\n',
      right: '{{#each emailListIds}}{{#if this}}<li>{{this}}</li>{{/if}}{{/each}}\n',
    },
  }),
  create(context) {
    const model = new DataModel(context.knowledge);
    return {
      onEnd() {
        for (const read of context.analysis.reads) {
          const scope = read.scope;
          if (scope.kind !== 'block-param' || read.helper === undefined || read.node.parts.length !== 1) continue;
          const bound = scope.bound;
          if (!bound || bound[bound.length - 1] !== ANY_ELEMENT) continue;
          const resolved = model.resolve(read);
          if (!resolved) continue;
          const kinds = resolved.lookup.shape.kinds;
          const scalars = SCALARS.filter((k) => kinds.has(k));
          if (!scalars.length) continue;
          context.report({
            loc: read.node.loc,
            message:
              `${tagText(read.family, read.node.original)} is an #each element parameter, bound to the raw JSON node of a ${scalars.join(' or ')}: ` +
              `Iterable's engine finds such a node empty, so ${read.helper.name} treats it as missing`,
            hint: 'iterate without block parameters and use this ({{#each list}}{{#if this}}…), which is the element as a value',
          });
        }
      },
    };
  },
};
