/**
 * What a helper works on when the tag gives it no params, and what an inverted section over a helper does:
 * Handlebars.java hands such a helper the current context's model (HelperResolver.determineContext), and
 * TemplateBuilder.visitUnless drops an inverted section's params (issue 11, random differential against the Java
 * engine; the cases with the engine's answers are in test/fixtures/conformance/differential.jsonl).
 */
import { describe, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

describe('a helper without params works on the model of `this`', () => {
  it('#if and #unless test `this`', () => {
    expectTemplate('{{#if}}full{{else}}empty{{/if}}').withUser({ a: null }).onlyFamily('user').toRender('full');
    expectTemplate('{{#if}}full{{else}}empty{{/if}}').withUser({}).onlyFamily('user').toRender('empty');
    expectTemplate('{{#with o}}{{#unless}}empty{{else}}full{{/unless}}{{/with}}')
      .withUser({ o: { k: 1 } })
      .onlyFamily('user')
      .toRender('full');
  });

  it('#with keeps the context, so ../ still leads where it led', () => {
    expectTemplate('{{#with o}}{{#with}}{{k}}|{{../top}}{{/with}}{{/with}}')
      .withUser({ top: 'T', o: { k: 1 } })
      .onlyFamily('user')
      .toRender('1|T');
  });

  it("Iterable's own comparison and arithmetic helpers do not take it: called without params they fail on the missing values", () => {
    expectTemplate('{{#ifEq}}x{{else}}y{{/ifEq}}')
      .withUser({ a: 1 })
      .onlyFamily('user')
      .toSkip('HandlebarsExecutionError', /the first value was not given/);
    expectTemplate('{{math}}').withUser({ a: 1 }).onlyFamily('user').toSkip('HandlebarsExecutionError', /got 0/);
  });

  it('at a block parameter level a tag without arguments is a path, even for a helper name', () => {
    expectTemplate('{{#each xs as |p|}}[{{upper}}]{{/each}}')
      .withUser({ xs: ['a'], upper: 'U' })
      .onlyFamily('user')
      .toRender('[U]');
    expectTemplate('{{#each xs}}[{{upper}}]{{/each}}')
      .withUser({ xs: [{ k: 'a' }] })
      .onlyFamily('user')
      .toRender('[{&quot;K&quot;:&quot;A&quot;}]');
  });
});

describe('{{^helper args}}', () => {
  it('calls the helper on `this`, ignoring the args, and warns', () => {
    expectTemplate('{{^if a}}x{{/if}}').withUser({ a: true }).onlyFamily('user').toRender('x');
    expectTemplate('{{^if a}}x{{/if}}').withUser({ a: true }).onlyFamily('user').toReport('inverted-helper', 'if');
    expectTemplate('{{^each xs}}[{{this}}]{{/each}}')
      .withUser({ xs: [1, 2], ys: [] })
      .onlyFamily('user')
      .toRender('[[1,2]][[]]');
  });

  it('without args it is the same call, and nothing to warn about', () => {
    expectTemplate('{{^if}}x{{/if}}').withUser({}).onlyFamily('user').toRender('');
    expectTemplate('{{^if}}x{{/if}}').withUser({ q: 1 }).onlyFamily('user').toReportNothing();
  });

  it('an inverted section over a plain path is still "if not"', () => {
    expectTemplate('{{^flag}}off{{/flag}}').withUser({ flag: false }).onlyFamily('user').toRender('off');
    expectTemplate('{{^flag}}off{{/flag}}').withUser({ flag: true }).onlyFamily('user').toRender('');
  });
});
