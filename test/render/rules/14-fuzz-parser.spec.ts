/**
 * Parser rules that differential fuzzing against Handlebars.java found (issue 11, fuzz-classes.jsonl).
 */
import { describe, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

describe('a number is never a tag head (number-as-mustache-head)', () => {
  it('{{0}}, {{1}} and {{{2}}} fail to parse, as in Handlebars.java', () => {
    for (const template of ['{{0}}', 'a {{1}} b', '{{{2}}}', '[[3]]', '{{-1.5}}']) {
      expectTemplate(template).toSkip('HandlebarsExecutionError');
      expectTemplate(template).toReport('syntax-error');
    }
  });

  it('a number is still fine as a parameter', () => {
    expectTemplate('{{#if 1}}yes{{/if}}').toRender('yes');
  });
});
