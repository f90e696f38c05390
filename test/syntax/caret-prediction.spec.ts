/**
 * `{{^x args}}` inside a block: an inverted section or an else chain of the block, as Handlebars.java's SLL
 * prediction decides (src/syntax/caret-prediction.ts). Each reading below was checked against a build of the engine
 * (the rendering ones are corpus lines `syntax.caret-prediction` in test/fixtures/conformance/differential.jsonl).
 */
import { describe, expect, it } from 'vitest';
import type { BlockStatement, Program, Statement } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/parser.js';
import { cpuMs } from '../support/cpu-time.js';

/** How each `{{^x …}}` with a name was read, in source order: `section` or `else`. */
function readings(template: string): string[] {
  const found: Array<[number, string]> = [];
  const visit = (program: Program | undefined) => program?.body.forEach(statement);
  const statement = (node: Statement) => {
    if (node.type !== 'BlockStatement') return;
    const block = node as BlockStatement;
    if (block.inverted) found.push([block.loc.start.offset, 'section']);
    // A chained block starts at its else tag: `{{^x}}` or `{{else x}}`.
    if (block.chained && /^(\{\{|\[\[)~?\^/.test(template.slice(block.loc.start.offset))) found.push([block.loc.start.offset, 'else']);
    visit(block.program);
    visit(block.inverse);
  };
  visit(parse(template).ast);
  return found.sort((a, b) => a[0] - b[0]).map(([, reading]) => reading);
}

function errors(template: string): number {
  return parse(template).diagnostics.filter((d) => d.severity === 'error').length;
}

describe('{{^x}} inside a block', () => {
  it('is a section when its own close comes first, with or without params (the readings meet after the close)', () => {
    expect(readings('{{#if a}}{{^if b}}B{{/if}}{{/if}}')).toEqual(['section']);
    expect(readings('{{#if a}}[{{^b}}no b{{/b}}]{{/if}}')).toEqual(['section']);
    expect(readings('{{#if a}}{{^if b x=1}}B{{/if}}{{/if}}')).toEqual(['section']);
    expect(readings('{{#if a}}A{{^b}}B{{/b}}C{{else}}D{{/if}}')).toEqual(['section']);
  });

  it('is a section even when that leaves the block unclosed: {{#each}}{{^if}}{{/each}} fails', () => {
    expect(readings('{{#each xs}}{{^if b}}{{/each}}')).toEqual(['section']);
    expect(errors('{{#each xs}}{{^if b}}{{/each}}')).toBeGreaterThan(0);
    expect(errors('{{#if a}}A{{^if b}}B{{/if}}')).toBeGreaterThan(0);
  });

  it('is an else chain when an else at its own level comes before its close', () => {
    expect(readings('{{#if a}}A{{^if b}}B{{else}}C{{/if}}')).toEqual(['else']);
    expect(readings('{{#if a}}{{^if (eq a b)}}B{{^}}C{{/if}}')).toEqual(['else']);
    expect(readings('{{#if a}}{{^xs as |p|}}x{{^}}y{{/if}}')).toEqual(['else']);
    expect(errors('{{#if a}}A{{^if b}}B{{else}}C{{/if}}')).toBe(0);
  });

  it('looks through nested blocks and carets: the nested ones are decided the same way', () => {
    expect(readings('{{#if a}}{{^if c}}{{^if d}}{{/if}}{{else}}X{{/if}}')).toEqual(['else', 'section']);
    expect(readings('{{#unless x}}{{^if y}}{{#each z}}{{^eq}}{{else}}{{/each}}{{else}}{{/unless}}')).toEqual(['else', 'else']);
    expect(readings('[[#not]][[#each]][[^if]][[else]][[/each]][[else]][[#unless]][[^unless]][[else]][[/unless]][[/not]]')).toEqual(['else', 'else']);
  });

  it('the errors a section reading causes say why, and how to write the else', () => {
    const [mismatch] = parse('{{#each xs}}{{^if b}}{{/each}}').diagnostics;
    expect(mismatch).toMatchObject({ start: { line: 1, column: 22 }, hint: expect.stringContaining('write {{else if b}} for an else branch') });
    const [unclosed] = parse('{{#if a}}A\n{{^if b x=1}}B{{/if}}').diagnostics;
    expect(unclosed!.hint).toContain('the {{/if}} after {{^if b x=1}} (2:1) closes that tag');
    expect(unclosed!.hint).toContain('write {{else if b x=1}}');
  });

  it('at the top level or inside a section it stays a section: the engine fails there, and so does the parse', () => {
    expect(readings('{{^if b}}B{{else}}C{{/if}}')).toEqual(['section']);
    expect(errors('{{^if b}}B{{else}}C{{/if}}')).toBeGreaterThan(0);
    expect(readings('{{^a}}{{^if b}}B{{else}}C{{/if}}{{/a}}')).toEqual(['section', 'section']);
    expect(errors('{{^a}}{{^if b}}B{{else}}C{{/if}}{{/a}}')).toBeGreaterThan(0);
  });

  it('stays cheap on thousands of carets, closed or not (CPU time, see test/support/cpu-time.ts)', () => {
    const closed = `{{#if a}}${'{{^if b}}x{{/if}}'.repeat(5000)}{{/if}}`;
    const unclosed = `{{#if a}}${'{{^if b}}x'.repeat(3000)}{{/if}}`;
    const chained = `{{#if a}}${'{{^if b}}x{{else}}'.repeat(3000)}{{/if}}`;
    for (const template of [closed, unclosed, chained]) expect(cpuMs(() => parse(template)).ms).toBeLessThan(10_000);
    expect(errors(closed)).toBe(0);
  });

  it('past its lookahead budget it stops predicting, and says so where it stopped', () => {
    const hostile = `{{#a}}${'{{^b x}}'.repeat(20_000)}`;
    const found = parse(hostile, { file: 'big.html' }).diagnostics.filter((d) => d.ruleId === 'caret-prediction');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('warning');
    expect(found[0]!.start.column).toBe(7);
    expect(found[0]!.message).toMatch(/reads each \{\{\^x\}\} inside a block as an inverted section/);
    // An ordinary template never gets near the budget.
    expect(parse(`{{#if a}}${'{{^if b}}x{{/if}}'.repeat(500)}{{/if}}`).diagnostics.map((d) => d.ruleId)).not.toContain('caret-prediction');
  });
});
