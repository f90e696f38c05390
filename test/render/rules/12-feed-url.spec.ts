/**
 * DESIGN.md rule 12: feed URL. Render the URL template with the user context only (`{{ }}`; `[[ ]]` in a URL is an
 * error). The request actually sent is that string normalised by the WHATWG URL parser (`new URL()`): a literal
 * space becomes `%20`, brackets stay. Both are shown when they differ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFeedUrl, expandFeedUrl } from '../../../src/iterable/feed-url.js';
import { coreHelpers } from '../../../src/helpers/index.js';

const VF = 'https://api.voucherify.io/v1/publications/create';

function errors(result: ReturnType<typeof expandFeedUrl>): string[] {
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId);
}

describe('rule 12: the Voucherify publication URL', () => {
  const template = `${VF}?customer[source_id]={{#urlEncode}}{{email}}{{/urlEncode}}&campaign[name]=Welcome`;

  it('ann+vip@example.com → customer[source_id]=ann%2Bvip%40example.com', () => {
    const result = expandFeedUrl(template, { email: 'ann+vip@example.com' });
    expect(result.rendered).toBe(`${VF}?customer[source_id]=ann%2Bvip%40example.com&campaign[name]=Welcome`);
    expect(result.url).toBe(`${VF}?customer[source_id]=ann%2Bvip%40example.com&campaign[name]=Welcome`);
    expect(result.diagnostics).toEqual([]);
  });

  it('brackets stay unencoded in the request', () => {
    const result = expandFeedUrl(template, '{"email": "a@b.co"}');
    expect(result.url).toContain('customer[source_id]=a%40b.co&campaign[name]=');
  });

  it('without urlEncode, + and @ go out as they are (and + reads as a space on the server)', () => {
    const result = expandFeedUrl(`${VF}?customer[source_id]={{email}}`, { email: 'ann+vip@example.com' });
    expect(result.rendered).toBe(`${VF}?customer[source_id]=ann+vip@example.com`);
    expect(result.url).toBe(`${VF}?customer[source_id]=ann+vip@example.com`);
  });
});

describe('rule 12: rendered vs sent', () => {
  it('a literal space is %20 in url but not in rendered', () => {
    const result = expandFeedUrl(`${VF}?campaign[name]=Spring Sale&customer[source_id]={{id}}`, { id: 'u1' });
    expect(result.rendered).toBe(`${VF}?campaign[name]=Spring Sale&customer[source_id]=u1`);
    expect(result.url).toBe(`${VF}?campaign[name]=Spring%20Sale&customer[source_id]=u1`);
  });

  it('a space from a user field is %20 in url too', () => {
    const result = expandFeedUrl('https://feed.example.com/p?name={{{name}}}', { name: 'Ann Lee' });
    expect(result.rendered).toBe('https://feed.example.com/p?name=Ann Lee');
    expect(result.url).toBe('https://feed.example.com/p?name=Ann%20Lee');
  });

  it('non-ASCII in the path and query is percent-encoded in url only', () => {
    const result = expandFeedUrl('https://feed.example.com/ñ?q={{{q}}}', { q: 'é' });
    expect(result.rendered).toBe('https://feed.example.com/ñ?q=é');
    expect(result.url).toBe('https://feed.example.com/%C3%B1?q=%C3%A9');
  });

  it('the host is normalised to lower case', () => {
    const result = expandFeedUrl('HTTPS://Feed.Example.COM/x', {});
    expect(result.url).toBe('https://feed.example.com/x');
  });
});

describe('rule 12: rendering with the user context', () => {
  it("{{x}} is HTML-escaped as anywhere: O'Brien inside urlEncode → O%26%23x27%3BBrien", () => {
    const result = expandFeedUrl('https://feed.example.com/p?name={{#urlEncode}}{{name}}{{/urlEncode}}', { name: "O'Brien" });
    expect(result.rendered).toBe('https://feed.example.com/p?name=O%26%23x27%3BBrien');
    expect(result.url).toBe('https://feed.example.com/p?name=O%26%23x27%3BBrien');
  });

  it('{{{x}}} inside urlEncode is not escaped: O%27Brien', () => {
    const result = expandFeedUrl('https://feed.example.com/p?name={{#urlEncode}}{{{name}}}{{/urlEncode}}', { name: "O'Brien" });
    expect(result.rendered).toBe('https://feed.example.com/p?name=O%27Brien');
  });

  it('piña colada → pi%C3%B1a+colada', () => {
    const result = expandFeedUrl('https://feed.example.com/p?drink={{#urlEncode}}{{drink}}{{/urlEncode}}', { drink: 'piña colada' });
    expect(result.rendered).toBe('https://feed.example.com/p?drink=pi%C3%B1a+colada');
    expect(result.url).toBe('https://feed.example.com/p?drink=pi%C3%B1a+colada');
  });

  it('numbers keep their Java spelling (JSON text user)', () => {
    const result = expandFeedUrl('https://feed.example.com/p?amount={{amount}}&id={{id}}', '{"amount": 29.90, "id": 12345678901234567890}');
    expect(result.rendered).toBe('https://feed.example.com/p?amount=29.9&id=12345678901234567890');
  });

  it('a missing user field renders as nothing', () => {
    const result = expandFeedUrl('https://feed.example.com/p?id={{id}}', {});
    expect(result.rendered).toBe('https://feed.example.com/p?id=');
  });

  it('blocks work in a URL', () => {
    const result = expandFeedUrl('https://feed.example.com/{{#if vip}}vip{{else}}std{{/if}}', { vip: true });
    expect(result.url).toBe('https://feed.example.com/vip');
  });
});

describe('rule 12: errors', () => {
  it('[[x]] in a URL is a feed-tag-in-url error on exactly [[x]]', () => {
    const template = 'https://feed.example.com/p?code=[[x]]&id={{id}}';
    const result = expandFeedUrl(template, { id: 'u1' });
    const d = result.diagnostics.find((x) => x.ruleId === 'feed-tag-in-url');
    expect(d?.severity).toBe('error');
    expect(template.slice(d!.start.offset, d!.end.offset)).toBe('[[x]]');
    expect([d!.start.line, d!.start.column]).toEqual([1, 33]);
  });

  it('a [[#if]] block in a URL is reported too', () => {
    const template = 'https://feed.example.com/p?{{#if a}}[[#if b]]x[[/if]]{{/if}}';
    const result = expandFeedUrl(template, { a: true });
    const d = result.diagnostics.find((x) => x.ruleId === 'feed-tag-in-url');
    expect(template.slice(d!.start.offset, d!.end.offset)).toBe('[[#if b]]x[[/if]]');
  });

  it('a URL with only {{ }} tags reports no feed-tag-in-url', () => {
    expect(expandFeedUrl('https://feed.example.com/p?id={{id}}', { id: 1 }).diagnostics).toEqual([]);
  });

  it('a URL template with a syntax error renders nothing', () => {
    const result = expandFeedUrl('https://feed.example.com/p?id={{#if x}}', { x: 1 });
    expect(result).toMatchObject({ rendered: '', url: '' });
    expect(errors(result)).toContain('syntax-error');
  });

  it('a rendered string that is not a URL is an invalid-url error, with an empty url', () => {
    const result = expandFeedUrl('{{host}}/p', { host: '' });
    expect(result.rendered).toBe('/p');
    expect(result.url).toBe('');
    expect(errors(result)).toEqual(['invalid-url']);
  });
});

describe('rule 12: each expansion honours its own compile options', () => {
  const template = `${VF}?customer[source_id]={{#urlEncode}}{{email}}{{/urlEncode}}`;

  it("an expansion with the core helpers only does not change a later one with Iterable's helpers", () => {
    // core helpers have no urlEncode: with no params the block is a section over a missing field, printing nothing
    expect(expandFeedUrl(template, { email: 'a@b.co' }, { helpers: coreHelpers() }).url).toBe(`${VF}?customer[source_id]=`);
    expect(expandFeedUrl(template, { email: 'a@b.co' }).url).toBe(`${VF}?customer[source_id]=a%40b.co`);
  });

  it('the same text compiled for one family only prints the other family as text', () => {
    const text = 'https://feed.example.com/p?id={{id}}';
    expect(expandFeedUrl(text, { id: 'u1' }, { families: ['feed'] }).rendered).toBe(text);
    expect(expandFeedUrl(text, { id: 'u1' }).rendered).toBe('https://feed.example.com/p?id=u1');
  });

  it('a URL compiled once expands for many users', () => {
    const compiled = compileFeedUrl(template, { file: 'feeds.welcome.url' });
    const urls = ['a@b.co', 'c d@e.fr'].map((email) => expandFeedUrl(compiled, { email }).url);
    expect(urls).toEqual([`${VF}?customer[source_id]=a%40b.co`, `${VF}?customer[source_id]=c+d%40e.fr`]);
  });
});

/**
 * The request as sent stops at a `#`: an HTTP client never sends a URL's fragment (RFC 9110 §4.2.4). Iterable
 * documents that `{{x}}` writes an apostrophe as `&#x27;` ("Troubleshooting Handlebars Code",
 * https://support.iterable.com/hc/en-us/articles/36530857619348), whose `#` then cuts a feed URL there.
 */
describe('rule 12: a # ends the request (https://support.iterable.com/hc/en-us/articles/36530857619348)', () => {
  const template = `${VF}?customer[source_id]={{id}}&campaign[name]=Welcome`;

  it('an escaped apostrophe (&#x27;) cuts the request at its #, with a feed-url-fragment warning naming what is lost', () => {
    const result = expandFeedUrl(template, { id: "o'brien" });
    expect(result.rendered).toBe(`${VF}?customer[source_id]=o&#x27;brien&campaign[name]=Welcome`);
    expect(result.url).toBe(`${VF}?customer[source_id]=o&`);
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['feed-url-fragment', 'warning']]);
    expect(result.diagnostics[0]!.message).toContain('&#x27;');
    expect(result.diagnostics[0]!.message).toContain('"#x27;brien&campaign[name]=Welcome" is not sent');
    expect(result.diagnostics[0]!.hint).toBe('URL-encode the raw value: write {{#urlEncode}}{{{id}}}{{/urlEncode}}');
    // The warning points at the tag that wrote the #.
    const d = result.diagnostics[0]!;
    expect(template.slice(d.start.offset, d.end.offset)).toBe('{{id}}');
  });

  it('the same field URL-encoded raw reaches the server whole, with no warning', () => {
    const result = expandFeedUrl(`${VF}?customer[source_id]={{#urlEncode}}{{{id}}}{{/urlEncode}}&campaign[name]=Welcome`, { id: "o'brien" });
    expect(result.url).toBe(`${VF}?customer[source_id]=o%27brien&campaign[name]=Welcome`);
    expect(result.diagnostics).toEqual([]);
  });

  it('a literal # in the template is cut too, and said so', () => {
    const result = expandFeedUrl(`${VF}?campaign[name]=Welcome#top`, {});
    expect(result.url).toBe(`${VF}?campaign[name]=Welcome`);
    expect(result.diagnostics[0]!.message).toMatch(/a # at character \d+: .*"#top" is not sent/);
    expect(result.diagnostics[0]!.start.offset).toBe(`${VF}?campaign[name]=Welcome`.length);
    expect(expandFeedUrl(`${VF}?a=1#`, {}).url).toBe(`${VF}?a=1`);
  });

  it('for any value, the request never holds a #, and it is what comes before the first # of the rendered URL', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (id) => {
        const result = expandFeedUrl(template, { id });
        const cut = result.rendered.indexOf('#');
        expect(result.url).not.toContain('#');
        expect(new URL(result.url).href).toBe(result.url);
        // The whole rendered text is parsed, then its fragment dropped: parsing only the part before the # would trim
        // a space just before it (" #" is sent as %20, the request a client makes from the whole URL).
        const whole = new URL(result.rendered);
        whole.hash = '';
        expect(result.url).toBe(whole.href.replace(/#$/, ''));
        expect(result.diagnostics.some((d) => d.ruleId === 'feed-url-fragment')).toBe(cut >= 0);
      }),
      { examples: [[' #'], ["o'brien"], ['#']] },
    );
  });
});
