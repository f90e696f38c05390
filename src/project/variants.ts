/**
 * Payload variants: named changes to a recorded response (`set` a JSONPath to a value, `unset` a JSONPath), so
 * one recording also covers "no marketing_text", "expired voucher"... JSONPath by jsonpath-plus, with script
 * evaluation disabled: a config never runs code.
 *
 * jsonpath-plus walks plain JavaScript objects, so the body is mirrored into null-prototype objects: a key of the
 * payload is only ever data, and no path (the config loader also refuses `__proto__`, `constructor` and
 * `prototype` segments) can reach Object.prototype.
 */
import { JSONPath } from 'jsonpath-plus';
import { JsonNumber } from '../values/json-number.js';
import { toValue } from '../values/json.js';
import { RawNode, type Value } from '../values/types.js';
import type { VariantConfig } from '../config/schema.js';
import { jsonPathProblem, walkingJsonPath } from '../config/json-path.js';

type Plain = null | boolean | string | JsonNumber | Plain[] | { [key: string]: Plain };

function toPlain(value: Value): Plain {
  if (value === undefined) return null;
  if (value instanceof Map) {
    const object = emptyObject();
    for (const [key, item] of value) object[key] = toPlain(item);
    return object;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof RawNode) return toPlain(value.value);
  if (typeof value === 'object' && value !== null && !(value instanceof JsonNumber)) return value.html;
  return value;
}

function emptyObject(): { [key: string]: Plain } {
  return Object.create(null) as { [key: string]: Plain };
}

interface Match {
  parent: Plain;
  parentProperty: string | number;
}

function matches(path: string, json: Plain): Match[] {
  const found = walkingJsonPath(path, () => JSONPath({ path, json: json as object, resultType: 'all', eval: false, wrap: true }) as Match[] | undefined);
  return (found ?? []).filter((m) => m.parent !== null && typeof m.parent === 'object');
}

/** `$.a.b.c` as keys, for creating a path that does not exist yet; undefined for anything fancier. */
function simpleKeys(path: string): string[] | undefined {
  const match = /^\$((?:\.[A-Za-z_$][\w$-]*|\['[^']*'\]|\["[^"]*"\])+)$/.exec(path);
  if (!match) return undefined;
  return [...match[1]!.matchAll(/\.([A-Za-z_$][\w$-]*)|\['([^']*)'\]|\["([^"]*)"\]/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

export function applyVariant(body: Value, variant: VariantConfig): Value {
  for (const path of [...variant.unset, ...Object.keys(variant.set)]) {
    const problem = jsonPathProblem(path);
    if (problem) throw new Error(`variant path ${path}: ${problem}`);
  }
  const json = toPlain(body);
  for (const path of variant.unset) {
    for (const { parent, parentProperty } of matches(path, json).reverse()) {
      if (Array.isArray(parent)) parent.splice(Number(parentProperty), 1);
      else delete (parent as Record<string, Plain>)[parentProperty as string];
    }
  }
  for (const [path, raw] of Object.entries(variant.set)) {
    const value = toPlain(toValue(raw));
    const found = matches(path, json);
    if (found.length) {
      for (const { parent, parentProperty } of found) (parent as Record<string | number, Plain>)[parentProperty] = value;
      continue;
    }
    const keys = simpleKeys(path);
    if (!keys || json === null || typeof json !== 'object' || Array.isArray(json) || json instanceof JsonNumber) continue;
    let target = json as Record<string, Plain>;
    for (const key of keys.slice(0, -1)) {
      const next = target[key];
      if (next === null || next === undefined || typeof next !== 'object' || Array.isArray(next) || next instanceof JsonNumber) target[key] = emptyObject();
      target = target[key] as Record<string, Plain>;
    }
    target[keys[keys.length - 1]!] = value;
  }
  return fromPlain(json);
}

/** Back into the value model; every object key is data (toValue would read `toJSON` or `isLosslessNumber` keys). */
function fromPlain(plain: Plain): Value {
  if (Array.isArray(plain)) return plain.map(fromPlain);
  if (plain !== null && typeof plain === 'object' && !(plain instanceof JsonNumber)) {
    const object = new Map<string, Value>();
    for (const key of Object.keys(plain)) object.set(key, fromPlain(plain[key]!));
    return object;
  }
  return plain;
}
