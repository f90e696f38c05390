/**
 * `#ifMatchesRegexStr` runs patterns from templates with a guaranteed bound (issue 7, item 3): RE2-expressible
 * patterns on re2js (linear time), the rest on a backtracking matcher with a step budget that ends in a
 * `regex-budget` error instead of a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileJavaRegex, translateJavaRegex } from '../../src/helpers/iterable/conditionals/java-regex.js';
import { compileBacktracking, DEFAULT_STEP_BUDGET, RegexBudgetExceeded } from '../../src/helpers/iterable/conditionals/regex/backtracking.js';
import { parseJsPattern } from '../../src/helpers/iterable/conditionals/regex/js-pattern.js';
import { toRe2 } from '../../src/helpers/iterable/conditionals/regex/to-re2.js';
import { cpuMs as timed } from '../support/cpu-time.js';
import { expectTemplate } from '../support/expect-template.js';

const t = '{{#ifMatchesRegexStr v p}}Y{{else}}N{{/ifMatchesRegexStr}}';

describe('#ifMatchesRegexStr: bounded matching', () => {
  it('(a+)+$ on 41 characters answers at once (it never finished with JavaScript RegExp)', () => {
    const { value, ms } = timed(() =>
      expectTemplate(t)
        .withUser({ v: `${'a'.repeat(41)}!`, p: '(a+)+$' })
        .run(),
    );
    expect(value.output).toBe('N');
    expect(ms).toBeLessThan(2000);
    expect(compileJavaRegex('(a+)+$').engine).toBe('linear');
  });

  it('nested quantifiers over 200,000 characters stay linear', () => {
    const v = `${'a'.repeat(200_000)}!`;
    const { value, ms } = timed(() => expectTemplate(t).withUser({ v, p: '(a|aa)*(a+)+b' }).run());
    expect(value.output).toBe('N');
    expect(ms).toBeLessThan(5000);
    expect(compileJavaRegex('(a|aa)*(a+)+b').engine).toBe('linear');
  });

  it('a backtracking pattern past the budget stops the message with a regex-budget error, not a hang', () => {
    const { value: result, ms } = timed(() =>
      expectTemplate(t)
        .withUser({ v: `${'a'.repeat(40)}b`, p: '(a+)+\\1' })
        .run(),
    );
    expect(ms).toBeLessThan(5000);
    expect(result.skip?.reason).toBe('HandlebarsExecutionError');
    expect(result.skip?.message).toMatch(/ifMatchesRegexStr: "\(a\+\)\+\\\\1" against a 41-character value: matching took more than 1,000,000 steps/);
    const diagnostic = result.diagnostics.find((d) => d.ruleId === 'regex-budget');
    expect(diagnostic?.severity).toBe('error');
    expect(t.slice(diagnostic!.start.offset, diagnostic!.end.offset)).toBe(t);
  });

  it('a pattern too large to unroll is a regex-budget error too', () => {
    expectTemplate(t)
      .withUser({ v: 'a', p: '(?:a{1000}){1000}\\1?()' })
      .toSkip('HandlebarsExecutionError', /too large to run with a bounded number of steps/);
  });

  it('lookaround and back references keep working, and memoization keeps lookahead linear', () => {
    const password = '(?=.*\\d)(?=.*[a-z]).{8,}';
    expectTemplate(t).withUser({ v: 'abcdefg1', p: password }).toRender('Y');
    expectTemplate(t).withUser({ v: 'abcdefgh', p: password }).toRender('N');
    expectTemplate(t).withUser({ v: 'ab', p: '.(?<=a)b' }).toRender('Y');
    expectTemplate(t).withUser({ v: 'ab', p: '.(?<!a)b' }).toRender('N');
    expectTemplate(t).withUser({ v: 'abab', p: '(ab)\\1' }).toRender('Y');
    expectTemplate(t).withUser({ v: 'abba', p: '(ab)\\1' }).toRender('N');
    const long = `${'x'.repeat(20_000)}1`;
    const { value, ms } = timed(() => expectTemplate(t).withUser({ v: long, p: '(?=.*\\d)(?!(x+x+)+y).*' }).run());
    // Without memoization this exceeds the step budget and the message is skipped instead of printing Y.
    expect(value.output).toBe('Y');
    expect(ms).toBeLessThan(5000);
  });

  it('the engine in use: linear for what RE2 expresses, backtracking for the rest', () => {
    for (const p of ['.*camera.*', '^[\\w.+-]+@[\\w-]+\\.[\\w.-]+$', 'gold-(monthly|annual)', '\\p{IsGreek}+', '(?i)hello', 'a$']) {
      expect(compileJavaRegex(p).engine, p).toBe('linear');
    }
    for (const p of ['(a)\\1', '(?=a)a', 'a*+', '(?>a)', 'a$\\n', '(?m)^a$']) {
      expect(compileJavaRegex(p).engine, p).toBe('backtracking');
    }
  });

  it('the budget is a count of steps: the same pattern and input always give the same answer', () => {
    const translated = translateJavaRegex('(a+)+\\1');
    const matcher = compileBacktracking(parseJsPattern(translated.body), { ignoreCase: false, multiline: false, dotAll: false });
    expect(matcher.matches('aaaa', DEFAULT_STEP_BUDGET)).toBe(true);
    expect(() => matcher.matches(`${'a'.repeat(25)}b`, 10_000)).toThrow(RegexBudgetExceeded);
    expect(() => matcher.matches(`${'a'.repeat(25)}b`, 10_000)).toThrow(RegexBudgetExceeded);
  });
});

// ---- property: both engines agree with JavaScript's RegExp on patterns all three can run ---------------------

const atom = fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '\\d', '(?:a|b)', '(a)', '(?:ab|a)', '\\b', '$', '(?:)');
const quantifier = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '*?', '+?', '??', '{0,2}?');
const piece = fc.tuple(atom, quantifier).map(([a, q]) => (/^(\\b|\$)$/.test(a) ? a : a + q));
const branch = fc.array(piece, { minLength: 0, maxLength: 5 }).map((pieces) => pieces.join(''));
const javaPattern = fc
  .array(branch, { minLength: 1, maxLength: 3 })
  .chain((branches) => fc.constantFrom(branches.join('|'), `(?:${branches.join('|')})+`, `(${branches.join('|')})*b`));
const subject = fc.stringMatching(/^[ab1\n]{0,8}$/);

describe('engines agree', () => {
  it('re2js, the backtracking matcher and RegExp give the same answer', () => {
    fc.assert(
      fc.property(javaPattern, subject, (pattern, value) => {
        const translated = translateJavaRegex(pattern);
        const expected = new RegExp(translated.source, translated.flags).test(value);
        const flags = { ignoreCase: false, multiline: false, dotAll: false };
        const ast = parseJsPattern(translated.body);
        expect(compileBacktracking(ast, flags).matches(value), `backtracking ${pattern}`).toBe(expected);
        const re2 = toRe2(ast, flags);
        if (re2 !== undefined) expect(compileJavaRegex(pattern).matches(value), `re2 ${pattern} as ${re2}`).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
