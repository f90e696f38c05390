/**
 * A feed URL read for the URL rules: its output tags with the part of the URL each stands in, its literal text,
 * and its query parameters as written (tags kept as text). Offsets are into the URL string, for `spanOf`.
 */
import type { HelperRegistry } from '../../helpers/registry.js';
import type { ContentStatement, MustacheStatement } from '../../syntax/ast.js';
import type { FeedKnowledge } from '../knowledge.js';
import { TAG_PLACEHOLDER, urlPartAfter, urlPieces, type UrlPart } from '../url-tags.js';

export interface FeedUrlTag {
  node: MustacheStatement;
  encodedBy: readonly string[];
  part: UrlPart;
  /** The tag as written, `{{source_id}}`. */
  text: string;
}

export interface FeedUrlText {
  node: ContentStatement;
  encodedBy: readonly string[];
  /** The part of the URL the text starts in. */
  part: UrlPart;
  /** The masked URL before the text. */
  before: string;
}

export interface FeedUrlParam {
  name: string;
  /** The value as written, tags included. */
  value: string;
  /** Offsets of the value in the URL string. */
  start: number;
  end: number;
}

export interface FeedUrlParts {
  tags: FeedUrlTag[];
  texts: FeedUrlText[];
  /** The URL as written with every tag replaced by a placeholder letter: where `?`, `#`, `&` really are. */
  masked: string;
  /** The query's parameters as written, in order; `campaign[name]` keeps its brackets. */
  params: FeedUrlParam[];
}

export function feedUrlParts(feed: FeedKnowledge, helpers: HelperRegistry): FeedUrlParts {
  const url = feed.url;
  const tags: FeedUrlTag[] = [];
  const texts: FeedUrlText[] = [];
  // The masked URL keeps every offset: a tag's text is replaced by as many placeholder letters.
  let masked = '';
  let at = 0;
  for (const piece of urlPieces(feed.urlTemplate.ast, helpers)) {
    const { start, end } = { start: piece.node.loc.start.offset, end: piece.node.loc.end.offset };
    masked += maskTags(url.slice(at, start));
    const part = urlPartAfter(masked);
    if (piece.kind === 'tag') {
      tags.push({ node: piece.node, encodedBy: piece.encodedBy, part, text: url.slice(start, end) });
      masked += TAG_PLACEHOLDER.repeat(end - start);
    } else {
      texts.push({ node: piece.node, encodedBy: piece.encodedBy, part, before: masked });
      masked += url.slice(start, end);
    }
    at = end;
  }
  masked += maskTags(url.slice(at));
  return { tags, texts, masked, params: queryParams(url, masked) };
}

/** Block tags (`{{#urlEncode}}`, `{{/if}}`) between the pieces: masked too. */
function maskTags(text: string): string {
  return text.replace(/\{\{[\s\S]*?\}\}|\[\[[\s\S]*?\]\]/g, (tag) => TAG_PLACEHOLDER.repeat(tag.length));
}

function queryParams(url: string, masked: string): FeedUrlParam[] {
  const question = masked.indexOf('?');
  if (question < 0) return [];
  const hash = masked.indexOf('#', question);
  const end = hash < 0 ? masked.length : hash;
  const params: FeedUrlParam[] = [];
  let start = question + 1;
  while (start <= end) {
    let stop = masked.indexOf('&', start);
    if (stop < 0 || stop > end) stop = end;
    const equals = masked.indexOf('=', start);
    const hasValue = equals >= 0 && equals < stop;
    const rawName = url.slice(start, hasValue ? equals : stop);
    if (rawName) {
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // A malformed escape: the name as written.
      }
      params.push({ name, value: hasValue ? url.slice(equals + 1, stop) : '', start: hasValue ? equals + 1 : stop, end: stop });
    }
    start = stop + 1;
  }
  return params;
}

/** `https://host/path` of the URL as written (no query), when its scheme and host are literal text. */
export function endpointOf(parts: FeedUrlParts, url: string): string | undefined {
  const match = /^\s*[a-z][a-z0-9+.-]*:\/\/[^/?#]*[^?#]*/i.exec(parts.masked);
  if (!match || parts.tags.some((tag) => tag.node.loc.start.offset < match[0].length)) return undefined;
  return url.slice(0, match[0].length).trim().toLowerCase();
}

/** The host of the URL as written and its offsets, when no tag is in it. */
export function hostOf(parts: FeedUrlParts, url: string): { host: string; start: number; end: number } | undefined {
  const match = /^(\s*[a-z][a-z0-9+.-]*:\/\/)(?:[^/?#@]*@)?([^/?#:]*)/i.exec(parts.masked);
  if (!match) return undefined;
  const start = match[0].length - match[2]!.length;
  const end = match[0].length;
  if (start === end || parts.tags.some((tag) => tag.node.loc.start.offset < end)) return undefined;
  return { host: url.slice(start, end).toLowerCase(), start, end };
}
