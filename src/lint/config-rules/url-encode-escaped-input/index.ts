/**
 * `url-encode-escaped-input` in feed URLs: `{{x}}` inside `{{#urlEncode}}` (or another encoding block) is
 * HTML-escaped before it is encoded (DESIGN.md rule 9), so `O'Brien` is sent as `O%26%23x27%3BBrien`: Voucherify
 * stores a customer `source_id` that matches no other system's id. The template rule of the same id
 * (src/lint/rules/url-encode-escaped-input/) finds it in templates; `escaped-in-url-encode` is the render-time
 * warning when it actually changes a value. With sample users, the message names one whose value changes.
 *
 * Not reported: `{{{x}}}` and `{{&x}}` (what to write), escaped tags outside encoding blocks (`feed-url-fragment`).
 */
import { escapeHtml } from '../../../values/escape.js';
import { lintRuleMeta } from '../../rule.js';
import { printedFor, rawForm } from '../../url-tags.js';
import { feedUrlParts } from '../feed-url-parts.js';
import { configExample } from '../feed-url-unencoded-param/index.js';
import type { ConfigRule } from '../types.js';

export const urlEncodeEscapedInputConfig: ConfigRule = {
  meta: lintRuleMeta('url-encode-escaped-input', {
    recommended: true,
    fixable: false,
    examples: {
      wrong: configExample(
        'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{source_id}}{{/urlEncode}}&campaign[name]=Welcome%20Codes',
      ),
      right: configExample(
        'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes',
      ),
    },
  }),
  check(context) {
    const profiles = context.input.users?.profiles ?? [];
    for (const feed of context.input.feeds) {
      for (const tag of feedUrlParts(feed, context.helpers).tags) {
        if (!tag.node.escaped || tag.encodedBy.length === 0) continue;
        const helper = tag.encodedBy[tag.encodedBy.length - 1]!;
        const example = profiles
          .map(({ id, profile }) => ({ id, value: printedFor(tag.node, profile) }))
          .find(({ value }) => value !== undefined && escapeHtml(value) !== value);
        context.report({
          loc: context.spanOf(['feeds', feed.id, 'url'], { start: tag.node.loc.start.offset, end: tag.node.loc.end.offset }),
          message:
            `${tag.text} is HTML-escaped before #${helper} encodes it` +
            (example
              ? `: for ${example.id}, ${JSON.stringify(example.value)} is sent as ${JSON.stringify(escapeHtml(example.value!))}, encoded`
              : `: an apostrophe is sent as &#x27;, encoded (O'Brien → O%26%23x27%3BBrien)`),
          hint: `write {{#${helper}}}${rawForm(tag.text)}{{/${helper}}}`,
        });
      }
    }
  },
};
