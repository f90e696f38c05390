/**
 * Reads the Handlebars.java conformance corpus (the repository's copy in test/fixtures/conformance/handlebars-java,
 * see corpus-location.ts): real outputs of the engine Iterable runs. Each line is parsed with our own JSON reader
 * so that `data` keeps number spelling and key order, as the corpus README requires. A missing file is an error,
 * never a skipped suite: a clone that cannot run the corpus must not look like one that passes it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from './corpus-location.js';
import { parseJson } from '../../src/values/json.js';
import type { Value } from '../../src/values/types.js';

export interface CorpusCase {
  id: string;
  area: string;
  delims: '{{}}' | '[[]]';
  template: string;
  data: Value;
  output?: string;
  error?: string;
  helpers?: string;
}

export function loadCorpus(file: string): CorpusCase[] {
  const path = join(corpusDir(), file);
  if (!existsSync(path)) {
    throw new Error(
      `conformance corpus file ${path} is missing. The repository ships it in test/fixtures/conformance/handlebars-java: ` +
        `restore it with \`git checkout -- test/fixtures/conformance\`, or unset MERGETAG_CONFORMANCE_DIR if it points elsewhere.`,
    );
  }
  return parseCorpusLines(readFileSync(path, 'utf8'), file);
}

/** Cases in the corpus line format from any file (the differential's own findings use it too). */
export function loadCaseFile(path: string): CorpusCase[] {
  return parseCorpusLines(readFileSync(path, 'utf8'), path);
}

function parseCorpusLines(text: string, file: string): CorpusCase[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      const parsed = parseJson(line);
      if (!parsed.ok || !(parsed.value instanceof Map)) throw new Error(`${file}:${index + 1}: not a JSON object`);
      const record = parsed.value;
      const text = (key: string) => {
        const v = record.get(key);
        return typeof v === 'string' ? v : undefined;
      };
      const testCase: CorpusCase = {
        id: text('id')!,
        area: text('area')!,
        delims: text('delims') as CorpusCase['delims'],
        template: text('template')!,
        data: record.get('data'),
      };
      const output = text('output');
      const error = text('error');
      const helpers = text('helpers');
      if (output !== undefined) testCase.output = output;
      if (error !== undefined) testCase.error = error;
      if (helpers !== undefined) testCase.helpers = helpers;
      return testCase;
    });
}
