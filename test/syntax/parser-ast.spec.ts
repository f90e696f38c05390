/**
 * The parser's AST (src/syntax/ast.ts): node types, the family of every tag, params, hash, block params, strip
 * flags, else chains. DESIGN.md rule 1: one parse for both families, the same grammar in each.
 */
import { describe, expect, it } from 'vitest';
import type { BlockStatement, MustacheStatement, PathExpression, Program, Statement } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/parser.js';

function ok(template: string): Program {
  const { ast, diagnostics } = parse(template);
  expect(diagnostics).toEqual([]);
  return ast;
}

function only<T extends Statement>(template: string): T {
  const ast = ok(template);
  expect(ast.body).toHaveLength(1);
  return ast.body[0] as T;
}

describe('statements and families', () => {
  it('text and a {{ }} tag', () => {
    const ast = ok('Hi {{name}}!');
    expect(ast.type).toBe('Program');
    expect(ast.body.map((s) => s.type)).toEqual(['ContentStatement', 'MustacheStatement', 'ContentStatement']);
    expect(ast.body[0]).toMatchObject({ type: 'ContentStatement', value: 'Hi ', original: 'Hi ' });
    expect(ast.body[1]).toMatchObject({
      type: 'MustacheStatement',
      family: 'user',
      path: { type: 'PathExpression', data: false, depth: 0, parts: ['name'], local: false, original: 'name' },
      params: [],
      hash: undefined,
      escaped: true,
      strip: { open: false, close: false },
    });
    expect(ast.body[2]).toMatchObject({ type: 'ContentStatement', value: '!' });
  });

  it('a [[ ]] tag has family feed', () => {
    expect(only<MustacheStatement>('[[vf.voucher.code]]')).toMatchObject({
      type: 'MustacheStatement',
      family: 'feed',
      path: { parts: ['vf', 'voucher', 'code'], original: 'vf.voucher.code' },
      escaped: true,
    });
  });

  it('both families in one parse, in text order', () => {
    const ast = ok('{{a}}[[b]]{{c}}');
    expect(ast.body.map((s) => (s as MustacheStatement).family)).toEqual(['user', 'feed', 'user']);
    expect(ast.body.map((s) => ((s as MustacheStatement).path as PathExpression).original)).toEqual(['a', 'b', 'c']);
  });

  it('raw forms are unescaped: {{{x}}} {{&x}} [[{x}]] [[&x]]', () => {
    for (const [template, family] of [
      ['{{{x}}}', 'user'],
      ['{{&x}}', 'user'],
      ['{{& x}}', 'user'],
      ['[[{x}]]', 'feed'],
      ['[[&x]]', 'feed'],
    ] as const) {
      expect(only<MustacheStatement>(template), template).toMatchObject({ family, escaped: false, path: { parts: ['x'] } });
    }
  });

  it('[[[x]]] is [[ [x] ]]: escaped, with the literal segment x', () => {
    expect(only<MustacheStatement>('[[[x]]]')).toMatchObject({ family: 'feed', escaped: true, path: { parts: ['x'], original: '[x]' } });
    expect(only<MustacheStatement>('[[[x y]]]')).toMatchObject({ escaped: true, path: { parts: ['x y'] } });
  });

  it('comments in both families, short and long', () => {
    expect(only('{{! a comment }}')).toMatchObject({ type: 'CommentStatement', family: 'user', value: ' a comment ' });
    expect(only('[[!-- has ]] inside --]]')).toMatchObject({ type: 'CommentStatement', family: 'feed', value: ' has ]] inside ' });
  });

  it('an escaped tag is text: value unescaped, original as written', () => {
    expect(only('a \\{{x}} \\[[y]]')).toMatchObject({ type: 'ContentStatement', value: 'a {{x}} [[y]]', original: 'a \\{{x}} \\[[y]]' });
  });

  it('a text that holds the other family in single-family mode is plain content', () => {
    const { ast, diagnostics } = parse('{{x}} [[y]]', { families: ['user'] });
    expect(diagnostics).toEqual([]);
    expect(ast.body.map((s) => s.type)).toEqual(['MustacheStatement', 'ContentStatement']);
    expect(ast.body[1]).toMatchObject({ value: ' [[y]]' });
  });
});

describe('expressions', () => {
  it('params of every literal type, in order', () => {
    const node = only<MustacheStatement>('{{h a "s" \'t\' 1.50 -2 true false null undefined}}');
    expect(node.path).toMatchObject({ type: 'PathExpression', original: 'h' });
    expect(node.params.map((p) => p.type)).toEqual([
      'PathExpression',
      'StringLiteral',
      'StringLiteral',
      'NumberLiteral',
      'NumberLiteral',
      'BooleanLiteral',
      'BooleanLiteral',
      'PathExpression', // Handlebars.java has no null literal: `null` is a path
      'PathExpression', // nor an undefined literal (HbsLexer.g4): `{{undefined}}` prints the field `undefined`
    ]);
    expect(node.params[1]).toMatchObject({ value: 's', original: '"s"' });
    expect(node.params[2]).toMatchObject({ value: 't', original: "'t'" });
    expect(node.params[3]).toMatchObject({ original: '1.50', value: { text: '1.50', isInteger: false } });
    expect(node.params[4]).toMatchObject({ original: '-2', value: { text: '-2', isInteger: true } });
    expect(node.params[5]).toMatchObject({ value: true });
    expect(node.params[6]).toMatchObject({ value: false });
  });

  it('a string literal with an escaped quote', () => {
    const node = only<MustacheStatement>('{{lookup o "a\\"b"}}');
    expect(node.params[1]).toMatchObject({ type: 'StringLiteral', value: 'a"b', original: '"a\\"b"' });
  });

  it('hash pairs after params, with sub-expressions', () => {
    const node = only<MustacheStatement>('[[h x k=1 s="v" e=(sub y z=2)]]');
    expect(node.family).toBe('feed');
    expect(node.params).toHaveLength(1);
    expect(node.hash?.type).toBe('Hash');
    expect(node.hash?.pairs.map((p) => p.key)).toEqual(['k', 's', 'e']);
    expect(node.hash?.pairs[0]!.value).toMatchObject({ type: 'NumberLiteral', original: '1' });
    expect(node.hash?.pairs[1]!.value).toMatchObject({ type: 'StringLiteral', value: 'v' });
    expect(node.hash?.pairs[2]!.value).toMatchObject({
      type: 'SubExpression',
      path: { original: 'sub' },
      params: [{ type: 'PathExpression', parts: ['y'] }],
      hash: { pairs: [{ key: 'z', value: { type: 'NumberLiteral', original: '2' } }] },
    });
  });

  it('nested sub-expressions as params', () => {
    const node = only<BlockStatement>('{{#if (lookup o (lookup k 0))}}Y{{/if}}');
    expect(node.params[0]).toMatchObject({
      type: 'SubExpression',
      path: { original: 'lookup' },
      params: [
        { type: 'PathExpression', original: 'o' },
        { type: 'SubExpression', params: [{ original: 'k' }, { type: 'NumberLiteral' }] },
      ],
    });
  });

  it('path forms', () => {
    const path = (template: string) => only<MustacheStatement>(template).path;
    expect(path('{{a.b}}')).toMatchObject({ parts: ['a', 'b'], depth: 0, local: false, data: false });
    expect(path('{{a/b}}')).toMatchObject({ parts: ['a', 'b'] });
    expect(path('{{a.[0].b}}')).toMatchObject({ parts: ['a', '0', 'b'] });
    expect(path('{{a.0.b}}')).toMatchObject({ parts: ['a', '0', 'b'] });
    expect(path('{{[x y].[a.b]}}')).toMatchObject({ parts: ['x y', 'a.b'] });
    expect(path('{{this}}')).toMatchObject({ parts: [], local: true });
    expect(path('{{.}}')).toMatchObject({ parts: [], local: true });
    expect(path('{{this.x}}')).toMatchObject({ parts: ['x'], local: true });
    expect(path('{{./x}}')).toMatchObject({ parts: ['x'], local: true });
    expect(path('{{../x}}')).toMatchObject({ parts: ['x'], depth: 1, local: false });
    expect(path('{{../../x.y}}')).toMatchObject({ parts: ['x', 'y'], depth: 2 });
    expect(path('{{@index}}')).toMatchObject({ parts: ['index'], data: true });
    expect(path('{{@../index}}')).toMatchObject({ parts: ['index'], data: true, depth: 1 });
    expect(path('{{@root.a}}')).toMatchObject({ parts: ['root', 'a'], data: true });
    expect(path('[[thisIsNotThis]]')).toMatchObject({ parts: ['thisIsNotThis'], local: false });
  });
});

describe('blocks', () => {
  it('a block with program, no inverse', () => {
    const node = only<BlockStatement>('{{#if x}}A{{/if}}');
    expect(node).toMatchObject({
      type: 'BlockStatement',
      family: 'user',
      path: { original: 'if' },
      params: [{ type: 'PathExpression', original: 'x' }],
      inverted: false,
      raw: false,
      chained: false,
      inverse: undefined,
      elseTag: undefined,
    });
    expect(node.program?.body).toMatchObject([{ type: 'ContentStatement', value: 'A' }]);
  });

  it('a feed block with an else', () => {
    const node = only<BlockStatement>('[[#if x]]A[[else]]B[[/if]]');
    expect(node.family).toBe('feed');
    expect(node.program?.body).toMatchObject([{ value: 'A' }]);
    expect(node.inverse?.body).toMatchObject([{ value: 'B' }]);
    expect(node.elseTag?.family).toBe('feed');
  });

  it('{{^}} is an else too', () => {
    const node = only<BlockStatement>('{{#if x}}A{{^}}B{{/if}}');
    expect(node.inverse?.body).toMatchObject([{ value: 'B' }]);
  });

  it('an inverted section', () => {
    const node = only<BlockStatement>('[[^items]]none[[/items]]');
    expect(node).toMatchObject({ type: 'BlockStatement', family: 'feed', inverted: true, path: { original: 'items' } });
    expect(node.program?.body).toMatchObject([{ value: 'none' }]);
  });

  it('block params', () => {
    const node = only<BlockStatement>('{{#each items as |item i|}}{{i}}{{/each}}');
    expect(node.params).toMatchObject([{ original: 'items' }]);
    expect(node.program?.blockParams).toEqual(['item', 'i']);
    const feed = only<BlockStatement>('[[#with o as | p |]][[p.a]][[/with]]');
    expect(feed.program?.blockParams).toEqual(['p']);
  });

  it('strip flags on the open, else and close tags', () => {
    const node = only<BlockStatement>('{{~#if a~}}x{{~else~}}y{{~/if~}}');
    expect(node.openStrip).toEqual({ open: true, close: true });
    expect(node.inverseStrip).toEqual({ open: true, close: true });
    expect(node.closeStrip).toEqual({ open: true, close: true });
    const half = only<BlockStatement>('[[#if a~]]x[[~/if]]');
    expect(half.openStrip).toEqual({ open: false, close: true });
    expect(half.closeStrip).toEqual({ open: true, close: false });
    expect(only<MustacheStatement>('{{~x}}').strip).toEqual({ open: true, close: false });
    expect(only<MustacheStatement>('[[&x~]]').strip).toEqual({ open: false, close: true });
  });

  it('strip flags on a triple-stash go outside the inner brace: {{~{x}~}} and [[~{x}~]]', () => {
    // Handlebars.java HbsLexer.g4: START_T is startToken(start, "{") = `{{{` or `{{~{`; END_T is
    // endToken(end, "}") = `}}}` or `}~}}`. handlebars.js has the same form (`{{~{foo}~}}`).
    expect(only<MustacheStatement>('{{~{x}~}}')).toMatchObject({ escaped: false, strip: { open: true, close: true } });
    expect(only<MustacheStatement>('[[~{x}~]]')).toMatchObject({ family: 'feed', escaped: false, strip: { open: true, close: true } });
    expect(only<MustacheStatement>('[[{x}~]]')).toMatchObject({ escaped: false, strip: { open: false, close: true } });
  });

  it('~ strips the neighbouring text value but keeps the original', () => {
    const ast = ok('a \n {{~x~}} \n b');
    expect(ast.body[0]).toMatchObject({ value: 'a', original: 'a \n ' });
    expect(ast.body[2]).toMatchObject({ value: 'b', original: ' \n b' });
  });

  it('an else chain: {{else if}} becomes a chained block in the inverse', () => {
    const node = only<BlockStatement>('{{#if a}}A{{else if b}}B{{else}}C{{/if}}');
    expect(node.chained).toBe(false);
    expect(node.program?.body).toMatchObject([{ value: 'A' }]);
    expect(node.inverse?.body).toHaveLength(1);
    const chained = node.inverse!.body[0] as BlockStatement;
    expect(chained).toMatchObject({ type: 'BlockStatement', chained: true, family: 'user', path: { original: 'if' }, params: [{ original: 'b' }] });
    expect(chained.program?.body).toMatchObject([{ value: 'B' }]);
    expect(chained.inverse?.body).toMatchObject([{ value: 'C' }]);
  });

  it('a three-step chain with else unless', () => {
    const node = only<BlockStatement>('[[#if a]]A[[else if b]]B[[else unless c]]C[[else]]D[[/if]]');
    const second = node.inverse!.body[0] as BlockStatement;
    const third = second.inverse!.body[0] as BlockStatement;
    expect([node.chained, second.chained, third.chained]).toEqual([false, true, true]);
    expect([second.path.original, third.path.original]).toEqual(['if', 'unless']);
    expect(third.family).toBe('feed');
    expect(third.inverse?.body).toMatchObject([{ value: 'D' }]);
  });

  it('a mixed else: the block is feed, its else tag is user', () => {
    const { ast, diagnostics } = parse('[[#if x]]A{{else}}B[[/if]]');
    const node = ast.body[0] as BlockStatement;
    expect(node.family).toBe('feed');
    expect(node.elseTag?.family).toBe('user');
    expect(node.inverse?.body).toMatchObject([{ value: 'B' }]);
    // The documented form (support article 36530857619348): not reported; the other direction is.
    expect(diagnostics).toEqual([]);
    expect(parse('{{#if x}}A[[else]]B{{/if}}').diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['mixed-else', 'warning']]);
  });

  it('nested blocks of the two families', () => {
    const node = only<BlockStatement>('{{#each xs}}[[#if y]]{{this}}[[/if]]{{/each}}');
    expect(node.family).toBe('user');
    const inner = node.program!.body[0] as BlockStatement;
    expect(inner).toMatchObject({ type: 'BlockStatement', family: 'feed', path: { original: 'if' } });
    expect(inner.program?.body).toMatchObject([{ type: 'MustacheStatement', family: 'user', path: { local: true, parts: [] } }]);
  });

  it('a raw block keeps its body as text', () => {
    const node = only<BlockStatement>('{{{{raw}}}}{{x}} [[y]]{{{{/raw}}}}');
    expect(node).toMatchObject({ type: 'BlockStatement', raw: true, path: { original: 'raw' } });
    expect(node.program?.body).toMatchObject([{ type: 'ContentStatement', value: '{{x}} [[y]]' }]);
  });

  it('partials and inline partials', () => {
    const ast = ok('{{#*inline "p"}}P{{/inline}}{{> p}}');
    expect(ast.body).toMatchObject([
      { type: 'InlinePartialStatement', family: 'user', name: 'p', program: { body: [{ value: 'P' }] } },
      { type: 'PartialStatement', family: 'user', name: { original: 'p' } },
    ]);
  });
});
