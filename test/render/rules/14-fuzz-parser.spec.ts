/**
 * Parser rules that differential fuzzing against Handlebars.java found (issue 11, fuzz-classes.jsonl).
 */
import { describe, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

describe('a number is never a tag head (number-as-mustache-head)', () => {
  it('{{0}}, {{1}} and {{{2}}} fail to parse, as in Handlebars.java', () => {
    for (const template of ['{{0}}', 'a {{1}} b', '{{{2}}}', '[[3]]', '{{-1.5}}']) {
      expectTemplate(template).toSkip('HandlebarsExecutionError');
      expectTemplate(template).toReport('syntax-error');
    }
  });

  it('a number is still fine as a parameter', () => {
    expectTemplate('{{#if 1}}yes{{/if}}').toRender('yes');
  });
});

describe('a path never starts with a digit (path-starting-with-numeric-segment)', () => {
  it('0.a and ../1 fail to parse, as in Handlebars.java', () => {
    for (const template of ['{{#if 0.a}}x{{/if}}', '[[lower ../1]]', '{{x 1a}}']) {
      expectTemplate(template).toSkip('HandlebarsExecutionError');
      expectTemplate(template).toReport('syntax-error');
    }
  });

  it('a digit is fine after the first segment, in brackets, or after @', () => {
    expectTemplate('{{a.0}}|{{[0]}}|{{this.0}}')
      .withUser({ a: ['x'], 0: 'z' })
      .toRender('x|z|z');
  });
});

describe("an inverted section's close tag ignores ~ (inverted-close-tilde-ignored)", () => {
  it('{{~/x~}} after {{^x}} strips nothing, on either side', () => {
    expectTemplate('{{^x}}A {{~/x~}} B').toRender('A  B');
    expectTemplate('{{^c}}{{/c~}}\t').toRender('\t');
    expectTemplate('[ {{^x}} A {{~/x~}} ]').withUser({ x: true }).toRender('[  ]');
  });

  it('the open tag ~ and a {{#x}} close tag ~ still strip', () => {
    expectTemplate('[ {{~^x~}} A {{/x}} ]').toRender('[A  ]');
    expectTemplate('{{#x}}A {{~/x~}} B').withUser({ x: true }).toRender('AB');
  });
});

describe('a ~ anywhere in a comment strips both sides (tilde-inside-comment-trims)', () => {
  it('the comment is one token in Handlebars.java, and any ~ in its text trims before and after', () => {
    expectTemplate('a {{! x~y }} b {{~z}}').toRender('ab');
    expectTemplate(' [[!~]][[x~]]').toRender('');
    expectTemplate('a {{!-- x~ --}} b{{~z}}').toRender('ab');
  });

  it('only in a template where a tag has a ~: the engine trims only when its lexer read one (syntax.comment-tilde-needs-tag-tilde)', () => {
    expectTemplate('a {{!-- x~ --}} b').toRender('a  b');
    expectTemplate('{{!~ c ~}}\n').toRender('\n');
    expectTemplate('a [[! x~y ]] b').toRender('a  b');
  });

  it('a comment without ~ strips nothing', () => {
    expectTemplate('a {{! x }} b').toRender('a  b');
  });
});

describe('~ never strips the text after an escaped tag (ws-control-after-escaped-mustache)', () => {
  it('Handlebars.java lexes \\{{x}} and the text up to the next tag as one escape token, which ~ leaves alone', () => {
    expectTemplate('\\{{x}} {{~y}}').withUser({ y: 'Y' }).toRender('{{x}} Y');
    expectTemplate('\\[[]]\n  [[~^name]]\n\n  [[/name]]\n').toRender('[[]]\n  \n\n  \n');
  });

  it('the text before an escaped tag still strips', () => {
    expectTemplate('{{x~}}  \\{{y}}').toRender('{{y}}');
    expectTemplate('a  \\{{y}} b {{z}}  {{~w}}').toRender('a  {{y}} b ');
  });
});

describe('an escaped tag must close and cannot be a triple-stash (escape-unclosed-or-triple)', () => {
  it('\\{{ without }} and \\{{{x}}} fail to parse, as in Handlebars.java', () => {
    for (const template of ['\\{{', 'a \\{{ b', '\\{{{x}}}', 'a \\[[ b']) {
      expectTemplate(template).withUser({ x: 1 }).toSkip('HandlebarsExecutionError');
      expectTemplate(template).withUser({ x: 1 }).toReport('syntax-error');
    }
  });

  it('a closed escaped tag is text', () => {
    expectTemplate('a \\{{ b }} c').toRender('a {{ b }} c');
  });
});

describe("a ^ else's ~ must match its block's (caret-else-with-ws-control-throws, differential syntax.inverse-label)", () => {
  it('{{~^}} in a {{#block}} is an error: Handlebars.java rejects the inverse label ~^', () => {
    expectTemplate('{{#if x}}{{~^}}{{/if}}').toSkip('HandlebarsExecutionError');
    expectTemplate('{{#if x}}a {{~^}} b{{/if}}').toReport('syntax-error', '{{~^}}');
  });

  it('{{^}} in a {{~#block}} is an error, {{~^}} there works (TemplateBuilder strips "{{~" from the label)', () => {
    expectTemplate('{{~#each x}}{{^}}{{/each}}').toReport('syntax-error', '{{^}}');
    expectTemplate('[[~#if x]]A[[^~]] B[[/if]]').toReport('syntax-error', '[[^~]]');
    expectTemplate('a {{~#if x~}} b {{~^~}} c {{~/if~}} d').toRender('acd');
    expectTemplate('{{~#if x}}A{{else if y}}B{{~^}}C{{/if}}').toRender('C');
    expectTemplate('{{~#if x}}A{{else if y}}B{{^}}C{{/if}}').toReport('syntax-error', '{{^}}');
    expectTemplate('{{~#if x}}A{{else}}B{{/if}} {{#if x}}A{{~else}}B{{/if}}').toRender('B B');
  });

  it('{{^~}}, {{~else}} and {{~^x}} still work', () => {
    expectTemplate('{{#if x}}A{{^~}} B{{/if}}').toRender('B');
    expectTemplate('{{#if x}}A {{~else}}B{{/if}}').withUser({ x: true }).toRender('A');
    expectTemplate('a {{~^x}}B{{/x}}').toRender('aB');
  });
});

describe('{{^helper args}} chains as an else where a section does not parse (caret-helper-as-else-chain)', () => {
  it('{{^if b}} with no close of its own is {{else if b}}', () => {
    const template = '{{#if a}}A{{^if b}}B{{else}}C{{/if}}';
    expectTemplate(template).withUser({ b: true }).toRender('B');
    expectTemplate(template).withUser({ a: true }).toRender('A');
    expectTemplate(template).toRender('C');
    expectTemplate('{{#if $d}}{{^if ../items}}{{^}}{{/if}}').toRender('');
  });

  it('a {{^x}} with its own close stays an inverted section', () => {
    expectTemplate('{{#if a}}[{{^b}}no b{{/b}}]{{/if}}').withUser({ a: true }).toRender('[no b]');
  });
});

describe('null is a path, not a literal (null-literal-is-a-path)', () => {
  it('{{null}} reads the field named null', () => {
    expectTemplate('[{{null}}]').withUser({ null: 'v' }).toRender('[v]');
    expectTemplate('{{#if null}}T{{else}}F{{/if}}').withUser({ null: 1 }).toRender('T');
    expectTemplate('{{#with a}}{{null}}{{/with}}')
      .withUser({ a: { null: 'in a' } })
      .toRender('in a');
  });
});

describe('a path ends after [x] when x is a plain name and a number follows (literal-segment-then-numeric-segment)', () => {
  it('[a-b].0 is the path [a-b] and the number .0: an unknown helper with a parameter, as in Handlebars.java', () => {
    for (const template of ['[[[a-b].0]]', '{{[ab].0}}', '{{[a.b].0}}', '{{[ab]/0}}', '{{[ab].0.c}}', '{{a.[b].0}}', '{{./[ab].0}}']) {
      expectTemplate(template).toSkip('HandlebarsExecutionError');
    }
    expectTemplate('{{[ab].0}}').toReport('unknown-helper', '[ab]');
  });

  it('a bracket that is not a plain name, a name after the separator, or a name later in the path reads one path', () => {
    expectTemplate('{{[a b].0}}|{{[0].0}}|{{[ab].[0]}}|{{[ab].c}}|{{a.[b].0.c}}|{{[ab]-c}}')
      .withUser({ 'a b': ['x'], 0: ['y'], ab: { 0: 'z', c: 'C', '-c': 'D' }, a: { b: [{ c: 'E' }] } })
      .toRender('x|y|z|C|E|D');
  });
});
