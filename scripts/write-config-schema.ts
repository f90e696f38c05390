/** `npm run schema`: writes schema/mergetag.config.schema.json from the zod schema. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/config/json-schema.js';
import { writeFileAtomic } from '../src/io/atomic-write.js';

const target = join(fileURLToPath(new URL('..', import.meta.url)), 'schema/mergetag.config.schema.json');
writeFileAtomic(target, configJsonSchema());
console.log(`wrote ${target}`);
