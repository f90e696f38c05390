/**
 * Feed URL expansion (DESIGN.md rule 12). Iterable renders the feed URL with the recipient's `{{ }}` fields
 * only (no feed data exists yet), then requests it. The request actually sent is that string as the WHATWG URL
 * parser normalises it: a literal space becomes `%20`, brackets stay; and, as in every HTTP client, without its
 * fragment: a `#` ends the request (RFC 9110 §4.2.4: the fragment is not part of the request target). A `#` that
 * escaping put into the URL (`{{x}}` writes an apostrophe as `&#x27;`) cuts the request there, so the parameters
 * after it never reach the server; the expansion then warns (`feed-url-fragment`, the rule lint uses for the same
 * mistake in the config). Both the rendered text and the request are returned so users see the difference.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/ast.js';
import { compile, Template, type CompileOptions } from './template.js';
import { readValue } from '../values/json.js';
import type { Value } from '../values/types.js';

export interface ExpandedUrl {
  /** The URL template rendered with the user's fields. */
  rendered: string;
  /** The request as sent: normalised by `new URL()`, without a fragment; empty when the rendered text is not a URL. */
  url: string;
  diagnostics: Diagnostic[];
}

/**
 * Compiles a feed URL template. There is no module-level cache: a cache keyed on the text alone ignored the
 * helpers and families options. Callers that expand one URL for many users (a project) compile it once and pass
 * the compiled template to `expandFeedUrl`.
 */
export function compileFeedUrl(urlTemplate: string, options: CompileOptions = {}): Template {
  return compile(urlTemplate, options);
}

/** Expands a feed URL (its text, or compiled once by `compileFeedUrl`) for one user. */
export function expandFeedUrl(urlTemplateOrCompiled: string | Template, user: unknown, options: CompileOptions = {}): ExpandedUrl {
  const template = typeof urlTemplateOrCompiled === 'string' ? compileFeedUrl(urlTemplateOrCompiled, options) : urlTemplateOrCompiled;
  const urlTemplate = template.source.text;
  const diagnostics: Diagnostic[] = [...template.diagnostics];
  const fileField = template.file !== undefined ? { file: template.file } : {};
  for (const node of feedTags(template.ast.body)) {
    diagnostics.push(
      diagnostic('feed-tag-in-url', 'error', 'a data-feed tag [[ ]] in a feed URL: the URL is rendered before any feed is fetched', node.loc, {
        ...fileField,
        hint: 'use {{ }} user fields in a feed URL',
      }),
    );
  }
  const read = readValue(user);
  const userRoot: Value = read.ok ? read.value : undefined;
  if (!read.ok) {
    diagnostics.push(diagnostic('invalid-json', 'error', `the user profile is not valid JSON: ${read.error.message}`, template.source.span(0, 0), fileField));
  }
  const result = template.renderRoots(userRoot ?? new Map(), new Map(), diagnostics);
  if (result.skip) return { rendered: '', url: '', diagnostics };
  const rendered = result.output;
  let url = '';
  try {
    const parsed = new URL(rendered);
    const hash = rendered.indexOf('#');
    if (hash >= 0) diagnostics.push(fragmentWarning(rendered, hash, template, userRoot ?? new Map(), fileField));
    parsed.hash = '';
    // `hash = ''` leaves a bare trailing `#` of an empty fragment in place: the request never has one.
    url = parsed.href.endsWith('#') ? parsed.href.slice(0, -1) : parsed.href;
  } catch {
    diagnostics.push(
      diagnostic('invalid-url', 'error', `the rendered feed URL is not a valid URL: ${JSON.stringify(rendered)}`, template.source.span(0, urlTemplate.length), {
        ...fileField,
        hint: 'a feed URL starts with https:// and a host',
      }),
    );
  }
  return { rendered, url, diagnostics };
}

/** HTML escaping writes `'` `"` `=` `` ` `` as numeric references (`&#x27;`): a `#` there came from a field. */
const ESCAPE_REFERENCE = /&#x?[0-9a-f]+;/iy;

function fragmentWarning(rendered: string, hash: number, template: Template, userRoot: Value, fileField: { file?: string }): Diagnostic {
  const amp = hash - 1;
  ESCAPE_REFERENCE.lastIndex = amp;
  const fromEscaping = rendered[amp] === '&' && ESCAPE_REFERENCE.test(rendered);
  const reference = fromEscaping ? rendered.slice(amp, ESCAPE_REFERENCE.lastIndex) : '';
  const lost = rendered.slice(hash);
  const message = fromEscaping
    ? `the rendered feed URL has ${reference} at character ${amp + 1}, where HTML escaping of a {{ }} field wrote a character: its # starts a fragment, ` +
      `which an HTTP client never sends, so the request stops there and ${JSON.stringify(lost)} is not sent`
    : `the rendered feed URL has a # at character ${hash + 1}: it starts a fragment, which an HTTP client never sends, so ${JSON.stringify(lost)} is not sent`;
  const at = fragmentSource(template, userRoot) ?? { start: 0, end: template.source.text.length };
  const tag = /^\{\{~?\s*([^{}]+?)\s*~?\}\}$/.exec(template.source.text.slice(at.start, at.end));
  const field = tag ? `{{{${tag[1]}}}}` : '{{{field}}}';
  return diagnostic('feed-url-fragment', 'warning', message, template.source.span(at.start, at.end), {
    ...fileField,
    hint: fromEscaping ? `URL-encode the raw value: write {{#urlEncode}}${field}{{/urlEncode}}` : 'write %23 for a # that is part of a value',
  });
}

/**
 * Where the `#` comes from, for the warning's span: the first top-level `{{x}}` tag whose own output has one (it is
 * rendered alone, with the same user fields), else the first literal `#` of the template text.
 */
function fragmentSource(template: Template, userRoot: Value): { start: number; end: number } | undefined {
  const text = template.source.text;
  for (const node of template.ast.body) {
    if (node.type !== 'MustacheStatement') continue;
    const { start, end } = { start: node.loc.start.offset, end: node.loc.end.offset };
    const alone = new Template(text.slice(start, end)).renderRoots(userRoot, new Map(), []);
    if (!alone.skip && alone.output.includes('#')) return { start, end };
  }
  for (const node of template.ast.body) {
    if (node.type !== 'ContentStatement') continue;
    const offset = text.slice(node.loc.start.offset, node.loc.end.offset).indexOf('#');
    if (offset >= 0) return { start: node.loc.start.offset + offset, end: node.loc.end.offset };
  }
  return undefined;
}

function* feedTags(body: readonly Statement[]): Generator<Statement> {
  for (const node of body) {
    if ('family' in node && node.family === 'feed') yield node;
    if (node.type === 'BlockStatement') {
      yield* feedTags(node.program?.body ?? []);
      yield* feedTags(node.inverse?.body ?? []);
    }
    if (node.type === 'InlinePartialStatement') yield* feedTags(node.program.body);
  }
}
