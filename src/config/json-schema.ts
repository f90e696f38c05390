/** The JSON Schema of mergetag.config.json, generated from the zod schema (editors read it through `$schema`). */
import { z } from 'zod';
import { configSchema } from './schema.js';

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  const document = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'mergetag project config (mergetag.config.json)',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
