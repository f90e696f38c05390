/**
 * What the URL rules share: a template's text and output tags in document order, each tag with the encoding
 * blocks (`#urlEncode`, `#base64`...) around it, and where a tag sits in a URL (host, path, query, fragment).
 * A feed URL is a template of its own (rendered with the user's `{{ }}` fields, DESIGN.md rule 12), and an
 * `href`/`src` of an email is part of one; both are read the same way.
 */
import type { HelperRegistry } from '../helpers/registry.js';
import type { ContentStatement, MustacheStatement, Program } from '../syntax/ast.js';
import { traverse, type Node } from '../syntax/visitor.js';
import { resolveParts } from '../runtime/scope.js';
import { printValue } from '../values/print.js';
import type { Value } from '../values/types.js';

export type UrlPiece = ({ kind: 'text'; node: ContentStatement } | { kind: 'tag'; node: MustacheStatement }) & { encodedBy: readonly string[] };

/** Text and output tags in document order; a tag knows the encoding blocks it stands in, innermost last. */
export function urlPieces(ast: Program, helpers: HelperRegistry): UrlPiece[] {
  const pieces: UrlPiece[] = [];
  const encoders = (parents: readonly Node[]): string[] => {
    const encodedBy: string[] = [];
    for (const parent of parents) {
      if (parent.type !== 'BlockStatement') continue;
      const definition = helpers.get(parent.path.original);
      if (definition?.meta.encodesBody) encodedBy.push(definition.meta.name);
    }
    return encodedBy;
  };
  traverse(ast, {
    ContentStatement: (node, path) => {
      pieces.push({ kind: 'text', node, encodedBy: encoders(path.parents) });
    },
    MustacheStatement: (node, path) => {
      pieces.push({ kind: 'tag', node, encodedBy: encoders(path.parents) });
    },
  });
  return pieces;
}

/** Data variables whose values are numbers or `first`/`last`: nothing in them needs encoding. */
const SAFE_DATA = new Set(['@index', '@first', '@last']);

/** The part of a URL a position is in: the tag before `://` host, `?` query, `#` fragment. */
export type UrlPart = 'base' | 'host' | 'path' | 'query' | 'fragment';

/**
 * Where the URL text written so far (`before`, tags replaced by a placeholder) leaves the next character. A URL
 * that does not start with `scheme://` has no known base: a tag there is (part of) the base, not a parameter.
 */
export function urlPartAfter(before: string): UrlPart {
  const scheme = /^\s*[a-z][a-z0-9+.-]*:\/\//i.exec(before);
  if (!scheme) return 'base';
  const rest = before.slice(scheme[0].length);
  if (rest.includes('#')) return 'fragment';
  if (rest.includes('?')) return 'query';
  if (rest.includes('/')) return 'path';
  return 'host';
}

/** A placeholder for a tag's output in the URL text before a position: a letter, so it never looks like `?#/`. */
export const TAG_PLACEHOLDER = 'x';

/** The tag's text as written, `{{x}}`. */
export function tagText(node: MustacheStatement, text: string): string {
  return text.slice(node.loc.start.offset, node.loc.end.offset);
}

/** `{{x}}` → `{{{x}}}`, `[[x]]` → `[[{x}]]`: the raw form of an escaped tag. */
export function rawForm(tag: string): string {
  return tag.replace(/^(\{\{|\[\[)(~?)/, '$1$2{').replace(/(~?)(\}\}|\]\])$/, '}$1$2');
}

/**
 * The value a plain read prints for a user profile, when it can be known statically: a path from the root
 * (the URL and `href` tags this is used for are not inside `#each` or `#with` in practice; anything else is
 * not guessed). Undefined when unknown or missing.
 */
export function printedFor(node: MustacheStatement, profile: Value): string | undefined {
  if (node.path.type !== 'PathExpression') return undefined;
  const original = node.path.original;
  if (original.startsWith('@') || original.startsWith('../') || original.startsWith('this') || original.startsWith('.')) return undefined;
  const value = resolveParts(profile, node.path.parts);
  if (value === undefined || value === null) return undefined;
  return printValue(value);
}

/**
 * Iterable's system fields that are numbers (the message's campaign, template and message ids): Iterable's own
 * feed URL examples write `&campid={{campaignId}}` unencoded, rightly.
 */
const NUMERIC_SYSTEM_FIELDS = new Set(['campaignId', 'templateId', 'messageId']);

/**
 * Whether a read can only print something with nothing to encode: a numeric system field, `@index`, or a field
 * whose every sample value is a number or a boolean.
 */
export function alwaysPlainScalar(node: MustacheStatement, profiles: ReadonlyArray<{ profile: Value }> | undefined): boolean {
  if (node.path.type !== 'PathExpression' || node.params.length > 0 || node.hash !== undefined) return false;
  if (SAFE_DATA.has(node.path.original)) return true;
  if (node.family === 'user' && NUMERIC_SYSTEM_FIELDS.has(node.path.original)) return true;
  if (!profiles?.length) return false;
  let seen = 0;
  for (const { profile } of profiles) {
    const printed = printedFor(node, profile);
    if (printed === undefined) continue;
    if (!/^-?[0-9.E-]+$|^(true|false)$/.test(printed)) return false;
    seen++;
  }
  return seen > 0;
}

/** The characters that break a query value when they reach it unencoded. */
export const BREAKING = /[+&# ']/;

/** What a value does to a URL query, in words: `'+' reads as a space`. */
export function breakage(value: string): string | undefined {
  if (value.includes('#')) return "'#' starts a fragment: the rest of the URL is not sent";
  if (value.includes('&')) return "'&' starts another parameter: the value is cut there";
  if (value.includes('+')) return "'+' is read as a space";
  if (value.includes(' ')) return 'a space ends the URL for some clients and is sent as %20 by others';
  if (value.includes("'")) return 'an apostrophe is not URL-safe and is HTML-escaped to &#x27; by {{ }}';
  return undefined;
}
