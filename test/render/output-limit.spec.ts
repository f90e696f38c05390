/**
 * A render stops at an output cap (issue 7, item 3): `maxOutputBytes`, 20 MB by default, checked while loops grow,
 * with an `output-limit` error and a skip; deep nesting keeps its own message.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/iterable/template.js';
import { cpuMs as timed } from '../support/cpu-time.js';

const list = (n: number): string => JSON.stringify({ a: Array.from({ length: n }, (_, i) => i) });

describe('output cap', () => {
  it('an #each inside an #each over 20,000 items stops at the 20 MB cap, promptly', () => {
    // Uncapped this writes 4 GB: V8 gave up with "Invalid string length", reported as "nests too deeply".
    const template = '{{#each a}}{{#each ../a}}xxxxxxxxxx{{/each}}{{/each}}';
    const { value: result, ms } = timed(() => compile(template).render({ user: list(20_000) }));
    expect(ms).toBeLessThan(10_000);
    expect(result.output).toBe('');
    expect(result.skip?.reason).toBe('HandlebarsExecutionError');
    expect(result.skip?.message).toMatch(/passed 20,971,520 bytes \(the maxOutputBytes render option/);
    const found = result.diagnostics.filter((d) => d.ruleId === 'output-limit');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.start.column).toBe(1); // the outer loop's tag
    expect(result.diagnostics.some((d) => /nests too deeply/.test(d.message))).toBe(false);
  });

  it('a Mustache section loop stops there too, pointing at its tag', () => {
    const template = 'x{{#a}}{{#each ../a}}xxxxxxxxxx{{/each}}{{/a}}';
    const result = compile(template).render({ user: list(20_000) });
    const found = result.diagnostics.find((d) => d.ruleId === 'output-limit');
    expect(found?.start.column).toBe(2);
  });

  it('maxOutputBytes sets the cap, in UTF-8 bytes: an output of exactly the cap renders, one byte more does not', () => {
    const template = '{{#each a}}{{this}}{{/each}}';
    const user = (n: number, text: string) => ({ a: Array.from({ length: n }, () => text) });
    expect(compile(template).render({ user: user(1000, 'x'), maxOutputBytes: 1000 }).output).toHaveLength(1000);
    const over = compile(template).render({ user: user(1001, 'x'), maxOutputBytes: 1000 });
    expect(over.skip?.message).toMatch(/passed 1,000 bytes/);
    // 600 × "é" is 600 UTF-16 units but 1,200 bytes.
    const wide = compile(template).render({ user: user(600, 'é'), maxOutputBytes: 1000 });
    expect(wide.diagnostics.map((d) => d.ruleId)).toContain('output-limit');
    expect(compile(template).render({ user: user(500, 'é'), maxOutputBytes: 1000 }).skip).toBeUndefined();
  });

  it('a cap that is not a positive number is refused', () => {
    expect(() => compile('x').render({ maxOutputBytes: 0 })).toThrow(RangeError);
    expect(() => compile('x').render({ maxOutputBytes: Number.NaN })).toThrow(/maxOutputBytes must be a positive number/);
  });

  it('a partial that includes itself still reads as nesting, not size', () => {
    const result = compile('{{#*inline "p"}}a{{> p}}{{/inline}}{{> p}}').render({});
    expect(result.skip?.message).toMatch(/nests too deeply/);
    expect(result.diagnostics.some((d) => d.ruleId === 'output-limit')).toBe(false);
  });
});
