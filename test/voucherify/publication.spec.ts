/**
 * The publication and error schemas (src/voucherify/publication.ts) against Voucherify's documented examples and
 * OpenAPI description, read from ../shared/reference/data when that folder exists (skipped otherwise: a user's
 * clone has no ../shared), against this project's own payloads for each voucher and discount type, and a
 * fast-check property: anything built to the schema is accepted and `[[pub.voucher.code]]` prints its code,
 * HTML-escaped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/iterable/template.js';
import {
  DISCOUNT_EFFECTS,
  DISCOUNT_TYPES,
  discountSchema,
  publicationSchema,
  publicationVouchersSchema,
  responseKind,
  VOUCHER_TYPES,
  voucherifyErrorSchema,
  voucherSchema,
  validateRecordingText,
  validateResponseText,
} from '../../src/voucherify/index.js';

/** Where the documented examples are: $MERGETAG_VOUCHERIFY_DATA_DIR, or ../shared next to the repository. */
const DATA = process.env.MERGETAG_VOUCHERIFY_DATA_DIR
  ? `${process.env.MERGETAG_VOUCHERIFY_DATA_DIR.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../../shared/reference/data/', import.meta.url));
const HAVE_DATA = existsSync(DATA);
const SKIP_REASON = 'skipped: ../shared/reference/data (Voucherify documented examples) is absent on this clone';

const readData = (name: string) => readFileSync(DATA + name, 'utf8');

/** Every object with a `code` in the errors file, named by its place: `GET /v1/publications/create / 400 / ...`. */
function documentedErrors(): Array<[string, Record<string, unknown>]> {
  const found: Array<[string, Record<string, unknown>]> = [];
  const walk = (value: unknown, name: string[]) => {
    if (typeof value !== 'object' || value === null) return;
    if ('code' in value) found.push([name.join(' / '), value as Record<string, unknown>]);
    else for (const [key, child] of Object.entries(value)) walk(child, [...name, key]);
  };
  walk(JSON.parse(readData('publication-errors.spec-examples.json')), []);
  return found;
}

function recordingOf(status: number, body: unknown): string {
  return JSON.stringify(
    {
      request: {
        method: 'GET',
        url: 'https://api.voucherify.io/v1/publications/create?customer[source_id]=bob&campaign[name]=Test',
        headers: { 'X-App-Id': '[redacted]', 'X-App-Token': '[redacted]' },
      },
      response: { status, headers: { 'content-type': 'application/json' }, body },
      recordedAt: '2026-11-20T10:15:00.000Z',
    },
    null,
    2,
  );
}

describe.skipIf(!HAVE_DATA)('documented Voucherify examples (../shared/reference/data)', () => {
  it('accepts the documented 200 example of GET /v1/publications/create as a publication', () => {
    const text = readData('publication-create-200.spec-example.json');
    const value = JSON.parse(text);
    expect(publicationSchema.safeParse(value).success).toBe(true);
    expect(responseKind(value)).toBe('publication');
    expect(validateResponseText(text, 'publication-create-200.spec-example.json')).toEqual([]);
    expect(validateRecordingText(recordingOf(200, value), 'recording.json')).toEqual([]);
  });

  it('finds the documented error examples', () => {
    expect(documentedErrors().length).toBeGreaterThanOrEqual(17);
  });

  for (const [name, body] of HAVE_DATA ? documentedErrors() : []) {
    it(`accepts the documented error "${name}"`, () => {
      expect(voucherifyErrorSchema.safeParse(body).success).toBe(true);
      expect(responseKind(body)).toBe('error');
      expect(validateResponseText(JSON.stringify(body, null, 2), 'error.json')).toEqual([]);
      expect(validateRecordingText(recordingOf(Number(body.code), body), 'recording.json')).toEqual([]);
    });
  }

  describe('the schemas keep the OpenAPI description of the publication endpoints', () => {
    const spec = HAVE_DATA ? JSON.parse(readData('voucherify-openapi-publications.json')) : undefined;
    const schemas = spec?.components.schemas ?? {};

    it('discount types and effects', () => {
      const types = ['DiscountAmount', 'DiscountPercent', 'DiscountFixed', 'DiscountUnit'].map((name) => schemas[name].properties.type.enum[0]);
      expect(types).toEqual([...DISCOUNT_TYPES]);
      expect(schemas.DiscountUnitMultiple.properties.type.enum).toEqual(['UNIT']);
      expect(schemas.DiscountAmountVouchersEffectTypes.enum).toEqual([...DISCOUNT_EFFECTS.AMOUNT]);
      expect(schemas.DiscountPercentVouchersEffectTypes.enum).toEqual([...DISCOUNT_EFFECTS.PERCENT]);
      expect(schemas.DiscountFixedVouchersEffectTypes.enum).toEqual([...DISCOUNT_EFFECTS.FIXED]);
      expect(schemas.DiscountUnitVouchersEffectTypes.enum).toEqual([...DISCOUNT_EFFECTS.UNIT]);
      expect(schemas.DiscountUnitMultipleOneUnit.properties.effect.enum).toEqual([...DISCOUNT_EFFECTS.UNIT_ITEM]);
      expect(schemas.Gift.properties.effect.enum).toEqual([...DISCOUNT_EFFECTS.GIFT]);
    });

    it('voucher types', () => {
      expect([...schemas.VoucherBase.properties.type.enum].sort()).toEqual([...VOUCHER_TYPES].sort());
    });

    it("each discount member's required fields are required", () => {
      const members: Record<string, Record<string, unknown>> = {
        DiscountAmount: { type: 'AMOUNT', amount_off: 300 },
        DiscountPercent: { type: 'PERCENT', percent_off: 10 },
        DiscountFixed: { type: 'FIXED', fixed_amount: 200 },
        DiscountUnit: { type: 'UNIT', unit_type: 'prod_1' },
        DiscountUnitMultiple: { type: 'UNIT', units: [] },
      };
      for (const [name, minimal] of Object.entries(members)) {
        expect(discountSchema.safeParse(minimal).success, name).toBe(true);
        for (const key of schemas[name].required as string[]) {
          const { [key]: _removed, ...without } = minimal;
          expect(discountSchema.safeParse(without).success, `${name} without ${key}`).toBe(false);
        }
      }
    });

    it('the error object requires code and message', () => {
      expect(schemas.Error.required).toEqual(['code', 'message']);
      expect(voucherifyErrorSchema.safeParse({ code: 400 }).success).toBe(false);
      expect(voucherifyErrorSchema.safeParse({ message: 'x' }).success).toBe(false);
    });
  });
});

if (!HAVE_DATA) {
  describe('documented Voucherify examples', () => {
    it.skip(SKIP_REASON, () => {});
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Own payloads, from the documented facts (reference §6 and §7)

const base = {
  id: 'pub_ocaXCa023ayJ3WL1ARxUeKgIvg3JcEGh',
  object: 'publication',
  created_at: '2026-11-20T10:14:59.604Z',
  customer_id: 'cust_BB6F97yf0XqCe7hxVUV7M4sS',
  tracking_id: 'bob@example.com',
  metadata: { year: 2026 },
  channel: 'API',
  source_id: null,
  result: 'SUCCESS',
  customer: { id: 'cust_BB6F97yf0XqCe7hxVUV7M4sS', object: 'customer', source_id: 'bob@example.com', metadata: null },
};

const voucher = (fields: Record<string, unknown>) => ({ ...base, voucher: { code: 'CODE-1', object: 'voucher', ...fields } });

describe('publication schema: voucher and discount types', () => {
  const accepted: Array<[string, Record<string, unknown>]> = [
    ['AMOUNT', { type: 'DISCOUNT_VOUCHER', discount: { type: 'AMOUNT', amount_off: 300, effect: 'APPLY_TO_ITEMS' }, gift: null, loyalty_card: null }],
    ['PERCENT with amount_limit', { type: 'DISCOUNT_VOUCHER', discount: { type: 'PERCENT', percent_off: 10, amount_limit: 600, effect: 'APPLY_TO_ORDER' } }],
    [
      'FIXED with a formula',
      { type: 'DISCOUNT_VOUCHER', discount: { type: 'FIXED', effect: 'APPLY_TO_ORDER', fixed_amount: 200, fixed_amount_formula: 'IF(...)' } },
    ],
    [
      'UNIT single',
      {
        type: 'DISCOUNT_VOUCHER',
        discount: { type: 'UNIT', effect: 'ADD_NEW_ITEMS', unit_off: 1, unit_type: 'prod_xoOl0M0AGbmkLp', product: { id: 'prod_xoOl0M0AGbmkLp', name: 'Mug' } },
      },
    ],
    [
      'UNIT multiple',
      {
        type: 'DISCOUNT_VOUCHER',
        discount: { type: 'UNIT', effect: 'ADD_MANY_ITEMS', units: [{ unit_off: 1, unit_type: 'prod_a', effect: 'ADD_NEW_ITEMS' }] },
      },
    ],
    ['GIFT_VOUCHER', { type: 'GIFT_VOUCHER', discount: null, gift: { amount: 10000, balance: 10000, effect: 'APPLY_TO_ORDER' } }],
    [
      'LOYALTY_CARD',
      {
        type: 'LOYALTY_CARD',
        discount: null,
        gift: null,
        loyalty_card: { points: 110, balance: 100, next_expiration_date: '2023-12-31', next_expiration_points: 100 },
        redemption: { quantity: null, redeemed_quantity: 0, redeemed_points: 10, object: 'list', url: '/v1/vouchers/CODE-1/redemptions?page=1&limit=10' },
      },
    ],
    ['no discount at all', {}],
    [
      'validity fields',
      {
        validity_timeframe: { interval: 'P2D', duration: 'PT1H' },
        validity_day_of_week: [0, 6],
        validity_hours: { daily: [{ start_time: '12:00', expiration_time: '14:00', days_of_week: [1, 2] }] },
      },
    ],
  ];
  for (const [name, fields] of accepted) {
    it(`accepts ${name}`, () => {
      const body = voucher(fields);
      expect(publicationSchema.safeParse(body).error?.issues).toBeUndefined();
      expect(validateResponseText(JSON.stringify(body), 'p.json')).toEqual([]);
    });
  }

  it('keeps unknown keys (loose objects)', () => {
    const parsed = publicationSchema.parse({ ...voucher({ discount: { type: 'AMOUNT', amount_off: 1, units: null, extra: 1 }, brand_new: true }), later: 'x' });
    expect(parsed).toMatchObject({ later: 'x', voucher: { brand_new: true, discount: { units: null, extra: 1 } } });
  });

  it('reads the 2020 documented shape: no vouchers_id, null customer metadata and source_id, no category_id', () => {
    const body = voucher({
      category: null,
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'UNIT', effect: 'ADD_NEW_ITEMS', unit_off: 1, unit_type: 'prod_xoOl0M0AGbmkLp' },
      start_date: '2020-04-01T00:00:00Z',
      expiration_date: '2020-12-31T23:59:59Z',
    });
    expect(body).not.toHaveProperty('vouchers_id');
    expect(body.customer.metadata).toBeNull();
    expect(validateResponseText(JSON.stringify(body, null, 2), 'p.json')).toEqual([]);
  });

  const rejected: Array<[string, unknown]> = [
    ['a voucher without code', voucher({ code: undefined })],
    ['a number code', voucher({ code: 12345 })],
    ['an empty code', voucher({ code: '' })],
    ['a discount of unknown type', voucher({ discount: { type: 'BOGO' } })],
    ['percent_off as a string', voucher({ discount: { type: 'PERCENT', percent_off: '10%' } })],
    ['a voucher type outside the enum', voucher({ type: 'LUCKY_DRAW' })],
    ['a gift without balance', voucher({ gift: { amount: 100 } })],
    ['object: "voucher" on the publication', { ...voucher({}), object: 'voucher' }],
    ['metadata that is an array', { ...voucher({}), metadata: [] }],
    ['no voucher (the multiple-voucher POST form)', { ...base, vouchers: ['Q1K4XT5S'] }],
  ];
  for (const [name, body] of rejected) {
    it(`rejects ${name}`, () => {
      expect(publicationSchema.safeParse(JSON.parse(JSON.stringify(body))).success).toBe(false);
    });
  }

  it('has the multiple-voucher form as a schema of its own', () => {
    expect(publicationVouchersSchema.safeParse({ ...base, vouchers: ['Q1K4XT5S'] }).success).toBe(true);
  });

  it('reads a code typed as a string of digits as its number', () => {
    expect(voucherifyErrorSchema.parse({ code: '429', message: 'Too many requests hit the API too quickly.' }).code).toBe(429);
  });

  it('tells responses apart by shape', () => {
    expect(responseKind({ object: 'publication' })).toBe('publication');
    expect(responseKind({ code: 429, message: 'x' })).toBe('error');
    expect(responseKind({ code: 400, key: 'k' })).toBe('error');
    expect(responseKind({ code: 'WELCOME', object: 'voucher' })).toBe('other');
    expect(responseKind([])).toBe('other');
    expect(responseKind(null)).toBe('other');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: built to the schema → accepted, and `[[pub.voucher.code]]` prints the code HTML-escaped

const SEED = process.env.MERGETAG_PROPERTY_SEED === 'random' ? undefined : Number(process.env.MERGETAG_PROPERTY_SEED ?? 20250611);
const options = { numRuns: 200, ...(SEED === undefined ? {} : { seed: SEED }) };

/** DESIGN.md rule 3, written out here independently of src/values/escape.ts. */
function escapeExpected(text: string): string {
  const table: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };
  let out = '';
  for (const ch of text) out += table[ch] ?? ch;
  return out;
}

const KNOWN = new Set([
  ...Object.keys(publicationSchema.shape),
  ...Object.keys(voucherSchema.shape),
  'type',
  'amount_off',
  'percent_off',
  'fixed_amount',
  'unit_off',
  'unit_type',
  'units',
  'effect',
  'amount',
  'balance',
  'points',
]);

/** Unknown keys with any JSON value: Voucherify may add properties at any level. */
const extraKeys = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !KNOWN.has(key) && key !== '__proto__'),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);

const codeChars = fc.constantFrom(
  'A',
  'z',
  '7',
  '-',
  '_',
  '&',
  '<',
  '>',
  '"',
  "'",
  '`',
  '=',
  '/',
  ' ',
  'é',
  'ß',
  '€',
  '😀',
  '[',
  ']',
  '{',
  '}',
  '\\',
  '%',
  '#',
  '&amp;',
);
const code = fc.oneof(
  fc.array(codeChars, { minLength: 1, maxLength: 16 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
  fc.stringMatching(/^[A-Z0-9]{4,8}-[A-Z0-9]{4,8}$/),
);

const nullableText = fc.option(fc.string({ maxLength: 12 }), { nil: null });
const amount = fc.oneof(fc.nat({ max: 1_000_000 }), fc.double({ min: 0, max: 100_000, noNaN: true, noDefaultInfinity: true }));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const effectOf = (values: readonly string[]) => fc.option(pick(values), { nil: null });

function withExtras<T extends fc.Arbitrary<Record<string, unknown>>>(arb: T) {
  return fc.tuple(arb, extraKeys).map(([object, extra]) => ({ ...extra, ...object }));
}

/** Drops the keys an optional arbitrary left undefined, so they are absent rather than `undefined`. */
const compact = (object: Record<string, unknown>) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

const unitRef = fc.record({ id: fc.string({ maxLength: 8 }), name: fc.string({ maxLength: 8 }), source_id: maybe(nullableText) }).map(compact);

const discount = fc.oneof(
  fc
    .record({
      type: fc.constant('AMOUNT'),
      amount_off: amount,
      effect: maybe(effectOf(DISCOUNT_EFFECTS.AMOUNT)),
      aggregated_amount_limit: maybe(fc.option(fc.nat(), { nil: null })),
      units: maybe(fc.constant(null)),
    })
    .map(compact),
  fc
    .record({
      type: fc.constant('PERCENT'),
      percent_off: fc.double({ min: 0, max: 100, noNaN: true }),
      amount_limit: maybe(fc.option(amount, { nil: null })),
      effect: maybe(effectOf(DISCOUNT_EFFECTS.PERCENT)),
      percent_off_formula: maybe(nullableText),
    })
    .map(compact),
  fc
    .record({ type: fc.constant('FIXED'), fixed_amount: amount, effect: maybe(effectOf(DISCOUNT_EFFECTS.FIXED)), is_dynamic: maybe(fc.boolean()) })
    .map(compact),
  fc
    .record({
      type: fc.constant('UNIT'),
      unit_type: fc.string({ maxLength: 20 }),
      unit_off: maybe(fc.nat({ max: 10 })),
      effect: maybe(effectOf(DISCOUNT_EFFECTS.UNIT)),
      product: maybe(fc.option(unitRef, { nil: null })),
    })
    .map(compact),
  fc
    .record({
      type: fc.constant('UNIT'),
      effect: fc.constant('ADD_MANY_ITEMS'),
      units: fc.array(
        fc
          .record({
            unit_type: fc.string({ maxLength: 10 }),
            unit_off: maybe(fc.nat({ max: 5 })),
            effect: maybe(pick(DISCOUNT_EFFECTS.UNIT_ITEM)),
            sku: maybe(unitRef),
          })
          .map(compact),
        { maxLength: 3 },
      ),
    })
    .map(compact),
);

/** The voucher type with the matching payload: a discount, a gift card or a loyalty card (the others null or absent). */
const typed = fc.oneof(
  withExtras(discount).map((d) => ({ type: 'DISCOUNT_VOUCHER', discount: d, gift: null, loyalty_card: null })),
  fc
    .record({ amount, balance: amount, effect: maybe(pick(DISCOUNT_EFFECTS.GIFT)), subtracted_amount: maybe(fc.nat()) })
    .map((gift) => ({ type: 'GIFT_VOUCHER', discount: null, gift: compact(gift), loyalty_card: null })),
  fc
    .record({ points: fc.nat(), balance: fc.nat(), next_expiration_date: maybe(nullableText) })
    .map((card) => ({ type: 'LOYALTY_CARD', discount: null, gift: null, loyalty_card: compact(card) })),
  fc.constant({}),
);

const asset = fc.record({ id: fc.string({ maxLength: 12 }), url: fc.webUrl() });

const voucherArb = withExtras(
  fc
    .record({
      code,
      id: maybe(fc.string({ maxLength: 12 })),
      campaign: maybe(nullableText),
      campaign_id: maybe(nullableText),
      category: maybe(nullableText),
      category_id: maybe(nullableText),
      start_date: maybe(
        fc.option(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          { nil: null },
        ),
      ),
      expiration_date: maybe(nullableText),
      validity_timeframe: maybe(fc.option(fc.record({ interval: fc.constant('P2D'), duration: fc.constant('PT1H') }), { nil: null })),
      validity_day_of_week: maybe(fc.option(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }), { nil: null })),
      active: maybe(fc.option(fc.boolean(), { nil: null })),
      additional_info: maybe(nullableText),
      metadata: maybe(
        fc.option(
          fc.dictionary(
            fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__'),
            fc.jsonValue({ maxDepth: 1 }),
            { maxKeys: 3 },
          ),
          { nil: null },
        ),
      ),
      assets: maybe(fc.record({ qr: asset, barcode: asset })),
      is_referral_code: maybe(fc.option(fc.boolean(), { nil: null })),
      holder_id: maybe(nullableText),
      redemption: maybe(
        fc.record({ quantity: fc.option(fc.nat(), { nil: null }), redeemed_quantity: fc.nat(), object: fc.constant('list'), url: fc.string() }),
      ),
      publish: maybe(fc.record({ object: fc.constant('list'), count: fc.nat(), url: fc.string() })),
      object: maybe(fc.constant('voucher')),
    })
    .chain((fields) => typed.map((payload) => ({ ...compact(fields), ...payload }))),
);

const publicationArb = withExtras(
  fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 40 }),
      object: fc.constant('publication'),
      created_at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      customer_id: fc.string({ maxLength: 30 }),
      tracking_id: maybe(nullableText),
      metadata: fc.option(
        fc.dictionary(
          fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__'),
          fc.jsonValue({ maxDepth: 1 }),
          { maxKeys: 3 },
        ),
        { nil: null },
      ),
      channel: fc.option(fc.constantFrom('API', 'myown', 'Automation', 'voucherify-website'), { nil: null }),
      source_id: nullableText,
      result: fc.constant('SUCCESS'),
      customer: withExtras(
        fc
          .record({
            id: fc.string({ maxLength: 30 }),
            object: fc.constant('customer'),
            name: maybe(nullableText),
            email: maybe(nullableText),
            metadata: maybe(fc.constant(null)),
          })
          .map(compact),
      ),
      vouchers_id: maybe(fc.array(fc.string({ maxLength: 34 }), { maxLength: 1 })),
      voucher: voucherArb,
    })
    .map(compact),
);

describe('property: publications built to the schema', () => {
  it('are accepted without an error, and [[pub.voucher.code]] prints the code HTML-escaped', () => {
    const template = compile('[[pub.voucher.code]]');
    fc.assert(
      fc.property(publicationArb, (publication) => {
        const text = JSON.stringify(publication, null, 2);
        const parsed = publicationSchema.safeParse(JSON.parse(text));
        expect(parsed.error?.issues).toBeUndefined();
        expect(validateResponseText(text, 'generated.json').filter((d) => d.severity === 'error')).toEqual([]);
        const result = template.render({ feeds: [{ alias: 'pub', body: text }] });
        expect(result.skip).toBeUndefined();
        expect(result.output).toBe(escapeExpected((publication.voucher as { code: string }).code));
      }),
      options,
    );
  });

  it('stay accepted with the key order reversed and no whitespace', () => {
    const reverse = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverse)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverse(v)]),
            )
          : value;
    fc.assert(
      fc.property(publicationArb, (publication) => {
        expect(validateResponseText(JSON.stringify(reverse(publication)), 'generated.json').filter((d) => d.severity === 'error')).toEqual([]);
      }),
      { ...options, numRuns: 50 },
    );
  });
});
