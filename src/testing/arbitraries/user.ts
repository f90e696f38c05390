/**
 * User profiles shaped like a project's sample users: a field every sample has is always there (strings never
 * empty, so a feed URL built from it stays whole); a field only some samples have is sometimes absent, null or
 * empty, as real profiles are. Strings carry HTML specials, apostrophes, `+`, spaces and non-ASCII text.
 *
 * Iterable's system fields (src/lint/knowledge.ts SYSTEM_FIELDS: `unsubscribeUrl`, `viewInBrowserUrl`, ids,
 * `email`) are filled by Iterable at send time, so every profile has them here too, with placeholder values, as in
 * lint and preview.
 */
import fc from 'fast-check';
import { SYSTEM_FIELDS } from '../../lint/knowledge.js';
import { isPlainObject } from './plain.js';
import { trickyString } from './strings.js';

export interface UserOptions {
  /** Sample profiles (plain JSON) whose fields shape the generated ones; default: none (system fields only). */
  samples?: readonly Record<string, unknown>[];
  /** Fields every generated profile has, although some samples lack them (the project knows better). */
  required?: readonly string[];
  /** Fields a generated profile may lack (absent, null or empty), although every sample has them. */
  optional?: readonly string[];
}

/** What Iterable puts in the system fields; the address is generated, as every user has their own. */
export const SYSTEM_PLACEHOLDERS: Readonly<Record<string, unknown>> = {
  unsubscribeUrl: 'https://links.iterable.com/e/unsubscribe?placeholder=1',
  hostedUnsubscribeUrl: 'https://links.iterable.com/e/hosted-unsubscribe?placeholder=1',
  unsubscribeMessageTypeUrl: 'https://links.iterable.com/e/unsubscribe-message-type?placeholder=1',
  viewInBrowserUrl: 'https://links.iterable.com/e/view-in-browser?placeholder=1',
  campaignId: 1000001,
  templateId: 2000002,
  messageId: 'placeholder-message-id',
  userId: 'placeholder-user-id',
};

const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.option(fc.stringMatching(/^[a-z0-9]{1,6}$/), { nil: undefined }))
  .map(([local, tag]) => `${local}${tag === undefined ? '' : `+${tag}`}@example.com`);

/** A value like the samples' values of one field: one of them, or a new one of the same kind. */
function like(seen: readonly unknown[], required: boolean): fc.Arbitrary<unknown> {
  const kinds = new Set(seen.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)));
  const options: fc.Arbitrary<unknown>[] = [fc.constantFrom(...seen)];
  if (kinds.has('string')) options.push(trickyString({ minLength: required ? 1 : 0 }));
  if (kinds.has('number')) options.push(fc.integer({ min: -1000, max: 1_000_000 }));
  if (kinds.has('boolean')) options.push(fc.boolean());
  return fc.oneof(...options);
}

export function user(options: UserOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const samples = (options.samples ?? []).filter(isPlainObject);
  const seen = new Map<string, unknown[]>();
  for (const sample of samples) for (const [key, value] of Object.entries(sample)) seen.set(key, [...(seen.get(key) ?? []), value]);
  const fields: Record<string, fc.Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [key, values] of seen) {
    if (SYSTEM_FIELDS.has(key)) continue;
    const inEvery = values.length === samples.length && values.every((v) => v !== null && v !== '');
    const present = values.filter((v) => v !== null && v !== '');
    // The config may say otherwise than the samples: a field always there, or one that may be missing.
    const alwaysThere = options.required?.includes(key) ? present.length > 0 : inEvery && !options.optional?.includes(key);
    if (alwaysThere) {
      fields[key] = like(present, true);
      requiredKeys.push(key);
    } else {
      // Absent (left out by the record), null or empty: the three ways a profile lacks a field.
      fields[key] = present.length ? fc.oneof(like(present, false), fc.constant(null), fc.constant('')) : fc.constantFrom(null, '');
    }
  }
  for (const [key, value] of Object.entries(SYSTEM_PLACEHOLDERS)) {
    fields[key] = fc.constant(value);
    requiredKeys.push(key);
  }
  fields.email = email;
  requiredKeys.push('email');
  return fc.record(fields, { requiredKeys }) as fc.Arbitrary<Record<string, unknown>>;
}
