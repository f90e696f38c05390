import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileNameFor } from '../../src/record/plan.js';
import { jsonPretty } from '../../src/record/json-text.js';
import { recordedResponseHeaders, redactBody, redactPathProblem, Scrubber } from '../../src/record/redact.js';
import { REDACTED } from '../../src/recordings/schema.js';
import { parseJson } from '../../src/values/json.js';
import type { Value } from '../../src/values/types.js';

function parse(text: string): Value {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

describe('redactBody', () => {
  const body =
    '{"customer":{"email":"ann@example.com","name":"Ann"},"voucher":{"code":"C1","discount":{"percent_off":12.50},"assets":{"qr":{"url":"u1"},"barcode":{"url":"u2"}}},"list":[{"token":"t1"},{"token":"t2"}],"a/b~c":{"x":1}}';

  it('replaces what the paths select, keeping key order and number spelling', () => {
    const result = redactBody(parse(body), ['$.customer.email', '$..url', '$.list[1].token', "$['a/b~c'].x"]);
    expect(result.redacted).toBe(5);
    expect(JSON.parse(jsonPretty(result.body))).toEqual({
      customer: { email: REDACTED, name: 'Ann' },
      voucher: { code: 'C1', discount: { percent_off: 12.5 }, assets: { qr: { url: REDACTED }, barcode: { url: REDACTED } } },
      list: [{ token: 't1' }, { token: REDACTED }],
      'a/b~c': { x: REDACTED },
    });
    expect(jsonPretty(result.body)).toContain('"percent_off": 12.50');
    expect(Object.keys(JSON.parse(jsonPretty(result.body)) as object)).toEqual(['customer', 'voucher', 'list', 'a/b~c']);
  });

  it('redacts a whole subtree, and paths that match nothing change nothing', () => {
    expect(JSON.parse(jsonPretty(redactBody(parse(body), ['$.voucher', '$.voucher.code', '$.nope']).body))).toMatchObject({ voucher: REDACTED });
  });

  it('keeps "__proto__" keys as data (reached by a wildcard: a __proto__ segment in a path is refused)', () => {
    const result = redactBody(parse('{"__proto__":{"secret":"s"},"k":1}'), ['$.*.secret']);
    expect(jsonPretty(result.body)).toBe('{\n  "__proto__": {\n    "secret": "[redacted]"\n  },\n  "k": 1\n}');
  });

  it('refuses script expressions (eval disabled)', () => {
    expect(redactPathProblem('$.list[?(@.token)]')).toMatch(/disabled/);
    expect(redactPathProblem('$.list[(@.length-1)]')).toMatch(/disabled/);
    expect(redactPathProblem('customer.email')).toMatch(/starts with \$/);
    expect(redactPathProblem('$..token')).toBeUndefined();
    expect(() => redactBody(parse(body), ['$.list[?(@.token)]'])).toThrow(/disabled/);
  });
});

describe('jsonPretty', () => {
  it('round-trips any JSON value, number spellings included', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const value = parse(text);
        const out = jsonPretty(value);
        expect(JSON.parse(out)).toEqual(JSON.parse(text));
        expect(jsonPretty(parse(out))).toBe(out);
      }),
    );
    expect(jsonPretty(parse('[1.0, 1e7, -0.0, 123456789012345678901234567890]'))).toBe('[\n  1.0,\n  1e7,\n  -0.0,\n  123456789012345678901234567890\n]');
  });
});

describe('Scrubber', () => {
  it('removes every occurrence of a secret, also URL- or JSON-escaped, from text and values', () => {
    const scrubber = new Scrubber(['canary/"token"+1', 'abc']);
    expect(scrubber.text('a canary/"token"+1 b canary%2F%22token%22%2B1 c canary/\\"token\\"+1')).toBe(`a ${REDACTED} b ${REDACTED} c ${REDACTED}`);
    expect(scrubber.text('abc is too short to scrub')).toBe('abc is too short to scrub');
    const value = scrubber.value(parse('{"canary/\\"token\\"+1":["x canary/\\"token\\"+1"]}'));
    expect(jsonPretty(value)).toBe('{\n  "[redacted]": [\n    "x [redacted]"\n  ]\n}');
  });

  it('leaves no secret in any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), fc.array(fc.string()), (secret, parts) => {
        const out = new Scrubber([secret]).text(parts.join(secret));
        expect(out.includes(secret)).toBe(false);
      }),
    );
  });
});

describe('recordedResponseHeaders', () => {
  it('drops cookies, credentials and transport headers', () => {
    const headers = recordedResponseHeaders(
      [
        ['Content-Type', 'application/json'],
        ['set-cookie', 'session=1'],
        ['x-api-key', 'k'],
        ['authorization', 'Bearer x'],
        ['content-length', '12'],
        ['x-request-id', 'v-1'],
        ['retry-after', '1'],
      ],
      new Scrubber([]),
    );
    expect(headers).toEqual({ 'content-type': 'application/json', 'x-request-id': 'v-1', 'retry-after': '1' });
  });
});

describe('fileNameFor', () => {
  it('keeps simple ids and encodes the rest; never a hidden file or a path', () => {
    expect(fileNameFor('ann')).toBe('ann');
    expect(fileNameFor('ann+vip@example.com')).toBe('ann+vip@example.com');
    expect(fileNameFor('../etc/passwd')).toBe('%2E.%2Fetc%2Fpasswd');
    expect(fileNameFor("Seán O'Brien")).toBe('Se%C3%A1n%20O%27Brien');
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const name = fileNameFor(a);
        expect(name).toMatch(/^[A-Za-z0-9_+@%-][A-Za-z0-9._+@%-]*$/);
        if (a !== b && a !== '' && b !== '') expect(fileNameFor(b)).not.toBe(name);
      }),
    );
  });
});
