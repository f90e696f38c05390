/**
 * Spans: every node carries `{start, end}` with 1-based line and column (UTF-16 code units) and 0-based offsets
 * (DESIGN.md §2). CRLF counts as one line break.
 */
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/diagnostics/source.js';
import type { BlockStatement, MustacheStatement, PathExpression, Statement } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/parser.js';

function body(template: string): Statement[] {
  const { ast, diagnostics } = parse(template);
  expect(diagnostics).toEqual([]);
  return ast.body;
}

function pos(line: number, column: number, offset: number) {
  return { line, column, offset };
}

describe('spans on one line', () => {
  it('content and tag', () => {
    const [text, tag, rest] = body('Hi {{name}}!');
    expect(text!.loc).toEqual({ start: pos(1, 1, 0), end: pos(1, 4, 3) });
    expect(tag!.loc).toEqual({ start: pos(1, 4, 3), end: pos(1, 12, 11) });
    expect(rest!.loc).toEqual({ start: pos(1, 12, 11), end: pos(1, 13, 12) });
  });

  it('a path, params and hash inside a tag', () => {
    const [tag] = body('[[h  a.b "s" k=(sub x)]]') as [MustacheStatement];
    expect((tag.path as PathExpression).loc).toEqual({ start: pos(1, 3, 2), end: pos(1, 4, 3) });
    expect(tag.params[0]!.loc).toEqual({ start: pos(1, 6, 5), end: pos(1, 9, 8) });
    expect(tag.params[1]!.loc).toEqual({ start: pos(1, 10, 9), end: pos(1, 13, 12) });
    expect(tag.hash!.pairs[0]!.loc).toEqual({ start: pos(1, 14, 13), end: pos(1, 23, 22) });
    expect(tag.hash!.pairs[0]!.value.loc).toEqual({ start: pos(1, 16, 15), end: pos(1, 23, 22) });
    expect(tag.loc).toEqual({ start: pos(1, 1, 0), end: pos(1, 25, 24) });
  });

  it('a block spans from its opening tag to the end of its closing tag', () => {
    const [block] = body('x{{#if a}}A{{else}}B{{/if}}y').slice(1) as [BlockStatement];
    expect(block.loc).toEqual({ start: pos(1, 2, 1), end: pos(1, 28, 27) });
    expect(block.program!.loc).toEqual({ start: pos(1, 11, 10), end: pos(1, 12, 11) });
    expect(block.elseTag!.loc).toEqual({ start: pos(1, 12, 11), end: pos(1, 20, 19) });
    expect(block.inverse!.loc).toEqual({ start: pos(1, 20, 19), end: pos(1, 21, 20) });
  });

  it('columns count UTF-16 code units', () => {
    const [, tag] = body('😀é{{x}}');
    expect(tag!.loc.start).toEqual(pos(1, 4, 3));
  });

  it('the program spans the whole template', () => {
    const { ast } = parse('ab\ncd');
    expect(ast.loc).toEqual({ start: pos(1, 1, 0), end: pos(2, 3, 5) });
  });
});

describe('spans over several lines', () => {
  it('tags on later lines', () => {
    const nodes = body('a\nb {{x}}\n[[y]]');
    expect(nodes[1]!.loc).toEqual({ start: pos(2, 3, 4), end: pos(2, 8, 9) });
    expect(nodes[3]!.loc).toEqual({ start: pos(3, 1, 10), end: pos(3, 6, 15) });
  });

  it('after CRLF line breaks', () => {
    const nodes = body('a\r\n{{x}}\r\n\r\n  [[y]]');
    expect(nodes[1]!.loc).toEqual({ start: pos(2, 1, 3), end: pos(2, 6, 8) });
    expect(nodes[3]!.loc).toEqual({ start: pos(4, 3, 14), end: pos(4, 8, 19) });
  });

  it('after a lone CR', () => {
    const nodes = body('a\r{{x}}');
    expect(nodes[1]!.loc.start).toEqual(pos(2, 1, 2));
  });

  it('a tag that spans lines', () => {
    const [block] = body('{{#if\nx}}Y{{/if}}') as [BlockStatement];
    expect(block.loc).toEqual({ start: pos(1, 1, 0), end: pos(2, 12, 17) });
    expect(block.params[0]!.loc).toEqual({ start: pos(2, 1, 6), end: pos(2, 2, 7) });
  });

  it('a multi-line text run', () => {
    const nodes = body('{{a}}\r\nline two\nline three{{b}}');
    expect(nodes[1]!.loc).toEqual({ start: pos(1, 6, 5), end: pos(3, 11, 26) });
    expect(nodes[2]!.loc.start).toEqual(pos(3, 11, 26));
  });

  it('a multi-line comment', () => {
    const nodes = body('x\n[[!-- a\nb --]]y');
    expect(nodes[1]!.loc).toEqual({ start: pos(2, 1, 2), end: pos(3, 7, 16) });
  });
});

describe('SourceText', () => {
  it('maps offsets to 1-based positions, CRLF as one break', () => {
    const source = new SourceText('ab\r\ncd\ne\rf');
    expect(source.position(0)).toEqual(pos(1, 1, 0));
    expect(source.position(2)).toEqual(pos(1, 3, 2));
    expect(source.position(3)).toEqual(pos(1, 4, 3));
    expect(source.position(4)).toEqual(pos(2, 1, 4));
    expect(source.position(7)).toEqual(pos(3, 1, 7));
    expect(source.position(9)).toEqual(pos(4, 1, 9));
    expect(source.position(10)).toEqual(pos(4, 2, 10));
  });

  it('clamps offsets outside the text', () => {
    const source = new SourceText('ab');
    expect(source.position(-5)).toEqual(pos(1, 1, 0));
    expect(source.position(99)).toEqual(pos(1, 3, 2));
  });
});
