/**
 * Tokens to AST: applies `~` whitespace control, matches blocks with their `else` chains and closing tags, and
 * reports every structural error as a diagnostic. `parse()` stops at nothing: it always returns an AST (closing
 * what was left open) plus the diagnostics, so the linter can report more than the first error; `compile()`
 * refuses a template whose diagnostics hold an error.
 */
import { isDocumentedMixedElse } from './documented-else.js';
import type { RuleId } from '../diagnostics/rules.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText, type Span } from '../diagnostics/source.js';
import { tagText, type BlockStatement, type Family, type PathExpression, type Program, type Statement, type StripFlags } from './ast.js';
import { CaretPredictor } from './caret-prediction.js';
import { tokenize, type LexOptions } from './lexer.js';
import type { ContentToken, TagToken, Token } from './tokens.js';

export interface ParseOptions extends LexOptions {
  /** Shown in diagnostics. */
  file?: string;
}

export interface ParseResult {
  ast: Program;
  diagnostics: Diagnostic[];
  source: SourceText;
}

/** Deeper nesting is reported as an error: the compiler and renderer recurse once per level. */
export const MAX_NESTING = 1000;

/** Java's `\s`: whitespace that `~` removes. Unicode spaces such as U+00A0 stay. */
const LEADING_SPACE = /^[ \t\n\v\f\r]+/;
const TRAILING_SPACE = /[ \t\n\v\f\r]+$/;

export function parse(template: string, options: ParseOptions = {}): ParseResult {
  const source = new SourceText(template, options.file);
  const diagnostics: Diagnostic[] = [];
  const tokens = tokenize(source, options, diagnostics);
  const unpredicted = resolveCaretElse(tokens);
  if (unpredicted) {
    diagnostics.push(
      diagnostic(
        'caret-prediction',
        'warning',
        `from this {{^x}} on (number ${unpredicted.count.toLocaleString('en-US')} in the template) mergetag reads each {{^x}} inside a block as an inverted section: predicting whether Iterable's parser reads it as an else chain instead took more than its lookahead budget`,
        source.span(unpredicted.offset, unpredicted.offset),
        {
          ...(options.file !== undefined ? { file: options.file } : {}),
          hint: 'write {{else x}} for an else chain and {{#unless x}} for "not x": both read one way only',
        },
      ),
    );
  }
  applyWhitespaceControl(tokens);
  const ast = new Parser(source, diagnostics).parse(tokens);
  return { ast, diagnostics, source };
}

/**
 * A `{{^x …}}` directly inside a block is an else chain of that block (`{{else x …}}`) where Handlebars.java's
 * parser predicts it so (caret-prediction.ts). At the top level or inside an inverted section the engine's parse
 * fails after that prediction; the tag stays a section there, so that the error names what the author wrote.
 */
function resolveCaretElse(tokens: Token[]): { count: number; offset: number } | undefined {
  let predictor: CaretPredictor | undefined;
  let unpredicted: { count: number; offset: number } | undefined;
  let carets = 0;
  const open: Array<TagToken['tag']> = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'tag') return;
    if (token.tag === 'block' || token.tag === 'inline') open.push(token.tag);
    else if (token.tag === 'close') open.pop();
    else if (token.tag === 'inverse') {
      predictor ??= new CaretPredictor(tokens);
      carets++;
      if (token.path && open[open.length - 1] === 'block' && predictor.predict(index) === 'else') tokens[index] = { ...token, tag: 'else', caret: true };
      else open.push('inverse');
      // The lookahead budget bounds the work on a hostile template; say where the predictions stopped.
      if (predictor.exhausted && !unpredicted) unpredicted = { count: carets, offset: token.start };
    }
  });
  return unpredicted;
}

function applyWhitespaceControl(tokens: Token[]): void {
  // Handlebars.java ignores the `~` of an inverted section's close tag (`{{^x}}A {{~/x~}} B` keeps both spaces).
  const opened: TagToken['tag'][] = [];
  // Its whitespace pass (WhiteSpaceControl) runs only when the lexer read a `~` next to a tag's delimiter
  // (HbsParserFactory checks `lexer.whiteSpaceControl`); the `~` inside a comment is text, so a comment's own
  // trimming (any `~` in it) happens only in a template that has such a tag: `{{!~ c ~}}\n` keeps the newline.
  const pass = tokens.some((t) => t.kind === 'tag' && t.tag !== 'comment' && (t.strip.open || t.strip.close));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'tag' || (token.tag === 'comment' && !pass)) continue;
    if (token.tag === 'block' || token.tag === 'inverse' || token.tag === 'inline') opened.push(token.tag);
    if (token.tag === 'close' && opened.pop() === 'inverse') continue;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (token.strip.open && before?.kind === 'content' && !before.escape) before.value = before.value.replace(TRAILING_SPACE, '');
    if (token.strip.close && after?.kind === 'content') after.value = after.value.replace(LEADING_SPACE, '');
  }
}

/** A block being read: its opening tag, and the statements of the part (program or inverse) being collected. */
interface OpenBlock {
  open: TagToken;
  kind: 'block' | 'inline';
  programBody: Statement[] | undefined;
  body: Statement[];
  bodyStart: number;
  programEnd: number;
  elseTag: TagToken | undefined;
  /** Set on an `{{else if}}` block: it ends when its parent ends. */
  chained: boolean;
}

class Parser {
  private readonly stack: OpenBlock[] = [];
  private root: Statement[] = [];

  constructor(
    private readonly source: SourceText,
    private readonly diagnostics: Diagnostic[],
  ) {}

  parse(tokens: Token[]): Program {
    for (const token of tokens) {
      if (token.kind === 'content') this.add(this.content(token));
      else this.tag(token);
    }
    while (this.stack.length) {
      const open = this.stack[this.stack.length - 1]!;
      if (!open.chained) this.reportUnclosed(open);
      this.closeTop(this.source.text.length, { open: false, close: false });
    }
    return { type: 'Program', body: this.root, loc: this.source.span(0, this.source.text.length) };
  }

  private get current(): Statement[] {
    return this.stack.length ? this.stack[this.stack.length - 1]!.body : this.root;
  }

  private add(statement: Statement): void {
    this.current.push(statement);
  }

  private content(token: ContentToken): Statement {
    return { type: 'ContentStatement', value: token.value, original: token.original, loc: this.span(token.start, token.end) };
  }

  private span(start: number, end: number): Span {
    return this.source.span(start, end);
  }

  private error(message: string, start: number, end: number, hint?: string): void {
    this.report('syntax-error', 'error', message, start, end, hint);
  }

  private report(ruleId: RuleId, severity: 'error' | 'warning', message: string, start: number, end: number, hint?: string): void {
    const extra: { file?: string; hint?: string } = {};
    if (this.source.file !== undefined) extra.file = this.source.file;
    if (hint !== undefined) extra.hint = hint;
    this.diagnostics.push(diagnostic(ruleId, severity, message, this.span(start, end), extra));
  }

  private tagSource(token: TagToken): string {
    return this.source.text.slice(token.start, token.end);
  }

  private tag(token: TagToken): void {
    switch (token.tag) {
      case 'mustache':
        this.add({
          type: 'MustacheStatement',
          family: token.family,
          path: token.path as PathExpression,
          params: token.params,
          hash: token.hash,
          escaped: token.escaped,
          strip: token.strip,
          loc: this.span(token.start, token.end),
        });
        return;
      case 'comment':
        this.add({ type: 'CommentStatement', family: token.family, value: token.text ?? '', strip: token.strip, loc: this.span(token.start, token.end) });
        return;
      case 'partial':
        this.add({
          type: 'PartialStatement',
          family: token.family,
          name: token.partialName!,
          params: token.params,
          hash: token.hash,
          strip: token.strip,
          loc: this.span(token.start, token.end),
        });
        return;
      case 'raw': {
        const body = token.body!;
        const program: Program = { type: 'Program', body: [this.content(body)], loc: this.span(body.start, body.end) };
        this.add(this.block(token, program, undefined, undefined, token.end, { open: false, close: false }));
        return;
      }
      case 'delimiters':
        return;
      case 'block':
      case 'inverse':
      case 'inline':
        this.pushBlock({
          open: token,
          kind: token.tag === 'inline' ? 'inline' : 'block',
          programBody: undefined,
          body: [],
          bodyStart: token.end,
          programEnd: token.end,
          elseTag: undefined,
          chained: false,
        });
        return;
      case 'else':
        this.else(token);
        return;
      case 'close':
        this.close(token);
        return;
    }
  }

  private else(token: TagToken): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || top.kind === 'inline') {
      this.error(`${this.tagSource(token)} outside a block: an else belongs between a block's opening and closing tags`, token.start, token.end);
      return;
    }
    if (top.open.tag === 'inverse') {
      this.error(
        `${this.tagSource(token)} inside the inverted section ${this.describeOpen(top.open)}: an inverted section has no else`,
        token.start,
        token.end,
        `use ${tagText(top.open.family, `#if`)} ... ${tagText(top.open.family, 'else')} ... ${tagText(top.open.family, '/if')} instead`,
      );
      return;
    }
    if (token.caret) this.checkCaretLabel(token);
    if (top.elseTag) {
      // Iterable's Handlebars.java (4.3) accepts several else parts; the last one is the block's else.
      const first = this.source.position(top.elseTag.start);
      this.report(
        'duplicate-else',
        'warning',
        `a second else in ${this.describeOpen(top.open)}: the text after the else at ${first.line}:${first.column} is never rendered`,
        token.start,
        token.end,
        'remove one of the else tags',
      );
      top.body = [];
      top.elseTag = token;
      if (token.path) this.pushChained(token);
      return;
    }
    if (token.family !== top.open.family && !isDocumentedMixedElse(this.tagSource(token), token.family, top.open.family)) {
      const wanted = tagText(top.open.family, 'else');
      this.report(
        'mixed-else',
        'warning',
        `${this.tagSource(token)} inside ${this.describeOpen(top.open)}: rendered as its else, but Iterable documents only {{else}} inside a [[#block]], and its engine may read one bracket family at a time`,
        token.start,
        token.end,
        `write ${wanted}`,
      );
    }
    top.programBody = top.body;
    top.programEnd = token.start;
    top.body = [];
    top.elseTag = token;
    if (token.path) this.pushChained(token);
  }

  /**
   * Handlebars.java's TemplateBuilder (`visitBlock`) checks the label of each `^` else of a block against the
   * block's opening tag: it removes the opening tag's delimiter with its `~` (`{{` or `{{~`) from the else's
   * `{{^` or `{{~^`, and fails unless `^` is left (a plain `{{~^}}` may also drop one trailing `~`, which never
   * helps). So the `~` before the `^` must match the `~` before the `#`: `{{#if}}{{~^}}` and `{{~#if}}{{^}}` fail
   * ("The inverseLabel must be one of '^' or 'else'"), `{{~#if}}{{~^}}` works. `{{else}}` is never compared. The
   * chain of a block (`{{else if}}`, `{{^if x}}`) is checked against the block that started it.
   */
  private checkCaretLabel(token: TagToken): void {
    let index = this.stack.length - 1;
    while (index > 0 && this.stack[index]!.chained) index--;
    const root = this.stack[index]!.open;
    if (root.strip.open === token.strip.open) return;
    const family = token.family;
    this.error(
      `${this.tagSource(token)} inside ${this.describeOpen(root)}: Iterable's engine fails when only one of the block's opening tag and its '^' else has a '~' before the '#' or '^'`,
      token.start,
      token.end,
      root.strip.open
        ? `write ${tagText(family, '~^')} to match the block's '~', or ${tagText(family, 'else')}`
        : `write ${tagText(family, '^')} without '~', or ${tagText(family, '~else')}`,
    );
  }

  /** `{{else if x}}`: the rest is a block of its own, closed by the parent's closing tag. */
  private pushChained(token: TagToken): void {
    this.pushBlock({
      open: { ...token, tag: 'block' },
      kind: 'block',
      programBody: undefined,
      body: [],
      bodyStart: token.end,
      programEnd: token.end,
      elseTag: undefined,
      chained: true,
    });
  }

  private pushBlock(block: OpenBlock): void {
    if (this.stack.length === MAX_NESTING) {
      this.report(
        'nesting-depth',
        'error',
        `blocks nest deeper than ${MAX_NESTING} levels here`,
        block.open.start,
        block.open.end,
        'no real template needs this: is a closing tag missing in a loop or a generator?',
      );
    }
    this.stack.push(block);
  }

  private close(token: TagToken): void {
    const name = (token.path as PathExpression).original;
    let index = this.stack.length - 1;
    while (index >= 0 && this.stack[index]!.chained) index--;
    const top = this.stack[index];
    if (!top) {
      this.error(
        `${this.tagSource(token)} closes nothing: there is no open block here`,
        token.start,
        token.end,
        'remove it, or add the block it was meant to close',
      );
      return;
    }
    const openName = this.openName(top);
    if (openName === name && top.open.family === token.family) {
      this.closeChainAndTop(token);
      return;
    }
    if (openName === name) {
      this.error(
        `${this.tagSource(token)} closes ${this.describeOpen(top.open)} with the other bracket family`,
        token.start,
        token.end,
        `a block closes with the brackets it opened with: write ${tagText(top.open.family, `/${name}`)}`,
      );
      this.closeChainAndTop(token);
      return;
    }
    // Mismatch. If an outer block has this name, the inner ones were left open; else this tag is stray.
    const outer = this.stack.findIndex((b, i) => i < index && !b.chained && this.openName(b) === name && b.open.family === token.family);
    this.error(
      `${this.tagSource(token)} does not match ${this.describeOpen(top.open)}: expected ${tagText(top.open.family, `/${openName}`)}`,
      token.start,
      token.end,
      top.open.tag === 'inverse' && outer !== -1
        ? `Iterable's engine reads ${this.tagSource(top.open)} as an inverted section, since no else follows it at its level: close it with ${tagText(top.open.family, `/${openName}`)}, or write ${tagText(top.open.family, `else ${this.tagSource(top.open).replace(/^(\{\{|\[\[)~?\^\s*|~?(\}\}|\]\])$/g, '')}`)} for an else branch`
        : undefined,
    );
    if (outer === -1) return;
    while (this.stack.length - 1 > outer) {
      const open = this.stack[this.stack.length - 1]!;
      this.closeTop(token.start, { open: false, close: false });
      void open;
    }
    this.closeChainAndTop(token);
  }

  private closeChainAndTop(token: TagToken): void {
    while (this.stack[this.stack.length - 1]!.chained) this.closeTop(token.start, token.strip);
    this.closeTop(token.start, token.strip, token.end);
  }

  private openName(block: OpenBlock): string {
    return block.kind === 'inline' ? 'inline' : (block.open.path as PathExpression).original;
  }

  private describeOpen(open: TagToken): string {
    const at = this.source.position(open.start);
    return `${this.tagSource(open).replace(/\s+/g, ' ')} (opened at ${at.line}:${at.column})`;
  }

  private reportUnclosed(block: OpenBlock): void {
    const name = this.openName(block);
    const close = tagText(block.open.family, `/${name}`);
    this.error(
      `unclosed ${this.tagSource(block.open).replace(/\s+/g, ' ')}: expected ${close} before the end of the template`,
      block.open.start,
      block.open.end,
      this.caretSectionHint(block.programBody ?? block.body, name) ?? `add ${close} where the block should end`,
    );
  }

  /**
   * When a `{{^name …}}` directly in the block took the block's closing tag: it is a section because no else
   * follows it at its level (caret-prediction.ts), which the author may not expect.
   */
  private caretSectionHint(body: Statement[], name: string): string | undefined {
    const section = body.find((s): s is BlockStatement => s.type === 'BlockStatement' && s.inverted && s.path.original === name);
    if (!section) return undefined;
    const open = this.source.text.slice(section.loc.start.offset, section.program?.loc.start.offset ?? section.loc.end.offset);
    const at = this.source.position(section.loc.start.offset);
    return (
      `the ${tagText(section.family, `/${name}`)} after ${open} (${at.line}:${at.column}) closes that tag: Iterable's engine reads it as an inverted section, ` +
      `since no else follows it at its level; write ${tagText(section.family, `else ${open.replace(/^(\{\{|\[\[)~?\^\s*|~?(\}\}|\]\])$/g, '')}`)} for an else branch, or add another ${tagText(section.family, `/${name}`)}`
    );
  }

  /** Ends the innermost open block at `end` and adds it to its parent. */
  private closeTop(end: number, closeStrip: StripFlags, closeEnd = end): void {
    const block = this.stack.pop()!;
    const programBody = block.programBody ?? block.body;
    const programEnd = block.programBody ? block.programEnd : end;
    const program: Program = { type: 'Program', body: programBody, loc: this.span(block.bodyStart, programEnd) };
    if (block.open.blockParams) program.blockParams = block.open.blockParams;
    const inverse: Program | undefined = block.programBody ? { type: 'Program', body: block.body, loc: this.span(block.elseTag!.end, end) } : undefined;
    if (block.kind === 'inline') {
      this.add({
        type: 'InlinePartialStatement',
        family: block.open.family,
        name: block.open.text ?? '',
        program,
        loc: this.span(block.open.start, closeEnd),
      });
      return;
    }
    const node = this.block(block.open, program, inverse, block.elseTag, closeEnd, closeStrip);
    node.chained = block.chained;
    this.add(node);
  }

  private block(
    open: TagToken,
    program: Program,
    inverse: Program | undefined,
    elseTag: TagToken | undefined,
    end: number,
    closeStrip: StripFlags,
  ): BlockStatement {
    return {
      type: 'BlockStatement',
      family: open.family,
      path: open.path as PathExpression,
      params: open.params,
      hash: open.hash,
      program,
      inverse,
      inverted: open.tag === 'inverse',
      raw: open.tag === 'raw',
      chained: false,
      openStrip: open.strip,
      inverseStrip: elseTag?.strip,
      closeStrip,
      elseTag: elseTag ? { loc: this.span(elseTag.start, elseTag.end), family: elseTag.family as Family } : undefined,
      loc: this.span(open.start, end),
    };
  }
}
