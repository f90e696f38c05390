/**
 * DESIGN.md rule 8: unclosed or mismatched blocks, a stray `else` or `/x`, are parse errors; a helper that does not
 * exist, called with params or hash, is an error; without params it is a missing value. A template with an error
 * is not sent: the result carries `skip: {reason: 'HandlebarsExecutionError', message}`.
 * Corpus: the `errors` area of core.jsonl (the error text there is informational; positions are Java's).
 */
import { describe, expect, it } from 'vitest';
import { coreHelpers, iterableHelpers } from '../../../src/helpers/index.js';
import { HelperError } from '../../../src/runtime/errors.js';
import { expectTemplate } from '../../support/expect-template.js';

describe('rule 8: structural errors skip the message (corpus errors area)', () => {
  const table: Array<[id: string, template: string, highlighted: string]> = [
    ['else.toplevel', 'a {{else}} b', '{{else}}'],
    ['else.toplevel_only', '{{else}}', '{{else}}'],
    ['else.caret_toplevel', 'a {{^}} b', '{{^}}'],
    ['else.stray_close', 'a {{/if}} b', '{{/if}}'],
    ['sq.else_toplevel', 'a [[else]] b', '[[else]]'],
    ['helper.mismatched_close', '{{#if x}}a{{/each}}', '{{/each}}'],
    ['helper.unclosed', '{{#if x}}a', '{{#if x}}'],
    ['iterable.pass2.with_name', '\n    Hi Ann,\n{{else}}\n    Hi friend,\n', '{{else}}'],
  ];
  for (const [id, template, highlighted] of table) {
    it(`${JSON.stringify(template)} is not sent (corpus ${id})`, () => {
      expectTemplate(template).withUser('{"x": 1}').toSkip('HandlebarsExecutionError');
    });
    it(`${JSON.stringify(template)} reports a syntax-error on ${highlighted}`, () => {
      const d = expectTemplate(template).withUser('{"x": 1}').toReport('syntax-error', highlighted);
      expect(d.severity).toBe('error');
    });
  }

  it('a stray [[/if]] and a stray [[^]] in the feed family', () => {
    expectTemplate('a [[/if]] b').toSkip('HandlebarsExecutionError');
    expectTemplate('a [[/if]] b').toReport('syntax-error', '[[/if]]');
    expectTemplate('a [[^]] b').toReport('syntax-error', '[[^]]');
  });

  it('unclosed and mismatched feed blocks', () => {
    expectTemplate('[[#each xs]]a').toReport('syntax-error', '[[#each xs]]');
    expectTemplate('[[#if x]]a[[/each]]').toSkip('HandlebarsExecutionError');
    expectTemplate('[[#if x]]a[[/each]]').toReport('syntax-error', '[[/each]]');
  });

  it('a structural error skips even when it sits in a branch that is never taken', () => {
    expectTemplate('{{#if no}}{{#each x}}{{/if}}').withUser({ no: false }).toSkip('HandlebarsExecutionError');
    expectTemplate('{{#if no}}{{/each}}{{/if}}').withUser({ no: false }).toSkip('HandlebarsExecutionError');
  });

  it('an else inside an inverted section {{^x}} is an error (Iterable fork HbsParser.g4: `unless` takes no else)', () => {
    // Iterable/handlebars.java@493047dd HbsParser.g4: `unless : UNLESS sexpr blockParams? END body END_BLOCK ...`;
    // a body statement cannot start with START ELSE, so `{{else}}` there is a parse error.
    expectTemplate('{{^x}}A{{else}}B{{/x}}').withUser({ x: 1 }).toSkip('HandlebarsExecutionError');
    expectTemplate('[[^x]]A[[else]]B[[/x]]').withUnaliasedFeed({ x: 1 }).toReport('syntax-error', '[[else]]');
  });

  it('{{~! is an error at the ! (corpus ws.comment_tilde: "1:6: found: \'!\'")', () => {
    // Java's 1:6 is the 0-based character position of the `!`; ours is 1-based (DESIGN.md §2), so 1:7.
    expectTemplate('a  {{~! c ~}}  b').toSkip('HandlebarsExecutionError');
    const d = expectTemplate('a  {{~! c ~}}  b').toReport('syntax-error', '!');
    expect([d.start.line, d.start.column]).toEqual([1, 7]);
  });

  it('the one-family reading of the documented mixed else is an error (corpus iterable.curly_pass1_same)', () => {
    const doc = '[[#if firstName]]\n    Hi [[firstName]],\n{{else}}\n    Hi friend,\n[[/if]]';
    expectTemplate(doc).onlyFamily('user').withUser({ firstName: 'Ann' }).toSkip('HandlebarsExecutionError');
    const d = expectTemplate(doc).onlyFamily('user').withUser({ firstName: 'Ann' }).toReport('syntax-error', '{{else}}');
    expect([d.start.line, d.start.column]).toEqual([3, 1]);
  });

  it('the skip message says where: file:line:column and the problem', () => {
    const result = expectTemplate('ok\n  {{/if}}').toSkip('HandlebarsExecutionError');
    expect(result.skip?.message).toMatch(/^test\.hbs:2:3: /);
  });
});

describe('rule 8: a second else is not an error in the corpus engine', () => {
  // Iterable/handlebars.java@493047dd (the corpus commit) HbsParser.g4: `block : ... thenBody=body elseBlock* END_BLOCK`
  // and TemplateBuilder.visitBlock sets the block's inverse once per plain else, so the last one wins. (Upstream
  // jknack made it a parse error only in 2024, commit a5ccf613, after the fork.)
  it('{{#if a}}A{{else}}B{{else}}C{{/if}} renders the last else', () => {
    expectTemplate('{{#if a}}A{{else}}B{{else}}C{{/if}}').withUser({ a: false }).toRender('C');
    expectTemplate('{{#if a}}A{{else}}B{{else}}C{{/if}}').withUser({ a: true }).toRender('A');
  });

  it('in the feed family too', () => {
    expectTemplate('[[#if a]]A[[else]]B[[else]]C[[/if]]').withUnaliasedFeed({ a: 0 }).toRender('C');
  });
});

describe('rule 8: unknown helpers with params or hash skip the message', () => {
  const table: Array<[id: string, template: string, json: string, name: string, helpers?: 'core']> = [
    ['helper.unknown_args', '[{{foo bar}}]', '{"bar":"B"}', 'foo'],
    ['helper.unknown_literal_arg', '[{{foo "s" 1}}]', '{}', 'foo'],
    ['helper.unknown_hash', '[{{foo a=1}}]', '{}', 'foo'],
    ['helper.dotted_with_args', '[{{foo.bar baz}}]', '{"baz":1}', 'foo.bar'],
    ['helper.dotted_data_with_args', '[{{foo.bar baz}}]', '{"foo":{"bar":"FB"},"baz":1}', 'foo.bar'],
    ['helper.unknown_block_args', '[{{#foo x}}in{{/foo}}]', '{"x":1}', 'foo'],
    ['helper.data_block_args', '[{{#foo x}}in{{/foo}}]', '{"foo":true,"x":1}', 'foo'],
    ['helper.var_with_args', '[{{name x}}]', '{"name":"N","x":1}', 'name'],
    ['helper.subexpr_unknown', '[{{lookup (foo) "a"}}]', '{}', 'foo'],
    ['helper.json_helper_absent', '[{{json x}}]', '{"x":{"a":1}}', 'json'],
    ['helper.eq_missing', '[{{#eq a b}}Y{{else}}N{{/eq}}]', '{"a":1,"b":1}', 'eq', 'core'],
  ];
  for (const [id, template, json, name, helpers] of table) {
    const t = () => {
      const e = expectTemplate(template).withUser(json);
      return helpers === 'core' ? e.withHelpers(coreHelpers()) : e;
    };
    it(`${template} is not sent (corpus ${id})`, () => {
      t().toSkip('HandlebarsExecutionError', new RegExp(`could not find helper '${name.replace('.', '\\.')}'`));
    });
    it(`${template} reports unknown-helper on ${name}`, () => {
      const d = t().toReport('unknown-helper', name);
      expect(d.severity).toBe('error');
    });
  }

  it('in the feed family too', () => {
    expectTemplate('[[foo bar]]')
      .withUnaliasedFeed({ bar: 1 })
      .toSkip('HandlebarsExecutionError', /could not find helper 'foo'/);
    expectTemplate('[[#foo x]]in[[/foo]]')
      .withUnaliasedFeed({ x: 1 })
      .toSkip('HandlebarsExecutionError', /could not find helper 'foo'/);
    expectTemplate('[[foo k=1]]').toReport('unknown-helper', 'foo');
  });

  it('even in a branch that is never taken: helpers are settled at compile time (corpus README)', () => {
    expectTemplate('{{#if no}}{{foo x}}{{/if}}ok')
      .withUser({ no: false })
      .toSkip('HandlebarsExecutionError', /could not find helper 'foo'/);
    expectTemplate('[[#if no]][[#foo x]][[/foo]][[/if]]ok').withUnaliasedFeed({ no: false }).toSkip('HandlebarsExecutionError');
  });

  it('a near-miss name gets a did-you-mean hint', () => {
    const d = expectTemplate('{{#iff x}}a{{/iff}}').withUser({ x: 1 }).toReport('unknown-helper', 'iff');
    expect(d.hint).toContain("did you mean 'if'?");
  });
});

describe('rule 8: an unknown helper without params is a missing value', () => {
  it('[{{foo}}] prints [] (corpus helper.unknown_noargs)', () => {
    expectTemplate('[{{foo}}]').withUser('{}').toRender('[]');
  });

  it('[{{foo.bar}}] prints [] (corpus helper.dotted_noargs)', () => {
    expectTemplate('[{{foo.bar}}]').withUser('{}').toRender('[]');
  });

  it('[{{#foo}}in{{/foo}}] prints [] (corpus helper.unknown_block)', () => {
    expectTemplate('[{{#foo}}in{{/foo}}]').withUser('{}').toRender('[]');
  });

  it('{{name}} with no params reads the field (the same name with params is an error: helper.var_with_args)', () => {
    expectTemplate('[{{name}}]').withUser('{"name":"N","x":1}').toRender('[N]');
  });

  it('in the feed family: [[foo]] and [[#foo]]', () => {
    expectTemplate('<[[foo]]|[[#foo]]in[[/foo]]>').toRender('<|>');
    expectTemplate('<[[foo]]|[[#foo]]in[[/foo]]>').withUnaliasedFeed({ foo: 'F' }).toRender('<F|in>');
  });

  it('reports no diagnostic', () => {
    expectTemplate('[{{foo}}]').toReportNothing();
  });
});

describe('rule 8: the built-ins as the corpus ran them', () => {
  it('[{{#if}}x{{/if}}] prints [] (corpus helper.if_noargs)', () => {
    expectTemplate('[{{#if}}x{{/if}}]').withUser('{}').toRender('[]');
  });

  it('[{{if x}}] prints [] (corpus helper.if_inline)', () => {
    expectTemplate('[{{if x}}]').withUser('{"x":1}').toRender('[]');
  });

  it('[{{log "hi"}}] prints [] (corpus helper.log)', () => {
    expectTemplate('[{{log "hi"}}]').withUser('{}').toRender('[]');
  });

  it('{{#with "lit"}} (corpus helper.with_string_literal)', () => {
    expectTemplate('{{#with "lit"}}{{this}}{{/with}}').withUser('{}').toRender('lit');
  });

  it('a raw block of an unknown helper prints nothing (corpus x.raw_block)', () => {
    expectTemplate('{{{{raw}}}}{{x}} [[x]]{{{{/raw}}}}').withUser('{"x":"X"}').toRender('');
  });

  it('an inline partial (corpus x.partial_block_inline)', () => {
    expectTemplate('{{#*inline "p"}}P{{x}}{{/inline}}{{> p}}').withUser('{"x":1}').toRender('P1');
  });

  it('a missing partial is not sent (corpus helper.partial_missing)', () => {
    expectTemplate('[{{> nope}}]').withUser('{}').toSkip('HandlebarsExecutionError', /nope/);
  });
});

describe('rule 8 with §1: a helper that fails while running', () => {
  const boom = iterableHelpers().with([
    {
      meta: { name: 'boom', form: 'inline', params: [], description: 'always fails' },
      fn: () => {
        throw new HelperError('it broke');
      },
    },
  ]);

  it('skips the message when its tag is reached', () => {
    expectTemplate('a{{boom}}b')
      .withHelpers(boom)
      .toSkip('HandlebarsExecutionError', /boom: it broke/);
    expectTemplate('a[[boom]]b')
      .withHelpers(boom)
      .toSkip('HandlebarsExecutionError', /boom: it broke/);
  });

  it('reports an execution-error at the tag', () => {
    expectTemplate('a{{boom}}b').withHelpers(boom).toReport('execution-error', '{{boom}}');
  });

  it('does nothing in a branch that is not taken', () => {
    expectTemplate('a{{#if no}}{{boom}}{{/if}}b').withHelpers(boom).withUser({ no: false }).toRender('ab');
  });
});
