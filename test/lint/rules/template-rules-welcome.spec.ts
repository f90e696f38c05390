/** The bundled welcome template is correct: none of the template rules (helpers, delimiters, snippets) reports it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helperArguments } from '../../../src/lint/rules/helper-arguments/index.js';
import { missingSnippet } from '../../../src/lint/rules/missing-snippet/index.js';
import { mixedDelimiterElse } from '../../../src/lint/rules/mixed-delimiter-else/index.js';
import { rawFeedOutput } from '../../../src/lint/rules/raw-feed-output/index.js';
import { snippetEscaped } from '../../../src/lint/rules/snippet-escaped/index.js';
import { wrongDelimiterFamily } from '../../../src/lint/rules/wrong-delimiter-family/index.js';
import { findings, welcomeKnowledge } from '../../support/rule-tester.js';

const welcome = readFileSync(resolve(import.meta.dirname, '../../../fixtures/welcome/welcome.html'), 'utf8');
const knowledge = welcomeKnowledge({ snippetExists: () => false, snippetNames: [] });

describe('fixtures/welcome/welcome.html', () => {
  for (const rule of [helperArguments, mixedDelimiterElse, wrongDelimiterFamily, snippetEscaped, missingSnippet, rawFeedOutput]) {
    it(`is clean for ${rule.meta.id}`, () => {
      expect(findings(rule, welcome, knowledge).map((f) => `${f.start.line}:${f.start.column} ${f.message}`)).toEqual([]);
    });
  }
});
