/**
 * Reads the Handlebars.java conformance corpus (../shared/conformance/handlebars-java/*.jsonl): real outputs of
 * the engine Iterable runs. Each line is parsed with our own JSON reader so that `data` keeps number spelling
 * and key order, as the corpus README requires. The folder is absent on a user's clone: callers then skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const here = dirname(fileURLToPath(import.meta.url));

/** Where the corpus is: $MERGETAG_CONFORMANCE_DIR, or ../shared next to the repository. */
export function corpusDir(): string {
  return process.env.MERGETAG_CONFORMANCE_DIR ?? resolve(here, '../../../shared/conformance/handlebars-java');
}

export function loadCorpus(file: string): CorpusCase[] | undefined {
  const path = join(corpusDir(), file);
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
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
