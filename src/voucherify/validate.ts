/**
 * Checks of Voucherify response bodies and of recordings of them, as diagnostics that point into the file:
 * every message names the JSON path (`$.voucher.discount.percent_off: expected a number, found "10%"`) and its span
 * is the value's place in the file, so `file:line:column` opens on it.
 *
 * Rules:
 *   - `invalid-json` (error): the file is not JSON; at the line and column where parsing stopped.
 *   - `recording-schema` (error): the recording does not have the recording shape (src/recordings/schema.ts).
 *   - `voucherify-publication`: a 200 body that is not a publication (error); a missing key that Voucherify always
 *     sends, an undocumented `effect`, a voucher type without its discount/gift/loyalty_card object (warnings).
 *   - `voucherify-error` (error): a non-200 body that is not a Voucherify error object; a code that contradicts
 *     the recorded status (warning).
 *   - `voucherify-endpoint` (warning): a recording of a Voucherify request that is not `GET /v1/publications/create`,
 *     or one Voucherify would refuse (see regions.ts).
 *   - `recording-body-text`: a body recorded as text. Not JSON: Iterable skips the message with `DataFeedError`
 *     (warning); JSON after all: better stored as `body`, where it is checked (info).
 */
import type { RuleId } from '../diagnostics/rules.js';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { z } from 'zod';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import { formatJsonPath, jsonSyntaxDiagnostic, spanOfPath, type JsonPathSegment } from '../diagnostics/json-location.js';
import { SourceText } from '../diagnostics/source.js';
import { recordingSchema } from '../recordings/schema.js';
import { parseJson } from '../values/json.js';
import { DISCOUNT_EFFECTS, DISCOUNT_TYPES, publicationSchema, responseKind, voucherifyErrorSchema } from './publication.js';
import { checkPublicationRequest, isPublicationCreateUrl, PUBLICATION_CREATE_PATH, regionOf } from './regions.js';

export const RULES = {
  invalidJson: 'invalid-json',
  recordingSchema: 'recording-schema',
  publication: 'voucherify-publication',
  error: 'voucherify-error',
  endpoint: 'voucherify-endpoint',
  bodyText: 'recording-body-text',
} as const;

type Path = JsonPathSegment[];
type Issue = z.core.$ZodIssue;

interface Document {
  source: SourceText;
  tree: Node;
  /** The file as plain JavaScript (JSON.parse), which the zod schemas read. */
  value: unknown;
  file: string;
  out: Diagnostic[];
}

/** Parses the file, or returns the one `invalid-json` diagnostic. */
function read(text: string, file: string): Document | Diagnostic {
  const source = new SourceText(text, file);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return jsonSyntaxDiagnostic(source, parsed.error, 'the file');
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return diagnostic(RULES.invalidJson, 'error', `the file is not valid JSON: ${(error as Error).message}`, source.span(0, 0), { file });
  }
  return { source, tree: parsed.tree, value, file, out: [] };
}

function report(doc: Document, ruleId: RuleId, severity: Severity, path: Path, message: string, hint?: string): void {
  const extra: { file: string; hint?: string } = { file: doc.file };
  if (hint !== undefined) extra.hint = hint;
  doc.out.push(diagnostic(ruleId, severity, `${formatJsonPath(path)}: ${message}`, spanOfPath(doc.tree, path, doc.source), extra));
}

function finish(doc: Document): Diagnostic[] {
  return doc.out.sort((a, b) => a.start.offset - b.start.offset);
}

// ---------------------------------------------------------------------------------------------------------------
// Values and their descriptions

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lookup(root: unknown, path: readonly JsonPathSegment[]): { present: boolean; value: unknown } {
  let current: unknown = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') {
      if (segment < 0 || segment >= current.length) return { present: false, value: undefined };
      current = current[segment];
    } else if (isObject(current) && Object.hasOwn(current, String(segment))) {
      current = current[String(segment)];
    } else {
      return { present: false, value: undefined };
    }
  }
  return { present: true, value: current };
}

/** A value as a message shows it: strings quoted, numbers as spelled in the file, containers by kind. */
function describeValue(doc: Document, path: Path, value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (isObject(value)) return 'an object';
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > 50 ? `${quoted.slice(0, 46)}…"` : quoted;
  }
  if (typeof value === 'number') {
    const node = findNodeAtLocation(doc.tree, path);
    if (node?.type === 'number') return doc.source.text.slice(node.offset, node.offset + node.length);
  }
  return typeof value === 'boolean' || typeof value === 'number' ? String(value) : typeof value;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  null: 'null',
};

function listOf(values: readonly unknown[]): string {
  const shown = values.map((v) => JSON.stringify(v));
  return shown.length === 1 ? shown[0]! : `one of ${shown.join(', ')}`;
}

const FORMAT_NAMES: Record<string, string> = {
  url: 'a URL',
  datetime: 'an ISO 8601 date-time with an offset, e.g. 2026-11-20T10:15:00.000Z',
};

/** What the schema wanted at the issue's path, in words; undefined for issues that do not say. */
function expectation(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_NAMES[issue.expected] ?? `a ${issue.expected}`;
    case 'invalid_value':
      return listOf(issue.values);
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      return options ? listOf(options) : undefined;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min === 1 ? 'a non-empty string' : `a string of at least ${min} characters`;
      if (issue.origin === 'array') return `an array of at least ${min} items`;
      return `a number ${issue.inclusive ? '>=' : '>'} ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `a string of at most ${max} characters`;
      if (issue.origin === 'array') return `an array of at most ${max} items`;
      return `a number ${issue.inclusive ? '<=' : '<'} ${max}`;
    }
    case 'invalid_format':
      return FORMAT_NAMES[issue.format] ?? `a string in ${issue.format} format`;
    default:
      return undefined;
  }
}

/** Turns a schema's issues into diagnostics; `prefix` is where the schema's value sits in the file. */
function reportIssues(
  doc: Document,
  issues: readonly Issue[],
  prefix: Path,
  ruleId: RuleId,
  hintFor: (path: Path, issue: Issue) => string | undefined = () => undefined,
): void {
  for (const issue of issues) {
    const relative: Path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
    const path = [...prefix, ...relative];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) report(doc, ruleId, 'error', [...path, key], 'unknown key, not allowed here', hintFor([...relative, key], issue));
      continue;
    }
    const at = lookup(doc.value, path);
    const expected = expectation(issue);
    const hint = hintFor(relative, issue);
    let message: string;
    if (issue.code === 'custom') {
      const params = (issue.params ?? {}) as { missing?: boolean };
      message = params.missing && !at.present ? `missing; ${issue.message}` : issue.message;
    } else if (expected === undefined) {
      message = issue.message;
    } else if (!at.present) {
      message = `missing; expected ${expected}`;
    } else {
      message = `expected ${expected}, found ${describeValue(doc, path, at.value)}`;
    }
    report(doc, ruleId, 'error', path, message, hint);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Publications and errors

const AMOUNT_HINT = 'amounts are numbers multiplied by 100: 1000 is 10.00';

/** Hints for publication paths (relative to the body). */
function publicationHint(path: Path, body: unknown): string | undefined {
  const key = path[path.length - 1];
  const parent = path[path.length - 2];
  if (path.length === 1 && key === 'voucher' && isObject(body) && !Object.hasOwn(body, 'voucher') && Array.isArray(body.vouchers)) {
    return `this is the multiple-voucher form of POST /v1/publications (campaign.count > 1); GET ${PUBLICATION_CREATE_PATH} answers one voucher object, and [[alias.voucher.code]] prints nothing here`;
  }
  if (path.length === 2 && parent === 'voucher' && key === 'code') {
    return 'templates print [[alias.voucher.code]]: Voucherify sends the published code as a non-empty string';
  }
  if (parent === 'discount' && key === 'type') return 'Voucherify discount types: AMOUNT, PERCENT, FIXED, UNIT';
  if (key === 'percent_off') return 'a number: 10 for 10% off';
  if (key === 'amount_off' || key === 'fixed_amount' || key === 'amount_limit' || (parent === 'gift' && (key === 'amount' || key === 'balance'))) {
    return AMOUNT_HINT;
  }
  if (path.length === 1 && key === 'object') return 'a publication has "object": "publication"';
  return undefined;
}

/** Keys the spec requires and every documented response has, though no template needs them: warn, not fail. */
const ALWAYS_SENT = ['created_at', 'customer_id', 'metadata', 'channel', 'source_id'] as const;

const VOUCHER_PAYLOAD = { DISCOUNT_VOUCHER: 'discount', GIFT_VOUCHER: 'gift', LOYALTY_CARD: 'loyalty_card' } as const;

function checkEffect(doc: Document, path: Path, effect: unknown, known: readonly string[], what: string): void {
  if (typeof effect === 'string' && !known.includes(effect)) {
    report(doc, RULES.publication, 'warning', path, `${JSON.stringify(effect)} is not a documented effect of ${what} (${known.join(', ')})`);
  }
}

/** Warnings about a publication that the lenient schema lets through. */
function adviseOnPublication(doc: Document, prefix: Path, body: Record<string, unknown>): void {
  const missing = ALWAYS_SENT.filter((key) => !Object.hasOwn(body, key));
  if (missing.length > 0) {
    report(
      doc,
      RULES.publication,
      'warning',
      prefix,
      `missing ${missing.join(', ')}: ${missing.length === 1 ? 'a key Voucherify always sends (the spec requires it)' : 'keys Voucherify always sends (the spec requires them)'}`,
      'a recording should hold the response as Voucherify sent it: record it again, or add the keys',
    );
  }
  const voucher = body.voucher;
  if (!isObject(voucher)) return;
  const at = [...prefix, 'voucher'];
  const type = voucher.type;
  if (typeof type === 'string' && Object.hasOwn(VOUCHER_PAYLOAD, type)) {
    const key = VOUCHER_PAYLOAD[type as keyof typeof VOUCHER_PAYLOAD];
    if (!isObject(voucher[key])) {
      const found = voucher[key] === undefined ? 'none' : describeValue(doc, [...at, key], voucher[key]);
      report(
        doc,
        RULES.publication,
        'warning',
        [...at, key],
        `expected a ${key} object for a ${type}, found ${found}`,
        `templates reading [[alias.voucher.${key}...]] print nothing`,
      );
    }
  }
  const discount = voucher.discount;
  const dtype = isObject(discount) ? DISCOUNT_TYPES.find((t) => t === discount.type) : undefined;
  if (isObject(discount) && dtype !== undefined) {
    checkEffect(doc, [...at, 'discount', 'effect'], discount.effect, DISCOUNT_EFFECTS[dtype], `a ${dtype} discount`);
    if (dtype === 'UNIT' && Array.isArray(discount.units)) {
      discount.units.forEach((unit, index) => {
        if (isObject(unit))
          checkEffect(doc, [...at, 'discount', 'units', index, 'effect'], unit.effect, DISCOUNT_EFFECTS.UNIT_ITEM, 'a unit of a multiple-unit discount');
      });
    }
  }
  if (isObject(voucher.gift)) checkEffect(doc, [...at, 'gift', 'effect'], voucher.gift.effect, DISCOUNT_EFFECTS.GIFT, 'a gift card');
}

function validatePublicationAt(doc: Document, prefix: Path): void {
  const body = lookup(doc.value, prefix).value;
  if (!isObject(body)) {
    report(
      doc,
      RULES.publication,
      'error',
      prefix,
      `expected a publication object, found ${describeValue(doc, prefix, body)}`,
      Array.isArray(body) ? 'Iterable does not send a message whose feed answers a JSON array (DataFeedError)' : undefined,
    );
    return;
  }
  const result = publicationSchema.safeParse(body);
  if (!result.success) reportIssues(doc, result.error.issues, prefix, RULES.publication, (path) => publicationHint(path, body));
  adviseOnPublication(doc, prefix, body);
}

function validateErrorAt(doc: Document, prefix: Path, status?: number): void {
  const body = lookup(doc.value, prefix).value;
  if (!isObject(body)) {
    report(doc, RULES.error, 'error', prefix, `expected a Voucherify error object {code, key, message, ...}, found ${describeValue(doc, prefix, body)}`);
    return;
  }
  const result = voucherifyErrorSchema.safeParse(body);
  if (!result.success) {
    reportIssues(doc, result.error.issues, prefix, RULES.error, (path) =>
      path.length === 1 && (path[0] === 'code' || path[0] === 'message') ? 'a Voucherify error has code (the HTTP status) and message' : undefined,
    );
    return;
  }
  if (status !== undefined && result.data.code !== status) {
    report(
      doc,
      RULES.error,
      'warning',
      [...prefix, 'code'],
      `${result.data.code}, but the recorded status is ${status}`,
      'Voucherify puts the HTTP status in code',
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

/**
 * Checks a bare response body file: a publication (`"object": "publication"`) or a Voucherify error (`code` with
 * `key` or `message`), told apart by shape. Anything else is checked as a publication.
 */
export function validateResponseText(text: string, file: string): Diagnostic[] {
  const doc = read(text, file);
  if (!('tree' in doc)) return [doc];
  if (responseKind(doc.value) === 'error') validateErrorAt(doc, []);
  else if (!isObject(doc.value)) {
    report(doc, RULES.publication, 'error', [], `expected a publication or a Voucherify error object, found ${describeValue(doc, [], doc.value)}`);
  } else validatePublicationAt(doc, []);
  return finish(doc);
}

function recordingHint(path: Path): string | undefined {
  const [first, second] = path;
  if (first === 'request' && second === 'method') return 'Iterable fetches data feeds with GET';
  if (first === 'recordedAt') return 'when the response was recorded: an ISO 8601 date-time with an offset, e.g. 2026-11-20T10:15:00.000Z';
  if (first === 'request' && second === 'url') return 'the request URL as sent, e.g. https://api.voucherify.io/v1/publications/create?customer[source_id]=...';
  if (first === 'response' && second === 'status') return 'the HTTP status code, 200 for a publication';
  return undefined;
}

/**
 * Checks a recording: its shape (recordingSchema), the request (a Voucherify host but not the publication endpoint
 * is a warning), and the response body: with status 200 a publication, with any other status a Voucherify error.
 * The body is checked when the request went to a Voucherify host or to `/v1/publications/create` (a mock server),
 * or when its URL is unreadable; recordings of other feeds are checked for shape only.
 */
export function validateRecordingText(text: string, file: string): Diagnostic[] {
  const doc = read(text, file);
  if (!('tree' in doc)) return [doc];
  const parsed = recordingSchema.safeParse(doc.value);
  if (!parsed.success) reportIssues(doc, parsed.error.issues, [], RULES.recordingSchema, recordingHint);
  if (!isObject(doc.value)) return finish(doc);

  const request = doc.value.request;
  const url = isObject(request) && typeof request.url === 'string' ? request.url : undefined;
  let readable = false;
  if (url !== undefined) {
    try {
      new URL(url);
      readable = true;
    } catch {
      readable = false;
    }
  }
  const voucherify = !readable || regionOf(url!) !== undefined || isPublicationCreateUrl(url!);
  const publicationEndpoint = !readable || isPublicationCreateUrl(url!);
  if (readable) {
    // The method is the recording schema's to check; headers are not checked here (see checkPublicationRequest).
    for (const problem of checkPublicationRequest({ url: url! })) {
      report(doc, RULES.endpoint, problem.severity === 'error' ? 'error' : 'warning', ['request', 'url'], problem.message, problem.hint);
    }
  }

  const response = doc.value.response;
  if (!isObject(response)) return finish(doc);
  const status = typeof response.status === 'number' ? response.status : undefined;

  if (typeof response.bodyText === 'string') {
    const asJson = parseJson(response.bodyText);
    if (asJson.ok) {
      report(doc, RULES.bodyText, 'info', ['response', 'bodyText'], 'holds JSON text: store it as body (JSON) so that it can be checked');
    } else {
      report(
        doc,
        RULES.bodyText,
        'warning',
        ['response', 'bodyText'],
        'the response body is not JSON: Iterable does not send the message (send-skip DataFeedError)',
        'a data feed must answer JSON; record the response again if this is not what the feed returns',
      );
    }
  }

  if (!Object.hasOwn(response, 'body') || response.body === undefined || status === undefined || !voucherify) return finish(doc);
  const at: Path = ['response', 'body'];
  const kind = responseKind(response.body);
  if (status === 200) {
    if (!publicationEndpoint) return finish(doc);
    if (kind === 'error') {
      const key = (response.body as Record<string, unknown>).key;
      report(
        doc,
        RULES.publication,
        'error',
        at,
        `a Voucherify error${typeof key === 'string' ? ` (${key})` : ''} recorded with status 200; expected a publication`,
        'Voucherify answers errors with their own status (400, 403, 404, 429, ...): record the status it sent, or record a publication',
      );
    } else {
      validatePublicationAt(doc, at);
    }
  } else if (kind === 'publication') {
    report(
      doc,
      RULES.error,
      'error',
      at,
      `a publication recorded with status ${status}; Voucherify answers a publication with 200`,
      'record the status Voucherify sent',
    );
  } else {
    validateErrorAt(doc, at, status);
  }
  return finish(doc);
}
