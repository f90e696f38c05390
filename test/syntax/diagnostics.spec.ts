/**
 * Parser diagnostics: every structural error is a `syntax-error` at the right 1-based line:column; the tolerant
 * parse keeps going and reports several errors in one template; `formatDiagnostic` prints `file:line:column`, the
 * message and a code frame.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { codeFrame, formatDiagnostic, formatLocation } from '../../src/diagnostics/format.js';
import type { BlockStatement, MustacheStatement, PathExpression } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/parser.js';

/** [line, column, highlighted text] of each diagnostic, in source order. */
function found(template: string): Array<[number, number, string]> {
  return parse(template)
    .diagnostics.slice()
    .sort((a, b) => a.start.offset - b.start.offset)
    .map((d) => [d.start.line, d.start.column, template.slice(d.start.offset, d.end.offset)]);
}

function single(template: string): Diagnostic {
  const { diagnostics } = parse(template);
  expect(diagnostics, JSON.stringify(diagnostics.map((d) => d.message))).toHaveLength(1);
  const d = diagnostics[0]!;
  expect(d.ruleId).toBe('syntax-error');
  expect(d.severity).toBe('error');
  return d;
}

describe('structural errors', () => {
  it('an unclosed block points at its opening tag', () => {
    const d = single('a\n{{#if x}}\nb');
    expect([d.start.line, d.start.column]).toEqual([2, 1]);
    expect(found('a\n{{#if x}}\nb')).toEqual([[2, 1, '{{#if x}}']]);
    expect(d.message).toContain('{{/if}}');
  });

  it('an unclosed feed block points at its opening tag', () => {
    expect(found('x\r\n  [[#each vf.items]][[name]]')).toEqual([[2, 3, '[[#each vf.items]]']]);
    expect(single('x\r\n  [[#each vf.items]][[name]]').message).toContain('[[/each]]');
  });

  it('the innermost unclosed block of several is reported, each at its opening tag', () => {
    expect(found('{{#if a}}\n  {{#each b}}\n')).toEqual([
      [1, 1, '{{#if a}}'],
      [2, 3, '{{#each b}}'],
    ]);
  });

  it('a mismatched close points at the closing tag and names the expected one', () => {
    const errors = parse('{{#if x}}a{{/each}}').diagnostics;
    const mismatch = errors.find((d) => d.start.offset === 10)!;
    expect(mismatch).toMatchObject({ ruleId: 'syntax-error', start: { line: 1, column: 11 }, end: { line: 1, column: 20 } });
    expect(mismatch.message).toContain('{{/if}}');
  });

  it('a close that matches an outer block closes the inner one with one error', () => {
    expect(found('{{#each a}}{{#if b}}x{{/each}}')).toEqual([[1, 22, '{{/each}}']]);
  });

  it('closing with the other family is an error at the close tag', () => {
    expect(found('[[#if x]]a\n{{/if}}')).toEqual([[2, 1, '{{/if}}']]);
  });

  it('a stray else', () => {
    expect(found('a {{else}} b')).toEqual([[1, 3, '{{else}}']]);
    expect(found('a\n\n  [[else]]')).toEqual([[3, 3, '[[else]]']]);
    expect(found('{{^}}')).toEqual([[1, 1, '{{^}}']]);
    expect(found('{{else if x}}')).toEqual([[1, 1, '{{else if x}}']]);
  });

  it('a second else in one block is not a syntax error: the corpus engine parses it (elseBlock*), the last wins', () => {
    // Iterable/handlebars.java@493047dd HbsParser.g4 `block: ... elseBlock* ...`; see 08-errors.spec.ts.
    const { ast, diagnostics } = parse('{{#if a}}A{{else}}B{{else}}C{{/if}}');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((ast.body[0] as BlockStatement).inverse?.body).toMatchObject([{ type: 'ContentStatement', value: 'C' }]);
  });

  it('an else inside an inverted section is a syntax error at the else', () => {
    expect(found('{{^x}}A\n  {{else}}B{{/x}}')).toEqual([[2, 3, '{{else}}']]);
  });

  it('a stray close', () => {
    expect(found('a\n {{/if}}')).toEqual([[2, 2, '{{/if}}']]);
    expect(found('[[/each]]')).toEqual([[1, 1, '[[/each]]']]);
  });

  it('an else inside an inline partial is stray', () => {
    expect(found('{{#*inline "p"}}a{{else}}b{{/inline}}')).toEqual([[1, 18, '{{else}}']]);
  });
});

describe('lexical errors', () => {
  it('a tag left open at the end of the template points at the tag', () => {
    const d = single('Hello {{name');
    expect([d.start.line, d.start.column]).toEqual([1, 7]);
    expect(d.message).toMatch(/unclosed tag/);
    expect(found('Hello\n[[vf.code')).toEqual([[2, 1, '[[vf.code']]);
  });

  it('a tag left open after a newline in a helper call', () => {
    expect(found('x {{lookup a\n')).toEqual([[1, 3, '{{lookup a\n']]);
  });

  it('an unclosed string points at its opening quote', () => {
    const d = single('{{lookup o "abc}}');
    expect([d.start.line, d.start.column]).toEqual([1, 12]);
    expect(d.message).toMatch(/unclosed string/);
  });

  it("{{~! is an error at the '!' (corpus ws.comment_tilde, Java's 0-based 1:6)", () => {
    expect(found('a  {{~! c ~}}  b')).toEqual([[1, 7, '!']]);
    expect(found('a\n[[~! c ]]')).toEqual([[2, 4, '!']]);
  });

  it('an unclosed comment points at the comment', () => {
    const d = single('ok {{!-- no end }}');
    expect([d.start.line, d.start.column]).toEqual([1, 4]);
    expect(d.message).toContain('--}}');
  });

  it('malformed expressions', () => {
    expect(found('{{}}')).toEqual([[1, 3, '}']]);
    expect(found('{{a.}}')).toEqual([[1, 5, '}']]);
    expect(found('{{a.[b}}')).toEqual([[1, 5, '[']]);
    expect(found('{{a b=1 c}}')).toEqual([[1, 9, 'c']]);
    expect(found('{{(a)}}')).toEqual([[1, 3, '(a)']]);
  });

  it('{{{x~}}} is an error: the ~ of a triple-stash goes between } and }} (Handlebars.java END_T, handlebars.js)', () => {
    expect(parse('{{{x~}}}').diagnostics.map((d) => d.ruleId)).toEqual(['syntax-error']);
  });

  it('a literal heading a tag is an error at the literal (differential syntax.literal-tag-head)', () => {
    expect(found('a {{"x"}}')).toEqual([[1, 5, '"x"']]);
    expect(found('[[true]]\n{{#1}}x')).toEqual([
      [1, 3, 'true'],
      [2, 4, '1'],
    ]);
    expect(single('{{{"x"}}}').hint).toContain('outside the tag');
    expect(found('{{h "x" 1 true}}')).toEqual([]);
  });

  it('an escaped tag holding another opening delimiter before its close is an error up to that delimiter (differential syntax.escape-token)', () => {
    expect(found('a\n\\{{! {{x}} }}')).toEqual([[2, 1, '\\{{! {{']]);
    expect(found('\\{{{x}}}')).toEqual([[1, 1, '\\{{{']]);
    expect(single('\\[[[o]]]').hint).toContain('remove the backslash');
    expect(found('\\[[{o}]] \\{{ {x}}} \\{{x}}{{y}}')).toEqual([]);
  });

  it('}}} or }}}} ending a tag is an error on the whole token (differential syntax.close-token)', () => {
    expect(found('{{b}}}')).toEqual([[1, 4, '}}}']]);
    expect(found('x\n{{#if b}}a{{else}}}}b{{/if}}')).toEqual([[2, 17, '}}}}']]);
    expect(single('{{{b}}}}').message).toContain('raw block');
    expect(found('{{b~}}} {{{b}}} [[{b}]]] [[b]]] {{b}} }')).toEqual([]);
  });
});

describe('the tolerant parse keeps going', () => {
  it('reports several errors of different kinds in one template, each at its place', () => {
    const template = ['{{#if a}}', '  {{/each}}', '  [[/if]]', '{{lookup x "oops}}', ' {{else}}'].join('\n');
    expect(found(template)).toEqual([
      [2, 3, '{{/each}}'],
      [3, 3, '[[/if]]'],
      [4, 12, '"oops}}\n {{else}}'],
      [5, 2, '{{else}}'],
    ]);
    expect(parse(template).diagnostics.every((d) => d.ruleId === 'syntax-error')).toBe(true);
  });

  it('lexer and parser errors together, across both families', () => {
    const template = '{{foo "x}}\n{{/if}}\n[[#each y]]';
    expect(found(template)).toEqual([
      [1, 7, '"x}}\n{{/if}}\n[[#each y]]'],
      [2, 1, '{{/if}}'],
      [3, 1, '[[#each y]]'],
    ]);
  });

  it('keeps the good nodes after an error', () => {
    const { ast, diagnostics } = parse('{{/x}} Hi {{name}} {{bad "}} [[code]]');
    expect(diagnostics.length).toBeGreaterThanOrEqual(2);
    const tags = ast.body.filter((s): s is MustacheStatement => s.type === 'MustacheStatement');
    expect(tags.map((t) => [t.family, (t.path as PathExpression).original])).toContainEqual(['user', 'name']);
  });

  it('an unterminated tag in a block reports the tag and the unclosed block', () => {
    expect(found('{{#if x}}\n{{name')).toEqual([
      [1, 1, '{{#if x}}'],
      [2, 1, '{{name'],
    ]);
  });

  it('a warning is not an error: mixed-else alone leaves the template usable', () => {
    const { diagnostics } = parse('{{#if x}}A[[else]]B{{/if}}');
    expect(diagnostics.map((d) => [d.ruleId, d.severity, d.start.column])).toEqual([['mixed-else', 'warning', 11]]);
  });

  it('diagnostics carry the file name when given', () => {
    const { diagnostics } = parse('{{/if}}', { file: 'templates/welcome.html' });
    expect(diagnostics[0]!.file).toBe('templates/welcome.html');
  });
});

describe('formatDiagnostic', () => {
  const source = 'line one\n  {{/if}} here\nline three';
  const d = parse(source, { file: 'welcome.hbs' }).diagnostics[0]!;

  it('starts with file:line:column, severity, message and rule', () => {
    const text = formatDiagnostic(d, { source });
    const first = text.split('\n')[0]!;
    expect(first.startsWith('welcome.hbs:2:3: error: ')).toBe(true);
    expect(first).toContain(d.message);
    expect(first.endsWith('(syntax-error)')).toBe(true);
  });

  it('draws a code frame with the line and a ^ marker under the tag', () => {
    const text = formatDiagnostic(d, { source });
    const lines = text.split('\n');
    const code = lines.find((l) => l.startsWith('>') && l.includes('{{/if}} here'));
    expect(code, text).toBeDefined();
    expect(code).toMatch(/^> 2 \|/);
    const marker = lines[lines.indexOf(code!) + 1]!;
    expect(marker).toContain('^');
    expect(marker.indexOf('^')).toBe(code!.indexOf('{{/if}}'));
    expect(marker.match(/\^+/)![0]).toHaveLength('{{/if}}'.length);
    expect(text).toContain('line one');
    expect(text).toContain('line three');
  });

  it('without a source there is no frame', () => {
    const text = formatDiagnostic(d);
    expect(text).not.toContain('^');
    expect(text.split('\n')[0]).toBe(`welcome.hbs:2:3: error: ${d.message} (syntax-error)`);
  });

  it('prints the hint after the frame', () => {
    const text = formatDiagnostic(d, { source });
    expect(d.hint).toBeDefined();
    expect(text.endsWith(`  hint: ${d.hint}`)).toBe(true);
  });

  it('a diagnostic without a file shows <template>', () => {
    const other = parse('{{#if x}}').diagnostics[0]!;
    expect(formatLocation(other)).toBe('<template>:1:1');
  });

  it('a frame for an error on line 1 column 7', () => {
    const template = 'Hello {{name';
    const e = parse(template).diagnostics[0]!;
    const frame = codeFrame(template, e);
    const lines = frame.split('\n');
    expect(lines[0]).toBe('> 1 | Hello {{name');
    expect(lines[1]!.indexOf('^')).toBe(lines[0]!.indexOf('{{name'));
  });

  it('a frame for a feed tag after CRLF lines', () => {
    const template = 'a\r\nb\r\n  [[else]]\r\nc';
    const e = parse(template, { file: 'f.html' }).diagnostics[0]!;
    const text = formatDiagnostic(e, { source: template });
    expect(text.split('\n')[0]!.startsWith('f.html:3:3: error: ')).toBe(true);
    const lines = text.split('\n');
    const code = lines.find((l) => l.startsWith('> 3 |'))!;
    expect(code).toContain('[[else]]');
    expect(lines[lines.indexOf(code) + 1]!.indexOf('^')).toBe(code.indexOf('[[else]]'));
  });
});
