/**
 * One pass over the template for both delimiter families (DESIGN.md rule 1). Text runs become content tokens;
 * each tag is read with its expression (paths, literals, params, hash, sub-expressions, block params), so the
 * parser only has to match blocks. Errors are diagnostics; the lexer resynchronises at the tag's closing
 * delimiter so that a tolerant parse can go on and report more.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../diagnostics/source.js';
import { JsonNumber } from '../values/json-number.js';
import {
  DEFAULT_DELIMITERS,
  type Delimiters,
  type Expression,
  type Family,
  type Hash,
  type HashPair,
  type Literal,
  type PathExpression,
  type StringLiteral,
  type SubExpression,
} from './ast.js';
import type { ContentToken, TagKind, TagToken, Token } from './tokens.js';

/** Characters that end a name (Handlebars' ID rule); whitespace ends it too. */
const NOT_IN_NAME = new Set(' \t\n\r\f\v!"#%&\'()*+,./;<=>@[\\]^`{|}~'.split(''));
/** Handlebars.java's NUMBER: `'-'? [0-9]* '.'? [0-9]+` (so `.23` is a number). */
const NUMBER = /-?[0-9]*\.?[0-9]+/y;
/** Handlebars.java's ID (HbsLexer.g4): an ID_START character, then ID_START characters, digits, `.`, `/` or `-`. */
const ID_START_CHARS = 'a-zA-Z\u0410-\u044f_$@:\u0001-\u0008\u000b\u000c\u000e-\u001e\u00c0-\u00ff';
const JAVA_ID = new RegExp(`^[${ID_START_CHARS}][${ID_START_CHARS}0-9./-]*$`);
const ID_PART = new RegExp(`[${ID_START_CHARS}0-9./-]`);
/** What a QID can start with after a separator: an ID_START character or `[`. */
const QID_START = new RegExp(`[${ID_START_CHARS}[]`);
const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
/**
 * HbsLexer.g4's BOOLEAN: the only keyword literals. Its grammar has no `null` or `undefined` literal: both are
 * paths, the fields `null` and `undefined` of the context (`{{undefined}}` prints the field `undefined`).
 */
const KEYWORDS = ['true', 'false'] as const;
const MAX_SUBEXPRESSION_DEPTH = 100;
/** The three tokens that end a tag in Handlebars.java: `}}` (plain), `}}}` (triple-stash), `}}}}` (raw block). */
type CloseKind = 'plain' | 'triple' | 'raw';
const LITERAL_KIND: Record<string, string> = { StringLiteral: 'string', NumberLiteral: 'number', BooleanLiteral: 'boolean', SubExpression: 'sub-expression' };
const LITERAL_HINT = 'to print a fixed text, write it outside the tag; a literal can only be a parameter, as in {{defaultIfEmpty x "text"}}';

class LexError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly hint?: string,
    /** Where the highlighted text ends; by default where the lexer stopped. */
    readonly end?: number,
  ) {
    super(message);
  }
}

export interface LexOptions {
  /** Which families are tags; text in the other family's delimiters is plain text. Default: both. */
  families?: readonly Family[];
}

export function tokenize(source: SourceText, options: LexOptions, diagnostics: Diagnostic[]): Token[] {
  return new Lexer(source, options.families ?? ['user', 'feed'], diagnostics).run();
}

class Lexer {
  private readonly text: string;
  private pos = 0;
  private readonly tokens: Token[] = [];
  private readonly delimiters: Record<Family, Delimiters>;
  /** Cached index of each family's next opening delimiter at or after `pos` (-1: none left). */
  private readonly nextOpen = new Map<Family, number>();
  // State of the tag being read.
  private family: Family = 'user';
  private tagStart = 0;
  private closer = '}}';
  private triple = false;
  /** How many sub-expressions enclose the one being read: reading recurses once per level. */
  private subExpressionDepth = 0;

  constructor(
    private readonly source: SourceText,
    private readonly families: readonly Family[],
    private readonly diagnostics: Diagnostic[],
  ) {
    this.text = source.text;
    this.delimiters = { user: { ...DEFAULT_DELIMITERS.user }, feed: { ...DEFAULT_DELIMITERS.feed } };
  }

  run(): Token[] {
    let contentStart = this.pos;
    let value = '';
    let escape = false;
    const flush = (end: number) => {
      if (end > contentStart || value) {
        const token: ContentToken = { kind: 'content', value, original: this.text.slice(contentStart, end), start: contentStart, end };
        if (escape) token.escape = true;
        this.tokens.push(token);
      }
      value = '';
      escape = false;
    };
    while (this.pos < this.text.length) {
      const next = this.findOpen();
      if (!next) {
        value += this.text.slice(this.pos);
        this.pos = this.text.length;
        break;
      }
      const { at, family } = next;
      const open = this.delimiters[family].open;
      if (at > this.pos && this.text[at - 1] === '\\') {
        // `\{{x}}` prints `{{x}}`: the tag stays text. Handlebars.java takes only the backslash next to the
        // delimiter as the escape, so `\\{{x}}` prints `\{{x}}` (handlebars.js would print `\` and the value).
        value += this.text.slice(this.pos, at - 1) + open;
        escape = true;
        this.pos = at + open.length;
        const problem = this.escapeProblem(at, family);
        if (problem) this.report(problem);
        continue;
      }
      value += this.text.slice(this.pos, at);
      flush(at);
      this.pos = at;
      this.readTag(family);
      contentStart = this.pos;
    }
    flush(this.text.length);
    return this.tokens;
  }

  /**
   * Handlebars.java's escape token (HbsLexer.g4 ESC_VAR, its `varEscape`) runs from `\{{` to the first `}}`, read
   * from the last character of the opening delimiter on; finding another opening delimiter first, or none of the
   * closing one, is a lexer error. So `\{{{x}}}` and `\[[[x]]]` fail (the delimiter's last character starts another
   * `{{`/`[[`), `\{{! {{x}} }}` fails, and `\[[{o}]]` prints `[[{o}]]`.
   */
  private escapeProblem(at: number, family: Family): LexError | undefined {
    const { open, close } = this.delimiters[family];
    const nextClose = this.text.indexOf(close, at + open.length - 1);
    const nextOpen = this.text.indexOf(open, at + open.length - 1);
    if (nextOpen !== -1 && (nextClose === -1 || nextOpen < nextClose)) {
      return new LexError(
        `the escaped tag \\${open} holds another '${open}' before its '${close}': Iterable's engine fails on it`,
        at - 1,
        `end the escaped tag with '${close}' before the next '${open}', or remove the backslash`,
        nextOpen + open.length,
      );
    }
    if (nextClose === -1) return new LexError(`unclosed escaped tag: expected '${close}' after '\\${open}'`, at - 1);
    return undefined;
  }

  private findOpen(): { at: number; family: Family } | undefined {
    let best: { at: number; family: Family } | undefined;
    for (const family of this.families) {
      let at = this.nextOpen.get(family);
      if (at === undefined || (at !== -1 && at < this.pos)) {
        at = this.text.indexOf(this.delimiters[family].open, this.pos);
        this.nextOpen.set(family, at);
      }
      if (at !== -1 && (!best || at < best.at)) best = { at, family };
    }
    return best;
  }

  // ---- tags ----------------------------------------------------------------------------------------------

  private readTag(family: Family): void {
    const { open, close } = this.delimiters[family];
    this.family = family;
    this.tagStart = this.pos;
    this.closer = close;
    this.triple = false;
    try {
      this.pos += open.length;
      if (family === 'user' && open === '{{' && this.text.startsWith('{{', this.pos)) return this.readRawBlock();
      if (this.peek() === '!') return this.readComment(false);
      const stripOpen = this.eat('~');
      if (stripOpen && this.peek() === '!') {
        throw new LexError("'~' cannot come before a comment in Iterable's engine", this.pos, `write ${open}! ... ${close}`);
      }
      const sigil = this.peek();
      switch (sigil) {
        case '{':
          this.pos++;
          this.triple = true;
          return this.readExpressionTag('mustache', stripOpen, false);
        case '&':
          this.pos++;
          return this.readExpressionTag('mustache', stripOpen, false);
        case '#':
          this.pos++;
          if (this.eat('*')) return this.readInlinePartial(stripOpen);
          if (this.peek() === '>') throw new LexError('partial blocks ({{#> name}}) are not supported', this.pos);
          return this.readExpressionTag('block', stripOpen, true);
        case '^':
          this.pos++;
          this.skipSpace();
          // Whether a `~` may come before the `^` depends on the block the else belongs to: the parser checks it.
          if (this.closeAhead()) return this.finishTag('else', stripOpen, { caret: true });
          return this.readExpressionTag('inverse', stripOpen, true);
        case '/':
          this.pos++;
          return this.readClose(stripOpen);
        case '>':
          this.pos++;
          return this.readPartial(stripOpen);
        case '=':
          this.pos++;
          return this.readDelimiters();
        default:
          return this.readExpressionTag('mustache', stripOpen, true);
      }
    } catch (error) {
      if (!(error instanceof LexError)) throw error;
      this.report(error);
      // An error that spans a whole token (a wrong closing token) ends the tag there.
      if (error.end !== undefined) this.pos = error.end;
      else this.resync();
    }
  }

  private report(error: LexError): void {
    const end = error.end ?? Math.max(error.offset + 1, this.pos);
    const extra = error.hint ? { hint: error.hint } : {};
    this.diagnostics.push(
      diagnostic('syntax-error', 'error', error.message, this.source.span(error.offset, Math.min(end, this.text.length)), {
        ...(this.source.file !== undefined ? { file: this.source.file } : {}),
        ...extra,
      }),
    );
  }

  /** After a bad tag, go on after its closing delimiter (or at the next tag, if it never closes). */
  private resync(): void {
    const close = this.text.indexOf(this.closer, this.pos);
    const { open } = this.delimiters[this.family];
    // Not `tagStart + 1`: a triple-stash's `{{{` holds another `{{` at the next character.
    const nextOpen = this.text.indexOf(open, this.tagStart + open.length);
    if (close !== -1 && (nextOpen === -1 || close < nextOpen)) this.pos = close + this.closer.length;
    else if (nextOpen !== -1) this.pos = nextOpen;
    else this.pos = this.text.length;
  }

  private readExpressionTag(kind: TagKind, stripOpen: boolean, escaped: boolean): void {
    this.skipSpace();
    const head = this.readExpression('a name');
    if (head.type === 'SubExpression') {
      throw new LexError('a tag cannot start with a sub-expression', head.loc.start.offset);
    }
    if (kind === 'mustache' && escaped && head.type === 'PathExpression' && head.original === 'else') {
      // `{{else}}` or `{{else if x}}`: the else of the enclosing block, maybe chained to another helper.
      this.skipSpace();
      if (this.closeAhead()) return this.finishTag('else', stripOpen, {});
      const chained = this.readExpression('a helper name');
      if (chained.type !== 'PathExpression') throw new LexError('expected a helper name after else', chained.loc.start.offset);
      const { params, hash, blockParams } = this.readArguments(true);
      return this.finishTag('else', stripOpen, { path: chained, params, hash, blockParams });
    }
    if (head.type !== 'PathExpression') {
      // HbsParser.g4 rule `sexpr` starts with a QID: a string, number or boolean literal (`{{"x"}}`, `{{1}}`,
      // `[[true]]`, `{{#"x"}}`) cannot head a tag, whatever its kind; literals are only parameters.
      const what = kind === 'block' || kind === 'inverse' ? 'a block must name a helper or a field' : 'a tag must start with a field or a helper name';
      throw new LexError(
        `${what}, found the ${LITERAL_KIND[head.type]} ${this.textOf(head)}: Iterable's engine fails on it`,
        head.loc.start.offset,
        LITERAL_HINT,
      );
    }
    const { params, hash, blockParams } = this.readArguments(kind === 'block' || kind === 'inverse');
    this.finishTag(kind, stripOpen, { path: head, params, hash, blockParams, escaped });
  }

  private readClose(stripOpen: boolean): void {
    this.skipSpace();
    const path = this.readExpression('the name of the block to close');
    if (path.type !== 'PathExpression') throw new LexError(`expected a block name, found ${this.textOf(path)}`, path.loc.start.offset);
    this.finishTag('close', stripOpen, { path });
  }

  private readPartial(stripOpen: boolean): void {
    this.skipSpace();
    const name = this.readExpression('a partial name');
    if (name.type !== 'PathExpression' && name.type !== 'StringLiteral') {
      throw new LexError('expected a partial name', name.loc.start.offset);
    }
    const { params, hash } = this.readArguments(false);
    this.finishTag('partial', stripOpen, { partialName: name, params, hash });
  }

  private readInlinePartial(stripOpen: boolean): void {
    const decorator = this.readExpression('a decorator name');
    if (decorator.type !== 'PathExpression' || decorator.original !== 'inline') {
      throw new LexError(`only the inline decorator is supported, found *${this.textOf(decorator)}`, decorator.loc.start.offset);
    }
    this.skipSpace();
    const name = this.readExpression('the partial name');
    if (name.type !== 'StringLiteral' && name.type !== 'PathExpression') throw new LexError('expected a partial name', name.loc.start.offset);
    this.finishTag('inline', stripOpen, { path: decorator, text: name.type === 'StringLiteral' ? name.value : name.original });
  }

  private readComment(stripOpen: boolean): void {
    // `{{!--}}` is a complete short comment (Handlebars.java), not the start of a long one.
    const long = this.text.startsWith('!--', this.pos) && !this.text.startsWith(this.closer, this.pos + 3);
    const start = this.pos + (long ? 3 : 1);
    const terminator = (long ? '--' : '') + this.closer;
    const end = this.text.indexOf(terminator, start);
    if (end === -1) {
      throw new LexError(`unclosed comment: expected '${terminator}'`, this.tagStart);
    }
    this.pos = end + terminator.length;
    // Handlebars.java reads a comment as one token and strips on both sides when its text has a `~` anywhere
    // (`a {{! x~y }} b` is `ab`).
    const strip = stripOpen || this.text.slice(start, end).includes('~');
    this.push({ tag: 'comment', strip: { open: strip, close: strip }, escaped: true, params: [], text: this.text.slice(start, end) });
  }

  private readRawBlock(): void {
    // `{{{{name}}}}body{{{{/name}}}}`: the body is never parsed.
    this.pos += 2;
    this.skipSpace();
    this.closer = '}}}}';
    const head = this.readExpression('a helper name');
    if (head.type !== 'PathExpression') throw new LexError('a raw block must name a helper', head.loc.start.offset);
    const { params, hash } = this.readArguments(false);
    this.skipSpace();
    if (!this.text.startsWith('}}}}', this.pos)) throw this.expected("'}}}}'");
    this.pos += 4;
    const bodyStart = this.pos;
    const closeTag = `{{{{/${head.original}}}}}`;
    const bodyEnd = this.text.indexOf(closeTag, bodyStart);
    if (bodyEnd === -1) throw new LexError(`unclosed raw block: expected '${closeTag}'`, this.tagStart);
    const raw = this.text.slice(bodyStart, bodyEnd);
    this.pos = bodyEnd + closeTag.length;
    const body: ContentToken = { kind: 'content', value: raw, original: raw, start: bodyStart, end: bodyEnd };
    this.push({ tag: 'raw', strip: { open: false, close: false }, escaped: true, path: head, params, hash, body });
  }

  private readDelimiters(): void {
    // `{{=<% %>=}}`: new delimiters for this family, from here on.
    const end = this.text.indexOf(`=${this.closer}`, this.pos);
    if (end === -1) throw new LexError(`unclosed delimiter change: expected '=${this.closer}'`, this.tagStart);
    const parts = this.text.slice(this.pos, end).trim().split(/\s+/);
    if (parts.length !== 2 || parts.some((p) => p === '' || p.includes('='))) {
      throw new LexError('a delimiter change needs two delimiters, like {{=<% %>=}}', this.pos);
    }
    this.pos = end + 1 + this.closer.length;
    this.push({ tag: 'delimiters', strip: { open: false, close: false }, escaped: true, params: [] });
    this.delimiters[this.family] = { open: parts[0]!, close: parts[1]! };
    this.nextOpen.delete(this.family);
  }

  private finishTag(kind: TagKind, stripOpen: boolean, fields: Partial<TagToken>): void {
    this.skipSpace();
    // A triple-stash closes with `}}}` or `}~}}` (Handlebars.java's HbsLexer): the `~` comes after the brace.
    const wanted: CloseKind = this.triple ? 'triple' : 'plain';
    const close = this.closeToken();
    if (!close) throw this.expected(this.triple ? `'}${this.closer}'` : `'${this.closer}'`);
    if (close.kind !== wanted) {
      const text = this.text.slice(this.pos, close.end);
      const tag = this.text.slice(this.tagStart, this.pos).trimEnd();
      throw new LexError(
        `'${text}' cannot end the tag ${tag}: Iterable's engine reads it as the end of a ${close.kind === 'raw' ? 'raw block tag' : 'triple-stash'} and fails`,
        this.pos,
        `end the tag with '${wanted === 'triple' ? '}' : ''}${this.closer}' and put a space before a brace that follows it`,
        close.end,
      );
    }
    this.pos = close.end;
    this.push({ tag: kind, strip: { open: stripOpen, close: close.strip }, escaped: true, params: [], ...fields });
  }

  /**
   * The token Handlebars.java's lexer reads where a tag ends (HbsLexer.g4 mode VAR: END_RAW `}}`+end, END_T
   * `}`+end, END end, each also with `~` before the delimiter). Their predicates run in that order at the same
   * start, and each one that matches moves the input to its last character before the next is tried; the token
   * is the first rule that matched, and ends one character after where the input stands then. So `{{x}}}` ends
   * with END_T (`}}}`), which only a triple-stash may take, and `[[{x}]]]` ends with END_T `}]]]`: the last
   * bracket is swallowed.
   */
  private closeToken(): { kind: CloseKind; end: number; strip: boolean } | undefined {
    const rules: Array<[CloseKind, string]> = [
      ['raw', '}}'],
      ['triple', '}'],
      ['plain', ''],
    ];
    let at = this.pos;
    let first: { kind: CloseKind; strip: boolean } | undefined;
    for (const [kind, prefix] of rules) {
      for (const candidate of [prefix + this.closer, `${prefix}~${this.closer}`]) {
        if (!this.text.startsWith(candidate, at)) continue;
        first ??= { kind, strip: candidate !== prefix + this.closer };
        at += candidate.length - 1;
        break;
      }
    }
    return first && { ...first, end: at + 1 };
  }

  private push(fields: Omit<TagToken, 'kind' | 'family' | 'start' | 'end'>): void {
    this.tokens.push({ kind: 'tag', family: this.family, start: this.tagStart, end: this.pos, ...fields });
  }

  private expected(what: string): LexError {
    if (this.pos >= this.text.length) {
      const opened = this.source.position(this.tagStart);
      return new LexError(
        `unclosed tag: expected ${what} to close the tag opened at ${opened.line}:${opened.column}, found the end of the template`,
        this.tagStart,
      );
    }
    return new LexError(`expected ${what}, found ${this.describeHere()}`, this.pos);
  }

  private textOf(node: Expression): string {
    return this.text.slice(node.loc.start.offset, node.loc.end.offset);
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'the end of the template';
    const ch = this.text[this.pos]!;
    if (ch === '\n') return 'a line break';
    return `'${ch}'`;
  }

  // ---- expressions ---------------------------------------------------------------------------------------

  private readArguments(allowBlockParams: boolean): { params: Expression[]; hash?: Hash; blockParams?: string[] } {
    const params: Expression[] = [];
    const pairs: HashPair[] = [];
    let blockParams: string[] | undefined;
    for (;;) {
      this.skipSpace();
      if (this.closeAhead() || this.peek() === ')' || this.pos >= this.text.length) break;
      if (allowBlockParams && this.blockParamsAhead()) {
        blockParams = this.readBlockParams();
        continue;
      }
      const key = this.hashKeyAhead();
      if (key !== undefined) {
        const start = this.pos;
        this.pos += key.length;
        this.skipSpace();
        this.pos++; // '='
        this.skipSpace();
        const value = this.readExpression(`a value for ${key}=`);
        pairs.push({ type: 'HashPair', key, value, loc: this.source.span(start, this.pos) });
        continue;
      }
      if (pairs.length) throw new LexError('positional parameters must come before key=value pairs', this.pos);
      params.push(this.readExpression('a parameter'));
    }
    const result: { params: Expression[]; hash?: Hash; blockParams?: string[] } = { params };
    if (pairs.length) {
      result.hash = { type: 'Hash', pairs, loc: this.source.span(pairs[0]!.loc.start.offset, pairs[pairs.length - 1]!.loc.end.offset) };
    }
    if (blockParams) result.blockParams = blockParams;
    return result;
  }

  private blockParamsAhead(): boolean {
    return /^as\s+\|/.test(this.text.slice(this.pos, this.pos + 40));
  }

  private readBlockParams(): string[] {
    this.pos = this.text.indexOf('|', this.pos) + 1;
    const names: string[] = [];
    for (;;) {
      this.skipSpace();
      if (this.eat('|')) break;
      const name = this.readName();
      if (!name) throw this.expected("a block parameter name or '|'");
      names.push(name);
    }
    if (!names.length) throw new LexError('as |...| needs at least one name', this.pos - 1);
    return names;
  }

  private hashKeyAhead(): string | undefined {
    const save = this.pos;
    const name = this.readName();
    let p = this.pos;
    this.pos = save;
    if (!name) return undefined;
    while (p < this.text.length && /\s/.test(this.text[p]!)) p++;
    return this.text[p] === '=' ? name : undefined;
  }

  private readExpression(what: string): Expression {
    this.skipSpace();
    const start = this.pos;
    const ch = this.peek();
    if (ch === undefined || this.closeAhead()) throw this.expected(what);
    if (ch === '(') return this.readSubExpression();
    if (ch === '"' || ch === "'") return this.readString();
    const literal = this.readLiteral();
    if (literal) return literal;
    if (ch === ')' || ch === '=' || ch === '|') throw new LexError(`expected ${what}, found '${ch}'`, start);
    return this.readPath(what);
  }

  private readSubExpression(): SubExpression {
    const start = this.pos;
    if (this.subExpressionDepth >= MAX_SUBEXPRESSION_DEPTH) {
      throw new LexError(`sub-expressions nest deeper than ${MAX_SUBEXPRESSION_DEPTH} levels`, start);
    }
    this.pos++; // (
    this.skipSpace();
    const head = this.readExpression('a helper name');
    if (head.type !== 'PathExpression') throw new LexError('a sub-expression must start with a helper name', head.loc.start.offset);
    this.subExpressionDepth++;
    let args: ReturnType<Lexer['readArguments']>;
    try {
      args = this.readArguments(false);
    } finally {
      this.subExpressionDepth--;
    }
    const { params, hash } = args;
    this.skipSpace();
    if (!this.eat(')')) throw this.expected("')'");
    const node: SubExpression = { type: 'SubExpression', path: head, params, hash, loc: this.source.span(start, this.pos) };
    return node;
  }

  private readString(): StringLiteral {
    const start = this.pos;
    const quote = this.text[this.pos]!;
    let value = '';
    this.pos++;
    for (;;) {
      if (this.pos >= this.text.length) throw new LexError(`unclosed string: expected ${quote}`, start);
      const ch = this.text[this.pos]!;
      if (ch === '\\' && this.text[this.pos + 1] === quote) {
        value += quote;
        this.pos += 2;
        continue;
      }
      this.pos++;
      if (ch === quote) break;
      value += ch;
    }
    return { type: 'StringLiteral', value, original: this.text.slice(start, this.pos), loc: this.source.span(start, this.pos) };
  }

  private readLiteral(): Literal | undefined {
    const start = this.pos;
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(this.text);
    if (number && this.boundaryAt(start + number[0].length)) {
      this.pos += number[0].length;
      const original = number[0];
      // Handlebars.java reads an integer literal that does not fit an int as a Double.
      const isInteger = !original.includes('.') && BigInt(original) >= INT_MIN && BigInt(original) <= INT_MAX;
      return { type: 'NumberLiteral', value: new JsonNumber(original, isInteger), original, loc: this.source.span(start, this.pos) };
    }
    for (const keyword of KEYWORDS) {
      if (this.text.startsWith(keyword, start) && this.boundaryAt(start + keyword.length)) {
        this.pos += keyword.length;
        return { type: 'BooleanLiteral', value: keyword === 'true', original: keyword, loc: this.source.span(start, this.pos) };
      }
    }
    return undefined;
  }

  /** A literal ends where a name could not go on: space, `)`, `~`, `|`, `=`, `}` or the closing delimiter. */
  private boundaryAt(p: number): boolean {
    if (p >= this.text.length) return true;
    const ch = this.text[p]!;
    return /[\s)~|=}]/.test(ch) || this.text.startsWith(this.closer, p);
  }

  private readPath(what: string): PathExpression {
    const start = this.pos;
    let data = false;
    let depth = 0;
    let local = false;
    /** `this.` or `this/` came first: the path is one ID for Handlebars.java, not a QID that starts after `./`. */
    let thisPrefix = false;
    /** The separator read before the current segment. */
    let separator = '';
    const parts: string[] = [];
    if (this.eat('@')) data = true;
    for (;;) {
      if (this.text.startsWith('../', this.pos)) {
        depth++;
        this.pos += 3;
      } else if (this.text.startsWith('..', this.pos) && this.boundaryAt(this.pos + 2)) {
        depth++;
        this.pos += 2;
        return this.pathNode(start, { data, depth, local, parts });
      } else break;
    }
    if (this.text.startsWith('./', this.pos)) {
      local = true;
      this.pos += 2;
    } else if (this.peek() === '.' && this.boundaryAt(this.pos + 1)) {
      this.pos++;
      return this.pathNode(start, { data, depth, local: true, parts });
    } else if (this.text.startsWith('this', this.pos) && (this.boundaryAt(this.pos + 4) || /[./]/.test(this.text[this.pos + 4] ?? ''))) {
      local = true;
      this.pos += 4;
      if (!/[./]/.test(this.peek() ?? '')) return this.pathNode(start, { data, depth, local, parts });
      separator = this.text[this.pos++]!;
      thisPrefix = true;
    }
    /** The first segment starts a QID of its own (HbsLexer.g4 QID: `'../' QID`, `'./' QID`, or the whole path). */
    const startsQid = !thisPrefix && !data;
    for (;;) {
      const segmentStart = this.pos;
      // Handlebars.java's ID starts with a letter, `_`, `$`, `@`, `:` or `[`: a digit may only follow (`a.0`,
      // `this.0`), not start a QID (`0.a`, `../1`, `./0`).
      if (parts.length === 0 && startsQid && /[0-9]/.test(this.peek() ?? '')) {
        const prefix = this.text.slice(start, segmentStart);
        const digits = /[0-9]+/.exec(this.text.slice(segmentStart))![0];
        throw new LexError(
          `expected ${what}, found ${this.describeHere()}: a path${prefix ? ` after '${prefix}'` : ''} cannot start with a digit`,
          segmentStart,
          `write ${prefix}[${digits}]${prefix === './' ? ` or this.${digits}` : ''}`,
        );
      }
      const bracketed = this.peek() === '[';
      const segment = this.readSegment();
      if (segment === undefined) {
        if (parts.length === 0 && !local && depth === 0) throw new LexError(`expected ${what}, found ${this.describeHere()}`, this.pos);
        throw this.expected('a name after the separator');
      }
      parts.push(segment);
      // A `[x]` starts a QID of its own where it is not an ID's `.[x]` suffix (HbsLexer.g4 ID_SUFFIX): first in the
      // path or after `../`, `./`, or after `/` (`a/[n].0.b` and `this/[n].0.b` end after `[n]`, `a.[n].0.b` goes on).
      const startsOwnQid = parts.length === 1 ? startsQid || separator === '/' : separator === '/';
      if (bracketed && this.pathEndsAfterBracket(segment, startsOwnQid)) break;
      const sep = this.peek();
      // `[ab]-c` is one path for Handlebars.java (`-` separates IDs in its lexer), and its PathCompiler keeps the
      // `-` in the next segment: the parts are `ab` and `-c`.
      if (bracketed && sep === '-' && QID_START.test(this.text[this.pos + 1] ?? '')) {
        separator = '-';
        continue;
      }
      if ((sep === '.' || sep === '/') && !this.text.startsWith(this.closer, this.pos)) {
        separator = sep;
        this.pos++;
        continue;
      }
      break;
    }
    return this.pathNode(start, { data, depth, local, parts });
  }

  /**
   * Whether Handlebars.java's lexer ends the path token at the `]` just read. Its QID rule has two readings of
   * `[x]`: the alternative `'[' ID ']'`, when x is itself an ID, and an escaped ID (`'[' … ']'`, non-greedy)
   * that may go on with `.0`. ANTLR stops a non-greedy reading once an earlier alternative has matched, so after a
   * `[x]` whose x is an ID, the path only goes on as `ID_SEPARATOR QID`, and a QID never starts with a digit:
   * `[a-b].0` is the path `[a-b]` and the number `.0`, a helper call that fails ("could not find helper"), while
   * `[a b].0` reads one path (fuzz class literal-segment-then-numeric-segment; HbsLexer.g4 QID/ID/ID_ESCAPE). A
   * `[x]` after a leading name (`a.[b].0`) is the same, unless the rest of the name later goes on with a
   * separator and a name (`a.[b].0.c`), which the ID reading of the whole path still matches. Checked against
   * the Java engine on both forms.
   */
  private pathEndsAfterBracket(segment: string, first: boolean): boolean {
    if (!JAVA_ID.test(segment)) return false;
    const sep = this.peek();
    if (sep !== '.' && sep !== '/' && sep !== '-') return false;
    if (this.text.startsWith(this.closer, this.pos)) return false;
    if (QID_START.test(this.text[this.pos + 1] ?? '')) return false;
    if (first) return true;
    // The ID reading of the whole path: ID chars up to a separator followed by a name.
    for (let p = this.pos; p < this.text.length && ID_PART.test(this.text[p]!); p++) {
      if (this.text.startsWith(this.closer, p)) break;
      if (/[./-]/.test(this.text[p]!) && QID_START.test(this.text[p + 1] ?? '')) return false;
    }
    return true;
  }

  private pathNode(start: number, fields: Pick<PathExpression, 'data' | 'depth' | 'local' | 'parts'>): PathExpression {
    return { type: 'PathExpression', ...fields, original: this.text.slice(start, this.pos), loc: this.source.span(start, this.pos) };
  }

  /** A name, or `[anything but a bracket]` as one literal segment. */
  private readSegment(): string | undefined {
    if (this.peek() === '[') {
      const end = this.text.indexOf(']', this.pos + 1);
      if (end === -1) throw new LexError("unclosed '[' in a path: expected ']'", this.pos);
      const segment = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      return segment;
    }
    return this.readName();
  }

  private readName(): string | undefined {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (NOT_IN_NAME.has(ch) || this.text.startsWith(this.closer, this.pos)) break;
      this.pos++;
    }
    return this.pos > start ? this.text.slice(start, this.pos) : undefined;
  }

  // ---- low level -----------------------------------------------------------------------------------------

  /** At the end of the tag: `}` for a triple-stash, `~`?, then the closing delimiter. */
  private closeAhead(): boolean {
    let p = this.pos;
    if (this.triple) {
      if (this.text[p] !== '}') return false;
      p++;
    }
    if (this.text[p] === '~') p++;
    return this.text.startsWith(this.closer, p);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private peek(): string | undefined {
    return this.text[this.pos];
  }

  private eat(ch: string): boolean {
    if (this.text[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }
}
