import { rawJsonNode } from '../../../src/lint/rules/raw-json-node/index.js';
import { dataKnowledge } from '../../support/data-knowledge.js';
import { ruleTester } from '../../support/rule-tester.js';

const tags = dataKnowledge({ users: ['{"tags": ["a", "b"], "orders": [{"id": 1}]}'] });

ruleTester(rawJsonNode, {
  valid: [
    { name: 'printing the parameter is fine (it prints as JSON text)', code: '{{#each tags as |t|}}{{t}}{{/each}}', knowledge: tags },
    { name: 'without block parameters this is the value', code: '{{#each tags}}{{#if this}}{{upper this}}{{/if}}{{/each}}', knowledge: tags },
    { name: 'an object element is a non-empty node', code: '{{#each orders as |o|}}{{#if o}}{{o.id}}{{/if}}{{/each}}', knowledge: tags },
    { name: 'a field of the element is a value', code: '{{#each orders as |o|}}{{#if o.id}}x{{/if}}{{/each}}', knowledge: tags },
    { name: 'the index parameter is a number, not a node', code: '{{#each tags as |t i|}}{{#if i}}, {{/if}}{{/each}}', knowledge: tags },
    { name: 'unknown data', code: '{{#each things as |t|}}{{#if t}}x{{/if}}{{/each}}', knowledge: tags },
  ],
  invalid: [
    {
      code: '{{#each tags as |t|}}{{#if t}}<li>{{t}}</li>{{/if}}{{/each}}',
      knowledge: tags,
      errors: [{ highlighted: 't', message: /\{\{t\}\} is an #each element parameter, bound to the raw JSON node of a string: .*if treats it as missing/ }],
    },
    {
      name: 'any helper',
      code: '{{#each emailListIds as |id|}}{{#eq id 5}}five{{/eq}}{{/each}}',
      errors: [{ highlighted: 'id', message: /raw JSON node of a number/ }],
    },
  ],
});
