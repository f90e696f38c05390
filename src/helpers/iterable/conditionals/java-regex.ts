/**
 * Java regular expressions (`java.util.regex.Pattern`, what `String.matches` compiles) translated to JavaScript
 * `RegExp` syntax with the `u` flag, for `#ifMatchesRegexStr`, and run with a bound (`compileJavaRegex`): on re2js
 * (linear time) when RE2 can express the pattern, otherwise on a backtracking matcher with a step budget
 * (regex/backtracking.ts). JavaScript's own RegExp only checks the syntax: it would backtrack without end.
 *
 * Iterable matches the whole string, case-sensitively, and supports no `/i`-style modifiers (support article
 * 211728403). `String.matches` is a full match, so the translation is anchored at both ends of the input.
 *
 * What differs between the two dialects, and what the translation does about it:
 *   - escapes Java allows and JavaScript (`u` mode) rejects: `\@`, `\-`, `\#`, ... (any non-alphanumeric character
 *     quoted) become the literal character; a lone `]` or `}` is a literal in Java and is escaped;
 *   - `\s` is ASCII whitespace in Java (`[ \t\n\x0B\f\r]`), `\h`, `\v` (vertical whitespace, not `\x0B`), `\R`,
 *     `\A`, `\z`, `\Z`, `\e`, `\a`, `\cX`, `\0ooo` octal, `\x{h…}`, `\Q…\E` quoting, the POSIX classes
 *     `\p{Alpha}`, `\p{Punct}`, …, `\p{IsLatin}`, `\p{javaLowerCase}`: rewritten to their JavaScript equivalent;
 *   - `.` does not match `\u0085` in Java: rewritten as a class;
 *   - union of nested classes (`[a-z[0-9]]`) is flattened;
 *   - leading inline flags `(?i)`, `(?s)`, `(?m)` become RegExp flags.
 * Possessive quantifiers (`a*+`) and atomic groups (`(?>…)`) become named groups `(?<$atomicN>…)` that the
 * matchers run atomically (JavaScript has no such syntax; Java group names cannot hold `$`).
 * What cannot be expressed is reported, not guessed silently: class intersection (`[a-z&&[^e]]`),
 * negated nested classes, `\G`, `\X`, Unicode blocks (`\p{InGreek}`) and flags in the middle of a pattern are
 * `JavaRegexUnsupported`. A pattern Java itself rejects (unbalanced brackets, `{` that is not a quantifier, an
 * unknown `\y` escape, ...) is a `JavaRegexSyntaxError`.
 */
import { ATOMIC_GROUP_PREFIX, INPUT_END, INPUT_END_BEFORE_TERMINATOR, INPUT_START, LINE_TERMINATORS } from './regex/markers.js';
import { compileBacktracking, RegexBudgetExceeded } from './regex/backtracking.js';
import { capturingGroupsOf, nodesOf, parseJsPattern } from './regex/js-pattern.js';
import { toRe2, type JsFlags } from './regex/to-re2.js';
import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import type { AST } from '@eslint-community/regexpp';
import { ownEntry } from '../../../values/own.js';

export { RegexBudgetExceeded } from './regex/backtracking.js';

// re2js builds its Unicode tables when it loads: loaded on the first pattern, not with the helpers, since most
// templates have none and every CLI run loads the helpers.
const loadPackage = createRequire(import.meta.url);
let re2js: typeof RE2JS | undefined;
function linearEngine(): typeof RE2JS {
  return (re2js ??= (loadPackage('re2js') as typeof import('re2js')).RE2JS);
}

export class JavaRegexSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JavaRegexSyntaxError';
  }
}

export class JavaRegexUnsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JavaRegexUnsupported';
  }
}

export interface TranslatedRegex {
  /** The anchored JavaScript pattern. */
  source: string;
  /** The same pattern without the anchors, for engines that match the whole input themselves. */
  body: string;
  flags: string;
  /** Java behaviours the JavaScript pattern only approximates (empty when exact). */
  approximations: string[];
}

const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
const JAVA_HSPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const JAVA_VSPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';

/** POSIX character classes (US-ASCII only, as in Java without UNICODE_CHARACTER_CLASS), as class members. */
const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE,
};

/** Java's `\p{Is…}` binary properties and `java.lang.Character` classes with a JavaScript equivalent. */
const PROPERTY_ALIASES: Record<string, string> = {
  IsAlphabetic: '\\p{Alphabetic}',
  IsIdeographic: '\\p{Ideographic}',
  IsLetter: '\\p{L}',
  IsLowercase: '\\p{Lowercase}',
  IsUppercase: '\\p{Uppercase}',
  IsTitlecase: '\\p{Lt}',
  IsPunctuation: '\\p{P}',
  IsControl: '\\p{Cc}',
  IsWhite_Space: '\\p{White_Space}',
  IsWhiteSpace: '\\p{White_Space}',
  IsDigit: '\\p{Nd}',
  IsHex_Digit: '\\p{Hex_Digit}',
  IsHexDigit: '\\p{Hex_Digit}',
  IsJoin_Control: '\\p{Join_Control}',
  IsJoinControl: '\\p{Join_Control}',
  IsNoncharacter_Code_Point: '\\p{Noncharacter_Code_Point}',
  IsAssigned: '\\P{Cn}',
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaLetter: '\\p{L}',
  javaDigit: '\\p{Nd}',
  javaLetterOrDigit: '\\p{L}\\p{Nd}',
  javaAlphabetic: '\\p{Alphabetic}',
};

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
  x: boolean;
}

class Translator {
  private pos = 0;
  private atomicGroups = 0;
  private numberedBackreferences = false;
  private readonly flags: Flags = { i: false, s: false, m: false, x: false };
  readonly approximations: string[] = [];

  constructor(private readonly pattern: string) {}

  translate(): TranslatedRegex {
    this.leadingFlags();
    let body = this.sequence(false);
    if (this.pos < this.pattern.length) throw new JavaRegexSyntaxError(`Unmatched closing ')' near index ${this.pos}`);
    if (this.atomicGroups > 0 && this.numberedBackreferences) body = renumberBackreferences(body);
    const flags = `${this.flags.i ? 'i' : ''}${this.flags.m ? 'm' : ''}${this.flags.s ? 's' : ''}u`;
    // `String.matches` must consume the whole input; these anchors ignore the m flag.
    return { source: `${INPUT_START}(?:${body})${INPUT_END}`, body, flags, approximations: this.approximations };
  }

  /** `(?i)`, `(?is)`, `(?-i)` at the start: flags for the whole pattern. */
  private leadingFlags(): void {
    for (;;) {
      const match = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/.exec(this.pattern.slice(this.pos));
      if (!match) return;
      this.applyFlags(match[1] ?? '', match[2] ?? '');
      this.pos += match[0].length;
    }
  }

  private applyFlags(on: string, off: string): void {
    for (const [letters, value] of [
      [on, true],
      [off, false],
    ] as const) {
      for (const flag of letters) {
        if (flag === 'i' || flag === 's' || flag === 'm' || flag === 'x') this.flags[flag] = value;
        else if (flag === 'u' || flag === 'd') {
          // UNICODE_CASE (JavaScript's `iu` already folds Unicode case) and UNIX_LINES: no JavaScript flag.
          if (value) this.approximate(`the (?${flag}) flag is ignored`);
        } else if (flag === 'U') throw new JavaRegexUnsupported('the (?U) flag (UNICODE_CHARACTER_CLASS) is not supported');
        else throw new JavaRegexSyntaxError(`Unknown inline modifier '${flag}'`);
      }
    }
  }

  private approximate(note: string): void {
    if (!this.approximations.includes(note)) this.approximations.push(note);
  }

  private peek(offset = 0): string | undefined {
    return this.pattern[this.pos + offset];
  }

  /** Alternatives and atoms up to an unmatched `)` (inside a group) or the end. */
  private sequence(inGroup: boolean): string {
    let out = '';
    while (this.pos < this.pattern.length) {
      const ch = this.pattern[this.pos]!;
      if (ch === ')') {
        if (!inGroup) throw new JavaRegexSyntaxError(`Unmatched closing ')' near index ${this.pos}`);
        return out;
      }
      if (this.flags.x && this.skipComment()) continue;
      if (ch === '|') {
        out += '|';
        this.pos++;
        continue;
      }
      const atom = this.atom();
      const { quantifier, atomic } = this.quantifier(atom);
      out += atomic ? this.atomicGroup(atom + quantifier) : atom + quantifier;
    }
    if (inGroup) throw new JavaRegexSyntaxError(`Unclosed group near index ${this.pattern.length}`);
    return out;
  }

  /** In comments mode (`(?x)`), whitespace and `#…` to the end of the line are ignored. */
  private skipComment(): boolean {
    const ch = this.peek();
    if (ch !== undefined && /\s/.test(ch)) {
      this.pos++;
      return true;
    }
    if (ch === '#') {
      while (this.pos < this.pattern.length && this.pattern[this.pos] !== '\n') this.pos++;
      return true;
    }
    return false;
  }

  private atom(): string {
    const ch = this.pattern[this.pos]!;
    switch (ch) {
      case '\\':
        this.pos++;
        return this.escape(false);
      case '[':
        this.pos++;
        return this.characterClass();
      case '(':
        this.pos++;
        return this.group();
      case '.':
        this.pos++;
        return this.flags.s ? '[\\s\\S]' : `[^${LINE_TERMINATORS}]`;
      case '^':
        this.pos++;
        return '^';
      case '$':
        this.pos++;
        // Without MULTILINE, Java's `$` also matches before a final line terminator.
        return this.flags.m ? '$' : INPUT_END_BEFORE_TERMINATOR;
      case ']':
      case '}':
        this.pos++;
        return `\\${ch}`;
      case '*':
      case '+':
      case '?':
      case '{':
        throw new JavaRegexSyntaxError(`Dangling meta character '${ch}' near index ${this.pos}`);
      default: {
        const cp = this.pattern.codePointAt(this.pos)!;
        const text = String.fromCodePoint(cp);
        this.pos += text.length;
        return literal(text, false);
      }
    }
  }

  private quantifier(atom: string): { quantifier: string; atomic: boolean } {
    let out = '';
    let possessive = false;
    while (this.pos < this.pattern.length) {
      if (this.flags.x && this.peek() !== undefined && /[\s#]/.test(this.peek()!)) {
        this.skipComment();
        continue;
      }
      const ch = this.peek();
      let q: string;
      if (ch === '*' || ch === '+' || ch === '?') {
        q = ch;
        this.pos++;
      } else if (ch === '{') {
        const match = /^\{(\d+)(,(\d*))?\}/.exec(this.pattern.slice(this.pos));
        if (!match) throw new JavaRegexSyntaxError(`Illegal repetition near index ${this.pos}`);
        if (match[3] !== undefined && match[3] !== '' && Number(match[3]) < Number(match[1])) {
          throw new JavaRegexSyntaxError(`Illegal repetition range near index ${this.pos}`);
        }
        q = match[0];
        this.pos += match[0].length;
      } else break;
      if (out !== '') throw new JavaRegexSyntaxError(`Dangling meta character '${q[0]}' near index ${this.pos - q.length}`);
      if (atom === '') throw new JavaRegexSyntaxError(`Dangling meta character '${q[0]}'`);
      out = q;
      if (this.peek() === '?') {
        out += '?';
        this.pos++;
      } else if (this.peek() === '+') {
        this.pos++;
        possessive = true;
      }
    }
    // `X*+` is `(?>X*)`: the quantified atom as an atomic group.
    return possessive ? { quantifier: out, atomic: true } : { quantifier: out, atomic: false };
  }

  /** A group the engines run atomically (Java's `(?>…)`): a named group whose name Java cannot spell. */
  private atomicGroup(body: string): string {
    return `(?<${ATOMIC_GROUP_PREFIX}${++this.atomicGroups}>${body})`;
  }

  private group(): string {
    if (this.peek() !== '?') return `(${this.groupBody()})`;
    const rest = this.pattern.slice(this.pos);
    let match: RegExpExecArray | null;
    if (rest.startsWith('?:')) {
      this.pos += 2;
      return `(?:${this.groupBody()})`;
    }
    if ((match = /^\?(=|!|<=|<!)/.exec(rest))) {
      this.pos += match[0].length;
      return `(?${match[1]}${this.groupBody()})`;
    }
    if ((match = /^\?<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest))) {
      this.pos += match[0].length;
      return `(?<${match[1]}>${this.groupBody()})`;
    }
    if (rest.startsWith('?>')) {
      this.pos += 2;
      return this.atomicGroup(this.groupBody());
    }
    if (/^\?[a-zA-Z]*(?:-[a-zA-Z]*)?[:)]/.test(rest)) {
      throw new JavaRegexUnsupported('inline flags in the middle of a pattern, such as (?i) or (?i:…), are not supported; put them at the start');
    }
    throw new JavaRegexSyntaxError(`Unknown inline modifier near index ${this.pos}`);
  }

  private groupBody(): string {
    const body = this.sequence(true);
    this.pos++; // the `)`
    return body;
  }

  /** After a backslash. `inClass`: returns class members (no brackets) where it can. */
  private escape(inClass: boolean): string {
    const ch = this.peek();
    if (ch === undefined) throw new JavaRegexSyntaxError('Unexpected internal error: a pattern cannot end with a backslash');
    this.pos++;
    switch (ch) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        return `\\${ch}`;
      case 's':
        return inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      case 'S':
        if (inClass) throw new JavaRegexUnsupported('\\S inside a character class is not supported');
        return `[^${JAVA_SPACE}]`;
      case 'h':
        return inClass ? JAVA_HSPACE : `[${JAVA_HSPACE}]`;
      case 'H':
        if (inClass) throw new JavaRegexUnsupported('\\H inside a character class is not supported');
        return `[^${JAVA_HSPACE}]`;
      case 'v':
        return inClass ? JAVA_VSPACE : `[${JAVA_VSPACE}]`;
      case 'V':
        if (inClass) throw new JavaRegexUnsupported('\\V inside a character class is not supported');
        return `[^${JAVA_VSPACE}]`;
      case 'R':
        if (inClass) throw new JavaRegexSyntaxError('Illegal/unsupported escape sequence \\R in a character class');
        return `(?:\\r\\n|[${JAVA_VSPACE}])`;
      case 't':
        return '\\t';
      case 'n':
        return '\\n';
      case 'r':
        return '\\r';
      case 'f':
        return '\\f';
      case 'a':
        return '\\x07';
      case 'e':
        return '\\x1B';
      case 'b':
      case 'B':
        if (inClass) throw new JavaRegexSyntaxError(`Illegal/unsupported escape sequence \\${ch} in a character class`);
        if (this.peek() === '{') throw new JavaRegexUnsupported(`\\${ch}{…} boundaries are not supported`);
        return `\\${ch}`;
      case 'A':
      case 'z':
      case 'Z':
      case 'G':
        if (inClass) throw new JavaRegexSyntaxError(`Illegal/unsupported escape sequence \\${ch} in a character class`);
        if (ch === 'A') return INPUT_START;
        if (ch === 'z') return INPUT_END;
        if (ch === 'Z') return INPUT_END_BEFORE_TERMINATOR;
        throw new JavaRegexUnsupported('\\G is not supported');
      case 'X':
      case 'N':
        throw new JavaRegexUnsupported(`\\${ch} is not supported`);
      case 'c': {
        const control = this.peek();
        if (control === undefined) throw new JavaRegexSyntaxError('Illegal control escape sequence');
        this.pos++;
        return codePointEscape(control.charCodeAt(0) ^ 64);
      }
      case '0': {
        const match = /^([0-3][0-7]{2}|[0-7]{1,2})/.exec(this.pattern.slice(this.pos));
        if (!match) throw new JavaRegexSyntaxError('Illegal octal escape sequence');
        this.pos += match[0].length;
        return codePointEscape(parseInt(match[0], 8));
      }
      case 'x': {
        const rest = this.pattern.slice(this.pos);
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(rest);
        if (braced) {
          this.pos += braced[0].length;
          const cp = parseInt(braced[1]!, 16);
          if (cp > 0x10ffff) throw new JavaRegexSyntaxError('Hexadecimal codepoint is too big');
          return codePointEscape(cp);
        }
        const two = /^[0-9a-fA-F]{2}/.exec(rest);
        if (!two) throw new JavaRegexSyntaxError('Illegal hexadecimal escape sequence');
        this.pos += 2;
        return codePointEscape(parseInt(two[0], 16));
      }
      case 'u': {
        const four = /^[0-9a-fA-F]{4}/.exec(this.pattern.slice(this.pos));
        if (!four) throw new JavaRegexSyntaxError('Illegal Unicode escape sequence');
        this.pos += 4;
        // `\uD83D\uDE00` pairs up in JavaScript's u mode as it does in Java.
        return `\\u${four[0]}`;
      }
      case 'p':
      case 'P':
        return this.property(ch === 'P', inClass);
      case 'k': {
        const match = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(this.pattern.slice(this.pos));
        if (!match || inClass) throw new JavaRegexSyntaxError('\\k is not followed by <name>');
        this.pos += match[0].length;
        return `\\k<${match[1]}>`;
      }
      case 'Q': {
        const end = this.pattern.indexOf('\\E', this.pos);
        const quoted = this.pattern.slice(this.pos, end === -1 ? undefined : end);
        this.pos = end === -1 ? this.pattern.length : end + 2;
        return [...quoted].map((c) => literal(c, inClass)).join('');
      }
      case 'E':
        return '';
      default:
        break;
    }
    if (ch >= '1' && ch <= '9') {
      if (inClass) throw new JavaRegexSyntaxError('Illegal/unsupported escape sequence: a back reference in a character class');
      let number = ch;
      while (this.peek() !== undefined && /[0-9]/.test(this.peek()!)) number += this.pattern[this.pos++];
      this.numberedBackreferences = true;
      return `\\${number}`;
    }
    if (/[a-zA-Z]/.test(ch)) throw new JavaRegexSyntaxError(`Illegal/unsupported escape sequence \\${ch}`);
    // Any other quoted character is itself.
    const cp = this.pattern.codePointAt(this.pos - 1)!;
    const text = String.fromCodePoint(cp);
    this.pos += text.length - 1;
    return literal(text, inClass);
  }

  private property(negated: boolean, inClass: boolean): string {
    let name: string;
    if (this.peek() === '{') {
      const end = this.pattern.indexOf('}', this.pos);
      if (end === -1) throw new JavaRegexSyntaxError('Unclosed character family');
      name = this.pattern.slice(this.pos + 1, end);
      this.pos = end + 1;
    } else {
      const letter = this.peek();
      if (letter === undefined) throw new JavaRegexSyntaxError('Illegal character family');
      name = letter;
      this.pos++;
    }
    const posix = ownEntry(POSIX, name.startsWith('Is') && ownEntry(POSIX, name.slice(2)) ? name.slice(2) : name);
    if (posix !== undefined) {
      if (!negated) return inClass ? posix : `[${posix}]`;
      if (inClass) throw new JavaRegexUnsupported(`\\P{${name}} inside a character class is not supported`);
      return `[^${posix}]`;
    }
    const alias = ownEntry(PROPERTY_ALIASES, name);
    if (alias !== undefined) {
      if (!negated) return inClass ? alias : `[${alias}]`;
      if (inClass) throw new JavaRegexUnsupported(`\\P{${name}} inside a character class is not supported`);
      return `[^${alias}]`;
    }
    if (name.startsWith('In') || /^(block|blk)=/i.test(name)) {
      throw new JavaRegexUnsupported(`Unicode blocks (\\p{${name}}) are not supported`);
    }
    let property: string;
    const keyed = /^(script|sc|general_category|gc)=(.+)$/i.exec(name);
    if (keyed) property = /^s/i.test(keyed[1]!) ? `Script=${keyed[2]}` : `General_Category=${keyed[2]}`;
    else if (/^Is[A-Z][a-z&]?$/.test(name))
      property = name.slice(2); // \p{IsLu}: a general category
    else if (/^Is[A-Z]/.test(name))
      property = `Script=${name.slice(2)}`; // \p{IsLatin}: a script
    else property = name; // \p{L}, \p{Lu}, \p{Sc}
    if (!/^[A-Za-z_&=]+$/.test(property)) throw new JavaRegexSyntaxError(`Unknown character property name {${name}}`);
    return `\\${negated ? 'P' : 'p'}{${property.replace('L&', 'LC')}}`;
  }

  /** After `[`: a Java character class, as a JavaScript class. */
  private characterClass(): string {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.pos++;
    }
    const members = this.classMembers(true);
    return `[${negated ? '^' : ''}${members}]`;
  }

  private classMembers(first: boolean): string {
    let out = '';
    let atStart = first;
    // After a set such as \\w or \\s, a `-` is a literal in Java; JavaScript would read a range (or reject it).
    let afterSet = false;
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) throw new JavaRegexSyntaxError('Unclosed character class');
      if (ch === ']' && !atStart) {
        this.pos++;
        return out;
      }
      atStart = false;
      if (this.flags.x && /\s/.test(ch)) {
        this.pos++;
        continue;
      }
      if (ch === '&' && this.peek(1) === '&') throw new JavaRegexUnsupported('character class intersection (&&) is not supported');
      if (ch === '[') {
        this.pos++;
        if (this.peek() === '^') throw new JavaRegexUnsupported('a negated class inside a character class is not supported');
        out += this.classMembers(true);
        afterSet = true;
        continue;
      }
      if (ch === '\\') {
        this.pos++;
        const kind = this.peek();
        out += this.escape(true);
        afterSet = kind !== undefined && 'dDwWshvpP'.includes(kind);
        continue;
      }
      if (ch === '-') {
        this.pos++;
        out += afterSet ? '\\-' : '-';
        afterSet = false;
        continue;
      }
      afterSet = false;
      const cp = this.pattern.codePointAt(this.pos)!;
      const text = String.fromCodePoint(cp);
      this.pos += text.length;
      out += literal(text, true);
    }
  }
}

/**
 * Java numbers only the pattern's own groups; in the translation the atomic-group markers are groups too, so
 * `\\2` must name the JavaScript group that Java's second group became.
 */
function renumberBackreferences(body: string): string {
  let ast;
  try {
    ast = parseJsPattern(body);
  } catch {
    return body; // the syntax check reports it
  }
  const groups = capturingGroupsOf(ast);
  const javaGroups = groups.filter((group) => !group.name?.startsWith(ATOMIC_GROUP_PREFIX));
  const references = [...nodesOf(ast)].filter((node): node is AST.Backreference => node.type === 'Backreference' && typeof node.ref === 'number');
  let out = body;
  for (const reference of references.reverse()) {
    const target = javaGroups[(reference.ref as number) - 1];
    if (target) out = `${out.slice(0, reference.start)}\\${groups.indexOf(target) + 1}${out.slice(reference.end)}`;
  }
  return out;
}

/** A literal character, escaped for JavaScript `u` mode (inside or outside a class). */
function literal(text: string, inClass: boolean): string {
  if (inClass) return /[\\\][^-]/.test(text) ? `\\${text}` : text;
  return /[\\^$.*+?()[\]{}|/]/.test(text) ? `\\${text}` : text;
}

function codePointEscape(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

/** Translates a Java pattern; throws `JavaRegexSyntaxError` or `JavaRegexUnsupported`. */
export function translateJavaRegex(pattern: string): TranslatedRegex {
  return new Translator(pattern).translate();
}

export interface CompiledJavaRegex {
  /**
   * Java's `value.matches(pattern)`. The `linear` engine always answers; the `backtracking` one throws
   * `RegexBudgetExceeded` past its step budget.
   */
  matches(value: string): boolean;
  /** `linear`: re2js, time linear in the input; `backtracking`: bounded by a step budget. */
  engine: 'linear' | 'backtracking';
  approximations: string[];
}

const cache = new Map<string, CompiledJavaRegex | Error>();
const CACHE_LIMIT = 500;

/**
 * A Java pattern compiled for a full-string match (`String.matches`). Throws `JavaRegexSyntaxError` when Java
 * would reject the pattern (or JavaScript rejects its translation), `JavaRegexUnsupported` when it uses what
 * JavaScript cannot express, `RegexBudgetExceeded` when it is too large to run with a bound. Compiled patterns
 * are cached.
 */
export function compileJavaRegex(pattern: string): CompiledJavaRegex {
  let entry = cache.get(pattern);
  if (entry === undefined) {
    try {
      entry = compileTranslated(translateJavaRegex(pattern));
    } catch (error) {
      if (!(error instanceof JavaRegexSyntaxError || error instanceof JavaRegexUnsupported || error instanceof RegexBudgetExceeded)) throw error;
      entry = error;
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(pattern, entry);
  }
  if (entry instanceof Error) throw entry;
  return entry;
}

/**
 * Picks the engine: re2js (linear time, no budget needed) for every pattern RE2 can express, the budgeted
 * backtracking matcher for the rest. JavaScript's RegExp only checks the syntax: it could backtrack without end.
 */
function compileTranslated(translated: TranslatedRegex): CompiledJavaRegex {
  try {
    new RegExp(translated.source, translated.flags);
  } catch (error) {
    throw new JavaRegexSyntaxError(error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : String(error));
  }
  const flags: JsFlags = {
    ignoreCase: translated.flags.includes('i'),
    multiline: translated.flags.includes('m'),
    dotAll: translated.flags.includes('s'),
  };
  const ast = parseJsPattern(translated.body);
  const approximations = translated.approximations;
  const re2Source = toRe2(ast, flags);
  if (re2Source !== undefined) {
    try {
      const re2 = linearEngine().compile(re2Source);
      return { matches: (value) => re2.matches(value), engine: 'linear', approximations };
    } catch {
      // RE2 refuses what it cannot bound (repetitions past 1000 once nested, properties it lacks): backtrack.
    }
  }
  const backtracking = compileBacktracking(ast, flags);
  return { matches: (value) => backtracking.matches(value), engine: 'backtracking', approximations };
}

/** Java's `value.matches(pattern)`. */
export function javaMatches(value: string, pattern: string): boolean {
  return compileJavaRegex(pattern).matches(value);
}
