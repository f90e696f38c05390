/**
 * Random JSON data for the differential cases: nested objects and arrays, nulls, booleans, integers (also beyond
 * 2^63) and doubles in several spellings (`5.0`, `29.90`, `1e7`, `-0.0`), with the keys the generated templates
 * read (vocabulary.ts). The model keeps each number's spelling, since Handlebars.java prints a double as
 * `Double.toString` and an integer as written (corpus README, "Number spelling matters").
 */
import fc from 'fast-check';
import { jsonFloat, jsonInt, JsonObj, type Json } from '../../properties/arbitraries.js';
import { DATA_KEYS, RARE_KEYS, STRINGS } from './vocabulary.js';

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>): fc.WeightedArbitrary<T> => ({ weight, arbitrary });

const key: fc.Arbitrary<string> = fc.oneof(w(15, fc.constantFrom(...DATA_KEYS)), w(1, fc.constantFrom(...RARE_KEYS)));

const scalar: fc.Arbitrary<Json> = fc.oneof(
  w(5, fc.constantFrom(...STRINGS)),
  w(4, jsonInt({ big: true })),
  w(3, jsonFloat()),
  w(2, fc.boolean()),
  w(2, fc.constant(null)),
);

function objectOf(value: fc.Arbitrary<Json>, minKeys: number, maxKeys: number): fc.Arbitrary<JsonObj> {
  return fc.uniqueArray(fc.tuple(key, value), { minLength: minKeys, maxLength: maxKeys, selector: ([k]) => k }).map((entries) => new JsonObj(entries));
}

const valueArbitraries = new Map<number, fc.Arbitrary<Json>>();

/** A value whose objects and arrays nest at most `depth` more levels. */
export function jsonValue(depth: number): fc.Arbitrary<Json> {
  const known = valueArbitraries.get(depth);
  if (known) return known;
  const arbitrary =
    depth <= 0
      ? scalar
      : fc.oneof(
          w(6, scalar),
          w(3, objectOf(jsonValue(depth - 1), 0, 4)),
          w(3, fc.array(fc.oneof(w(2, scalar), w(2, objectOf(jsonValue(depth - 2 < 0 ? 0 : depth - 2), 0, 3))), { maxLength: 3 })),
        );
  valueArbitraries.set(depth, arbitrary);
  return arbitrary;
}

/** The root: always an object (a user profile or one unaliased feed response), with most of the keys. */
export const rootData: fc.Arbitrary<JsonObj> = objectOf(jsonValue(3), 2, 8);
