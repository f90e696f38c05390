/**
 * Helpers do linear (or n·log n) work on any input (issue 7, item 3). Each case used to be quadratic: at these
 * sizes it took seconds (measured before the change: stripTags 1.3 s on 50,000 `<`, the number check 6 s on
 * 50,000 digits, inLeftNotInRight 200,000 × 100,000 comparisons); each now has to finish in a fraction of the budget below (see
 * test/support/cpu-time.ts for why it is CPU time).
 */
import { describe, expect, it } from 'vitest';
import { cpuMs } from '../support/cpu-time.js';
import { expectTemplate } from '../support/expect-template.js';

const N = 200_000;
/** CPU time: the linear code takes tens of milliseconds here, the quadratic code it replaced tens of seconds. */
const LINEAR_BUDGET_MS = 3000;

function timed(run: () => void): number {
  return cpuMs(run).ms;
}

describe('helpers stay linear on large input', () => {
  it('stripTags on 200,000 "<" with no ">"', () => {
    const v = '<'.repeat(N);
    const ms = timed(() => expectTemplate('{{{stripTags v}}}').withUser({ v }).toRender(v));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
  });

  it('stripTags still removes every <…> run, the first > closing it', () => {
    expectTemplate('{{{stripTags v}}}').withUser({ v: 'a<b<c>d>e<f' }).toRender('ad>e<f');
    expectTemplate('{{{stripTags v}}}').withUser({ v: '<p>x</p>\n<br\n/>y' }).toRender('x\ny');
  });

  it('inLeftNotInRight on 200,000 items against 100,000', () => {
    const left = Array.from({ length: N }, (_, i) => i);
    const right = Array.from({ length: N / 2 }, (_, i) => 2 * i);
    const user = JSON.stringify({ left, right });
    const ms = timed(() =>
      expectTemplate('{{size (inLeftNotInRight left right)}}')
        .withUser(user)
        .toRender(String(N / 2)),
    );
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
  });

  it('inLeftNotInRight keeps its sameness: numbers by value, strings and numbers apart, structures by JSON', () => {
    const t = '{{inLeftNotInRight left right}}';
    expectTemplate(t).withUser('{"left": [1, 1.0, "1", 2, [1], {"a": 1}, null], "right": [1.00, [1], {"a": 1}]}').toRender('[&quot;1&quot;,2,null]');
    expectTemplate(t).withUser('{"left": [null, 3], "right": [null]}').toRender('[3]');
  });

  it('a 200,000-digit string that is not a number: #sortBy, numberFormat and math', () => {
    const digits = `${'1'.repeat(N)}x`;
    const list = [digits, '2', digits];
    let ms = timed(() => expectTemplate('{{#sortBy list as |sorted|}}{{#each sorted}}{{@index}}{{/each}}{{/sortBy}}').withUser({ list }).toRender('012'));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    ms = timed(() => expectTemplate('{{numberFormat v "#"}}').withUser({ v: digits }).toRender('#'));
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    ms = timed(() =>
      expectTemplate("{{math v '+' 1}}")
        .withUser({ v: digits })
        .toSkip('HandlebarsExecutionError', /is not a number/),
    );
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
  });

  it('math on a string with 200,000 inner spaces', () => {
    const v = `1${' '.repeat(N)}2`;
    const ms = timed(() =>
      expectTemplate("{{math v '+' 1}}")
        .withUser({ v })
        .toSkip('HandlebarsExecutionError', /is not a number/),
    );
    expect(ms).toBeLessThan(LINEAR_BUDGET_MS);
    expectTemplate("{{math v '+' 1}}").withUser({ v: ' \t2.5\n' }).toRender('3.5');
  });
});
