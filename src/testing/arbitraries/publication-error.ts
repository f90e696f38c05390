/**
 * Voucherify's documented error answers to `GET /v1/publications/create` (src/voucherify/publication.ts
 * voucherifyErrorSchema; ../shared/reference/voucherify-publications.md, "Errors"): the status and the body
 * `{code, key, message, details, request_id, ...}`. Iterable sends only on 200, so each one must skip the message
 * with `DataFeedError`.
 */
import fc from 'fast-check';

/** [status, key, message, details] of each documented error of the endpoint. */
const DOCUMENTED: ReadonlyArray<readonly [number, string | undefined, string, string]> = [
  [
    400,
    'no_voucher_suitable_for_publication',
    "Couldn't find any voucher suitable for publication.",
    'Use auto-update campaigns if you want Voucherify to generate vouchers automatically.',
  ],
  [400, 'duplicate_source_id', 'Duplicate source_id', "Publication with source_id: 'welcome' already exists"],
  [400, 'voucher_cannot_be_published', 'Voucher cannot be published', 'Customer already joined program.'],
  [400, 'invalid_query_params', 'Invalid query params', "Query should have required property 'customer'"],
  [400, 'missing_vouchers', 'Missing vouchers', 'Either Campaign or Voucher is required'],
  [
    400,
    'metadata_validation_failed',
    'Metadata validation failed',
    "ImageURL: must be a URL pointing to JPG/JPEG or PNG resource (actual value is 'http.com')",
  ],
  [401, 'unauthorized', 'Unauthorized', 'No such app.'],
  [404, 'not_found', 'Resource not found', 'Cannot find campaign with id Welcome Codes'],
  [429, undefined, 'API limit reached', 'Too many requests'],
  [500, 'internal_error', 'Internal server error', 'Something went wrong'],
];

export function publicationError(_options: object = {}): fc.Arbitrary<{ status: number; body: Record<string, unknown> }> {
  return fc
    .record({
      error: fc.constantFrom(...DOCUMENTED),
      requestId: fc.option(fc.stringMatching(/^[0-9a-f]{18}$/), { nil: undefined }),
    })
    .map(({ error: [status, key, message, details], requestId }) => {
      const body: Record<string, unknown> = { code: status };
      if (key !== undefined) body.key = key;
      body.message = message;
      body.details = details;
      if (requestId !== undefined) body.request_id = `v-${requestId}`;
      return { status, body };
    });
}
