/**
 * The template AST. Node names follow Handlebars.js (`Program`, `MustacheStatement`, `BlockStatement`, ...), with
 * one addition: every tag records its `family`, `user` for `{{ }}` and `feed` for `[[ ]]` (DESIGN.md rule 1).
 * Every node carries its span; lines and columns are 1-based.
 */
import type { Span } from '../diagnostics/source.js';
import type { JsonNumber } from '../values/json-number.js';

/** `user`: a `{{ }}` tag, resolved against the user context. `feed`: a `[[ ]]` tag, against the data-feed context. */
export type Family = 'user' | 'feed';

export interface StripFlags {
  /** `~` on the tag's left side: whitespace before it is removed. */
  open: boolean;
  /** `~` on the tag's right side: whitespace after it is removed. */
  close: boolean;
}

interface NodeBase {
  loc: Span;
}

export interface Program extends NodeBase {
  type: 'Program';
  body: Statement[];
  blockParams?: string[];
}

export type Statement = ContentStatement | MustacheStatement | BlockStatement | CommentStatement | PartialStatement | InlinePartialStatement;

export interface ContentStatement extends NodeBase {
  type: 'ContentStatement';
  /** The text as rendered, after `~` stripping and `\{{` unescaping. */
  value: string;
  /** The text as written. */
  original: string;
}

export interface MustacheStatement extends NodeBase {
  type: 'MustacheStatement';
  family: Family;
  path: PathExpression | Literal;
  params: Expression[];
  hash: Hash | undefined;
  /** False for `{{{x}}}`, `{{&x}}`, `[[{x}]]`, `[[&x]]`. */
  escaped: boolean;
  strip: StripFlags;
}

export interface BlockStatement extends NodeBase {
  type: 'BlockStatement';
  family: Family;
  path: PathExpression;
  params: Expression[];
  hash: Hash | undefined;
  program: Program | undefined;
  inverse: Program | undefined;
  /** `{{^x}}...{{/x}}`: the block renders when x is falsy. */
  inverted: boolean;
  /** `{{{{raw}}}}...{{{{/raw}}}}`: the body is text, never parsed. */
  raw: boolean;
  /** This block stands for an `{{else if ...}}` of its parent. */
  chained: boolean;
  openStrip: StripFlags;
  inverseStrip: StripFlags | undefined;
  closeStrip: StripFlags;
  /** Where the `{{else}}` that starts `inverse` stands, and its family (it may differ: DESIGN.md rule 2). */
  elseTag: { loc: Span; family: Family } | undefined;
}

export interface CommentStatement extends NodeBase {
  type: 'CommentStatement';
  family: Family;
  value: string;
  strip: StripFlags;
}

export interface PartialStatement extends NodeBase {
  type: 'PartialStatement';
  family: Family;
  name: PathExpression | StringLiteral;
  params: Expression[];
  hash: Hash | undefined;
  strip: StripFlags;
}

/** `{{#*inline "name"}}...{{/inline}}`: defines a partial for the template it stands in. */
export interface InlinePartialStatement extends NodeBase {
  type: 'InlinePartialStatement';
  family: Family;
  name: string;
  program: Program;
}

export type Expression = PathExpression | SubExpression | Literal;
export type Literal = StringLiteral | NumberLiteral | BooleanLiteral | NullLiteral | UndefinedLiteral;

export interface PathExpression extends NodeBase {
  type: 'PathExpression';
  /** `@index`, `@root.x`: a data variable. */
  data: boolean;
  /** How many `../` lead the path. */
  depth: number;
  /** The segments after `this`/`./`/`../`; `[literal]` segments without their brackets. */
  parts: string[];
  /** The path starts with `this` or `./`: it is looked up in the current context only. */
  local: boolean;
  original: string;
}

export interface SubExpression extends NodeBase {
  type: 'SubExpression';
  path: PathExpression;
  params: Expression[];
  hash: Hash | undefined;
}

export interface StringLiteral extends NodeBase {
  type: 'StringLiteral';
  value: string;
  original: string;
}

export interface NumberLiteral extends NodeBase {
  type: 'NumberLiteral';
  value: JsonNumber;
  original: string;
}

export interface BooleanLiteral extends NodeBase {
  type: 'BooleanLiteral';
  value: boolean;
  original: string;
}

export interface NullLiteral extends NodeBase {
  type: 'NullLiteral';
  original: string;
}

export interface UndefinedLiteral extends NodeBase {
  type: 'UndefinedLiteral';
  original: string;
}

export interface Hash extends NodeBase {
  type: 'Hash';
  pairs: HashPair[];
}

export interface HashPair extends NodeBase {
  type: 'HashPair';
  key: string;
  value: Expression;
}

/** The delimiters a family opens and closes tags with. `{{=<% %>=}}` changes them for the rest of the template. */
export interface Delimiters {
  open: string;
  close: string;
}

export const DEFAULT_DELIMITERS: Readonly<Record<Family, Delimiters>> = {
  user: { open: '{{', close: '}}' },
  feed: { open: '[[', close: ']]' },
};

/** How a tag is written, for messages: `{{#if}}` or `[[#if]]`. */
export function tagText(family: Family, inner: string): string {
  const d = DEFAULT_DELIMITERS[family];
  return `${d.open}${inner}${d.close}`;
}
