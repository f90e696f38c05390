/**
 * Whatever text a user gives, the engine answers with an output, diagnostics or a skip: never a JavaScript
 * exception, and every diagnostic points inside the template.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/iterable/template.js';
import { parse } from '../../src/syntax/parser.js';

const pieces = [
  '{{',
  '}}',
  '{{{',
  '}}}',
  '[[',
  ']]',
  '[[{',
  '}]]',
  '#',
  '/',
  '^',
  '&',
  '~',
  '!',
  '!--',
  '--',
  '>',
  '*inline',
  'else',
  'if',
  'each',
  'with',
  'unless',
  'lookup',
  'upper',
  'urlEncode',
  'numberFormat',
  'x',
  'a.b',
  '../',
  '@index',
  'this',
  '.',
  '[x y]',
  '"s"',
  "'t'",
  '1',
  '-2.5',
  'true',
  'null',
  '(',
  ')',
  '=',
  'as |a b|',
  ' ',
  '\n',
  '\r\n',
  '\\',
  '<p>',
  'é',
  '=<% %>=',
  '{{{{raw}}}}',
  '{{{{/raw}}}}',
];

const templateText = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));
const data = '{"x": "<X>", "a": {"b": [1, 2.5, "c"]}, "if": true, "each": [{"x": 1}]}';

describe('robustness', () => {
  it('never throws on any template text, and every diagnostic points inside it', () => {
    fc.assert(
      fc.property(templateText, (text) => {
        const parsed = parse(text, { file: 't.hbs' });
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const d of parsed.diagnostics) {
          expect(d.start.offset).toBeGreaterThanOrEqual(0);
          expect(d.end.offset).toBeLessThanOrEqual(text.length);
          expect(d.start.line).toBeGreaterThanOrEqual(1);
          expect(d.start.line).toBeLessThanOrEqual(lines);
          expect(d.start.column).toBeGreaterThanOrEqual(1);
        }
        const result = compile(text, { file: 't.hbs' }).render({ user: data, feeds: [{ alias: 'f', body: data }], now: new Date(0) });
        expect(typeof result.output).toBe('string');
        if (result.skip) expect(result.output).toBe('');
      }),
      { numRuns: 1500, seed: 20261125 },
    );
  });
});

describe('nesting limits', () => {
  it('reports blocks nested past 1000 levels instead of overflowing the stack', () => {
    const template = compile('{{#if x}}'.repeat(3000) + 'Y' + '{{/if}}'.repeat(3000));
    expect(template.ok).toBe(false);
    expect(template.diagnostics[0]).toMatchObject({
      ruleId: 'nesting-depth',
      message: 'blocks nest deeper than 1000 levels here',
      start: { line: 1, column: 9001 },
    });
    expect(template.render({ user: '{"x": 1}' }).skip?.reason).toBe('HandlebarsExecutionError');
  });
  it('counts else-if chains as nesting', () => {
    expect(compile(`{{#if a}}${'{{else if b}}'.repeat(5000)}{{/if}}`).diagnostics[0]?.ruleId).toBe('nesting-depth');
  });
  it('renders 1000 levels', () => {
    expect(compile('{{#if x}}'.repeat(1000) + 'Y' + '{{/if}}'.repeat(1000)).render({ user: '{"x": 1}' }).output).toBe('Y');
  });
  it('reports sub-expressions nested past 100 levels', () => {
    const template = compile(`{{lookup ${'(lookup '.repeat(5000)}x${')'.repeat(5000)} "a"}}`);
    expect(template.diagnostics[0]?.message).toBe('sub-expressions nest deeper than 100 levels');
  });
});
