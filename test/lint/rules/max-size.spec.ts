import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { GMAIL_CLIP_BYTES, maxSize } from '../../../src/lint/rules/max-size/index.js';
import { dataKnowledge } from '../../support/data-knowledge.js';
import { emptyKnowledge, ruleTester } from '../../support/rule-tester.js';

const welcome = readFileSync(resolve(import.meta.dirname, '../../../fixtures/welcome/welcome.html'), 'utf8');
const item = (i: number) => `{"name": "Single-origin Ethiopia Yirgacheffe no. ${i}"}`;
const catalogue = dataKnowledge({
  users: ['{"firstName": "Ann"}'],
  feed: { alias: 'shop', bodies: ['{"items": []}', `{"items": [${Array.from({ length: 3000 }, (_, i) => item(i)).join(',')}]}`] },
});
const padded = `<p>{{center "x" size=${GMAIL_CLIP_BYTES + 10} pad="."}}</p>`;

ruleTester(maxSize, {
  valid: [
    { name: 'the bundled welcome template', code: welcome },
    '<p>Hello {{email}}</p>',
    { name: 'just under the limit', code: `<p>{{center "x" size=${GMAIL_CLIP_BYTES - 8} pad="."}}</p>` },
    { name: 'a template Iterable would not send is not measured', code: `{{#gt missing 1}}x{{/gt}}${padded}` },
    {
      name: 'the short recording',
      code: '[[#each shop.items]]<tr><td>[[name]]</td></tr>[[/each]]',
      knowledge: dataKnowledge({ feed: { alias: 'shop', bodies: ['{"items": []}'] } }),
    },
  ],
  invalid: [
    {
      code: `<html>\n${padded}\n</html>`,
      errors: [
        {
          highlighted: '<html>',
          message: /the email renders to 102\.\d KB \(with user \w+ and recorded response \d\), over Gmail's 102 KB: Gmail clips the rest/,
          hint: /cut the HTML/,
        },
      ],
    },
    {
      name: 'a long list in one of the recordings',
      code: '<table>[[#each shop.items]]<tr><td>[[name]]</td></tr>[[/each]]</table>',
      knowledge: catalogue,
      errors: [
        {
          highlighted: '<table>[[#each shop.items]]<tr><td>[[name]]</td></tr>[[/each]]</table>',
          message: /renders to 1\d\d\.\d KB \(with user u1 and recorded response 2\)/,
        },
      ],
    },
    {
      name: 'without a project: the markup alone',
      code: padded,
      knowledge: emptyKnowledge(),
      errors: [{ highlighted: padded, message: /renders to 102\.\d KB, over/ }],
    },
  ],
});
