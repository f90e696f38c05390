import { describe, expect, it } from 'vitest';
import { lintText } from '../../../src/lint/linter.js';
import { missingSnippet } from '../../../src/lint/rules/missing-snippet/index.js';
import type { KnowledgeSources } from '../../../src/lint/knowledge.js';
import { ruleTester, welcomeKnowledge } from '../../support/rule-tester.js';

/** A project's snippets folder: `footer` includes `social`, `broken` includes a missing `socail`, `loop-a` ↔ `loop-b`. */
const snippets: Record<string, string> = {
  footer: '<p>Northwind</p>{{{snippet "social"}}}',
  social: '<a href="https://example.com/ig">Instagram</a>',
  broken: '<p>x</p>{{{snippet "socail"}}}',
  'loop-a': '{{{snippet "loop-b"}}}',
  'loop-b': '{{{snippet "loop-a"}}}',
};
const withSnippets: Partial<KnowledgeSources> = {
  snippetExists: (name) => Object.hasOwn(snippets, name),
  snippetNames: Object.keys(snippets),
  snippetText: (name) => (Object.hasOwn(snippets, name) ? snippets[name] : undefined),
};
const knowledge = welcomeKnowledge(withSnippets);
const namesOnly = welcomeKnowledge({ snippetExists: withSnippets.snippetExists! });

ruleTester(
  missingSnippet,
  {
    valid: [
      { code: '{{{snippet "footer"}}} {{{snippet "social"}}}', knowledge },
      { name: 'a name known only at send time', code: '{{{snippet snippetName}}}', knowledge },
      { name: 'no snippets folder: the rule cannot judge (the linter says so)', code: '{{{snippet "anything"}}}' },
      { name: 'without snippet texts, includes are not followed', code: '{{{snippet "broken"}}}', knowledge: namesOnly },
    ],
    invalid: [
      {
        code: '<td>{{{snippet "fotter"}}}</td>',
        knowledge,
        errors: [
          { highlighted: '"fotter"', message: /the snippet "fotter" does not exist: Iterable renders nothing in its place/, hint: /did you mean "footer"\?/ },
        ],
      },
      {
        code: '{{{snippet "fotter" required=true}}}',
        knowledge,
        errors: [{ highlighted: '"fotter"', message: /with required=true Iterable does not send the message \(SnippetLookupError\)/ }],
      },
      {
        name: 'without a list of names: no did-you-mean',
        code: '{{{snippet "fotter"}}}',
        knowledge: namesOnly,
        errors: [{ highlighted: '"fotter"', hint: /snippets\/fotter\.html/ }],
      },
      {
        name: 'the include chain',
        code: '{{{snippet "broken"}}}',
        knowledge,
        errors: [
          {
            highlighted: '"broken"',
            message: /includes "socail", which does not exist \("broken" → "socail"\)/,
            hint: /in the snippet "broken": did you mean "social"\?/,
          },
        ],
      },
      {
        name: 'a snippet that includes itself',
        code: '{{{snippet "loop-a"}}}',
        knowledge,
        errors: [{ highlighted: '"loop-a"', message: /includes itself \("loop-a" → "loop-b" → "loop-a"\): the render fails/ }],
      },
    ],
  },
  { examplesKnowledge: knowledge },
);

describe('without a snippets folder', () => {
  const lacking = (code: string) => lintText(code, { rules: [missingSnippet], knowledge: welcomeKnowledge(), config: { preset: 'all' } }).lacking;

  it('the linter says the rule lacked snippet knowledge for a template that calls a snippet', () => {
    expect(lacking('{{{snippet "footer"}}}')).toEqual(['snippets']);
  });

  it('and says nothing for a template that calls none', () => {
    expect(lacking('<p>{{firstName}}</p>')).toEqual([]);
  });
});
