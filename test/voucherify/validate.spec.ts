/**
 * Diagnostics of src/voucherify/validate.ts: exact messages, lines and columns for the documented rejection cases,
 * and acceptance of the bundled recordings. Payloads are this project's own, written from the facts in
 * ../shared/reference/voucherify-publications.md (a PERCENT welcome voucher, the 400/404 error shapes).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { validateRecordingText, validateResponseText } from '../../src/voucherify/index.js';

interface Seen {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

function seen(diagnostics: Diagnostic[]): Seen[] {
  return diagnostics.map((d) => ({ ruleId: d.ruleId, severity: d.severity, message: d.message, line: d.start.line, column: d.start.column }));
}

/** A publication whose voucher block (from line 13 on, 4-space indent) the case chooses. */
function publication(voucherLines: string[]): string {
  return [
    '{',
    '  "id": "pub_7d3RkTq0ZlW9xYbA1c2D3e4F5g6H7i8J",',
    '  "object": "publication",',
    '  "created_at": "2026-11-20T10:14:59.604Z",',
    '  "customer_id": "cust_0O0iZyaugHjsCjaJExbwEtFq",',
    '  "tracking_id": "ann@example.com",',
    '  "metadata": {},',
    '  "channel": "API",',
    '  "source_id": null,',
    '  "result": "SUCCESS",',
    '  "customer": {"id": "cust_0O0iZyaugHjsCjaJExbwEtFq", "object": "customer"},',
    '  "voucher": {',
    ...voucherLines.map((line, i) => `    ${line}${i < voucherLines.length - 1 ? ',' : ''}`),
    '  }',
    '}',
    '',
  ].join('\n');
}

const GOOD_VOUCHER = [
  '"id": "v_o7fxmLYmCoDkPqTNx50hfPixXOpmZdZw"', // 13
  '"code": "WELCOME-7QX2K9"', // 14
  '"type": "DISCOUNT_VOUCHER"', // 15
  '"discount": {"type": "PERCENT", "percent_off": 10, "effect": "APPLY_TO_ORDER"}', // 16
  '"object": "voucher"', // 17
];

const withVoucherLine = (index: number, line: string | undefined) =>
  publication(line === undefined ? GOOD_VOUCHER.filter((_, i) => i !== index) : GOOD_VOUCHER.map((l, i) => (i === index ? line : l)));

/** A recording of the welcome feed around a response, its body from line 11 on (6-space indent). */
function recording(options: { method?: string; url?: string; status?: number; bodyLines?: string[]; recordedAt?: boolean; extra?: string }): string {
  const body = options.bodyLines ?? ['"code": 404', '"key": "not_found"', '"message": "Resource not found"'];
  return [
    '{',
    '  "request": {',
    `    "method": "${options.method ?? 'GET'}",`,
    `    "url": "${options.url ?? 'https://api.voucherify.io/v1/publications/create?customer[source_id]=ann&campaign[name]=Welcome%20Codes'}",`,
    '    "headers": {"X-App-Id": "[redacted]", "X-App-Token": "[redacted]"}',
    '  },',
    '  "response": {',
    `    "status": ${options.status ?? 404},`,
    '    "headers": {"content-type": "application/json; charset=utf-8"},',
    '    "body": {',
    ...body.map((line, i) => `      ${line}${i < body.length - 1 ? ',' : ''}`),
    '    }',
    `  }${options.recordedAt === false ? '' : ','}`,
    ...(options.recordedAt === false ? [] : [`  "recordedAt": "2026-11-20T10:15:02.000Z"${options.extra ? ',' : ''}`]),
    ...(options.extra ? [`  ${options.extra}`] : []),
    '}',
    '',
  ].join('\n');
}

describe('validateResponseText: publications', () => {
  it('accepts a well-formed publication without any diagnostic', () => {
    expect(validateResponseText(publication(GOOD_VOUCHER), 'pub.json')).toEqual([]);
  });

  it('sets file, start and end on every diagnostic', () => {
    const [d] = validateResponseText(withVoucherLine(1, '"code": 12345'), 'payloads/pub.json');
    expect(d).toMatchObject({ file: 'payloads/pub.json', start: { line: 14, column: 5 }, end: { line: 14, column: 18 } });
    expect(d!.hint).toContain('[[alias.voucher.code]]');
  });

  it('rejects a voucher without code, at the voucher object', () => {
    expect(seen(validateResponseText(withVoucherLine(1, undefined), 'pub.json'))).toEqual([
      { ruleId: 'voucherify-publication', severity: 'error', message: '$.voucher.code: missing; expected a string', line: 12, column: 14 },
    ]);
  });

  it('rejects a code that is a number, at the code', () => {
    expect(seen(validateResponseText(withVoucherLine(1, '"code": 12345'), 'pub.json'))).toEqual([
      { ruleId: 'voucherify-publication', severity: 'error', message: '$.voucher.code: expected a string, found 12345', line: 14, column: 5 },
    ]);
  });

  it('rejects an empty code', () => {
    expect(seen(validateResponseText(withVoucherLine(1, '"code": ""'), 'pub.json'))).toEqual([
      { ruleId: 'voucherify-publication', severity: 'error', message: '$.voucher.code: expected a non-empty string, found ""', line: 14, column: 5 },
    ]);
  });

  it('rejects a discount of unknown type, at its type', () => {
    expect(seen(validateResponseText(withVoucherLine(3, '"discount": {"type": "BOGO", "items": 2}'), 'pub.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'error',
        message: '$.voucher.discount.type: expected one of "AMOUNT", "PERCENT", "FIXED", "UNIT", found "BOGO"',
        line: 16,
        column: 18,
      },
    ]);
  });

  it('rejects a discount without type', () => {
    expect(seen(validateResponseText(withVoucherLine(3, '"discount": {"percent_off": 10}'), 'pub.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'error',
        message: '$.voucher.discount.type: missing; expected one of "AMOUNT", "PERCENT", "FIXED", "UNIT"',
        line: 16,
        column: 17,
      },
    ]);
  });

  it('rejects percent_off as a string, at percent_off', () => {
    expect(seen(validateResponseText(withVoucherLine(3, '"discount": {"type": "PERCENT", "percent_off": "10%"}'), 'pub.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'error',
        message: '$.voucher.discount.percent_off: expected a number, found "10%"',
        line: 16,
        column: 37,
      },
    ]);
  });

  it('requires each discount type its value field', () => {
    const text = withVoucherLine(3, '"discount": {"type": "AMOUNT", "effect": "APPLY_TO_ORDER"}');
    expect(seen(validateResponseText(text, 'pub.json'))).toEqual([
      { ruleId: 'voucherify-publication', severity: 'error', message: '$.voucher.discount.amount_off: missing; expected a number', line: 16, column: 17 },
    ]);
  });

  it('requires unit_type of a single UNIT discount, not of the multiple-unit form', () => {
    const single = withVoucherLine(3, '"discount": {"type": "UNIT", "unit_off": 1, "effect": "ADD_NEW_ITEMS"}');
    expect(seen(validateResponseText(single, 'pub.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'error',
        message: '$.voucher.discount.unit_type: missing; a UNIT discount needs unit_type (the free product or SKU), or units for the multiple-unit form',
        line: 16,
        column: 17,
      },
    ]);
    const multiple = withVoucherLine(
      3,
      '"discount": {"type": "UNIT", "effect": "ADD_MANY_ITEMS", "units": [{"unit_off": 1, "unit_type": "prod_f1r5t", "effect": "ADD_NEW_ITEMS"}, {"unit_off": 2, "unit_type": "sku_s3c0nd", "effect": "ADD_MISSING_ITEMS"}]}',
    );
    expect(validateResponseText(multiple, 'pub.json')).toEqual([]);
  });

  it('reports a float where the spec has an integer, and a day of week out of range', () => {
    const text = publication([
      ...GOOD_VOUCHER.slice(0, 4),
      '"validity_day_of_week": [1, 7]',
      '"publish": {"object": "list", "count": 1.5}',
      '"object": "voucher"',
    ]);
    expect(seen(validateResponseText(text, 'pub.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'error',
        message: '$.voucher.validity_day_of_week[1]: expected a number <= 6, found 7',
        line: 17,
        column: 33,
      },
      { ruleId: 'voucherify-publication', severity: 'error', message: '$.voucher.publish.count: expected an integer, found 1.5', line: 18, column: 35 },
    ]);
  });

  it('rejects a wrong object literal and a wrong result', () => {
    const text = publication(GOOD_VOUCHER).replace('"object": "publication"', '"object": "voucher"').replace('"SUCCESS"', '"FAILURE"');
    expect(seen(validateResponseText(text, 'pub.json'))).toEqual([
      { ruleId: 'voucherify-publication', severity: 'error', message: '$.object: expected "publication", found "voucher"', line: 3, column: 3 },
      { ruleId: 'voucherify-publication', severity: 'error', message: '$.result: expected "SUCCESS", found "FAILURE"', line: 10, column: 3 },
    ]);
  });

  it('accepts unknown keys everywhere, and null where Voucherify sends null', () => {
    const text = publication([
      '"code": "WELCOME-7QX2K9"',
      '"type": "DISCOUNT_VOUCHER"',
      '"discount": {"type": "AMOUNT", "amount_off": 1500, "effect": "APPLY_TO_ORDER", "units": null, "brand_new": {"x": [1]}}',
      '"category": null',
      '"validity_timeframe": null',
      '"future_field": "anything"',
    ]).replace('"result": "SUCCESS",', '"result": "SUCCESS", "new_top_level": [1, 2], "customer_segment": null,');
    expect(validateResponseText(text, 'pub.json')).toEqual([]);
  });

  it('warns once about keys Voucherify always sends but the response lacks', () => {
    const text = '{"id": "pub_1", "object": "publication", "result": "SUCCESS",\n "customer": {"id": "c", "object": "customer"}, "voucher": {"code": "A"}}';
    expect(seen(validateResponseText(text, 'pub.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'warning',
        message: '$: missing created_at, customer_id, metadata, channel, source_id: keys Voucherify always sends (the spec requires them)',
        line: 1,
        column: 1,
      },
    ]);
  });

  it('warns about an undocumented effect and a voucher type without its object', () => {
    const text = publication([
      '"code": "GIFT-100"',
      '"type": "GIFT_VOUCHER"',
      '"discount": {"type": "PERCENT", "percent_off": 5, "effect": "APPLY_TO_EVERYTHING"}',
      '"gift": null',
    ]);
    expect(seen(validateResponseText(text, 'pub.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'warning',
        message: '$.voucher.discount.effect: "APPLY_TO_EVERYTHING" is not a documented effect of a PERCENT discount (APPLY_TO_ORDER, APPLY_TO_ITEMS)',
        line: 15,
        column: 55,
      },
      {
        ruleId: 'voucherify-publication',
        severity: 'warning',
        message: '$.voucher.gift: expected a gift object for a GIFT_VOUCHER, found null',
        line: 16,
        column: 5,
      },
    ]);
  });

  it('explains the multiple-voucher form, which GET never answers', () => {
    const text = publication(GOOD_VOUCHER).replace(/"voucher": \{[\s\S]*\n {2}\}/, '"vouchers": ["Q1K4XT5S", "Z9K4XT5A"]');
    const diagnostics = validateResponseText(text, 'pub.json');
    expect(seen(diagnostics)).toEqual([
      { ruleId: 'voucherify-publication', severity: 'error', message: '$.voucher: missing; expected an object', line: 1, column: 1 },
    ]);
    expect(diagnostics[0]!.hint).toContain('multiple-voucher form');
  });

  it('rejects a JSON array and a scalar at the top', () => {
    expect(seen(validateResponseText('[{"object": "publication"}]', 'pub.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'error',
        message: '$: expected a publication or a Voucherify error object, found an array',
        line: 1,
        column: 1,
      },
    ]);
    expect(seen(validateResponseText(' "WELCOME"', 'pub.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'error',
        message: '$: expected a publication or a Voucherify error object, found "WELCOME"',
        line: 1,
        column: 2,
      },
    ]);
  });

  it('reports invalid JSON once, where parsing stopped', () => {
    const text = publication(GOOD_VOUCHER).replace('"channel": "API",', '"channel": "API"');
    expect(seen(validateResponseText(text, 'pub.json'))).toEqual([
      { ruleId: 'invalid-json', severity: 'error', message: "the file is not valid JSON: expected ',' or a closing bracket", line: 9, column: 3 },
    ]);
    expect(seen(validateResponseText('', 'empty.json'))).toEqual([
      { ruleId: 'invalid-json', severity: 'error', message: 'the file is not valid JSON: expected a value', line: 1, column: 1 },
    ]);
    expect(seen(validateResponseText('{"code": 400, // no comments\n}', 'c.json'))).toEqual([
      { ruleId: 'invalid-json', severity: 'error', message: 'the file is not valid JSON: comments are not allowed in JSON', line: 1, column: 15 },
    ]);
  });

  it('counts columns after a byte-order mark as the file has them', () => {
    const text = `\uFEFF${withVoucherLine(1, '"code": 7')}`;
    expect(seen(validateResponseText(text, 'bom.json'))).toEqual([
      { ruleId: 'voucherify-publication', severity: 'error', message: '$.voucher.code: expected a string, found 7', line: 14, column: 5 },
    ]);
  });
});

describe('validateResponseText: error bodies', () => {
  it('accepts the error shapes, with and without key and request_id', () => {
    expect(validateResponseText('{"code": 429, "message": "Too many requests hit the API too quickly."}', 'e.json')).toEqual([]);
    expect(validateResponseText('{"code": "403", "message": "Forbidden", "key": "integration_api_key_required"}', 'e.json')).toEqual([]);
  });

  it('rejects an error without message, and a code that is not a status', () => {
    const text = '{\n  "code": "four hundred",\n  "key": "not_found"\n}';
    expect(seen(validateResponseText(text, 'e.json'))).toEqual(
      [
        { ruleId: 'voucherify-error', severity: 'error', message: '$.code: expected a number, found "four hundred"', line: 2, column: 3 },
        { ruleId: 'voucherify-error', severity: 'error', message: '$.message: missing; expected a string', line: 1, column: 1 },
      ].sort((a, b) => a.line - b.line),
    );
  });
});

describe('validateRecordingText', () => {
  const recordings = fileURLToPath(new URL('../../fixtures/welcome/recordings/', import.meta.url));
  for (const name of readdirSync(recordings).filter((f) => f.endsWith('.json'))) {
    it(`accepts fixtures/welcome/recordings/${name} without any diagnostic`, () => {
      expect(validateRecordingText(readFileSync(recordings + name, 'utf8'), name)).toEqual([]);
    });
  }

  it('accepts an error recording', () => {
    expect(validateRecordingText(recording({}), 'r.json')).toEqual([]);
  });

  it('rejects status 200 with an error body, at the body', () => {
    expect(seen(validateRecordingText(recording({ status: 200 }), 'r.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'error',
        message: '$.response.body: a Voucherify error (not_found) recorded with status 200; expected a publication',
        line: 10,
        column: 5,
      },
    ]);
  });

  it('rejects a recording without recordedAt', () => {
    expect(seen(validateRecordingText(recording({ recordedAt: false }), 'r.json'))).toEqual([
      { ruleId: 'recording-schema', severity: 'error', message: '$.recordedAt: missing; expected a string', line: 1, column: 1 },
    ]);
  });

  it('rejects a recordedAt that is not an ISO date-time', () => {
    const text = recording({}).replace('2026-11-20T10:15:02.000Z', '20 Nov 2026');
    expect(seen(validateRecordingText(text, 'r.json'))).toEqual([
      {
        ruleId: 'recording-schema',
        severity: 'error',
        message: '$.recordedAt: expected an ISO 8601 date-time with an offset, e.g. 2026-11-20T10:15:00.000Z, found "20 Nov 2026"',
        line: 16,
        column: 3,
      },
    ]);
  });

  it('rejects a non-GET method, at the method', () => {
    const diagnostics = validateRecordingText(recording({ method: 'POST' }), 'r.json');
    expect(seen(diagnostics)).toEqual([
      { ruleId: 'recording-schema', severity: 'error', message: '$.request.method: expected "GET", found "POST"', line: 3, column: 5 },
    ]);
    expect(diagnostics[0]!.hint).toBe('Iterable fetches data feeds with GET');
  });

  it('rejects unknown top-level keys (recordings are strict) but still checks the body', () => {
    const text = recording({ status: 200, extra: '"recordedBy": "ann"' });
    expect(seen(validateRecordingText(text, 'r.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'error',
        message: '$.response.body: a Voucherify error (not_found) recorded with status 200; expected a publication',
        line: 10,
        column: 5,
      },
      { ruleId: 'recording-schema', severity: 'error', message: '$.recordedBy: unknown key, not allowed here', line: 17, column: 3 },
    ]);
  });

  it('checks a 200 body as a publication, with paths into the recording', () => {
    const text = recording({
      status: 200,
      bodyLines: [
        '"id": "pub_1"',
        '"object": "publication"',
        '"created_at": "2026-11-20T10:14:59.604Z"',
        '"customer_id": "cust_1"',
        '"metadata": {}',
        '"channel": "API"',
        '"source_id": null',
        '"result": "SUCCESS"',
        '"customer": {"id": "cust_1", "object": "customer"}',
        '"voucher": {"code": "A1", "discount": {"type": "PERCENT", "percent_off": "10%"}}',
      ],
    });
    expect(seen(validateRecordingText(text, 'r.json'))).toEqual([
      {
        ruleId: 'voucherify-publication',
        severity: 'error',
        message: '$.response.body.voucher.discount.percent_off: expected a number, found "10%"',
        line: 20,
        column: 65,
      },
    ]);
  });

  it('rejects a publication recorded with an error status, and warns about a code that is not the status', () => {
    const publicationBody = ['"id": "pub_1"', '"object": "publication"', '"result": "SUCCESS"'];
    expect(seen(validateRecordingText(recording({ status: 400, bodyLines: publicationBody }), 'r.json'))).toEqual([
      {
        ruleId: 'voucherify-error',
        severity: 'error',
        message: '$.response.body: a publication recorded with status 400; Voucherify answers a publication with 200',
        line: 10,
        column: 5,
      },
    ]);
    expect(seen(validateRecordingText(recording({ status: 400 }), 'r.json'))).toEqual([
      { ruleId: 'voucherify-error', severity: 'warning', message: '$.response.body.code: 404, but the recorded status is 400', line: 11, column: 7 },
    ]);
  });

  it('warns that a non-JSON body makes Iterable skip the message', () => {
    const text = recording({ status: 502 }).replace(/"body": \{[\s\S]*?\n {4}\}/, '"bodyText": "<html>Bad Gateway</html>"');
    const diagnostics = validateRecordingText(text, 'r.json');
    expect(seen(diagnostics)).toEqual([
      {
        ruleId: 'recording-body-text',
        severity: 'warning',
        message: '$.response.bodyText: the response body is not JSON: Iterable does not send the message (send-skip DataFeedError)',
        line: 10,
        column: 5,
      },
    ]);
  });

  it('notes a bodyText that is JSON after all', () => {
    const text = recording({ status: 404 }).replace(/"body": \{[\s\S]*?\n {4}\}/, '"bodyText": "{\\"code\\": 404}"');
    expect(seen(validateRecordingText(text, 'r.json'))).toEqual([
      {
        ruleId: 'recording-body-text',
        severity: 'info',
        message: '$.response.bodyText: holds JSON text: store it as body (JSON) so that it can be checked',
        line: 10,
        column: 5,
      },
    ]);
  });

  it('warns about a Voucherify request that is not /v1/publications/create, and leaves its 200 body alone', () => {
    const text = recording({ status: 200, url: 'https://us1.api.voucherify.io/v1/vouchers/WELCOME-7QX2K9', bodyLines: ['"code": "WELCOME-7QX2K9"'] });
    const diagnostics = validateRecordingText(text, 'r.json');
    expect(seen(diagnostics)).toEqual([
      {
        ruleId: 'voucherify-endpoint',
        severity: 'warning',
        message: '$.request.url: the request goes to /v1/vouchers/WELCOME-7QX2K9, not /v1/publications/create: it does not publish a voucher',
        line: 4,
        column: 5,
      },
    ]);
  });

  it('warns about a publication request Voucherify would refuse', () => {
    const text = recording({ url: 'https://api.voucherify.io/v1/publications/create?campaign[name]=Welcome' });
    expect(seen(validateRecordingText(text, 'r.json'))).toEqual([
      {
        ruleId: 'voucherify-endpoint',
        severity: 'warning',
        message: '$.request.url: the query has no customer: Voucherify answers 400 invalid_query_params',
        line: 4,
        column: 5,
      },
    ]);
  });

  it('checks only the shape of a recording of another feed', () => {
    const text = recording({ status: 200, url: 'https://example.com/api/offers?user=ann', bodyLines: ['"offers": []'] });
    expect(validateRecordingText(text, 'r.json')).toEqual([]);
  });

  it('checks the body of a mock server on the publication path', () => {
    const text = recording({ status: 200, url: 'http://localhost:4010/v1/publications/create?customer=ann&campaign=Welcome' });
    expect(seen(validateRecordingText(text, 'r.json')).map((d) => d.message)).toEqual([
      '$.response.body: a Voucherify error (not_found) recorded with status 200; expected a publication',
    ]);
  });

  it('reports invalid JSON once', () => {
    expect(seen(validateRecordingText('{\n  "request": {\n    "method": "GET"\n  },\n}\n', 'r.json'))).toEqual([
      { ruleId: 'invalid-json', severity: 'error', message: 'the file is not valid JSON: expected a property name in double quotes', line: 5, column: 1 },
    ]);
  });

  it('reports a recording that is not an object', () => {
    expect(seen(validateRecordingText('[]', 'r.json'))).toEqual([
      { ruleId: 'recording-schema', severity: 'error', message: '$: expected an object, found an empty array', line: 1, column: 1 },
    ]);
  });
});
