/**
 * Voucherify's answers to `GET /v1/publications/create` (the request an Iterable data feed makes): the publication
 * (HTTP 200) and the error object (4xx/5xx). Facts from the Voucherify OpenAPI description of the publication
 * endpoints (`documentation/openapi/publications.json`) and its examples; see docs in ../shared/reference.
 *
 * Lenient, as Voucherify tells its clients to be ("Your integration should ignore unknown fields"; backward-compatible
 * changes may add properties, reorder them or change ID lengths and formats):
 *   - every object is a loose object: unknown keys pass and are kept;
 *   - ID prefixes and lengths, date formats and free strings (channel, effect) are not pinned;
 *   - a key the spec marks required but a template does not need is optional here (validate.ts warns when one is
 *     missing), and everything Voucherify has been seen or declared to send as `null` may be `null`.
 * Strict only where a feed template depends on it: `object` literals, `result`, `voucher.code` (a non-empty string:
 * templates print `[[alias.voucher.code]]`), `voucher.type`, and the discount as a union on `discount.type` with each
 * member's value field (`amount_off`, `percent_off`, `fixed_amount`, `unit_type`) typed and required. Any value
 * that is present must have the documented JSON type.
 */
import { z } from 'zod';

const text = z.string().nullish();
const number = z.number().nullish();
const integer = z.number().int().nullish();
const flag = z.boolean().nullish();
/** A free JSON object (`metadata`, `address`, ...): any keys, any values, but an object. */
const record = z.record(z.string(), z.unknown());
const dayOfWeek = z.number().int().min(0).max(6);

/** Documented `effect` values per discount type. Not enforced by the schemas (new values may come); validate.ts warns. */
export const DISCOUNT_EFFECTS = {
  AMOUNT: ['APPLY_TO_ORDER', 'APPLY_TO_ITEMS', 'APPLY_TO_ITEMS_PROPORTIONALLY', 'APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY', 'APPLY_TO_ITEMS_BY_QUANTITY'],
  PERCENT: ['APPLY_TO_ORDER', 'APPLY_TO_ITEMS'],
  FIXED: ['APPLY_TO_ORDER', 'APPLY_TO_ITEMS'],
  UNIT: ['ADD_MISSING_ITEMS', 'ADD_NEW_ITEMS', 'ADD_MANY_ITEMS', 'ADD_SAME_ITEMS'],
  /** One entry of a multiple-unit discount's `units`. */
  UNIT_ITEM: ['ADD_NEW_ITEMS', 'ADD_MISSING_ITEMS'],
  GIFT: ['APPLY_TO_ORDER', 'APPLY_TO_ITEMS'],
} as const;

export const DISCOUNT_TYPES = ['AMOUNT', 'PERCENT', 'FIXED', 'UNIT'] as const;
export const VOUCHER_TYPES = ['DISCOUNT_VOUCHER', 'GIFT_VOUCHER', 'LOYALTY_CARD'] as const;

/** Formula-driven discounts (`*_formula`, `is_dynamic`) are common to every discount type. */
const dynamic = { is_dynamic: flag };

export const amountDiscountSchema = z.looseObject({
  type: z.literal('AMOUNT'),
  /** ×100: 300 = 3.00 off. */
  amount_off: z.number(),
  amount_off_formula: text,
  aggregated_amount_limit: number,
  effect: text,
  ...dynamic,
});

export const percentDiscountSchema = z.looseObject({
  type: z.literal('PERCENT'),
  percent_off: z.number(),
  percent_off_formula: text,
  /** ×100: 600 = at most 6.00 off. */
  amount_limit: number,
  aggregated_amount_limit: number,
  effect: text,
  ...dynamic,
});

export const fixedDiscountSchema = z.looseObject({
  type: z.literal('FIXED'),
  /** ×100: the price or order total becomes this amount. */
  fixed_amount: z.number(),
  fixed_amount_formula: text,
  effect: text,
  ...dynamic,
});

/** `discount.product` / `discount.sku` of a unit discount. */
export const discountUnitItemRefSchema = z.looseObject({ id: text, source_id: text, name: text });

/** One entry of a multiple-unit discount (`effect: "ADD_MANY_ITEMS"`, `units: [...]`). */
export const discountUnitEntrySchema = z.looseObject({
  unit_off: number,
  unit_off_formula: text,
  unit_type: z.string(),
  effect: text,
  product: discountUnitItemRefSchema.nullish(),
  sku: discountUnitItemRefSchema.nullish(),
});

/**
 * `UNIT`, in both documented forms under the one discriminator value: single (`unit_type` required, `unit_off`,
 * `effect`) and multiple (`effect: "ADD_MANY_ITEMS"`, `units: [{unit_off, unit_type, effect}]`). A discount with a
 * `units` array is the multiple form; any other needs `unit_type`.
 */
export const unitDiscountSchema = z
  .looseObject({
    type: z.literal('UNIT'),
    unit_off: number,
    unit_off_formula: text,
    unit_type: text,
    effect: text,
    product: discountUnitItemRefSchema.nullish(),
    sku: discountUnitItemRefSchema.nullish(),
    units: z.array(discountUnitEntrySchema).nullish(),
    ...dynamic,
  })
  .superRefine((discount, ctx) => {
    if (!Array.isArray(discount.units) && typeof discount.unit_type !== 'string') {
      ctx.addIssue({
        code: 'custom',
        path: ['unit_type'],
        message: 'a UNIT discount needs unit_type (the free product or SKU), or units for the multiple-unit form',
        params: { missing: true, expected: 'a string' },
      });
    }
  });

/** `voucher.discount`: a union on `type`. An unknown type is an error: templates branch on it. */
export const discountSchema = z.discriminatedUnion('type', [amountDiscountSchema, percentDiscountSchema, fixedDiscountSchema, unitDiscountSchema]);

/** `voucher.gift` of a `GIFT_VOUCHER` (null otherwise). Amounts ×100. */
export const giftSchema = z.looseObject({
  amount: z.number(),
  balance: z.number(),
  subtracted_amount: number,
  effect: text,
});

/** `voucher.loyalty_card` of a `LOYALTY_CARD` (null otherwise). */
export const loyaltyCardSchema = z.looseObject({
  points: z.number(),
  balance: z.number(),
  next_expiration_date: text,
  next_expiration_points: number,
  pending_points: number,
  expired_points: number,
  subtracted_points: number,
});

/** `voucher.assets.qr` / `.barcode`: an encrypted code id and the image URL. */
export const voucherAssetSchema = z.looseObject({ id: text, url: text });

export const voucherSchema = z.looseObject({
  id: text,
  /** What a feed template prints: `[[alias.voucher.code]]`. */
  code: z.string().min(1),
  campaign: text,
  campaign_id: text,
  category: text,
  category_id: text,
  type: z.enum(VOUCHER_TYPES).optional(),
  discount: discountSchema.nullish(),
  gift: giftSchema.nullish(),
  loyalty_card: loyaltyCardSchema.nullish(),
  start_date: text,
  expiration_date: text,
  validity_timeframe: z.looseObject({ interval: text, duration: text }).nullish(),
  validity_day_of_week: z.array(dayOfWeek).nullish(),
  validity_hours: z
    .looseObject({
      daily: z.array(z.looseObject({ start_time: text, expiration_time: text, days_of_week: z.array(dayOfWeek).nullish() })).nullish(),
    })
    .nullish(),
  active: flag,
  additional_info: text,
  metadata: record.nullish(),
  assets: z.looseObject({ qr: voucherAssetSchema.nullish(), barcode: voucherAssetSchema.nullish() }).nullish(),
  is_referral_code: flag,
  created_at: text,
  updated_at: text,
  holder_id: text,
  referrer_id: text,
  redemption: z
    .looseObject({
      /** null = unlimited. */
      quantity: integer,
      redeemed_quantity: integer,
      redeemed_points: integer,
      redeemed_amount: number,
      object: z.literal('list').optional(),
      url: text,
    })
    .nullish(),
  publish: z.looseObject({ object: z.literal('list').optional(), count: integer, url: text }).nullish(),
  object: z.literal('voucher').optional(),
  categories: z.array(record).nullish(),
  validation_rules_assignments: record.nullish(),
});

/** `customer` of a publication: the spec example has only id, name, email, source_id, metadata and object. */
export const publicationCustomerSchema = z.looseObject({
  id: z.string(),
  object: z.literal('customer'),
  source_id: text,
  name: text,
  email: text,
  phone: text,
  description: text,
  birthday: text,
  birthdate: text,
  metadata: record.nullish(),
  address: record.nullish(),
  summary: record.nullish(),
  loyalty: record.nullish(),
  referrals: record.nullish(),
  system_metadata: record.nullish(),
  assets: record.nullish(),
  created_at: text,
  updated_at: text,
});

/** What every publication response has, single- or multiple-voucher. */
const publicationBase = {
  id: z.string().min(1),
  object: z.literal('publication'),
  created_at: text,
  customer_id: text,
  /** The customer's `source_id`. */
  tracking_id: text,
  metadata: record.nullish(),
  /** Free: `API`, `myown`, `Automation`, `voucherify-website`, ... although the spec lists only `API`. */
  channel: text,
  source_id: text,
  result: z.literal('SUCCESS'),
  customer: publicationCustomerSchema,
  /** Required by the 2026 spec, absent from a documented 2020 response: optional. */
  vouchers_id: z.array(z.string()).nullish(),
};

/**
 * The 200 body of `GET /v1/publications/create` (and of `POST /v1/publications` for one voucher): the publication
 * with the published `voucher` object. This is the form every data feed receives.
 */
export const publicationSchema = z.looseObject({ ...publicationBase, voucher: voucherSchema });

/**
 * The other 200 form, from `POST /v1/publications` with `campaign.count` > 1 only: `vouchers` holds codes, and
 * there is no `voucher` object. GET never answers it (it publishes one voucher at most). No documented example.
 */
export const publicationVouchersSchema = z.looseObject({ ...publicationBase, vouchers: z.array(z.string()) });

/** The error object of every Voucherify endpoint (`required: [code, message]`). */
export const voucherifyErrorSchema = z.looseObject({
  /** The HTTP status. One Voucherify spec types it as a string, so a string of digits is read as its number. */
  code: z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.number().int()),
  /** `duplicate_source_id`, `not_found`, ...; absent on 429. */
  key: text,
  message: z.string(),
  details: text,
  /** `v-` and 18 hex digits; absent on some errors (403 integration keys, 429, `missing_vouchers`). */
  request_id: text,
  resource_id: text,
  resource_type: text,
  /** The message configured in a validation rule. */
  error: z.looseObject({ message: text }).nullish(),
  related_object_ids: z.array(z.string()).nullish(),
  related_object_type: text,
  related_object_total: number,
});

export type Discount = z.infer<typeof discountSchema>;
export type Voucher = z.infer<typeof voucherSchema>;
export type PublicationCustomer = z.infer<typeof publicationCustomerSchema>;
export type Publication = z.infer<typeof publicationSchema>;
export type PublicationVouchers = z.infer<typeof publicationVouchersSchema>;
export type VoucherifyError = z.infer<typeof voucherifyErrorSchema>;

/** Which Voucherify answer a JSON value looks like, by shape: `object: "publication"`, or an error's `code`. */
export type ResponseKind = 'publication' | 'error' | 'other';

export function responseKind(value: unknown): ResponseKind {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'other';
  const object = value as Record<string, unknown>;
  if (object.object === 'publication') return 'publication';
  // The 429 body has no key: `{code, message}` is an error too.
  if (Object.hasOwn(object, 'code') && !Object.hasOwn(object, 'object') && (Object.hasOwn(object, 'key') || Object.hasOwn(object, 'message'))) {
    return 'error';
  }
  return 'other';
}
