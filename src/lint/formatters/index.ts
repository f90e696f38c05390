/** The formatters by name: `--format stylish|json|sarif|github`. */
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatters: ReadonlyMap<string, Formatter> = new Map([
  ['stylish', stylish],
  ['json', json],
  ['sarif', sarif],
  ['github', github],
]);

export type { Formatter, FormatContext } from './types.js';
