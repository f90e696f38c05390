/**
 * Feed URL expansion (DESIGN.md rule 12). Iterable renders the feed URL with the recipient's `{{ }}` fields
 * only (no feed data exists yet), then requests it. The request actually sent is that string as the WHATWG URL
 * parser normalises it: a literal space becomes `%20`, brackets stay. Both are returned so users see the
 * difference.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Statement } from '../syntax/ast.js';
import { compile, type CompileOptions, type Template } from './template.js';
import { readValue } from '../values/json.js';
import type { Value } from '../values/types.js';

export interface ExpandedUrl {
  /** The URL template rendered with the user's fields. */
  rendered: string;
  /** The request as sent (normalised by `new URL()`); empty when the rendered text is not a URL. */
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
    url = new URL(rendered).href;
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
