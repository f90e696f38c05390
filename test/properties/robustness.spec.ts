/**
 * Whatever text a user gives, the engine answers with an output, diagnostics or a skip: never a JavaScript
 * exception, and every diagnostic points inside the template.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/render/template.js';
import { parse } from '../../src/syntax/parser.js';

const pieces = [
  '{{', '}}', '{{{', '}}}', '[[', ']]', '[[{', '}]]', '#', '/', '^', '&', '~', '!', '!--', '--', '>', '*inline',
  'else', 'if', 'each', 'with', 'unless', 'lookup', 'upper', 'urlEncode', 'numberFormat', 'x', 'a.b', '../', '@index',
  'this', '.', '[x y]', '"s"', "'t'", '1', '-2.5', 'true', 'null', '(', ')', '=', 'as |a b|', ' ', '\n', '\r\n', '\\',
  '<p>', 'é', '=<% %>=', '{{{{raw}}}}', '{{{{/raw}}}}',
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
