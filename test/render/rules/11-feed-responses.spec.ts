/**
 * DESIGN.md rule 11: feed responses. A status other than 200, a body that is not JSON, or a top-level JSON array →
 * the message is skipped with `DataFeedError` (D; array: I). Never sent with blanks.
 */
import { describe, expect, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

describe('rule 11: HTTP status', () => {
  for (const status of [201, 204, 301, 400, 404, 429, 500, 503]) {
    it(`HTTP ${status} skips the message with DataFeedError`, () => {
      expectTemplate('Hi [[vf.voucher.code]]')
        .withFeed('vf', '{"voucher": {"code": "C"}}', status)
        .toSkip('DataFeedError', new RegExp(`HTTP ${status}`));
    });
  }

  it('an explicit 200 renders', () => {
    expectTemplate('Hi [[vf.voucher.code]]').withFeed('vf', '{"voucher": {"code": "C"}}', 200).toRender('Hi C');
  });

  it('a Voucherify error body with 400 skips, even though it is JSON', () => {
    const error = '{"code": 400, "key": "quantity_exceeded", "message": "Quantity exceeded"}';
    expectTemplate('[[vf.message]]')
      .withFeed('vf', error, 400)
      .toSkip('DataFeedError', /vf.*HTTP 400/);
  });

  it('an unaliased feed with a bad status skips too', () => {
    expectTemplate('[[code]]')
      .withUnaliasedFeed('{"code": "C"}', 500)
      .toSkip('DataFeedError', /HTTP 500/);
  });

  it('a bad feed skips the message even when the template uses no feed field', () => {
    expectTemplate('Hello {{name}}').withUser({ name: 'Ann' }).withFeed('vf', '{}', 500).toSkip('DataFeedError');
  });

  it('one bad feed among good ones skips the message', () => {
    expectTemplate('[[a.x]][[b.x]]')
      .withFeed('a', '{"x": 1}')
      .withFeed('b', '{"x": 2}', 404)
      .toSkip('DataFeedError', /'b'.*HTTP 404/);
  });

  it('a skipped message has no output and carries the reason', () => {
    const result = expectTemplate('Hi').withFeed('vf', '{}', 502).toSkip('DataFeedError');
    expect(result.skip).toEqual({ reason: 'DataFeedError', message: expect.stringContaining('502') });
  });
});

describe('rule 11: bodies that are not JSON', () => {
  const bodies: Array<[what: string, body: string]> = [
    ['an HTML error page', '<html><body>Bad Gateway</body></html>'],
    ['plain text', 'OK'],
    ['an empty body', ''],
    ['truncated JSON', '{"voucher": {"code": "C"'],
    ['JSON with a trailing comma', '{"a": 1,}'],
    ['JSON with a comment', '{"a": 1 /* c */}'],
    ['single-quoted keys', "{'a': 1}"],
  ];
  for (const [what, body] of bodies) {
    it(`${what} skips with DataFeedError`, () => {
      expectTemplate('[[vf.a]]')
        .withFeed('vf', body)
        .toSkip('DataFeedError', /vf.*JSON/);
    });
  }

  it('an unaliased non-JSON body skips too', () => {
    expectTemplate('[[a]]').withUnaliasedFeed('not json').toSkip('DataFeedError', /JSON/);
  });
});

describe('rule 11: a top-level JSON array', () => {
  it('an array body skips with DataFeedError (aliased)', () => {
    expectTemplate('[[vf.0.code]]').withFeed('vf', '[{"code": "C"}]').toSkip('DataFeedError', /array/);
  });

  it('an array body skips with DataFeedError (unaliased)', () => {
    expectTemplate('[[[0].code]]').withUnaliasedFeed('[{"code": "C"}]').toSkip('DataFeedError', /array/);
  });

  it('an empty array body skips', () => {
    expectTemplate('x').withUnaliasedFeed('[]').toSkip('DataFeedError', /array/);
  });

  it('an array nested in an object is fine', () => {
    expectTemplate('[[vf.items.0.code]]').withFeed('vf', '{"items": [{"code": "C"}]}').toRender('C');
  });

  it('an empty object body is fine', () => {
    expectTemplate('<[[vf.x]]>').withFeed('vf', '{}').toRender('<>');
  });

  it('a body with a byte-order mark is still JSON', () => {
    expectTemplate('[[vf.x]]').withFeed('vf', '\ufeff{"x": 5.0}').toRender('5.0');
  });
});

describe('rule 11: feed errors come after template errors', () => {
  it('a template error is reported as HandlebarsExecutionError even with a bad feed', () => {
    expectTemplate('{{#if x}}').withFeed('vf', '{}', 500).toSkip('HandlebarsExecutionError');
  });
});
