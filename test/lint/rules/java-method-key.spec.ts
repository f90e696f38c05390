import { javaMethodKey } from '../../../src/lint/rules/java-method-key/index.js';
import { dataKnowledge } from '../../support/data-knowledge.js';
import { ruleTester } from '../../support/rule-tester.js';

const boxes = dataKnowledge({ users: ['{"box": {"size": null, "empty": false, "n": 1}}', '{"box": {"size": 2, "empty": true, "n": 1}}'] });

ruleTester(javaMethodKey, {
  valid: [
    { name: 'the length of a list or a string is intended', code: '{{emailListIds.length}} {{emailListIds.size}} [[welcome_codes.voucher.code.length]]' },
    { name: 'a key always there and non-null', code: '{{box.empty}} {{box.n}}', knowledge: boxes },
    { name: 'below a free-form object nothing can be said', code: '[[welcome_codes.voucher.metadata.size]]' },
    { name: 'an unknown object', code: '{{cart.size}}' },
    {
      name: 'an object a path reached is a java.util.Map, which has no isNumber()',
      code: '{{order.number}}',
      knowledge: dataKnowledge({ users: ['{"order": {"id": 1}}', '{"order": {"id": 2, "number": null}}'] }),
    },
  ],
  invalid: [
    {
      code: '<p>Published [[welcome_codes.voucher.publish.size]] times</p>',
      errors: [
        {
          highlighted: 'welcome_codes.voucher.publish.size',
          message:
            /not a field of welcome_codes\.voucher\.publish: then Iterable's engine answers with the Java method 'size' of the object instead, the object's number of keys/,
          hint: /did you mean 'count'\?/,
        },
      ],
    },
    {
      name: 'a size key null for some users (corpus: {"size": null} prints the number of keys)',
      code: '{{box.size}} items',
      knowledge: boxes,
      errors: [{ highlighted: 'box.size', message: /absent or null for 1 of 2 sample users/ }],
    },
    {
      name: 'an #each element is a Jackson node: its isNumber() answers for a missing number key',
      code: '{{#each items}}{{number}}{{/each}}',
      knowledge: dataKnowledge({ users: ['{"items": [{"number": "A-1"}, {"name": "x"}]}'] }),
      errors: [{ highlighted: 'number', message: /the Java method 'number' of the object instead, `false`/ }],
    },
    {
      name: 'guards do not help: the method answers the #if too',
      code: '{{#if box.size}}{{box.size}}{{/if}}',
      knowledge: boxes,
      errors: [{ highlighted: 'box.size' }, { highlighted: 'box.size' }],
    },
  ],
});
