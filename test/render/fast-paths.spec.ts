/**
 * The renderer's shortcuts (issue 11, render speed) give the results of the general path they skip:
 *   - `#if`/`#unless` choose a block without building a helper call (HelperDefinition.choose), `#urlEncode`
 *     transforms its body likewise (transformBody);
 *   - a path read twice in the same scope is resolved and escaped once (compiler pathReader);
 *   - static text is appended without a call, and the output cap is checked as a program grows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/iterable/template.js';
import { FEED_ALIAS, isFeedAlias } from '../../src/iterable/feed-context.js';
import { expectTemplate } from '../support/expect-template.js';

describe('#if and #unless without a helper call', () => {
  it('evaluate every param, as a call would: a failing one fails the send', () => {
    // lookup with an empty key fails the send in Handlebars.java (fuzz class lookup-array-non-index-key-throws).
    const result = compile('{{#if a (lookup b "")}}A{{/if}}').render({ user: { a: 1, b: {} } });
    expect(result.skip?.reason).toBe('HandlebarsExecutionError');
  });

  it('with hash params take the general path and render the same', () => {
    expectTemplate('{{#if a includeZero=true}}A{{else}}B{{/if}}|{{#unless a}}U{{/unless}}').withUser('{"a": 0}').toRender('B|U');
  });

  it('an error inside the block is located at the block tag, as for a call', () => {
    const template = 'x\n  {{#if a}}-{{{big}}}{{/if}}';
    const result = compile(template).render({ user: { a: true, big: 'y'.repeat(2000) }, maxOutputBytes: 1000 });
    const found = result.diagnostics.find((d) => d.ruleId === 'output-limit');
    expect(found?.start).toMatchObject({ line: 2, column: 3 });
  });
});

describe('#urlEncode without a helper call', () => {
  it('encodes the rendered body, and locates an error inside it at its tag', () => {
    expectTemplate('{{#urlEncode}}{{{a}}} {{b}}{{/urlEncode}}').withUser('{"a": "x&y", "b": "é"}').toRender('x%26y+%C3%A9');
    const result = compile('ab {{#urlEncode}}-{{{big}}}{{/urlEncode}}').render({ user: { big: 'y'.repeat(2000) }, maxOutputBytes: 1000 });
    expect(result.diagnostics.find((d) => d.ruleId === 'output-limit')?.start.column).toBe(4);
  });
});

describe('a path read twice in the same scope', () => {
  it('resolves per scope: a block that pushes a context reads it again', () => {
    expectTemplate('{{x}}{{#with a}}{{x}}{{/with}}{{#each l}}{{x}}{{/each}}{{x}}')
      .withUser('{"x": "R", "a": {"x": "A"}, "l": [{"x": "1"}, {}, {"x": "3"}]}')
      .toRender('RA1R3R');
  });

  it('gives way to an {{#assign}} set between two reads', () => {
    expectTemplate('{{x}}{{#assign "x"}}assigned{{/assign}}{{x}}{{x.length}}').withUser('{"x": "context"}').toRender('contextassigned8');
  });

  it('prints and escapes each value of each render (nothing is kept from one render to the next)', () => {
    const template = compile('{{#if name}}<b>{{name}}</b>{{name}}{{/if}}[[#if code]][[code]][[/if]]');
    const render = (name: string, code: string) => template.render({ user: { name }, feeds: [{ body: { code } }] }).output;
    expect(render('O\'Brien & "Co"', 'A=1')).toBe('<b>O&#x27;Brien &amp; &quot;Co&quot;</b>O&#x27;Brien &amp; &quot;Co&quot;A&#x3D;1');
    expect(render('Ann', 'B<2')).toBe('<b>Ann</b>AnnB&lt;2');
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, code) => {
        const once = compile('{{#if name}}<b>{{name}}</b>{{name}}{{/if}}[[#if code]][[code]][[/if]]').render({ user: { name }, feeds: [{ body: { code } }] });
        expect(render(name, code)).toBe(once.output);
      }),
    );
  });
});

describe('isFeedAlias', () => {
  it('is FEED_ALIAS.test', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z_]{0,12}$/)), (alias) => {
        expect(isFeedAlias(alias)).toBe(FEED_ALIAS.test(alias));
      }),
    );
  });
});
