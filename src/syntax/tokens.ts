/** What the lexer hands the parser: text runs and tags whose expressions are already parsed. */
import type { Expression, Family, Hash, Literal, PathExpression, StringLiteral, StripFlags } from './ast.js';

export interface ContentToken {
  kind: 'content';
  /** Text as rendered (escapes resolved; `~` stripping is applied later, to `value` only). */
  value: string;
  original: string;
  start: number;
  end: number;
  /** Holds an escaped tag (`\{{x}}`): Handlebars.java lexes it and the text after it as one escape token, which a `~` never strips. */
  escape?: boolean;
}

export type TagKind =
  | 'mustache' // {{x}}, {{{x}}}, {{&x}}, {{helper a b=c}}
  | 'block' // {{#x ...}}
  | 'inverse' // {{^x}}
  | 'close' // {{/x}}
  | 'else' // {{else}}, {{^}}, {{else if x}}
  | 'comment' // {{! ... }}, {{!-- ... --}}
  | 'partial' // {{> name}}
  | 'inline' // {{#*inline "name"}}
  | 'raw' // {{{{raw}}}}...{{{{/raw}}}}
  | 'delimiters'; // {{=<% %>=}}

export interface TagToken {
  kind: 'tag';
  tag: TagKind;
  family: Family;
  start: number;
  end: number;
  strip: StripFlags;
  /** False for the raw forms `{{{x}}}`, `{{&x}}`, `[[{x}]]`, `[[&x]]`. */
  escaped: boolean;
  /** The helper or value the tag names; absent on a plain `{{else}}`. */
  path?: PathExpression | Literal;
  params: Expression[];
  hash?: Hash;
  blockParams?: string[];
  /** Comment text, inline-partial name, or the partial's name expression. */
  text?: string;
  partialName?: PathExpression | StringLiteral;
  /** An else written `{{^}}` or `{{^x}}` (not `{{else}}`): Handlebars.java compares its label with the block's. */
  caret?: boolean;
  /** A raw block's unparsed body. */
  body?: ContentToken;
}

export type Token = ContentToken | TagToken;
