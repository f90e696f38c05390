/**
 * mergetag.config.json: which feeds each template uses, where users and recordings are, and payload variants.
 * The zod schema is the single source: the loader validates with it and `npm run schema` writes the JSON Schema
 * editors use through `$schema`.
 */
import { z } from 'zod';

/** Iterable's alias field accepts "uppercase or lowercase letters, and underscore". */
const alias = z.string().regex(/^[A-Za-z_]+$/, 'an alias has only letters and underscores');

const headerValue = z.string().describe('a header value; write secrets as ${ENV_VAR} references, never literally');

export const feedSchema = z
  .object({
    url: z.string().min(1).describe('the feed URL template; {{ }} user fields, e.g. {{#urlEncode}}{{source_id}}{{/urlEncode}}'),
    alias: alias.optional().describe('the template handlebars alias: feed fields are [[alias.path]]'),
    headers: z.record(z.string(), headerValue).default({}).describe('static headers, e.g. X-App-Id and X-App-Token'),
    format: z.literal('json').default('json'),
    defaultRecording: z.string().optional().describe('a recording file used when none matches the request URL'),
    redact: z.array(z.string()).default([]).describe('JSONPath selectors of response fields to redact when recording'),
  })
  .strict();

export const templateSchema = z
  .object({
    path: z.string().min(1).describe('a template file, or a glob of them, relative to the config file'),
    feeds: z.array(z.string()).default([]).describe("feed ids, in the template's feed order"),
    mergeDataFeedContext: z.boolean().default(false),
    cacheDataFeed: z.boolean().default(false),
    channel: z.enum(['email', 'push', 'sms', 'inApp']).default('email'),
    subject: z.string().optional().describe('the subject line (merge tags allowed), rendered with the same data as the template'),
    preheader: z.string().optional().describe('the preheader text (merge tags allowed)'),
    fromName: z.string().optional().describe('the sender name (merge tags allowed)'),
    event: z
      .string()
      .min(1)
      .optional()
      .describe(
        'for an event-triggered template: an event file, or a glob of them, relative to the config file; each holds the event data fields {{x}} reads before the profile ({{profile.x}} reads the profile)',
      ),
  })
  .strict();

const jsonPath = z.string().regex(/^\$/, 'a JSONPath starts with $');

export const variantSchema = z
  .object({
    feed: z.string().optional().describe('the feed whose response this variant changes; default: every feed'),
    set: z.record(jsonPath, z.unknown()).default({}).describe('JSONPath → value to set'),
    unset: z.array(jsonPath).default([]).describe('JSONPaths to remove'),
    description: z.string().optional(),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    feeds: z.record(z.string(), feedSchema).default({}),
    templates: z.array(templateSchema).default([]),
    users: z.string().default('users/*.json').describe('a glob of user profile files (JSON, or NDJSON with one profile a line)'),
    userId: z.string().default('id').describe('the profile field that names a user; default: the file name'),
    recordings: z.string().default('recordings').describe('the folder of recordings'),
    snippets: z.string().default('snippets'),
    catalogs: z
      .string()
      .default('catalogs')
      .describe(
        'the folder of catalogs: Name.json, an object of items by key ({{#catalog}}, {{#catalogKeys}}), and collections/Name.json, the items of a collection ({{#catalogCollection}})',
      ),
    variants: z.record(z.string(), variantSchema).default({}),
    check: z
      .object({
        requiredUserFields: z.array(z.string()).default([]).describe('user fields every recipient has, although some sample users lack them'),
        optionalUserFields: z.array(z.string()).default([]).describe('user fields a recipient may lack, although every sample user has them'),
      })
      .strict()
      .default({ requiredUserFields: [], optionalUserFields: [] })
      .describe('what mergetag check generates: which user fields are always there or may be missing'),
    preset: z
      .enum(['recommended', 'all'])
      .default('recommended')
      .describe('the lint rules that run: recommended (the default), or all of them; "rules" changes single rules'),
    rules: z
      .record(z.string(), z.enum(['error', 'warning', 'info', 'off']))
      .default({})
      .describe('lint rule id → severity, or "off": {"unused-feed": "error", "user-field-not-found": "off"}'),
    now: z
      .string()
      .refine((text) => /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text)), 'an ISO-8601 date, e.g. 2026-12-01T09:00:00Z')
      .optional()
      .describe('the clock for date helpers in previews (ISO-8601), so a preview renders the same dates every time'),
    voucherifyHosts: z
      .array(z.string().min(1))
      .optional()
      .describe("the project's dedicated Voucherify API hosts (e.g. acme.api.voucherify.io), accepted by the feed-url-region lint rule"),
  })
  .strict();

export type MergetagConfig = z.infer<typeof configSchema>;
export type FeedConfig = z.infer<typeof feedSchema>;
export type TemplateConfig = z.infer<typeof templateSchema>;
export type VariantConfig = z.infer<typeof variantSchema>;

export const CONFIG_FILE = 'mergetag.config.json';
