/**
 * Voucherify publication bodies: the 200 answer of `GET /v1/publications/create` that a data feed receives
 * (src/voucherify/publication.ts publicationSchema, ../shared/reference/voucherify-publications.md). Every voucher
 * type with the object its type needs (DISCOUNT_VOUCHER with an AMOUNT, PERCENT, FIXED or UNIT discount, single or
 * multiple-unit; GIFT_VOUCHER with `gift`; LOYALTY_CARD with `loyalty_card`), and the optional fields templates
 * branch on: metadata, expiration and start dates, categories, assets.
 *
 * Optional keys are left out of `requiredKeys`, so fast-check shrinks a failing body by dropping them: the
 * counterexample a user reads is the smallest body that still fails. Required keys are those `mergetag validate`
 * needs without an error; a warning (a key Voucherify always sends is missing) is accepted, as Voucherify's own
 * schema marks them required but a template rarely needs them.
 */
import fc from 'fast-check';
import { DISCOUNT_EFFECTS } from '../../voucherify/publication.js';
import { isPlainObject } from './plain.js';
import { trickyString } from './strings.js';

export interface PublicationOptions {
  /** The voucher's metadata; default: learnt from `samples`, or small objects of strings, numbers and flags. */
  metadata?: fc.Arbitrary<Record<string, unknown>>;
  /** Recorded publication bodies (plain JSON) whose `voucher.metadata` shapes the generated metadata. */
  samples?: readonly unknown[];
}

const id = (prefix: string) => fc.stringMatching(/^[A-Za-z0-9]{1,24}$/).map((s) => `${prefix}${s}`);
const isoDate = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());
const cents = fc.integer({ min: 1, max: 100_000 });

function effect(kind: keyof typeof DISCOUNT_EFFECTS) {
  return fc.constantFrom(...DISCOUNT_EFFECTS[kind]);
}

const amount = fc.record(
  { type: fc.constant('AMOUNT' as const), amount_off: cents, effect: effect('AMOUNT'), aggregated_amount_limit: cents },
  { requiredKeys: ['type', 'amount_off'] },
);
const percent = fc.record(
  { type: fc.constant('PERCENT' as const), percent_off: fc.integer({ min: 1, max: 100 }), amount_limit: cents, effect: effect('PERCENT') },
  { requiredKeys: ['type', 'percent_off'] },
);
const fixed = fc.record({ type: fc.constant('FIXED' as const), fixed_amount: cents, effect: effect('FIXED') }, { requiredKeys: ['type', 'fixed_amount'] });
const unitRef = fc.record({ id: id('prod_'), name: trickyString({ minLength: 1 }) }, { requiredKeys: ['id'] });
const unitSingle = fc.record(
  {
    type: fc.constant('UNIT' as const),
    unit_type: id('prod_'),
    unit_off: fc.integer({ min: 1, max: 5 }),
    effect: effect('UNIT').filter((e) => e !== 'ADD_MANY_ITEMS'),
    product: unitRef,
  },
  { requiredKeys: ['type', 'unit_type'] },
);
const unitMany = fc.record({
  type: fc.constant('UNIT' as const),
  effect: fc.constant('ADD_MANY_ITEMS'),
  units: fc.array(
    fc.record({ unit_type: id('prod_'), unit_off: fc.integer({ min: 1, max: 5 }), effect: effect('UNIT_ITEM') }, { requiredKeys: ['unit_type'] }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** A discount of each documented type; AMOUNT first, so shrinking ends on the simplest. */
export const discount = fc.oneof(amount, percent, fixed, unitSingle, unitMany);

const gift = fc.record({ amount: cents, balance: cents, effect: effect('GIFT') }, { requiredKeys: ['amount', 'balance'] });
const loyaltyCard = fc.record(
  { points: fc.nat({ max: 100_000 }), balance: fc.nat({ max: 100_000 }), next_expiration_date: isoDate.map((d) => d.slice(0, 10)) },
  { requiredKeys: ['points', 'balance'] },
);

const scalar = fc.oneof(trickyString(), fc.integer({ min: -1000, max: 100_000 }), fc.boolean());

/** Metadata shaped by recorded bodies: each key seen in a sample, with a sample's value or a value of its kind. */
function metadataFromSamples(samples: readonly unknown[]): fc.Arbitrary<Record<string, unknown>> | undefined {
  const values = new Map<string, unknown[]>();
  for (const body of samples) {
    const metadata = isPlainObject(body) && isPlainObject(body.voucher) ? body.voucher.metadata : undefined;
    if (!isPlainObject(metadata)) continue;
    for (const [key, value] of Object.entries(metadata)) values.set(key, [...(values.get(key) ?? []), value]);
  }
  if (!values.size) return undefined;
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, seen] of values) {
    const ofKind =
      typeof seen[0] === 'string'
        ? trickyString()
        : typeof seen[0] === 'number'
          ? fc.integer({ min: 0, max: 100_000 })
          : typeof seen[0] === 'boolean'
            ? fc.boolean()
            : undefined;
    fields[key] = ofKind ? fc.oneof(fc.constantFrom(...seen), ofKind) : fc.constantFrom(...seen);
  }
  // Every key optional: a recording that has a key does not promise the next publication has it.
  return fc.record(fields, { requiredKeys: [] });
}

const defaultMetadata = fc.dictionary(fc.stringMatching(/^[a-z][a-z_]{0,11}$/), scalar, { maxKeys: 4 });

const category = fc.record(
  { id: id('cat_'), name: trickyString({ minLength: 1 }), hierarchy: fc.integer({ min: 0, max: 3 }), object: fc.constant('category') },
  { requiredKeys: ['id', 'name'] },
);
const asset = fc.record({ id: id('U2FsdGVk'), url: id('https://dl.voucherify.io/api/v1/assets/qr/') }, { requiredKeys: [] });

function voucher(metadata: fc.Arbitrary<Record<string, unknown>>) {
  const common = {
    code: fc.stringMatching(/^[A-Z0-9-]{1,16}$/),
    id: id('v_'),
    campaign: trickyString({ minLength: 1 }),
    campaign_id: id('camp_'),
    category: fc.option(trickyString({ minLength: 1 }), { nil: null }),
    start_date: isoDate,
    expiration_date: fc.option(isoDate, { nil: null }),
    active: fc.boolean(),
    additional_info: fc.option(trickyString(), { nil: null }),
    metadata,
    categories: fc.array(category, { maxLength: 2 }),
    assets: fc.record({ qr: asset, barcode: asset }, { requiredKeys: [] }),
    is_referral_code: fc.boolean(),
    object: fc.constant('voucher' as const),
  };
  const discountVoucher = fc.record({ type: fc.constant('DISCOUNT_VOUCHER' as const), discount, ...common }, { requiredKeys: ['code', 'type', 'discount'] });
  const giftVoucher = fc.record({ type: fc.constant('GIFT_VOUCHER' as const), gift, ...common }, { requiredKeys: ['code', 'type', 'gift'] });
  const loyaltyVoucher = fc.record(
    { type: fc.constant('LOYALTY_CARD' as const), loyalty_card: loyaltyCard, ...common },
    { requiredKeys: ['code', 'type', 'loyalty_card'] },
  );
  return fc.oneof({ weight: 4, arbitrary: discountVoucher }, { weight: 1, arbitrary: giftVoucher }, { weight: 1, arbitrary: loyaltyVoucher });
}

const customer = fc.record(
  {
    id: id('cust_'),
    object: fc.constant('customer' as const),
    source_id: trickyString({ minLength: 1 }),
    name: fc.option(trickyString(), { nil: null }),
    email: fc.option(fc.stringMatching(/^[a-z0-9.+]{1,10}@example\.com$/), { nil: null }),
    metadata: defaultMetadata,
  },
  { requiredKeys: ['id', 'object'] },
);

/** A publication 200 body; every value passes `mergetag validate` without an error. */
export function publication(options: PublicationOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const metadata = options.metadata ?? (options.samples && metadataFromSamples(options.samples)) ?? defaultMetadata;
  return fc.record(
    {
      id: id('pub_'),
      object: fc.constant('publication' as const),
      result: fc.constant('SUCCESS' as const),
      customer,
      voucher: voucher(metadata),
      created_at: isoDate,
      customer_id: id('cust_'),
      tracking_id: trickyString({ minLength: 1 }),
      metadata: defaultMetadata,
      channel: fc.constantFrom('API', 'Automation'),
      source_id: fc.option(trickyString({ minLength: 1 }), { nil: null }),
    },
    { requiredKeys: ['id', 'object', 'result', 'customer', 'voucher'] },
  ) as fc.Arbitrary<Record<string, unknown>>;
}
