import { describe, expect, it } from 'vitest';
import { DOCUMENTED_HELPERS } from '../../src/helpers/docs.js';
import { iterableHelpers } from '../../src/helpers/index.js';
import { expectTemplate } from '../support/expect-template.js';

describe('unknown helpers', () => {
  it('are an error naming the helper and its location, with a did-you-mean', () => {
    const d = expectTemplate('Hi\n  {{upcase firstName}}').withUser('{"firstName": "Ann"}').toReport('unknown-helper', 'upcase');
    expect(d.message).toBe("could not find helper 'upcase'");
    expect([d.start.line, d.start.column]).toEqual([2, 5]);
    expect(d.hint).toContain("did you mean 'upper'?");
  });
  it('suggest block helpers too, and fail the render', () => {
    const result = expectTemplate('[[#ifeq a 1]]x[[/ifeq]]').toSkip('HandlebarsExecutionError', /could not find helper 'ifeq'/);
    expect(result.diagnostics[0]!.hint).toContain("did you mean 'ifEq'?");
  });
  it('offer no suggestion when nothing is close', () => {
    const d = expectTemplate('{{frobnicateTheWidget x}}').toReport('unknown-helper');
    expect(d.hint).not.toContain('did you mean');
  });
});

describe('the registry', () => {
  it('has every helper Iterable documents (DOCUMENTED_HELPERS, from iterable-semantics §5–6 and the support articles)', () => {
    const names = iterableHelpers().names();
    for (const name of ['numberFormat', 'dateFormat', 'ifEq', 'urlEncode', 'sha256', 'sortBy', 'sendSkip', 'snippet', 'catalog', 'math']) {
      expect(names).toContain(name);
    }
    expect(DOCUMENTED_HELPERS.filter((name) => !names.includes(name))).toEqual([]);
  });

  it('#catalogKeys and #catalogCollection are registered: a template calling them is never an unknown-helper error', () => {
    for (const template of [
      '{{#catalogCollection "Top" as |items|}}{{#each items}}{{name}}{{/each}}{{/catalogCollection}}',
      '{{#catalogKeys "P" ids as |items|}}x{{/catalogKeys}}',
    ]) {
      const result = expectTemplate(template).run();
      expect(result.skip).toBeUndefined();
      expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['not-emulated']);
    }
  });
});

describe('failsOnMissing (read by the lint rule comparison-on-nullable)', () => {
  const registry = iterableHelpers();
  const failing = ['gt', 'gte', 'lt', 'lte', 'ifEq', 'ifGt', 'ifGte', 'ifLt', 'ifLte', 'ifModEq', 'ifContainsStr', 'ifMatchesRegexStr', 'ifContains', 'math'];

  it('is set on exactly the helpers whose onMissing says a missing value fails the render', () => {
    const flagged = registry.names().filter((name) => registry.get(name)?.meta.failsOnMissing);
    expect(flagged.sort()).toEqual([...failing].sort());
    for (const name of flagged) expect(registry.get(name)!.meta.onMissing, name).toMatch(/fails the render/);
  });

  it('and a missing value does fail the render of each of them', () => {
    const calls: Record<string, string> = {
      math: '{{math missing "+" 1}}',
      ifModEq: '{{#ifModEq missing 2 0}}x{{/ifModEq}}',
    };
    for (const name of failing) {
      const template = calls[name] ?? `{{#${name} missing "a"}}x{{/${name}}}`;
      expectTemplate(template).withUser('{"present": "a"}').toSkip('HandlebarsExecutionError');
    }
  });
});
