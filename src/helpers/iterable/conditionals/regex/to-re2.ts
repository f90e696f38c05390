/**
 * The translated pattern (JavaScript syntax, parsed by regexpp) written in RE2 syntax for re2js, whose automata
 * match in time linear in the input. Returns `undefined` for what RE2 cannot run: backreferences, lookaround,
 * atomic groups and possessive quantifiers (Java's `(?>…)`, `X*+`), MULTILINE anchors (Java and RE2 disagree on
 * line terminators) and a Java `$` that something else follows. Those go to the budgeted backtracking engine.
 *
 * Only the match/no-match answer matters (`String.matches`), so capturing groups become plain groups.
 */
import type { AST } from '@eslint-community/regexpp';
import { ATOMIC_GROUP_PREFIX, INPUT_END, INPUT_END_BEFORE_TERMINATOR, INPUT_START } from './markers.js';

export interface JsFlags {
  ignoreCase: boolean;
  multiline: boolean;
  dotAll: boolean;
}

/** RE2's cap on a single repetition count (`a{1001}` is rejected). */
const RE2_MAX_REPEAT = 1000;

class NotRegular extends Error {}

export function toRe2(pattern: AST.Pattern, flags: JsFlags): string | undefined {
  try {
    const body = alternatives(pattern.alternatives, true, flags);
    const prefix = `${flags.ignoreCase ? 'i' : ''}${flags.dotAll ? 's' : ''}`;
    return prefix ? `(?${prefix})(?:${body})` : body;
  } catch (error) {
    if (error instanceof NotRegular) return undefined;
    throw error;
  }
}

/**
 * `last`: nothing can follow this node in a match (it ends the pattern and no enclosing quantifier repeats it).
 * There, Java's `$` (end of input, or before a final line terminator) can only hold at the very end of the input:
 * a full match must consume the terminator, and nothing left would.
 */
function alternatives(list: readonly AST.Alternative[], last: boolean, flags: JsFlags): string {
  return list
    .map((alternative) => alternative.elements.map((element, i) => node(element, last && i === alternative.elements.length - 1, flags)).join(''))
    .join('|');
}

function node(element: AST.Element, last: boolean, flags: JsFlags): string {
  switch (element.type) {
    case 'Character':
      return codePoint(element.value);
    case 'CharacterSet':
      return characterSet(element, flags);
    case 'CharacterClass':
      return characterClass(element);
    case 'Group':
      if (element.modifiers) throw new NotRegular();
      return `(?:${alternatives(element.alternatives, last, flags)})`;
    case 'CapturingGroup':
      if (element.name?.startsWith(ATOMIC_GROUP_PREFIX)) throw new NotRegular();
      return `(?:${alternatives(element.alternatives, last, flags)})`;
    case 'Quantifier':
      return quantifier(element, last, flags);
    case 'Assertion':
      return assertion(element, last, flags);
    default:
      // Backreferences, and class syntax the translation never writes.
      throw new NotRegular();
  }
}

function quantifier(q: AST.Quantifier, last: boolean, flags: JsFlags): string {
  if (q.min > RE2_MAX_REPEAT || (q.max !== Infinity && q.max > RE2_MAX_REPEAT)) throw new NotRegular();
  const element = `(?:${node(q.element, last && q.max <= 1, flags)})`;
  let suffix: string;
  if (q.min === 0 && q.max === Infinity) suffix = '*';
  else if (q.min === 1 && q.max === Infinity) suffix = '+';
  else if (q.min === 0 && q.max === 1) suffix = '?';
  else if (q.max === Infinity) suffix = `{${q.min},}`;
  else if (q.min === q.max) suffix = `{${q.min}}`;
  else suffix = `{${q.min},${q.max}}`;
  return element + suffix + (q.greedy ? '' : '?');
}

function assertion(a: AST.Assertion, last: boolean, flags: JsFlags): string {
  switch (a.kind) {
    case 'start':
    case 'end':
      // JavaScript's MULTILINE ^ and $ know \r and \u2028; RE2's only \n: leave those to the other engine.
      if (flags.multiline) throw new NotRegular();
      return a.kind === 'start' ? '\\A' : '\\z';
    case 'word':
      // ASCII word boundaries, as Java's \b around ASCII words.
      return a.negate ? '\\B' : '\\b';
    default:
      // Lookaround: only the anchors the translation itself writes have an RE2 spelling.
      if (a.raw === INPUT_START) return '\\A';
      if (a.raw === INPUT_END) return '\\z';
      if (a.raw === INPUT_END_BEFORE_TERMINATOR && last) return '\\z';
      throw new NotRegular();
  }
}

function characterSet(set: AST.CharacterSet, flags: JsFlags): string {
  switch (set.kind) {
    case 'any':
      return flags.dotAll ? '(?s:.)' : '[^\\n\\r\\x{2028}\\x{2029}]';
    case 'property':
      return property(set);
    default:
      return classMember(set);
  }
}

function characterClass(cls: AST.CharacterClass): string {
  if (cls.unicodeSets) throw new NotRegular();
  if (cls.elements.length === 0) {
    // `[]` matches nothing and `[^]` anything; RE2 reads `[]` and `[^]` differently.
    return cls.negate ? '(?s:.)' : '[^\\x{0}-\\x{10FFFF}]';
  }
  return `[${cls.negate ? '^' : ''}${cls.elements.map(classMember).join('')}]`;
}

function classMember(member: AST.CharacterClassElement): string {
  switch (member.type) {
    case 'Character':
      return codePoint(member.value);
    case 'CharacterClassRange':
      return `${codePoint(member.min.value)}-${codePoint(member.max.value)}`;
    case 'CharacterSet':
      if (member.kind === 'digit') return member.negate ? '\\D' : '\\d';
      // RE2's \w is ASCII, like Java's; the translation never writes \s (Java's differs from JavaScript's).
      if (member.kind === 'word') return member.negate ? '\\W' : '\\w';
      if (member.kind === 'property') return property(member);
      throw new NotRegular();
    default:
      throw new NotRegular();
  }
}

/** `\p{Script=Greek}` is RE2's `\p{Greek}`, `\p{General_Category=Lu}` its `\p{Lu}`; binary properties keep their name. */
function property(set: AST.UnicodePropertyCharacterSet): string {
  if (set.strings) throw new NotRegular();
  let name: string;
  if (set.value === null) name = set.key;
  else if (set.key === 'General_Category' || set.key === 'gc' || set.key === 'Script' || set.key === 'sc') name = set.value;
  else throw new NotRegular();
  return `\\${set.negate ? 'P' : 'p'}{${name}}`;
}

function codePoint(value: number): string {
  return `\\x{${value.toString(16)}}`;
}
