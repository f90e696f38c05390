/**
 * The welcome project under every URL and feed-set rule: its template and its config are clean. Written as
 * Iterable's own feed-form hint does, `{{#urlEncode}}{{source_id}}{{/urlEncode}}`, the URL gets one finding: O'Brien's
 * apostrophe would reach Voucherify HTML-escaped.
 */
import { describe, expect, it } from 'vitest';
import { configRules, lintConfig } from '../../../src/lint/config-rules/index.js';
import { lintText } from '../../../src/lint/linter.js';
import { linkUnencodedParam } from '../../../src/lint/rules/link-unencoded-param/index.js';
import { urlEncodeEscapedInput } from '../../../src/lint/rules/url-encode-escaped-input/index.js';
import { configInput, feedsConfig, welcomeConfigText, welcomeTemplate } from '../../support/config-rule-tester.js';
import { welcomeKnowledge } from '../../support/rule-tester.js';

const documentedForm = welcomeConfigText.replace('{{{source_id}}}', '{{source_id}}');

describe('the welcome project under the URL and feed-set rules', () => {
  it('welcome.html lints clean', () => {
    const result = lintText(welcomeTemplate, { rules: [linkUnencodedParam, urlEncodeEscapedInput], knowledge: welcomeKnowledge(), config: { preset: 'all' } });
    expect(result.messages).toEqual([]);
  });

  it('its config lints clean under every rule', () => {
    const result = lintConfig(configInput({ config: welcomeConfigText }), { config: { preset: 'all' } });
    expect(result.messages).toEqual([]);
    expect(result.lacking).toEqual([]);
  });

  it("written as Iterable's docs write it, {{source_id}} inside #urlEncode is the one finding", () => {
    const input = configInput({ config: documentedForm });
    const result = lintConfig(input, { config: { preset: 'all' } });
    expect(result.messages.map((m) => `${m.ruleId} ${input.text.slice(m.start.offset, m.end.offset)}`)).toEqual(['url-encode-escaped-input {{source_id}}']);
  });

  it("Iterable's documented feed URLs: no fragment or unencoded-param finding", () => {
    const input = configInput({
      config: feedsConfig({
        sage: 'https://api.example.com/feed?auth=AUTHCODE&email={{#urlEncode}}{{email}}{{/urlEncode}}&campid={{campaignId}}',
        lyt: 'https://api.example.com/recommend/user/email/{{#urlEncode}}{{email}}{{/urlEncode}}?contentsegment=',
      }),
    });
    const result = lintConfig(input, { config: { preset: 'all' }, rules: configRules.filter((r) => r.meta.id.startsWith('feed-url')) });
    expect(result.messages).toEqual([]);
  });

  it('a config rule severity can be changed or turned off, as template rules', () => {
    const input = configInput({ config: documentedForm });
    expect(lintConfig(input, { config: { rules: { 'url-encode-escaped-input': 'error' } } }).errorCount).toBe(1);
    expect(lintConfig(input, { config: { rules: { 'url-encode-escaped-input': 'off' } } }).messages).toEqual([]);
  });
});
