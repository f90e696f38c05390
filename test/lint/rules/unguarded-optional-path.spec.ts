import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unguardedOptionalPath } from '../../../src/lint/rules/unguarded-optional-path/index.js';
import { dataKnowledge } from '../../support/data-knowledge.js';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../../src/lint/linter.js';
import { emptyKnowledge, ruleTester, welcomeKnowledge } from '../../support/rule-tester.js';

const welcome = readFileSync(resolve(import.meta.dirname, '../../../fixtures/welcome/welcome.html'), 'utf8');
const expiration = 'welcome_codes.voucher.expiration_date';

ruleTester(unguardedOptionalPath, {
  valid: [
    { name: 'the bundled welcome template (it guards marketing_text and expiration_date)', code: welcome },
    '<b>[[welcome_codes.voucher.code]]</b> {{email}}',
    `[[#if ${expiration}]]Valid until [[${expiration}]][[/if]]`,
    { name: 'a guard of a prefix', code: '[[#if welcome_codes.voucher.discount]][[welcome_codes.voucher.discount.type]][[/if]]' },
    { name: '#with', code: '[[#with welcome_codes.voucher.discount]][[percent_off]]% off[[/with]]' },
    { name: '#each element fields', code: '[[#each welcome_codes.voucher.categories]][[name]][[/each]]' },
    { name: 'defaultIfEmpty', code: `[[defaultIfEmpty ${expiration} "no end date"]]` },
    { name: '#unless … else', code: `[[#unless ${expiration}]]No end date[[else]]Until [[${expiration}]][[/unless]]` },
    { name: "Iterable's documented greeting (support article 205480365)", code: '{{#if firstName}}Hi {{firstName}},{{else}}Hi there,{{/if}}' },
    { name: 'a section', code: `[[#${expiration}]]Until [[${expiration}]][[/${expiration}]]` },
    { name: 'a condition is not a print', code: `[[#if ${expiration}]]has an end date[[/if]]` },
    { name: 'paths that do not exist are the not-found rules', code: '[[welcome_codes.voucher.cod]] {{frstName}}' },
    { name: 'below a free-form object nothing can be said', code: '[[welcome_codes.voucher.metadata.anything]]' },
    { name: 'a helper that prints a fallback of its own', code: '{{upper firstName "friend"}}' },
    { name: "an object printed whole is prints-non-scalar's finding", code: '[[welcome_codes.voucher.discount]]' },
    {
      name: 'inside #ifEq on the discriminator: every recording of that case has the field',
      code: '[[#ifEq welcome_codes.voucher.discount.type "PERCENT"]][[welcome_codes.voucher.discount.percent_off]]% off[[/ifEq]]',
    },
    {
      name: 'inside a comparison of the value itself: it is there',
      code: '{{#ifEq firstName "Ann"}}Hej {{firstName}}{{/ifEq}} {{#eq firstName "Ann"}}{{firstName}}{{/eq}}',
    },
    {
      name: 'the same with eq and the literal first',
      code: '[[#eq "AMOUNT" welcome_codes.voucher.discount.type]][[welcome_codes.voucher.discount.amount_off]] off[[/eq]]',
    },
  ],
  invalid: [
    {
      code: `Valid until [[${expiration}]]`,
      errors: [
        {
          highlighted: expiration,
          message: /absent or null in 1 of 2 recorded responses: there Iterable prints nothing/,
          hint: /\[\[#if welcome_codes\.voucher\.expiration_date\]\]…\[\[\/if\]\].*defaultIfEmpty/,
        },
      ],
    },
    {
      name: 'a user field that a sample user lacks',
      code: '<p>Hi {{firstName}}</p>',
      errors: [{ highlighted: 'firstName', message: /absent or null for 1 of 3 sample users/, hint: /\{\{#if firstName\}\}/ }],
    },
    {
      name: 'optional in the schema only: every recording has it',
      code: 'Published [[welcome_codes.voucher.publish.count]] times',
      errors: [
        {
          highlighted: 'welcome_codes.voucher.publish.count',
          message: /optional or nullable in the Voucherify publication schema \(every recorded response has it/,
        },
      ],
    },
    {
      name: 'a discriminator case no recording shows proves nothing',
      code: '[[#ifEq welcome_codes.voucher.discount.type "FIXED"]][[welcome_codes.voucher.discount.fixed_amount]][[/ifEq]]',
      errors: [{ highlighted: 'welcome_codes.voucher.discount.fixed_amount' }],
    },
    {
      name: 'the else branch of a discriminator comparison',
      code: '[[#ifEq welcome_codes.voucher.discount.type "PERCENT"]]x[[else]][[welcome_codes.voucher.discount.percent_off]][[/ifEq]]',
      errors: [{ highlighted: 'welcome_codes.voucher.discount.percent_off' }],
    },
    {
      name: 'neq renders its block for a missing value',
      code: '{{#neq firstName "Ann"}}Hi {{firstName}}{{/neq}}',
      errors: [{ highlighted: 'firstName', message: /1 of 3 sample users/ }],
    },
    {
      name: 'a guard of another path does not count',
      code: `[[#if welcome_codes.voucher.code]][[${expiration}]][[/if]]`,
      errors: [{ highlighted: expiration }],
    },
    {
      name: 'the else branch of its own #if',
      code: `[[#if ${expiration}]]x[[else]][[${expiration}]][[/if]]`,
      errors: [{ highlighted: expiration }],
    },
    { name: 'raw output', code: '{{{firstName}}}', errors: [{ highlighted: 'firstName' }] },
    {
      name: 'the length of a field some users lack: counted like the field',
      code: '{{firstName.length}}',
      errors: [{ highlighted: 'firstName.length', message: /absent or null for 1 of 3 sample users/ }],
    },
    {
      name: 'the first argument of a helper that prints nothing for it',
      code: '[[join welcome_codes.voucher.categories ", "]]',
      errors: [{ highlighted: 'welcome_codes.voucher.categories' }],
    },
    {
      name: 'with mergeDataFeedContext, a feed path in the user family',
      code: `{{${expiration}}}`,
      knowledge: welcomeKnowledge({ mergeDataFeedContext: true }),
      errors: [{ highlighted: expiration, message: /\{\{welcome_codes\.voucher\.expiration_date\}\} is absent or null in 1 of 2 recorded responses/ }],
    },
    {
      name: 'null in one recording of a plain feed',
      code: '[[f.note]]',
      knowledge: dataKnowledge({ users: ['{}'], feed: { alias: 'f', bodies: ['{"note": "a"}', '{"note": null}', '{"note": "b"}'] } }),
      errors: [{ highlighted: 'f.note', message: /absent or null in 1 of 3 recorded responses/ }],
    },
  ],
});

describe('unguarded-optional-path needs feed shapes or sample users', () => {
  const lint = (knowledge: ReturnType<typeof emptyKnowledge>) =>
    lintText('<p>Hi {{firstName}}</p>', { rules: [unguardedOptionalPath], knowledge, config: { preset: 'all' } });

  it('without either, it stays silent and the linter says what it lacked', () => {
    const result = lint(emptyKnowledge());
    expect(result.messages).toEqual([]);
    expect(result.lacking.sort()).toEqual(['feed-shapes', 'users']);
  });

  it('sample users alone are enough for user paths', () => {
    const result = lint(dataKnowledge({ users: ['{"firstName": "Ann"}', '{}'] }));
    expect(result.lacking).toEqual([]);
    expect(result.messages.map((m) => m.message)).toEqual([expect.stringMatching(/absent or null for 1 of 2 sample users/)]);
  });
});
