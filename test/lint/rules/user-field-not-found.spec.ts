import { userFieldNotFound } from '../../../src/lint/rules/user-field-not-found/index.js';
import { describe, expect, it } from 'vitest';
import { findings, ruleTester, welcomeKnowledge } from '../../support/rule-tester.js';

ruleTester(userFieldNotFound, {
  valid: [
    '<p>Hi {{firstName}} {{lastName}}</p>',
    { name: "Iterable's system fields are filled at send time", code: '<a href="{{unsubscribeUrl}}">x</a> {{viewInBrowserUrl}} {{userId}} {{email}}' },
    '{{#each emailListIds}}{{this}} {{@index}}{{/each}}',
    '[[frstName]] is the feed family: not this rule',
    '{{#assign "greeting"}}Hello{{/assign}}{{greeting}}',
    {
      name: 'a feed alias in the user family is wrong-delimiter-family, not a missing user field',
      code: '{{welcome_codes.voucher.code}}',
    },
    {
      name: 'with mergeDataFeedContext the feed context answers {{ }} lookups',
      code: '{{welcome_codes.voucher.code}} {{#each welcome_codes.voucher.categories}}{{name}}{{/each}}',
      knowledge: welcomeKnowledge({ mergeDataFeedContext: true }),
    },
    { name: "`size`/`empty` of an object answer with Java's method: java-method-key's finding", code: '{{vip.size}}' },
  ],
  invalid: [
    {
      code: '<p>Hi {{frstName}},</p>',
      errors: [
        { highlighted: 'frstName', message: /no sample user has 'frstName' \(3 users checked\).*prints nothing/, hint: /did you mean \{\{firstName\}\}\?/ },
      ],
    },
    {
      name: 'a guard does not make a typo exist',
      code: '{{#if frstName}}Hi {{frstName}}{{/if}}',
      errors: [{ highlighted: 'frstName' }, { highlighted: 'frstName' }],
    },
    {
      name: 'reported at the missing segment',
      code: '{{firstName.first}}',
      errors: [{ highlighted: 'first', message: /'first' in firstName/ }],
    },
    {
      name: 'a field of an element no element has',
      code: '{{#each emailListIds}}{{nme}}{{/each}}',
      errors: [{ highlighted: 'nme' }],
    },
    {
      name: 'with mergeDataFeedContext, a path neither context has',
      code: '{{welcome_codes.voucher.cod}} {{lastNme}}',
      knowledge: welcomeKnowledge({ mergeDataFeedContext: true }),
      errors: [
        { highlighted: 'cod', message: /no sample user nor feed response has 'cod' in welcome_codes\.voucher/, hint: /welcome_codes\.voucher\.code/ },
        { highlighted: 'lastNme', hint: /lastName/ },
      ],
    },
  ],
});

describe('user-field-not-found says what Iterable does with the missing field', () => {
  it('a compared field fails the send, a condition takes the else branch, a printed one prints nothing', () => {
    const messages = findings(userFieldNotFound, '{{#ifGt agee 21}}a{{/ifGt}}{{#if vipp}}b{{/if}}{{nick}}').map((f) => f.message);
    expect(messages[0]).toMatch(/#ifGt fails and Iterable does not send the message/);
    expect(messages[1]).toMatch(/the block takes its else branch/);
    expect(messages[2]).toMatch(/Iterable prints nothing/);
  });
});
