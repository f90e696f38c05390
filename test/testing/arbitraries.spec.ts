/**
 * The public generators of `mergetag/testing`: what they yield is what `mergetag validate` accepts and what the
 * sample users look like, and a failing property shrinks to a body a user can read.
 */
import { describe, expect, it } from 'vitest';
import { arbitraries, fc } from '../../src/testing/index.js';
import { SYSTEM_FIELDS } from '../../src/lint/knowledge.js';
import { buildKnowledge } from '../../src/lint/knowledge.js';
import { FEED_ALIAS } from '../../src/iterable/feed-context.js';
import { toValue } from '../../src/values/json.js';
import { responseKind, voucherifyErrorSchema, VOUCHER_TYPES, DISCOUNT_TYPES } from '../../src/voucherify/publication.js';
import { validateResponseText } from '../../src/voucherify/validate.js';

type Body = Record<string, unknown> & { voucher: Record<string, unknown> & { discount?: { type: string } } };

describe('arbitraries.publication()', () => {
  it('1,000 samples all pass mergetag validate without an error', () => {
    const bodies = fc.sample(arbitraries.publication(), { numRuns: 1000, seed: 9 });
    expect(bodies).toHaveLength(1000);
    for (const body of bodies) {
      const errors = validateResponseText(JSON.stringify(body), 'publication.json').filter((d) => d.severity === 'error');
      expect(errors, JSON.stringify(body)).toEqual([]);
    }
  });

  it('yields every voucher type and discount type, with and without metadata, expiration and categories', () => {
    const bodies = fc.sample(arbitraries.publication(), { numRuns: 1000, seed: 3 }) as Body[];
    expect(new Set(bodies.map((b) => b.voucher.type))).toEqual(new Set(VOUCHER_TYPES));
    expect(new Set(bodies.flatMap((b) => (b.voucher.discount ? [b.voucher.discount.type] : [])))).toEqual(new Set(DISCOUNT_TYPES));
    for (const key of ['metadata', 'expiration_date', 'categories']) {
      expect(bodies.some((b) => key in b.voucher)).toBe(true);
      expect(bodies.some((b) => !(key in b.voucher))).toBe(true);
    }
  });

  it('shrinks to the smallest valid body: only the required keys, and the metadata the property needs', () => {
    const details = fc.check(
      fc.property(arbitraries.publication(), (body) => !('metadata' in (body as Body).voucher)),
      { seed: 42 },
    );
    expect(details.failed).toBe(true);
    const [body] = details.counterexample! as [Body];
    expect(Object.keys(body).sort()).toEqual(['customer', 'id', 'object', 'result', 'voucher']);
    expect(Object.keys(body.customer as object).sort()).toEqual(['id', 'object']);
    expect(Object.keys(body.voucher).sort()).toEqual(['code', 'discount', 'metadata', 'type']);
    expect(body.voucher.metadata).toEqual({});
    expect(validateResponseText(JSON.stringify(body), 'shrunk.json').filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("takes the voucher's metadata from recorded bodies: their keys, their values or values of their kind", () => {
    const samples = [{ voucher: { metadata: { marketing_text: 'Enjoy 10% off', tier: 2 } } }];
    const bodies = fc.sample(arbitraries.publication({ samples }), { numRuns: 200, seed: 1 }) as Body[];
    const keys = new Set(bodies.flatMap((b) => Object.keys((b.voucher.metadata as object | undefined) ?? {})));
    expect(keys).toEqual(new Set(['marketing_text', 'tier']));
    expect(bodies.some((b) => (b.voucher.metadata as { marketing_text?: string } | undefined)?.marketing_text === 'Enjoy 10% off')).toBe(true);
  });

  it('uses a metadata arbitrary the user gives', () => {
    const metadata = fc.record({ campaign_tier: fc.constant('gold') });
    for (const body of fc.sample(arbitraries.publication({ metadata }), { numRuns: 50, seed: 2 }) as Body[]) {
      if ('metadata' in body.voucher) expect(body.voucher.metadata).toEqual({ campaign_tier: 'gold' });
    }
  });
});

describe('arbitraries.publicationError()', () => {
  it("yields Voucherify's documented error bodies, with the status in code", () => {
    const errors = fc.sample(arbitraries.publicationError(), { numRuns: 300, seed: 5 });
    expect(new Set(errors.map((e) => e.status))).toEqual(new Set([400, 401, 404, 429, 500]));
    for (const { status, body } of errors) {
      expect(voucherifyErrorSchema.safeParse(body).success).toBe(true);
      expect(responseKind(body)).toBe('error');
      expect(body.code).toBe(status);
    }
  });
});

describe('arbitraries.user()', () => {
  const samples = [
    { source_id: 'ann+vip@example.com', firstName: 'Ann', vip: true, email: 'ann@example.com' },
    { source_id: 'cust_00042', vip: false },
  ];

  it('keeps a field every sample user has (never empty), and fills the system fields', () => {
    for (const user of fc.sample(arbitraries.user({ samples }), { numRuns: 300, seed: 7 })) {
      expect(typeof user.source_id === 'string' && user.source_id.length > 0).toBe(true);
      expect(typeof user.vip).toBe('boolean');
      for (const field of SYSTEM_FIELDS) expect(user[field], field).toBeTruthy();
    }
  });

  it('makes a field some sample users lack sometimes absent, null or empty', () => {
    const users = fc.sample(arbitraries.user({ samples }), { numRuns: 300, seed: 8 });
    expect(users.some((u) => !('firstName' in u))).toBe(true);
    expect(users.some((u) => u.firstName === null)).toBe(true);
    expect(users.some((u) => u.firstName === '')).toBe(true);
    expect(users.some((u) => typeof u.firstName === 'string' && u.firstName.length > 0)).toBe(true);
  });

  it('writes strings with HTML specials, apostrophes, + and spaces, and non-ASCII text', () => {
    const text = fc
      .sample(arbitraries.user({ samples }), { numRuns: 500, seed: 9 })
      .map((u) => String(u.source_id))
      .join('');
    for (const ch of ['<', '&', "'", '+', ' ', 'é']) expect(text).toContain(ch);
  });

  it('the config can say otherwise: a required field is always there, an optional one sometimes missing', () => {
    const users = fc.sample(arbitraries.user({ samples, required: ['firstName'], optional: ['source_id'] }), { numRuns: 300, seed: 10 });
    expect(users.every((u) => typeof u.firstName === 'string' && u.firstName.length > 0)).toBe(true);
    expect(users.some((u) => !('source_id' in u) || u.source_id === null || u.source_id === '')).toBe(true);
  });
});

describe('arbitraries.alias() and arbitraries.feedSet()', () => {
  it('yields aliases Iterable accepts, never a template keyword', () => {
    for (const alias of fc.sample(arbitraries.alias(), { numRuns: 500, seed: 10 })) {
      expect(alias).toMatch(FEED_ALIAS);
      expect(['this', 'true', 'else']).not.toContain(alias);
    }
  });

  it("answers each feed in the template's order: a publication feed mostly 200, sometimes a documented error", () => {
    const feeds = buildKnowledge({
      feeds: [
        { id: 'welcome', alias: 'welcome_codes', url: 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{source_id}}', samples: [] },
        { id: 'weather', url: 'https://example.com/weather', samples: [toValue({ sky: 'clear' })] },
      ],
    }).feeds!;
    const sets = fc.sample(arbitraries.feedSet(feeds), { numRuns: 300, seed: 11 });
    for (const [welcome, weather] of sets) {
      expect(welcome!.alias).toBe('welcome_codes');
      expect(weather).toEqual({ status: 200, body: { sky: 'clear' } });
      if (welcome!.status === 200) expect(responseKind(welcome!.body)).toBe('publication');
      else expect(responseKind(welcome!.body)).toBe('error');
    }
    expect(sets.some(([welcome]) => welcome!.status !== 200)).toBe(true);
    expect(fc.sample(arbitraries.feedSet(feeds, { errors: false }), { numRuns: 200, seed: 12 }).every(([w]) => w!.status === 200)).toBe(true);
  });
});
