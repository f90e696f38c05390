/**
 * `java-method-key`: a key named like a Java method of the object (`size`, `empty`, `null`, `number`, `toString`...)
 * whose value may be null or missing. Iterable's engine binds JSON as a Jackson tree and resolves a name with Java's
 * resolvers too, so when the key holds null (or is absent) the object's own method of that name answers:
 * `{{size}}` over `{"size": null, "empty": null, "o": {}}` prints the object's number of keys (3), `{{empty}}`
 * prints `false`, and `{{#each items}}{{number}}{{/each}}` prints `false` for an item without `number`
 * (conformance corpus fuzz-classes.jsonl, `java-method-name-as-key`; runtime/java-members.ts; docs/differences.md).
 * Which methods answer depends on where the object is: the root and an `#each` element are Jackson nodes (JsonNode's
 * `isNull()`, `isNumber()`, `getNodeType()`...), an object a path reached is a `java.util.Map` (`size`, `empty`,
 * `toString`). Iterable documents none of it. The same answer also makes an `#if` of the key true, so guards do not
 * help: every read of such a key is reported.
 *
 * Not reported: `length`/`size` of a list or a string (DESIGN.md rule 6: documented-looking and intended), keys
 * that are always there and non-null, and paths the data does not know or cannot judge.
 */
import { ANY_ELEMENT, pathText, type PathRead } from '../../../analysis/analyze.js';
import { JAVA_MEMBER_NAMES, type MemberAnswer } from '../../../runtime/java-members.js';
import { printValue } from '../../../values/print.js';
import { objectMember } from '../paths.js';
import { closestName } from '../../../diagnostics/suggest.js';
import type { Rule } from '../../rule.js';
import { lintRuleMeta } from '../../rule.js';
import { DataModel, mayBeMissing, tagText } from '../data.js';

const ANSWERS: Record<string, string> = {
  size: "the object's number of keys",
  empty: '`false` (whether the object is empty)',
  toString: 'the object printed as text',
};

/** What the method answers, in words. */
function answerText(name: string, answer: MemberAnswer): string {
  if (Object.hasOwn(ANSWERS, name)) return ANSWERS[name]!;
  if ('internal' in answer) return `Java internals (${answer.internal}), which mergetag prints as nothing`;
  return `\`${printValue(answer.value)}\``;
}

export const javaMethodKey: Rule = {
  meta: lintRuleMeta('java-method-key', {
    recommended: true,
    fixable: false,
    requiresAny: ['feed-shapes', 'users'],
    examples: {
      wrong: '<p>Published [[welcome_codes.voucher.publish.size]] times</p>\n',
      right: '<p>Published [[defaultIfEmpty welcome_codes.voucher.publish.count 0]] times</p>\n',
    },
  }),
  create(context) {
    const model = new DataModel(context.knowledge);
    return {
      onEnd() {
        for (const read of context.analysis.reads) {
          const last = read.node.parts[read.node.parts.length - 1];
          if (last === undefined || !JAVA_MEMBER_NAMES.has(last) || read.candidates.length === 0) continue;
          const found = keyAt(model, read, last);
          if (!found) continue;
          context.report({
            loc: read.node.loc,
            message:
              `${tagText(read.family, read.node.original)} is ${found.why}: then Iterable's engine answers ` +
              `with the Java method '${last}' of the object instead, ${answerText(last, found.answer)}`,
            hint: found.absent
              ? `name the field the object has${found.closest ? ` (did you mean '${found.closest}'?)` : ''}; '${last}' answers with Java's method, not a value`
              : "rename the key in the data if you can (Java's method answers when it is null); else print a sibling field",
          });
        }
      },
    };
  },
};

/**
 * The read's key, when it is a key of an object that may be null or missing there (`size`/`empty` absent from the
 * object answer too: `{{o.size}}` over `{"a": 1}` prints 1); undefined when it is always a real value, or the
 * parent is a list or a string (`list.size` is intended), or the data cannot tell.
 */
function keyAt(model: DataModel, read: PathRead, key: string): { why: string; absent: boolean; closest: string | undefined; answer: MemberAnswer } | undefined {
  const own = read.node.parts.length - (read.scope.kind === 'root' || read.scope.kind === 'block-param' ? 1 : 0);
  for (const candidate of read.candidates) {
    const parentPath = candidate.slice(0, -1);
    const parent = model.lookup(read.family, parentPath);
    if (!parent || parent.result.status === 'unknown') return undefined;
    if (parent.result.status === 'missing') continue;
    const shape = parent.result.shape;
    if (!shape.kinds.has('object') || shape.open || shape.kinds.has('array') || shape.kinds.has('string')) return undefined;
    // The root and an #each element are raw Jackson nodes when the key is read on them directly.
    const rawNode = own === 1 && (parentPath.length === 0 || parentPath[parentPath.length - 1] === ANY_ELEMENT);
    const answer = objectMember(key, rawNode);
    if (!answer) return undefined;
    const field = shape.fields.get(key);
    if (!field) {
      const closest = closestName(key, [...shape.fields.keys()]) ?? (shape.fields.has('count') ? 'count' : undefined);
      return { why: `not a field of ${pathText(parentPath) || 'the root'}`, absent: true, closest, answer };
    }
    const resolved = model.resolve(read);
    if (!resolved || !mayBeMissing(resolved.lookup)) return undefined;
    return { why: model.whyMissing(resolved), absent: false, closest: undefined, answer };
  }
  return undefined;
}
