import { urlEncodeEscapedInput } from '../../../src/lint/rules/url-encode-escaped-input/index.js';
import { describe, expect, it } from 'vitest';
import { findings, ruleTester } from '../../support/rule-tester.js';

ruleTester(urlEncodeEscapedInput, {
  valid: [
    '<a href="https://shop.example.com/?e={{#urlEncode}}{{{email}}}{{/urlEncode}}">x</a>',
    '{{#urlEncode}}{{&email}}{{/urlEncode}} [[#urlEncode]][[{welcome_codes.voucher.code}]][[/urlEncode]]',
    { name: 'escaped outside any encoding block', code: '<p>{{firstName}}</p>' },
    { name: 'a block inside #urlEncode is no output tag', code: '{{#urlEncode}}{{#if vip}}vip{{/if}}{{/urlEncode}}' },
  ],
  invalid: [
    {
      name: "Iterable's feed-form hint, {{#urlEncode}}{{myParam}}{{/urlEncode}}: right for plain values, wrong for O'Brien",
      code: '<a href="https://shop.example.com/?n={{#urlEncode}}{{lastName}}{{/urlEncode}}">x</a>',
      errors: [
        { highlighted: '{{lastName}}', message: /HTML-escaped before #urlEncode.*O%26%23x27%3BBrien/, hint: /\{\{\{lastName\}\}\} inside \{\{#urlEncode\}\}/ },
      ],
    },
    {
      name: 'feed family',
      code: '[[#urlEncode]][[welcome_codes.voucher.code]][[/urlEncode]]',
      errors: [{ highlighted: '[[welcome_codes.voucher.code]]', hint: /\[\[\{welcome_codes\.voucher\.code\}\]\]/ }],
    },
    {
      name: 'a helper’s escaped output, in #base64',
      code: '{{#base64}}{{defaultIfEmpty lastName "x"}}{{/base64}}',
      errors: [{ highlighted: '{{defaultIfEmpty lastName "x"}}', message: /#base64/ }],
    },
  ],
});

describe('url-encode-escaped-input names what the block does with the escaped value', () => {
  it('encodes for #urlEncode, encodes as Base64 for #base64, hashes for #sha256', () => {
    const messages = findings(urlEncodeEscapedInput, '{{#urlEncode}}{{a}}{{/urlEncode}}{{#base64}}{{b}}{{/base64}}{{#sha256}}{{c}}{{/sha256}}').map(
      (f) => f.message,
    );
    expect(messages[0]).toMatch(/before #urlEncode encodes it: .*O%26%23x27%3BBrien/);
    expect(messages[1]).toMatch(/before #base64 encodes it as Base64/);
    expect(messages[2]).toMatch(/before #sha256 hashes it/);
  });
});
