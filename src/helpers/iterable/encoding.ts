/**
 * Iterable's encoding and hashing helpers (support article 209732326, "Encoding and Hashing Helpers"; the older
 * "Personalizing Templates with Handlebars" article 205480365 had the same helpers with other examples):
 *
 *   - `toJson v`             the value as Jackson JSON text (`"piña colada"`, `1234`, `3.14`, `[1,2,3,4]`);
 *   - `toUrlEncodedJson v`   that text, URL-encoded like `#urlEncode` (`%22pi%C3%B1a+colada%22`);
 *   - `{{#base64}}…{{/base64}}`  standard Base64 (with padding) of the rendered body's UTF-8 bytes;
 *   - `hexEncode v` / `{{#hexEncode}}`  lowercase hex of the UTF-8 bytes;
 *   - `md5`, `sha1`, `sha256` (inline or block)  the lowercase hex digest of the UTF-8 bytes;
 *   - `hmacSHA1`, `hmacSHA256`  the lowercase hex HMAC keyed with the project's HMAC secret.
 *
 * Every documented example is a golden test in test/helpers/encoding.spec.ts. What the docs leave open, and what
 * mergetag does then:
 *   - inline helpers with several params hash their concatenation (documented for hmacSHA1 in the older article:
 *     "concatenates the passed-in parameters"; inferred for the others);
 *   - without params a helper takes the current `this`, as every Handlebars.java helper does;
 *   - a null or missing value: `toJson` prints `null` (Jackson's text for null); the hashing helpers print
 *     nothing and warn, since hashing an absent value is almost never meant (Iterable's behaviour is undocumented);
 *   - a block body is rendered normally first, so `{{x}}` inside it is HTML-escaped before it is encoded.
 */
import { createHash, createHmac } from 'node:crypto';
import { jsonText, printValue } from '../../values/print.js';
import type { Value } from '../../values/types.js';
import { HelperError } from '../../runtime/errors.js';
import type { HelperCall, HelperDefinition, HelperMeta } from '../types.js';
import { javaUrlEncode } from './url-encode.js';

const ENCODING_DOCS = 'https://support.iterable.com/hc/en-us/articles/209732326';

/**
 * The UTF-8 bytes Java's `String.getBytes(UTF_8)` gives: like Node's, except that a lone surrogate becomes `?`
 * (Node would write U+FFFD's three bytes).
 */
export function javaUtf8Bytes(text: string): Buffer {
  if (!/[\uD800-\uDFFF]/.test(text)) return Buffer.from(text, 'utf8');
  let clean = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    clean += code >= 0xd800 && code <= 0xdfff ? '?' : ch;
  }
  return Buffer.from(clean, 'utf8');
}

/** What an inline helper works on: its params' printed text, concatenated; `this` when it has none. */
function inlineText(call: HelperCall): { text: string; missing: boolean } {
  const values: Value[] = call.params.length ? call.params : [call.context];
  const missing = values.every((value) => value === null || value === undefined);
  return { text: values.map(printValue).join(''), missing };
}

function warnMissing(call: HelperCall): void {
  call.warn(
    'helper-missing-input',
    `${call.name} got a null or missing value and printed nothing; Iterable does not document what it does then`,
    `guard it: {{#if value}}{{${call.name} value}}{{/if}}`,
  );
}

function warnForm(call: HelperCall, documented: string, used: string): void {
  call.warn('helper-form', `${call.name} is documented as ${documented} only; mergetag ran it as ${used}`, `write ${formExample(call.name)}`);
}

function formExample(name: string): string {
  if (name === 'base64') return '{{#base64}}{{{value}}}{{/base64}}';
  return `{{${name} value}}`;
}

/** The text a helper encodes: the rendered body for a block, else its params (see `inlineText`). */
function input(call: HelperCall): string | undefined {
  if (call.isBlock) return call.fn();
  const { text, missing } = inlineText(call);
  if (missing) {
    warnMissing(call);
    return undefined;
  }
  return text;
}

const VALUE_PARAM = [{ name: 'value', type: 'any' as const, variadic: true, optional: true }];

function digestHelper(name: 'md5' | 'sha1' | 'sha256', bits: number): HelperDefinition {
  const meta: HelperMeta = {
    name,
    form: 'both',
    params: VALUE_PARAM,
    description: `The ${name.toUpperCase()} digest (${bits / 4} lowercase hex characters) of the value's UTF-8 text, or of the rendered block body.`,
    onMissing: 'prints nothing and warns (inline); a block hashes its rendered body, even when empty',
    docsUrl: ENCODING_DOCS,
    fidelity: 'exact',
    encodesBody: true,
    notes:
      'Documented examples match Node crypto digests of the UTF-8 text, in lowercase hex. Several params are hashed ' +
      'concatenated and a null/missing value prints nothing (both inferred). Inside a block, {{x}} is HTML-escaped ' +
      'before it is hashed; write {{{x}}}.',
  };
  return {
    meta,
    fn: (call) => {
      const text = input(call);
      if (text === undefined) return '';
      return createHash(name).update(javaUtf8Bytes(text)).digest('hex');
    },
  };
}

function hmacHelper(name: 'hmacSHA1' | 'hmacSHA256', algorithm: 'sha1' | 'sha256', bits: number): HelperDefinition {
  const meta: HelperMeta = {
    name,
    form: 'inline',
    params: [{ name: 'fieldName', type: 'any', variadic: true }],
    description: `The HMAC-${algorithm.toUpperCase()} (${bits / 4} lowercase hex characters) of the value's UTF-8 text, keyed with the project's HMAC secret.`,
    onMissing: 'prints nothing and warns; without a configured HMAC secret the render fails (HandlebarsExecutionError)',
    docsUrl: ENCODING_DOCS,
    fidelity: 'exact',
    notes:
      "The key is the UTF-8 of the secret given as `hmacSecret` (API) or the MERGETAG_HMAC_SECRET environment variable (CLI): the project's " +
      '"HMAC Secret" setting. Output is lowercase hex, as the documented 40- and 64-character examples are. ' +
      (name === 'hmacSHA1'
        ? 'Several params are concatenated before hashing (documented in the older article 205480365).'
        : 'Several params are concatenated before hashing (documented for hmacSHA1; inferred here).'),
  };
  return {
    meta,
    fn: (call) => {
      const secret = call.runtime.hmacSecret;
      if (secret === undefined) {
        throw new HelperError(`no HMAC secret is configured: pass the project's HMAC secret as \`hmacSecret\` (API) or \`--hmac-secret\` (CLI)`);
      }
      if (call.isBlock) warnForm(call, 'an inline helper', 'a block over its rendered body');
      const text = input(call);
      if (text === undefined) return '';
      return createHmac(algorithm, javaUtf8Bytes(secret)).update(javaUtf8Bytes(text)).digest('hex');
    },
  };
}

/** The JSON text `toJson` writes: Jackson's, numbers the Java way (`5.0` stays `5.0`, `1e7` is `1.0E7`). */
function toJsonText(call: HelperCall): string {
  if (call.isBlock) {
    warnForm(call, 'an inline helper', 'a block (the rendered body as a JSON string)');
    return jsonText(call.fn());
  }
  return jsonText(call.params[0]);
}

export const toJsonHelper: HelperDefinition = {
  meta: {
    name: 'toJson',
    form: 'inline',
    params: [{ name: 'value', type: 'any' }],
    description: 'The value as compact JSON text: strings quoted and escaped, numbers as Java prints them, objects and arrays as JSON.',
    onMissing: 'prints null',
    docsUrl: ENCODING_DOCS,
    fidelity: 'approximate',
    notes:
      'The result is a plain string, so {{toJson x}} HTML-escapes it (quotes become &quot;) and {{{toJson x}}} does ' +
      'not: the documented output "piña colada" is what {{{toJson x}}} writes and what {{toJson x}} displays in HTML. ' +
      'Objects print compact ({"field1":"value"}), as the documented toUrlEncodedJson output shows; the toJson table ' +
      'echoes the input with a space. null/missing printing `null` is inferred (Jackson). A raw Jackson node (`@root`, ' +
      'an #each element, `this` without params) is written as the node: Jackson serializes nodes as the JSON they hold.',
    rawNodes: true,
  },
  fn: (call) => toJsonText(call),
};

export const toUrlEncodedJsonHelper: HelperDefinition = {
  meta: {
    name: 'toUrlEncodedJson',
    form: 'inline',
    params: [{ name: 'value', type: 'any' }],
    description: "toJson's text, URL-encoded the way #urlEncode does it (Java URLEncoder: space → +, UTF-8 %XX).",
    onMissing: 'prints null',
    docsUrl: ENCODING_DOCS,
    fidelity: 'exact',
    notes: 'Every documented example matches. null/missing printing `null` is inferred (Jackson).',
    rawNodes: true, // as toJson
  },
  fn: (call) => javaUrlEncode(toJsonText(call)),
};

export const base64Helper: HelperDefinition = {
  meta: {
    name: 'base64',
    form: 'block',
    params: [],
    description: "Standard Base64 (with = padding) of the rendered block body's UTF-8 bytes.",
    onMissing: 'an empty body encodes to nothing',
    docsUrl: ENCODING_DOCS,
    fidelity: 'exact',
    encodesBody: true,
    notes:
      'The body is rendered normally first, so {{x}} inside it is HTML-escaped before it is encoded; write {{{x}}}. ' +
      'The documented example labels its input user@example.com but shows the Base64 of docs@iterable.com.',
  },
  fn: (call) => {
    if (call.isBlock) return javaUtf8Bytes(call.fn()).toString('base64');
    warnForm(call, 'a block helper', 'an inline helper over its params');
    const { text, missing } = inlineText(call);
    if (missing) return '';
    return javaUtf8Bytes(text).toString('base64');
  },
};

export const hexEncodeHelper: HelperDefinition = {
  meta: {
    name: 'hexEncode',
    form: 'both',
    params: VALUE_PARAM,
    description: "Lowercase hexadecimal of the value's UTF-8 bytes, or of the rendered block body's.",
    onMissing: 'prints nothing and warns (inline)',
    docsUrl: ENCODING_DOCS,
    fidelity: 'exact',
    encodesBody: true,
    notes: 'Documented: user@example.com → 75736572406578616d706c652e636f6d. Several params are concatenated (inferred).',
  },
  fn: (call) => {
    const text = input(call);
    if (text === undefined) return '';
    return javaUtf8Bytes(text).toString('hex');
  },
};

export const encodingHelpers: HelperDefinition[] = [
  toJsonHelper,
  toUrlEncodedJsonHelper,
  base64Helper,
  hexEncodeHelper,
  digestHelper('md5', 128),
  digestHelper('sha1', 160),
  digestHelper('sha256', 256),
  hmacHelper('hmacSHA1', 'sha1', 160),
  hmacHelper('hmacSHA256', 'sha256', 256),
];
