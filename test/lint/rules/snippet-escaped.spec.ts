import { snippetEscaped } from '../../../src/lint/rules/snippet-escaped/index.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(snippetEscaped, {
  valid: [
    '<td>{{{snippet "footer"}}}</td>',
    '{{&snippet "footer"}}',
    '{{{snippet "banner" "red" size=2 required=true}}}',
    { name: 'a snippet result passed to another helper', code: '{{{upper (snippet "name")}}}' },
    { name: 'a field named snippet is not the helper', code: '{{{snippets}}} {{snippetTitle}}' },
  ],
  invalid: [
    {
      code: '<td>{{snippet "footer"}}</td>',
      errors: [
        {
          highlighted: '{{snippet "footer"}}',
          message: /HTML-escapes the snippet: the recipient sees its markup as text/,
          hint: /write \{\{\{snippet "footer"\}\}\}/,
        },
      ],
    },
    {
      code: '{{~snippet "footer" required=true~}}',
      errors: [{ highlighted: '{{~snippet "footer" required=true~}}', hint: /write \{\{~\{snippet "footer" required=true\}~\}\}/ }],
    },
    {
      name: 'the double-brace form of support article 205480365: right only while the snippet is plain text',
      code: '{{snippet "snippetname" arg0=x arg1=y}}',
      errors: [{ highlighted: '{{snippet "snippetname" arg0=x arg1=y}}', hint: /\{\{\{snippet "snippetname" arg0=x arg1=y\}\}\}/ }],
    },
    { code: '[[snippet "coupon-box"]]', errors: [{ highlighted: '[[snippet "coupon-box"]]', hint: /\[\[\{snippet "coupon-box"\}\]\]/ }] },
  ],
});
