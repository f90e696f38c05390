/** Lint and the analysis on hostile templates: no stack overflow, and work that stays linear in the depth. */
import { describe, expect, it } from 'vitest';
import { analyze, MAX_CANDIDATES } from '../../src/analysis/analyze.js';
import { lintText } from '../../src/lint/linter.js';
import { parse } from '../../src/syntax/parser.js';
import { traverse } from '../../src/syntax/visitor.js';

describe('lint on hostile templates', () => {
  it('3,000 unclosed blocks: every one is a syntax error, no internal error', () => {
    const result = lintText('{{#if a}}'.repeat(3000), { config: { preset: 'all' } });
    expect(result.messages.filter((m) => m.ruleId === 'syntax-error').length).toBeGreaterThanOrEqual(1000);
  });

  it('the visitor walks an AST thousands of levels deep without recursing', () => {
    const { ast } = parse('{{#if a}}'.repeat(5000));
    let deepest = 0;
    traverse(ast, { BlockStatement: (_node, path) => void (deepest = Math.max(deepest, path.parents.length)) });
    expect(deepest).toBeGreaterThan(4000);
  });

  it('a plain path deep inside nested #each names at most MAX_CANDIDATES contexts, the root among them', () => {
    const depth = 200;
    const analysis = analyze(`${'{{#each a}}'.repeat(depth)}{{x.y}}${'{{/each}}'.repeat(depth)}`);
    const read = analysis.reads.find((r) => r.node.original === 'x.y')!;
    expect(read.candidates.length).toBe(MAX_CANDIDATES);
    expect(read.candidates[read.candidates.length - 1]).toEqual(['x', 'y']);
    expect(read.candidates[0]).toEqual([...Array<string[]>(depth).fill(['a', '[]']).flat(), 'x', 'y'].slice(-(depth * 2 + 2)));
  });
});
