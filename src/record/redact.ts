/**
 * Keeping secrets out of recordings and output. A recording stores the request headers with every value that
 * came from a `${ENV}` reference, or whose header name looks secret, replaced by `[redacted]`; the response body
 * redacted at the feed's `redact` JSONPaths (jsonpath-plus, script evaluation disabled); no cookies or
 * credentials among the response headers. As a last guard, every secret value the request carried is replaced
 * wherever it shows up (a server echoing the token in an error body, an error message quoting a header).
 */
import { JSONPath } from 'jsonpath-plus';
import { jsonPathProblem, walkingJsonPath } from '../config/json-path.js';
import { isSecretHeaderName } from '../config/secrets.js';

export { isSecretHeaderName };
import { REDACTED } from '../recordings/schema.js';
import { JsonNumber } from '../values/json-number.js';
import { RawNode, SafeString, type JsonObject, type Value } from '../values/types.js';

/** Response headers never recorded: credentials, and transport details that no longer hold for the stored body. */
const DROPPED_RESPONSE_HEADERS = new Set([
  'set-cookie',
  'set-cookie2',
  'cookie',
  'authorization',
  'proxy-authorization',
  'proxy-authenticate',
  'www-authenticate',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

/**
 * Response headers as recorded: names lower-cased, credentials and transport headers dropped, secrets scrubbed
 * from values. A header whose name carries a secret (a server echoing the token as `x-echo-<token>`) is dropped:
 * the name cannot be scrubbed without losing what it was.
 */
export function recordedResponseHeaders(headers: Iterable<[string, string]>, scrubber: Scrubber): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, value] of headers) {
    const name = rawName.toLowerCase();
    if (DROPPED_RESPONSE_HEADERS.has(name) || isSecretHeaderName(name) || scrubber.appearsIn(rawName)) continue;
    Object.defineProperty(out, name, { value: scrubber.text(value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Replaces every occurrence of the given secret values (and their URL-encoded forms) with `[redacted]`. */
export class Scrubber {
  private readonly needles: string[];

  constructor(secrets: Iterable<string>) {
    const all = new Set<string>();
    for (const secret of secrets) {
      // Very short values would turn every message into noise; real credentials are long.
      if (secret.length < 4) continue;
      all.add(secret);
      all.add(encodeURIComponent(secret));
      all.add(JSON.stringify(secret).slice(1, -1));
    }
    this.needles = [...all].sort((a, b) => b.length - a.length);
  }

  get empty(): boolean {
    return this.needles.length === 0;
  }

  /** Whether any secret occurs in the text, ignoring case (header names arrive lower-cased). */
  appearsIn(text: string): boolean {
    const lower = text.toLowerCase();
    return this.needles.some((needle) => lower.includes(needle.toLowerCase()));
  }

  text(text: string): string {
    let out = text;
    for (const needle of this.needles) if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    return out;
  }

  /** The value with secrets replaced in every string and key. Returns the same value when there is nothing to do. */
  value(value: Value): Value {
    if (this.needles.length === 0) return value;
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (value instanceof Map) {
      const out: JsonObject = new Map();
      for (const [key, item] of value) out.set(this.text(key), this.value(item));
      return out;
    }
    if (value instanceof SafeString) return this.text(value.html);
    return value;
  }
}

/** Why a redact JSONPath cannot be used, or undefined when it can. */
export const redactPathProblem = jsonPathProblem;

type Mirror = null | boolean | string | number | Mirror[] | { [key: string]: Mirror };

/**
 * A copy for jsonpath-plus to walk, of null-prototype objects: a `__proto__` or `constructor` key of the body is
 * data, and no path can reach Object.prototype through it.
 */
function mirror(value: Value): Mirror {
  if (value === undefined || value === null) return null;
  if (value instanceof JsonNumber) return value.double;
  if (value instanceof SafeString) return value.html;
  if (value instanceof RawNode) return mirror(value.value);
  if (Array.isArray(value)) return value.map(mirror);
  if (value instanceof Map) {
    const object = Object.create(null) as { [key: string]: Mirror };
    for (const [key, item] of value) object[key] = mirror(item);
    return object;
  }
  return value;
}

function pointerKeys(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The body with every value the paths select replaced by `[redacted]`. Number spelling and key order are kept.
 * Throws when a path cannot be evaluated: the caller must then not store the body.
 */
export function redactBody(body: Value, paths: readonly string[]): { body: Value; redacted: number } {
  if (paths.length === 0) return { body, redacted: 0 };
  let root = body;
  let redacted = 0;
  for (const path of paths) {
    const problem = redactPathProblem(path);
    if (problem) throw new Error(`redact path ${path}: ${problem}`);
    const pointers = (walkingJsonPath(path, () => JSONPath({ path, json: mirror(root) as object, resultType: 'pointer', eval: false, wrap: true })) ??
      []) as string[];
    for (const pointer of pointers) {
      const keys = pointerKeys(pointer);
      if (keys.length === 0) {
        root = REDACTED;
        redacted++;
        continue;
      }
      let parent: Value = root;
      for (const key of keys.slice(0, -1)) parent = child(parent, key);
      const last = keys[keys.length - 1]!;
      if (parent instanceof Map && parent.has(last)) {
        parent.set(last, REDACTED);
        redacted++;
      } else if (Array.isArray(parent) && /^\d+$/.test(last) && Number(last) < parent.length) {
        parent[Number(last)] = REDACTED;
        redacted++;
      }
    }
  }
  return { body: root, redacted };
}

function child(value: Value, key: string): Value {
  if (value instanceof Map) return value.get(key);
  if (Array.isArray(value) && /^\d+$/.test(key)) return value[Number(key)];
  return undefined;
}
