/**
 * Shared by the data rules (unguarded-optional-path, comparison-on-nullable, prints-non-scalar and their
 * siblings): where a read leads in what the project knows of the data, in how many samples it is missing, and how
 * to say so. A read resolves in the first context that has its path (Handlebars.java's lookup), so the rules judge
 * the first candidate that the shape knows; a candidate under a free-form object (a voucher's `metadata`) or an
 * unknown context ends the judgement: nothing can be said of it.
 */
import { ANY_ELEMENT, type PathRead } from '../../analysis/analyze.js';
import type { PathLookup, Shape } from '../../analysis/shape.js';
import { feedContextShape, type FeedKnowledge, type TemplateKnowledge } from '../knowledge.js';
import { printValue } from '../../values/print.js';
import type { Value } from '../../values/types.js';
import type { BlockStatement, Expression, MustacheStatement } from '../../syntax/ast.js';
import type { VisitPath } from '../../syntax/visitor.js';

export type Found = Extract<PathLookup, { status: 'found' }>;

export interface ResolvedRead {
  /** The absolute path the read resolves to (from its family's root). */
  candidate: string[];
  lookup: Found;
  /** Where the value comes from: the feeds' responses or the sample users. */
  origin: 'feed' | 'user';
}

/** Resolves reads against the project's knowledge; built once per template. */
export class DataModel {
  private readonly feedRoot: Shape | undefined;
  private readonly userRoot: Shape | undefined;

  constructor(private readonly knowledge: TemplateKnowledge) {
    const feeds = knowledge.feeds ?? [];
    this.feedRoot = feeds.some((f) => f.shape) ? feedContextShape(feeds) : undefined;
    this.userRoot = knowledge.users?.shape;
  }

  /**
   * The first candidate of the read that the data has: found (with whether it may be missing or null), or
   * undefined when no candidate is found or one before it cannot be judged (unknown).
   */
  resolve(read: PathRead): ResolvedRead | undefined {
    for (const candidate of read.candidates) {
      const lookup = this.lookup(read.family, candidate);
      if (!lookup) return undefined;
      if (lookup.result.status === 'unknown') return undefined;
      if (lookup.result.status === 'found') return { candidate, lookup: lookup.result, origin: lookup.origin };
    }
    return undefined;
  }

  /** Where an absolute path of a family leads; undefined when nothing is known of that family. */
  lookup(family: PathRead['family'], candidate: string[]): { result: PathLookup; origin: 'feed' | 'user' } | undefined {
    if (family === 'feed') return this.feedRoot && { result: this.feedRoot.resolve(candidate), origin: 'feed' };
    // `{{ }}`: the user profile; with mergeDataFeedContext, the feed context under it (user fields win).
    const user = this.userRoot?.resolve(candidate);
    if (user && user.status !== 'missing') return { result: user, origin: 'user' };
    if (this.knowledge.mergeDataFeedContext && this.feedRoot) {
      const feed = this.feedRoot.resolve(candidate);
      if (feed.status !== 'missing' || !user) return { result: feed, origin: 'feed' };
    }
    return user && { result: user, origin: 'user' };
  }

  /**
   * Why the value at `resolved` may be missing or null, for a message: counted in the samples when they show it
   * ("absent or null in 1 of 2 recorded responses", "absent from 1 of 3 sample users"), else the schema that
   * allows it ("optional in the Voucherify publication schema").
   */
  whyMissing(resolved: ResolvedRead): string {
    if (resolved.origin === 'user') {
      const profiles = this.knowledge.users?.profiles ?? [];
      const lacking = profiles.filter((p) => lacks(p.profile, resolved.candidate)).length;
      if (lacking > 0) return `absent or null for ${lacking} of ${profiles.length} sample user${profiles.length === 1 ? '' : 's'}`;
      return 'optional in the sample users';
    }
    const located = this.feedOf(resolved.candidate);
    if (located) {
      const { feed, path } = located;
      const lacking = feed.samples.filter((sample) => lacks(sample, path)).length;
      if (lacking > 0) return `absent or null in ${lacking} of ${feed.samples.length} recorded response${feed.samples.length === 1 ? '' : 's'}`;
      const schemas = feed.shapeSources.filter((s) => !/recorded response/.test(s));
      const seen = feed.samples.length ? ` (every recorded response has it: it may depend on the campaign)` : '';
      if (schemas.length) return `optional or nullable in ${schemas.join(' and ')}${seen}`;
    }
    return 'missing or null in some responses';
  }

  /**
   * In how many samples the value is an empty string (or missing or null), for helpers that fail on "" too
   * (`#ifContainsStr`, as Iterable documents): "empty, missing or null for 1 of 3 sample users"; undefined when
   * no sample shows it.
   */
  whyEmpty(resolved: ResolvedRead): string | undefined {
    const samples = this.samplesOf(resolved);
    if (!samples) return undefined;
    const path = samples.relative(resolved.candidate);
    const empty = samples.values.filter((sample) => lacks(sample, path, true)).length;
    if (empty === 0) return undefined;
    const total = samples.values.length;
    const what =
      resolved.origin === 'user'
        ? `for ${empty} of ${total} sample user${total === 1 ? '' : 's'}`
        : `in ${empty} of ${total} recorded response${total === 1 ? '' : 's'}`;
    return `empty, missing or null ${what}`;
  }

  /**
   * Whether an enclosing `#ifEq`/`#eq` of a sibling field with a literal (`[[#ifEq voucher.discount.type
   * "PERCENT"]]`) makes the read's value present: every sample where the comparison holds has it, and at least
   * one sample shows the case. Voucherify's responses are unions on such a discriminator (a percentage discount
   * has `percent_off`, an amount discount `amount_off`), which the merged shape cannot tell apart.
   */
  impliedByComparison(resolved: ResolvedRead, enclosing: readonly BlockStatement[], readOf: ReadonlyMap<Expression, PathRead>): boolean {
    for (const block of enclosing) {
      if (this.comparesItself(block, resolved, readOf)) return true;
      const name = block.path.original;
      if ((name !== 'ifEq' && name !== 'eq') || block.params.length !== 2) continue;
      const [a, b] = block.params;
      const pathNode = a?.type === 'PathExpression' ? a : b?.type === 'PathExpression' ? b : undefined;
      const literal = literalText(pathNode === a ? b : a);
      const discriminatorRead = pathNode && readOf.get(pathNode);
      const discriminator = discriminatorRead && this.resolve(discriminatorRead);
      if (literal === undefined || !discriminator || discriminator.origin !== resolved.origin) continue;
      const parent = discriminator.candidate.slice(0, -1);
      if (!parent.every((segment, i) => resolved.candidate[i] === segment) || parent.includes(ANY_ELEMENT)) continue;
      const samples = this.samplesOf(resolved);
      if (!samples) continue;
      const cases = samples.values.filter((sample) => printValue(valueAt(sample, samples.relative(discriminator.candidate))) === literal);
      if (cases.length > 0 && !cases.some((sample) => lacks(sample, samples.relative(resolved.candidate)))) return true;
    }
    return false;
  }

  /**
   * The block's truthy branch renders only when the value is there: a helper that fails on a missing value
   * (`#ifEq`, `#gt`...) or `#eq` with a literal (a missing value equals only null) compares the read's own path.
   */
  private comparesItself(block: BlockStatement, resolved: ResolvedRead, readOf: ReadonlyMap<Expression, PathRead>): boolean {
    const read = block.params.map((param) => readOf.get(param)).find((r) => r?.helper !== undefined);
    const definition = read?.helper?.definition;
    if (!read || !definition) return false;
    const hasLiteral = block.params.some((param) => literalText(param) !== undefined);
    if (!definition.meta.failsOnMissing && !(definition.meta.name === 'eq' && hasLiteral)) return false;
    return block.params.some((param) => {
      const other = readOf.get(param);
      const target = other && this.resolve(other);
      return target !== undefined && target.origin === resolved.origin && samePath(target.candidate, resolved.candidate);
    });
  }

  /** The samples a resolved read comes from, and how to make an absolute path relative to one. */
  private samplesOf(resolved: ResolvedRead): { values: readonly Value[]; relative: (path: readonly string[]) => string[] } | undefined {
    if (resolved.origin === 'user') return { values: (this.knowledge.users?.profiles ?? []).map((p) => p.profile), relative: (p) => [...p] };
    const located = this.feedOf(resolved.candidate);
    if (!located) return undefined;
    const drop = resolved.candidate.length - located.path.length;
    return { values: located.feed.samples, relative: (p) => p.slice(drop) };
  }

  /** The feed a feed-context path reads, and the path inside its response. */
  private feedOf(candidate: readonly string[]): { feed: FeedKnowledge; path: string[] } | undefined {
    const feeds = this.knowledge.feeds ?? [];
    const aliased = feeds.find((f) => f.alias !== undefined && f.alias === candidate[0]);
    if (aliased) return { feed: aliased, path: candidate.slice(1) };
    // Unaliased feeds merge at the root; the later one wins (DESIGN.md rule 10).
    const unaliased = feeds.filter((f) => f.alias === undefined && f.shape?.resolve(candidate).status === 'found');
    const feed = unaliased[unaliased.length - 1];
    return feed && { feed, path: [...candidate] };
  }
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((segment, i) => b[i] === segment);
}

/** The value at a plain path (names and indexes) of a sample. */
function valueAt(value: Value, path: readonly string[]): Value {
  let current = value;
  for (const segment of path) {
    if (current instanceof Map) current = current.get(segment);
    else if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else return undefined;
  }
  return current;
}

/** The text of a literal as the comparison helpers see it; undefined for anything else. */
function literalText(node: Expression | undefined): string | undefined {
  switch (node?.type) {
    case 'StringLiteral':
      return node.value;
    case 'NumberLiteral':
      return node.original;
    case 'BooleanLiteral':
      return String(node.value);
    default:
      return undefined;
  }
}

/**
 * Collects, per tag, the blocks whose truthy branch holds it (outermost first): a rule's visitors call `visit` on
 * every MustacheStatement and BlockStatement, and read `of(tag)` at the end.
 */
export class EnclosingBlocks {
  private readonly blocks = new Map<MustacheStatement | BlockStatement, BlockStatement[]>();

  visit(node: MustacheStatement | BlockStatement, path: VisitPath): void {
    const out: BlockStatement[] = [];
    const parents = path.parents;
    parents.forEach((parent, i) => {
      const next = parents[i + 1];
      if (parent.type === 'BlockStatement' && next !== undefined && next === parent.program) out.push(parent);
    });
    this.blocks.set(node, out);
  }

  of(tag: PathRead['tag']): readonly BlockStatement[] {
    return tag.type === 'PartialStatement' ? [] : (this.blocks.get(tag) ?? []);
  }
}

/** A found path may be missing or null in some sample, recording, variant or per the schema. */
export function mayBeMissing(lookup: Found): boolean {
  return lookup.optional || lookup.nullable;
}

/**
 * Whether `path` is missing or null in `value`. `[]` (and a name on an array, as the shape resolves it) looks at
 * every element: one element without it is enough. An index may be out of range: then it is missing. `length` and
 * `size` of a list or a string are there.
 */
export function lacks(value: Value, path: readonly string[], orEmpty = false): boolean {
  let current: Value[] = [value];
  for (const segment of path) {
    const next: Value[] = [];
    for (const item of current) {
      if (item === null || item === undefined) return true;
      // `length`/`size` of a list or a string answer in the engine (DESIGN.md rule 6), as the shape resolves them.
      if ((segment === 'length' || segment === 'size') && (Array.isArray(item) || typeof item === 'string')) {
        next.push(String(item.length));
      } else if (Array.isArray(item)) {
        if (segment === ANY_ELEMENT) next.push(...item);
        else if (/^\d+$/.test(segment)) next.push(item[Number(segment)]);
        else for (const element of item) next.push(element instanceof Map ? element.get(segment) : undefined);
      } else if (item instanceof Map) {
        if (segment === ANY_ELEMENT) next.push(...item.values());
        else next.push(item.get(segment));
      } else {
        return true;
      }
    }
    current = next;
  }
  return current.some((v) => v === null || v === undefined || (orEmpty && v === ''));
}

/** The tag's helper prints its first argument as it is (or nothing when it is empty): `{{upper x}}` does not. */
export function printsArgument(read: PathRead): boolean {
  const helper = read.helper;
  if (!helper || helper.param !== 0 || read.tag.type !== 'MustacheStatement') return false;
  // Only the tag's own helper prints: a value inside a sub-expression goes through another helper first.
  const head = read.tag.path;
  if (head.type !== 'PathExpression' || head.original !== helper.name) return false;
  return /^prints nothing/.test(helper.definition?.meta.onMissing ?? '');
}

/** `{{x}}`, `{{{x}}}`, or a helper argument the tag prints. */
export function isPrinted(read: PathRead): boolean {
  return read.use === 'printed' || read.use === 'printed-raw' || printsArgument(read);
}

/** A path as written in its family's delimiters: `[[a.b]]`, `{{a.b}}`. */
export function tagText(family: PathRead['family'], text: string): string {
  return family === 'feed' ? `[[${text}]]` : `{{${text}}}`;
}

/** `[[#if a.b]]…[[/if]]` in the read's family, for hints. */
export function ifBlock(family: PathRead['family'], text: string, body = '…'): string {
  return family === 'feed' ? `[[#if ${text}]]${body}[[/if]]` : `{{#if ${text}}}${body}{{/if}}`;
}
