/**
 * Random nested templates in the whole language Iterable's engine reads (not only the part handlebars.js and
 * mustache.js share): text, comments, escaped/triple/`&` mustaches, paths of every kind (dotted and slashed,
 * `this`, `./`, `../`, `@root`, data variables, segment literals, numeric segments, block parameters), literal
 * params, sub-expressions, hash params, `#if/#unless/#each/#with` and sections with `else`, `^` and `else if`
 * chains, inverted sections, block parameters, `~` on any tag, `lookup`, and the jknack helpers Iterable documents.
 * Blocks nest up to MAX_DEPTH levels.
 *
 * A few constructs Handlebars.java refuses (a literal as a tag head, a mismatched close, `~` on a comment, an
 * unknown helper with params) come up rarely, so that both engines must agree on refusing them too.
 */
import fc from 'fast-check';
import { NO_TILDE, type Call, type ElseBranch, type Expr, type HashPair, type Node, type Tilde } from './template-ast.js';
import { BLOCK_PARAMS, DATA_KEYS, LITERALS, LOGIC, ORDERINGS, RARE_KEYS, RARE_TEXT_UNITS, STRING_HELPERS_1, TEXT_UNITS } from './vocabulary.js';

export const MAX_DEPTH = 4;

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>): fc.WeightedArbitrary<T> => ({ weight, arbitrary });

const tilde: fc.Arbitrary<Tilde> = fc.oneof(w(8, fc.constant(NO_TILDE)), w(2, fc.record({ open: fc.boolean(), close: fc.boolean() })));

// ---- paths -------------------------------------------------------------------------------------------------

const segment: fc.Arbitrary<string> = fc.oneof(
  w(12, fc.constantFrom(...DATA_KEYS)),
  w(1, fc.constantFrom('[a b]', '[n]', '[1]')),
  w(1, fc.constantFrom('0', '1', '[0]')),
  w(1, fc.constantFrom(...RARE_KEYS.filter((k) => !k.includes(' ')))),
);

/** The first segment: a number there is a parse error in Java's grammar, so it is rare. */
const firstSegment: fc.Arbitrary<string> = fc.oneof(
  w(400, fc.constantFrom(...DATA_KEYS)),
  w(20, fc.constantFrom('[a b]', '[n]', '[1]')),
  w(20, fc.constantFrom(...RARE_KEYS.filter((k) => !/[ 0-9]/.test(k)))),
  w(1, fc.constantFrom('0', '1', '[0]')),
);

const dottedPath: fc.Arbitrary<string> = fc
  .record({
    prefix: fc.oneof(
      w(10, fc.constant('')),
      w(1, fc.constantFrom('this.', './', 'this/')),
      w(2, fc.constant('../')),
      w(1, fc.constant('../../')),
      w(2, fc.constant('@root.')),
    ),
    first: firstSegment,
    segments: fc.array(segment, { maxLength: 2 }),
    separator: fc.oneof(w(9, fc.constant('.')), w(1, fc.constant('/'))),
  })
  .map(({ prefix, first, segments, separator }) => prefix + [first, ...segments].join(separator));

const specialPath: fc.Arbitrary<string> = fc.constantFrom('this', '.', '@index', '@first', '@last', '@key', '@../index', '@root', '../this', 'this.a');

const blockParamPath: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...BLOCK_PARAMS),
  fc.tuple(fc.constantFrom(...BLOCK_PARAMS), fc.constantFrom(...DATA_KEYS)).map(([p, k]) => `${p}.${k}`),
);

export const path: fc.Arbitrary<Expr> = fc.oneof(w(10, dottedPath), w(3, specialPath), w(2, blockParamPath)).map((text) => ({ kind: 'path' as const, text }));

const literal: fc.Arbitrary<Expr> = fc
  .oneof(w(20, fc.constantFrom(...LITERALS)), w(1, fc.constant('null')))
  .map((text) => ({ kind: 'literal' as const, text }));

// ---- helper calls ------------------------------------------------------------------------------------------

/** A param: mostly a path, sometimes a literal or (while depth allows) a sub-expression. */
function param(depth: number): fc.Arbitrary<Expr> {
  if (depth <= 0) return fc.oneof(w(3, path), w(1, literal));
  return fc.oneof(w(6, path), w(2, literal), w(1, helperCall(depth - 1)));
}

const stringLiteral = (...texts: string[]): fc.Arbitrary<Expr> => fc.constantFrom(...texts).map((text) => ({ kind: 'literal' as const, text }));
const intLiteral = (min: number, max: number): fc.Arbitrary<Expr> => fc.integer({ min, max }).map((n) => ({ kind: 'literal' as const, text: String(n) }));

const call = (helper: string, params: fc.Arbitrary<Expr[]>, hash: fc.Arbitrary<HashPair[]> = fc.constant([])): fc.Arbitrary<Expr> =>
  fc.record({ params, hash }).map(({ params: ps, hash: h }) => ({ kind: 'call' as const, helper, params: ps, hash: h }));

/** Mostly no hash; sometimes some of the given pairs. */
const optionalHash = (...pairs: Array<[string, fc.Arbitrary<Expr>]>): fc.Arbitrary<HashPair[]> =>
  fc.oneof(
    w(4, fc.constant([] as HashPair[])),
    w(
      1,
      fc
        .tuple(
          ...pairs.map(([k, v]) =>
            fc.option(
              v.map((e): HashPair => [k, e]),
              { nil: undefined },
            ),
          ),
        )
        .map((all) => all.filter((pair) => pair !== undefined)),
    ),
  );

/** The helpers a tag or sub-expression calls inline, with params of the kinds each expects (and sometimes not). */
function helperCall(depth: number): fc.Arbitrary<Expr> {
  return fc.oneof(
    w(400, knownHelperCall(depth)),
    // A name that is no helper: with params it is an error in both engines.
    w(
      1,
      call(
        'nohelper',
        fc.tuple(param(depth)).map((x) => [...x]),
      ),
    ),
  );
}

function knownHelperCall(depth: number): fc.Arbitrary<Expr> {
  const p = param(depth);
  return fc.oneof(
    w(
      3,
      fc.constantFrom('eq', 'neq').chain((h) =>
        call(
          h,
          fc.tuple(p, p).map((x) => [...x]),
          optionalHash(['yes', stringLiteral('"Y"')], ['no', stringLiteral('"N"')]),
        ),
      ),
    ),
    // gt and the others fail on a missing value (Java: "Not a comparable: null"), so one side is a number.
    w(
      1,
      fc.constantFrom(...ORDERINGS).chain((h) =>
        call(
          h,
          fc.tuple(p, intLiteral(-1, 10)).map((x) => [...x]),
          optionalHash(['yes', stringLiteral('"Y"')], ['no', stringLiteral('"N"')]),
        ),
      ),
    ),
    w(
      2,
      fc.constantFrom(...LOGIC).chain((h) => call(h, fc.array(p, { minLength: 1, maxLength: 3 }))),
    ),
    w(
      1,
      call(
        'not',
        fc.tuple(p).map((x) => [...x]),
      ),
    ),
    w(2, call('defaultIfEmpty', fc.array(p, { minLength: 1, maxLength: 2 }))),
    w(
      3,
      fc.constantFrom(...STRING_HELPERS_1).chain((h) => call(h, fc.array(p, { minLength: 1, maxLength: 2 }))),
    ),
    w(
      1,
      call(
        'abbreviate',
        fc.tuple(p, intLiteral(3, 12)).map((x) => [...x]),
      ),
    ),
    w(
      1,
      call(
        'substring',
        fc.tuple(p, intLiteral(0, 3), fc.option(intLiteral(0, 6), { nil: undefined })).map(([a, b, c]) => (c ? [a, b, c] : [a, b])),
      ),
    ),
    w(
      1,
      call(
        'replace',
        fc.tuple(p, stringLiteral('"a"', '" "', '"<"'), stringLiteral('"b"', '""', '"&"')).map((x) => [...x]),
      ),
    ),
    w(
      1,
      call(
        'join',
        fc.tuple(p, stringLiteral('", "', '"-"', '""')).map((x) => [...x]),
      ),
    ),
    w(1, call('cut', fc.array(p, { minLength: 1, maxLength: 2 }))),
    w(
      1,
      call(
        'center',
        fc.tuple(p).map((x) => [...x]),
        fc.tuple(intLiteral(0, 9), stringLiteral('"*"', '" "')).map(([size, pad]) => [['size', size] as const, ['pad', pad] as const]),
      ),
    ),
    w(1, call('numberFormat', fc.array(fc.oneof(p, stringLiteral('"integer"', '"currency"', '"percent"')), { minLength: 1, maxLength: 2 }))),
    w(
      4,
      call(
        'lookup',
        fc.tuple(p, fc.oneof(p, stringLiteral('"a"', '"b"', '"n"', '"zz"'), intLiteral(0, 2))).map((x) => [...x]),
      ),
    ),
  );
}

// ---- tags --------------------------------------------------------------------------------------------------

const mustache: fc.Arbitrary<Node> = fc
  .record({
    form: fc.oneof(w(6, fc.constant('escaped' as const)), w(2, fc.constant('triple' as const)), w(1, fc.constant('amp' as const))),
    // A literal as the head is a parse error in Java (its grammar wants a path): rare.
    head: fc.oneof(w(600, path), w(360, helperCall(2)), w(1, literal)),
    tilde,
  })
  .map((m) => ({ kind: 'mustache' as const, ...m }));

const text: fc.Arbitrary<Node> = fc
  .array(fc.oneof(w(60, fc.constantFrom(...TEXT_UNITS)), w(1, fc.constantFrom(...RARE_TEXT_UNITS))), { minLength: 1, maxLength: 5 })
  .map((units) => ({ kind: 'text' as const, text: units.join('') }));

const comment: fc.Arbitrary<Node> = fc
  .record({
    text: fc.constantFrom(' note ', '', ' a }} b ', 'x', ' {{x}} ', '-'),
    long: fc.boolean(),
    tilde: fc.oneof(w(150, fc.constant(NO_TILDE)), w(1, tilde)),
  })
  .map((c) => ({ kind: 'comment' as const, ...c }));

const blockParams = (max: number): fc.Arbitrary<string[]> =>
  fc.oneof(w(4, fc.constant([] as string[])), w(1, fc.constant(BLOCK_PARAMS.slice(0, max) as string[])), w(1, fc.constant([BLOCK_PARAMS[0]] as string[])));

/** An opening block call: the helper, its params, and block parameters where the helper gives them. */
function blockCall(): fc.Arbitrary<Call> {
  const p = param(1);
  const plain = (
    helper: string,
    params: fc.Arbitrary<Expr[]>,
    hash: fc.Arbitrary<HashPair[]> = fc.constant([]),
    bp: fc.Arbitrary<string[]> = fc.constant([]),
  ) => fc.record({ params, hash, blockParams: bp }).map((c) => ({ helper, ...c }));
  const one = p.map((x) => [x]);
  return fc.oneof(
    w(6, plain('if', one, fc.oneof(w(9, fc.constant([] as HashPair[])), w(1, fc.constant<HashPair[]>([['includeZero', { kind: 'literal', text: 'true' }]]))))),
    w(3, plain('unless', one)),
    w(6, plain('each', one, fc.constant([]), blockParams(2))),
    w(4, plain('with', one, fc.constant([]), blockParams(1))),
    // A section: the path is the head, as in `{{#items}}…{{/items}}`.
    w(
      3,
      dottedPath.map((helper) => ({ helper, params: [] as Expr[], hash: [] as HashPair[], blockParams: [] as string[] })),
    ),
    w(
      2,
      fc.constantFrom('eq', 'neq').chain((h) =>
        plain(
          h,
          fc.tuple(p, p).map((x) => [...x]),
        ),
      ),
    ),
    w(
      1,
      fc.constantFrom(...ORDERINGS).chain((h) =>
        plain(
          h,
          fc.tuple(p, intLiteral(-1, 10)).map((x) => [...x]),
        ),
      ),
    ),
    w(
      1,
      fc.constantFrom(...LOGIC).chain((h) => plain(h, fc.array(p, { minLength: 1, maxLength: 2 }))),
    ),
    w(1, plain('not', one)),
    // No params: Java applies the helper to `this`.
    w(
      1,
      fc.constantFrom('each', 'with', 'if').map((helper) => ({ helper, params: [] as Expr[], hash: [] as HashPair[], blockParams: [] as string[] })),
    ),
  );
}

/** The else chain of a block: `{{else if x}}`/`{{^if x}}` branches, then at most one plain `{{else}}`/`{{^}}`. */
function elses(body: fc.Arbitrary<Node[]>): fc.Arbitrary<ElseBranch[]> {
  const chained = fc.record({
    word: fc.oneof(w(10, fc.constant('else' as const)), w(1, fc.constant('^' as const))),
    chain: fc.oneof(
      w(
        3,
        param(1).map((x) => ({ helper: 'if', params: [x], hash: [] as HashPair[], blockParams: [] as string[] })),
      ),
      w(
        1,
        param(1).map((x) => ({ helper: 'unless', params: [x], hash: [] as HashPair[], blockParams: [] as string[] })),
      ),
      w(
        1,
        fc.tuple(param(1), param(1)).map(([a, b]) => ({ helper: 'eq', params: [a, b], hash: [] as HashPair[], blockParams: [] as string[] })),
      ),
    ),
    tilde,
    body,
  });
  const plain = fc.record({ word: fc.oneof(w(6, fc.constant('else' as const)), w(1, fc.constant('^' as const))), tilde, body });
  return fc
    .tuple(
      fc.array(chained, { maxLength: 1 }),
      fc.oneof(
        w(3, fc.constant([] as ElseBranch[])),
        w(
          3,
          plain.map((e) => [e]),
        ),
      ),
    )
    .map(([c, p]) => [...c, ...p]);
}

function block(body: fc.Arbitrary<Node[]>): fc.Arbitrary<Node> {
  return fc
    .record({
      call: blockCall(),
      inverted: fc.oneof(w(8, fc.constant(false)), w(1, fc.constant(true))),
      tilde,
      body,
      elses: elses(body),
      closeTilde: tilde,
      mismatched: fc.oneof(w(1000, fc.constant(false)), w(1, fc.constant(true))),
      elseOnInverted: fc.oneof(w(50, fc.constant(false)), w(1, fc.constant(true))),
    })
    .map(({ call: c, inverted, tilde: t, body: b, elses: e, closeTilde, mismatched, elseOnInverted }) => {
      // An inverted section reads a path (`{{^x}}`); its else is rare in real templates and an error in Java.
      const invertedCall: Call = inverted && c.params.length > 0 ? { ...c, helper: printHead(c.params[0]!), params: [], hash: [], blockParams: [] } : c;
      return {
        kind: 'block' as const,
        inverted,
        call: invertedCall,
        tilde: t,
        body: b,
        elses: inverted && !elseOnInverted ? [] : e,
        close: mismatched ? 'zz' : invertedCall.helper,
        closeTilde,
      };
    });
}

function printHead(e: Expr): string {
  return e.kind === 'path' ? e.text : 'a';
}

const nodeArbitraries = new Map<number, fc.Arbitrary<Node[]>>();

/** A list of nodes whose blocks nest at most `depth` more levels. */
export function nodes(depth: number = MAX_DEPTH): fc.Arbitrary<Node[]> {
  const known = nodeArbitraries.get(depth);
  if (known) return known;
  const leaf = fc.oneof(w(4, text), w(6, mustache), w(1, comment));
  const node = depth <= 0 ? leaf : fc.oneof(w(6, leaf), w(3, block(nodes(depth - 1))));
  const list = fc.array(node, { minLength: depth === MAX_DEPTH ? 1 : 0, maxLength: depth === MAX_DEPTH ? 5 : 3 });
  nodeArbitraries.set(depth, list);
  return list;
}
