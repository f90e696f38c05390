import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonNumber } from '../../src/values/json-number.js';
import { parseJson, toValue } from '../../src/values/json.js';
import { javaDoubleToString, jsonText, printValue } from '../../src/values/print.js';

describe("javaDoubleToString: Java's Double.toString", () => {
  // Values from the Java documentation of Double.toString and the conformance corpus (num.*).
  const table: Array<[number, string]> = [
    [5, '5.0'],
    [29.9, '29.9'],
    [100, '100.0'],
    [1e7, '1.0E7'],
    [9999999, '9999999.0'],
    [1234567, '1234567.0'],
    [123456789, '1.23456789E8'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1e-7, '1.0E-7'],
    [-0.5, '-0.5'],
    [0, '0.0'],
    [-0, '-0.0'],
    [1.5e300, '1.5E300'],
    [0.1 + 0.2, '0.30000000000000004'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [Number.MIN_VALUE, '4.9E-324'],
    [-1e21, '-1.0E21'],
    [Infinity, 'Infinity'],
  ];
  it.each(table)('%d prints %s', (value, expected) => {
    expect(javaDoubleToString(value)).toBe(expected);
  });

  it('always reads back as the same double, with a fraction digit and Java exponent form', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const text = javaDoubleToString(d);
        expect(Object.is(Number(text), d)).toBe(true);
        expect(text).toMatch(/^-?\d+\.\d+(E-?\d+)?$/);
        const abs = Math.abs(d);
        expect(text.includes('E')).toBe(abs !== 0 && (abs < 1e-3 || abs >= 1e7));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('printValue', () => {
  const read = (json: string) => {
    const parsed = parseJson(json);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  };
  it('prints integers exactly as written, beyond 2^53 too', () => {
    expect(printValue(read('12345678901234567890'))).toBe('12345678901234567890');
    expect(printValue(read('-0'))).toBe('0');
  });
  it('prints arrays as compact JSON and objects as a Java map of JSON nodes (corpus num.arr_mixed, num.obj_nested)', () => {
    expect(printValue(read('[1, "a", true, null, 5.0]'))).toBe('[1,"a",true,null,5.0]');
    expect(printValue(read('{"a": {"b": [1, {"c": "<"}]}}'))).toBe('{a={"b":[1,{"c":"<"}]}}');
    expect(printValue(read('{"a": "<", "b": null}'))).toBe('{a="<", b=null}');
  });
  it('escapes JSON strings as Jackson does: quotes, backslashes and control characters only', () => {
    expect(jsonText('a"b\\c\n\u0001é/<')).toBe('"a\\"b\\\\c\\n\\u0001é/<"');
  });

  it('prints a number the same every time, and a printed number still equals an unprinted one (the text is kept privately)', () => {
    const printed = new JsonNumber('29.90');
    expect(printValue(printed)).toBe('29.9');
    expect(printValue(printed)).toBe('29.9');
    expect(printed.double).toBe(29.9);
    expect(printed).toEqual(new JsonNumber('29.90'));
    expect(printed).not.toEqual(new JsonNumber('29.9'));
  });
});

describe('parseJson', () => {
  it('keeps document key order, integer-like keys included', () => {
    const parsed = parseJson('{"b": 1, "2024": 2, "a": 3, "0": 4}');
    expect(parsed.ok && [...(parsed.value as Map<string, unknown>).keys()]).toEqual(['b', '2024', 'a', '0']);
  });
  it('keeps number spelling', () => {
    const parsed = parseJson('{"x": 29.90, "y": 5.0, "z": 1e7}');
    const map = parsed.ok ? (parsed.value as Map<string, JsonNumber>) : new Map<string, JsonNumber>();
    expect([...map.values()].map((n) => n.text)).toEqual(['29.90', '5.0', '1e7']);
  });
  it('lets a duplicate key win with its later value, at its first position', () => {
    const parsed = parseJson('{"a": 1, "b": 2, "a": 3}');
    expect(parsed.ok && printValue(parsed.value)).toBe('{a=3, b=2}');
  });
  it('reports the offset of a syntax error', () => {
    expect(parseJson('{"a": 1,}')).toEqual({ ok: false, error: { message: 'expected a property name in double quotes', offset: 8, length: 1 } });
    expect(parseJson('')).toMatchObject({ ok: false });
    expect(parseJson('{} x')).toMatchObject({ ok: false, error: { offset: 3 } });
  });
  it('does not let __proto__ reach the prototype', () => {
    const parsed = parseJson('{"__proto__": {"polluted": true}}');
    expect(parsed.ok && (parsed.value as Map<string, unknown>).has('__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('toValue', () => {
  it('brings JavaScript values into the value model', () => {
    expect(printValue(toValue({ a: 1, b: [true, null], c: 2.5 }))).toBe('{a=1, b=[true,null], c=2.5}');
    expect(toValue({ isLosslessNumber: true, value: '5.0' })).toEqual(new JsonNumber('5.0'));
    expect(printValue(toValue(new Date('2026-01-02T03:04:05Z')))).toBe('2026-01-02T03:04:05.000Z');
  });
});

describe("JDK 17's digits", () => {
  it('prints the spelling of the corpus engine where it is not the shortest (JDK-4511638)', () => {
    expect(javaDoubleToString(2e23)).toBe('1.9999999999999998E23');
    expect(javaDoubleToString(2 ** 62)).toBe('4.6116860184273879E18');
  });
});
