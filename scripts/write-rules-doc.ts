/** `npm run docs`: writes docs/rules/ (an index and a page per rule) from the rule registry and the lint rules. */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/io/atomic-write.js';
import { rulePages } from '../src/lint/docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pages = rulePages();
mkdirSync(join(root, 'docs/rules'), { recursive: true });
// A page of a rule that no longer exists goes away.
for (const name of readdirSync(join(root, 'docs/rules'))) if (!pages.has(`docs/rules/${name}`)) rmSync(join(root, 'docs/rules', name));
for (const [path, text] of pages) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileAtomic(join(root, path), text);
}
console.log(`wrote ${pages.size} pages in docs/rules/`);
