/** Shared by the path rules: where a candidate's segment sits in the tag, and the closest path that exists. */
import { ANY_ELEMENT, type PathRead } from '../../analysis/analyze.js';
import type { PathLookup, Shape } from '../../analysis/shape.js';
import { closestName } from '../../diagnostics/suggest.js';
import { javaMember, type MemberAnswer } from '../../runtime/java-members.js';
import { JsonNumber } from '../../values/json-number.js';

/**
 * The index in `read.node.parts` of the candidate's segment `at`; negative when that segment comes from the
 * enclosing context (the path of an `#each` or `#with`), not from the tag itself.
 */
export function segmentOffset(read: PathRead, candidate: readonly string[], at: number): number {
  const own = read.scope.kind === 'root' || read.scope.kind === 'block-param' ? read.node.parts.slice(1) : read.node.parts;
  const lead = read.scope.kind === 'root' || read.scope.kind === 'block-param' ? 1 : 0;
  return at - (candidate.length - own.length) + lead;
}

/**
 * The existing path nearest to a missing one: the missing segment replaced by the closest field name at its
 * level; else a path elsewhere in the shape that ends with the same segments (`[[code]]` →
 * `welcome_codes.voucher.code`).
 */
export function closestPath(root: Shape, candidate: readonly string[], lookup: Extract<PathLookup, { status: 'missing' }>): string[] | undefined {
  if (lookup.closest !== undefined) {
    const fixed = [...candidate.slice(0, lookup.at), lookup.closest, ...candidate.slice(lookup.at + 1)];
    if (root.resolve(fixed).status !== 'missing') return fixed;
    return [...candidate.slice(0, lookup.at), lookup.closest];
  }
  const tail = candidate.slice(lookup.at).filter((s) => s !== ANY_ELEMENT);
  const all = root.paths();
  const ending = all.filter((p) => {
    const plain = p.filter((s) => s !== ANY_ELEMENT);
    return plain.length >= tail.length && tail.every((s, i) => plain[plain.length - tail.length + i] === s);
  });
  if (ending.length) return ending.sort((a, b) => a.length - b.length)[0];
  const last = candidate[candidate.length - 1];
  const name =
    last === undefined
      ? undefined
      : closestName(
          last,
          all.map((p) => p[p.length - 1]!),
        );
  return name === undefined ? undefined : all.find((p) => p[p.length - 1] === name);
}

/**
 * A last segment that the object lacks and a Java method of the object answers for: Handlebars.java prints that
 * method's answer (`size` a number of keys, `empty` `false`, `null` `false` on an #each element), not nothing
 * (conformance corpus fuzz-classes.jsonl; runtime/java-members.ts). The java-method-key rule reports those reads.
 */
export function answersWithJavaMethod(candidate: readonly string[], at: number): boolean {
  return at === candidate.length - 1 && at > 0 && objectMember(candidate[at]!, candidate[at - 1] === ANY_ELEMENT) !== undefined;
}

/** An object with one key, to ask which Java methods a JSON object has. */
const SAMPLE_OBJECT = new Map([['k', JsonNumber.fromNumber(1)]]);

/**
 * The Java method of a JSON object that answers for `name`, if any: on the raw Jackson node (`rawNode`: the root, an
 * `#each` element) JsonNode's (`null`, `number`, `size`...), on an object a path reached the Map view's (`size`,
 * `empty`, `toString`).
 */
export function objectMember(name: string, rawNode: boolean): MemberAnswer | undefined {
  return javaMember(SAMPLE_OBJECT, name, rawNode);
}
