import { feedPathNotFound } from '../../../src/lint/rules/feed-path-not-found/index.js';
import { ruleTester, welcomeKnowledge } from '../../support/rule-tester.js';

ruleTester(feedPathNotFound, {
  valid: [
    '<b>[[welcome_codes.voucher.code]]</b>',
    '[[welcome_codes.voucher.metadata.marketing_text]]',
    '[[welcome_codes.voucher.metadata.anything_at_all]]',
    '[[#with welcome_codes.voucher]][[code]] [[discount.percent_off]][[/with]]',
    '[[#each welcome_codes.voucher.categories]][[name]][[/each]]',
    '[[#each welcome_codes.voucher.categories as |c|]][[c.name]][[/each]]',
    '[[welcome_codes.voucher.code.length]]',
    '{{frstName}} is the user family: not this rule',
    '[[@index]] [[this]]',
    { name: "size of an object answers with Java's method, not nothing: java-method-key's finding", code: '[[welcome_codes.voucher.publish.size]]' },
    {
      name: 'no feed shape known: silent',
      code: '[[x.y]]',
      knowledge: welcomeKnowledge({ feeds: [{ id: 'f', alias: 'x', url: 'https://example.com/feed', samples: [] }] }),
    },
  ],
  invalid: [
    {
      code: '<b>[[welcome_codes.voucher.cod]]</b>',
      errors: [{ highlighted: 'cod', message: /'cod' is not a field of welcome_codes\.voucher/, hint: /welcome_codes\.voucher\.code/ }],
    },
    {
      code: '[[welcome_codes.vouchr.code]]',
      errors: [{ highlighted: 'vouchr.code', hint: /welcome_codes\.voucher\.code/ }],
    },
    {
      name: 'inside #with, the inner context and every outer one lack the field',
      code: '[[#with welcome_codes.voucher]][[cdoe]][[/with]]',
      errors: [{ highlighted: 'cdoe', hint: /welcome_codes\.voucher\.code/ }],
    },
    {
      name: "Handlebars.java's qualified with: [[voucher.code]] inside [[#with voucher]] reads voucher.voucher.code",
      code: '[[#with welcome_codes.voucher]][[welcome_codes.voucher.code]][[/with]]',
      errors: [{ highlighted: 'welcome_codes.voucher.code' }],
    },
    {
      name: 'a block parameter bound to an element',
      code: '[[#each welcome_codes.voucher.validity_hours.daily as |d|]][[d.start_tme]][[/each]]',
      errors: [{ highlighted: 'start_tme', hint: /start_time/ }],
    },
  ],
});

ruleTester(feedPathNotFound, {
  valid: [
    {
      name: 'inside #sortBy the context is the sorted list: its fields are not checked against the outer context',
      code: '[[#sortBy welcome_codes.voucher.categories "name"]][[#each this]][[name]] [[hierarchy]][[/each]][[/sortBy]]',
    },
    {
      name: 'inside #minInList the context is the element with the smallest value',
      code: '[[#minInList welcome_codes.voucher.validity_hours.daily "start_time"]][[start_time]][[/minInList]]',
    },
  ],
  invalid: [
    {
      name: 'inside #minInList a field the elements lack',
      code: '[[#minInList welcome_codes.voucher.validity_hours.daily "start_time"]][[start_tme]][[/minInList]]',
      errors: [{ highlighted: 'start_tme' }],
    },
  ],
});
