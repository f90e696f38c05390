/** `npm run docs`: writes docs/helpers.md from the helpers' meta. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { helpersMarkdown } from '../src/helpers/docs.js';
import { iterableHelpers } from '../src/helpers/index.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';

const target = join(fileURLToPath(new URL('..', import.meta.url)), 'docs/helpers.md');
writeFileAtomic(target, helpersMarkdown(iterableHelpers()));
console.log(`wrote ${target}`);
