/** `npm run docs`: writes docs/rules.md from the rule registry. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesMarkdown } from '../src/diagnostics/rules.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';

const target = join(fileURLToPath(new URL('..', import.meta.url)), 'docs/rules.md');
writeFileAtomic(target, rulesMarkdown());
console.log(`wrote ${target}`);
