/**
 * A recording: one real feed request and its response, as `mergetag record` writes it and `render` replays it.
 * Secrets are never stored: header values the config marks secret are `[redacted]`.
 */
import { z } from 'zod';

export { looksLikeRecording, REDACTED } from './shape.js';

export const recordingSchema = z
  .object({
    $schema: z.string().optional(),
    request: z
      .object({
        method: z.literal('GET').describe('Iterable fetches data feeds with GET'),
        url: z.string().url().describe('the request URL as sent (WHATWG-normalised)'),
        headers: z.record(z.string(), z.string()).default({}),
      })
      .describe('the request as sent, secrets redacted'),
    response: z
      .object({
        status: z.number().int().min(100).max(599),
        headers: z.record(z.string(), z.string()).default({}),
        body: z.unknown().optional().describe('the JSON body'),
        bodyText: z.string().optional().describe('the body as text, when it was not JSON'),
      })
      .refine((r) => r.body !== undefined || r.bodyText !== undefined, { message: 'a response needs body (JSON) or bodyText' }),
    recordedAt: z.string().datetime({ offset: true }),
    note: z.string().optional(),
  })
  .strict();

export type Recording = z.infer<typeof recordingSchema>;
