/**
 * The recording file of one response: `{request, response, recordedAt}` as `recordingSchema` describes it, with
 * secrets redacted, the body kept losslessly (number spelling, key order), or as `bodyText` when it is not JSON.
 */
import { redactSecretParams } from '../config/secrets.js';
import { recordingSchema } from '../recordings/schema.js';
import { parseJson } from '../values/json.js';
import { JsonNumber } from '../values/json-number.js';
import type { JsonObject, Value } from '../values/types.js';
import type { HttpResponse } from './http.js';
import { jsonPretty } from './json-text.js';
import type { PlannedRequest } from './plan.js';
import { recordedResponseHeaders, redactBody, type Scrubber } from './redact.js';

export interface BuiltRecording {
  /** The file's text, validated against recordingSchema. */
  text: string;
  status: number;
  /** True when the body was JSON (stored as `body`), false when stored as `bodyText`. */
  json: boolean;
  /** True when replaying it makes Iterable skip the message (DataFeedError): not 200, not JSON, not an object. */
  skips: boolean;
  redacted: number;
}

function object(entries: [string, Value][]): JsonObject {
  return new Map(entries);
}

function stringMap(record: Record<string, string>): JsonObject {
  return new Map(Object.entries(record));
}

export function buildRecording(request: PlannedRequest, response: HttpResponse, recordedAt: Date, scrubber: Scrubber): BuiltRecording {
  const parsed = parseJson(response.text);
  let body: Value = undefined;
  let redacted = 0;
  if (parsed.ok) {
    const result = redactBody(parsed.value, request.redact);
    body = scrubber.value(result.body);
    redacted = result.redacted;
  }
  const responseEntries: [string, Value][] = [
    ['status', JsonNumber.fromNumber(response.status)],
    ['headers', stringMap(recordedResponseHeaders(response.headers, scrubber))],
    parsed.ok ? ['body', body] : ['bodyText', scrubber.text(response.text)],
  ];
  const document = object([
    [
      'request',
      object([
        ['method', 'GET'],
        ['url', scrubber.text(redactSecretParams(request.url))],
        ['headers', stringMap(request.recordedHeaders)],
      ]),
    ],
    ['response', object(responseEntries)],
    ['recordedAt', recordedAt.toISOString()],
  ]);
  const text = `${jsonPretty(document)}\n`;
  const check = recordingSchema.safeParse(JSON.parse(text));
  if (!check.success) {
    const issue = check.error.issues[0];
    throw new Error(`the recording would not be valid (${issue?.path.join('.')}: ${issue?.message})`);
  }
  const skips = response.status !== 200 || !parsed.ok || !(parsed.value instanceof Map);
  return { text, status: response.status, json: parsed.ok, skips, redacted };
}
