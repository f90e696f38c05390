/**
 * Reading JSON the way Iterable binds it (Jackson tree): document key order, number spelling kept.
 *
 * jsonc-parser gives a positioned syntax tree in strict JSON mode; we build the value model from it. A number's
 * value is the slice of the source text it came from, so `5.0`, `29.90` and 20-digit integers survive intact.
 */
import { parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';
import { JsonNumber } from './json-number.js';
import { propertyKey } from './key.js';
import type { JsonObject, Value } from './types.js';

export interface JsonSyntaxError {
  message: string;
  offset: number;
  length: number;
  /** Set when the text may be valid JSON but nests deeper than MAX_JSON_DEPTH. */
  tooDeep?: true;
}

/**
 * The deepest nesting of arrays and objects mergetag reads. Every walk over values (printing, validation,
 * variants, redaction) is recursive, and so is jsonc-parser: a 100,000-deep file would overflow the stack. Real
 * payloads and profiles nest a dozen levels; deeper input is refused when read, with its line and column.
 */
export const MAX_JSON_DEPTH = 1000;

/** The first bracket that opens level MAX_JSON_DEPTH + 1, found in one pass over the text (strings skipped). */
function tooDeep(text: string): JsonSyntaxError | undefined {
  // Nesting deeper than the limit takes more brackets than a shorter text has (a user profile, most payloads).
  if (text.length <= MAX_JSON_DEPTH) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        return {
          message: `arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels, mergetag's limit for JSON input`,
          offset: i,
          length: 1,
          tooDeep: true,
        };
      }
    } else if (ch === 0x5d || ch === 0x7d) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

export type JsonParseResult = { ok: true; value: Value; tree: Node } | { ok: false; error: JsonSyntaxError };

const ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':'",
  CommaExpected: "expected ',' or a closing bracket",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

function describe(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return ERROR_TEXT[code] ?? code;
}

/** What parseJson reads: strict JSON, no comments, no trailing commas, no empty text. */
const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/** A leading byte-order mark is read as a space, which keeps offsets aligned with the file. */
function withoutBom(input: string): string {
  return input.charCodeAt(0) === 0xfeff ? ` ${input.slice(1)}` : input;
}

/** Parses strict JSON (no comments, no trailing commas). A leading byte-order mark is ignored. */
export function parseJson(input: string): JsonParseResult {
  const text = withoutBom(input);
  const deep = tooDeep(text);
  if (deep) return { ok: false, error: deep };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, STRICT);
  const first = errors[0];
  if (first) return { ok: false, error: { message: describe(first), offset: first.offset, length: first.length } };
  if (!tree) return { ok: false, error: { message: 'expected a JSON value, found an empty file', offset: 0, length: 0 } };
  return { ok: true, value: fromTree(tree, text), tree };
}

/** What `scanJsonObject` found: a JSON object, and one of its fields when that is a string or a number. */
export interface ScannedObject {
  field: string | JsonNumber | undefined;
}

/**
 * Checks, without building the value, that `input` is what parseJson reads as a JSON object (the same parser,
 * options and depth limit, so the answer is parseJson's), and reads one top-level field, as `get(field)` on
 * the parsed object would (the last of repeated keys). Undefined when parseJson would fail or find no object: the
 * caller parses then, for the error and where it is. Opening a project checks every user profile this way; the
 * profile is parsed once, when it renders.
 */
export function scanJsonObject(input: string, field: string): ScannedObject | undefined {
  const text = withoutBom(input);
  if (tooDeep(text)) return undefined;
  let depth = 0;
  let values = 0;
  let isObject = false;
  let failed = false;
  let property: string | undefined;
  let found: string | JsonNumber | undefined;
  /** A value begins at `depth`: the top-level value, or the value of a top-level property. */
  const value = (literal?: { value: unknown; offset: number; length: number }) => {
    if (depth === 0) values++;
    if (depth !== 1 || property !== field) return;
    if (literal && typeof literal.value === 'string') found = literal.value;
    else if (literal && typeof literal.value === 'number') found = new JsonNumber(text.slice(literal.offset, literal.offset + literal.length));
    else found = undefined;
  };
  visit(
    text,
    {
      onObjectBegin: () => {
        if (depth === 0 && values === 0) isObject = true;
        value();
        depth++;
      },
      onObjectEnd: () => void depth--,
      onArrayBegin: () => {
        value();
        depth++;
      },
      onArrayEnd: () => void depth--,
      onObjectProperty: (name) => {
        if (depth === 1) property = name;
      },
      onLiteralValue: (literal, offset, length) => value({ value: literal, offset, length }),
      onError: () => void (failed = true),
    },
    STRICT,
  );
  return failed || values !== 1 || !isObject ? undefined : { field: found };
}

/**
 * Objects and arrays already in the value model (built by this module), so `toValue` can hand them back as they
 * are instead of copying a payload on every render.
 */
const inValueModel = new WeakSet<object>();

function trusted<T extends object>(value: T): T {
  inValueModel.add(value);
  return value;
}

function fromTree(node: Node, text: string): Value {
  switch (node.type) {
    case 'object': {
      const object: JsonObject = new Map();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) object.set(propertyKey(key.value as string), fromTree(value, text));
      }
      return trusted(object);
    }
    case 'array':
      return trusted((node.children ?? []).map((child) => fromTree(child, text)));
    case 'number':
      return new JsonNumber(text.slice(node.offset, node.offset + node.length));
    case 'string':
    case 'boolean':
      return node.value as string | boolean;
    default:
      return null;
  }
}

/**
 * Brings a JavaScript value into the value model, for API callers who pass objects instead of JSON text.
 * Object keys keep JavaScript's order (integer-like keys first); pass JSON text where order matters.
 * `lossless-json` numbers (`{isLosslessNumber, value}`) keep their spelling.
 */
export function toValue(input: unknown): Value {
  return toValueAt(input, 0);
}

/** A JavaScript value nested deeper than MAX_JSON_DEPTH (or cyclic), which toValue refuses. */
export class ValueTooDeepError extends Error {
  constructor() {
    super(`arrays and objects nest deeper than ${MAX_JSON_DEPTH} levels, mergetag's limit (or the value refers to itself)`);
    this.name = 'ValueTooDeepError';
  }
}

function toValueAt(input: unknown, depth: number): Value {
  if (input === null) return null;
  switch (typeof input) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'string':
    case 'boolean':
      return input;
    case 'number':
      return JsonNumber.fromNumber(input);
    case 'bigint':
      return new JsonNumber(input.toString());
  }
  if (input instanceof JsonNumber) return input;
  if (inValueModel.has(input)) return input as Value;
  // A cycle nests forever: it meets the same limit as a file, instead of overflowing the stack.
  if (depth >= MAX_JSON_DEPTH) throw new ValueTooDeepError();
  const inner = depth + 1;
  if (input instanceof Map) {
    const object: JsonObject = new Map();
    for (const [key, value] of input) object.set(propertyKey(String(key)), toValueAt(value, inner));
    return trusted(object);
  }
  if (Array.isArray(input)) return trusted(input.map((item) => toValueAt(item, inner)));
  const record = input as Record<string, unknown>;
  if (record.isLosslessNumber === true && typeof record.value === 'string') return new JsonNumber(record.value);
  if (typeof record.toJSON === 'function') return toValueAt((record.toJSON as () => unknown)(), depth);
  const object: JsonObject = new Map();
  for (const key of Object.keys(record)) object.set(key, toValueAt(record[key], inner));
  return trusted(object);
}

/** Reads JSON text or a JavaScript value into the value model; JSON text must parse. */
export function readValue(input: unknown): JsonParseResult | { ok: true; value: Value; tree?: undefined } {
  if (typeof input === 'string') return parseJson(input);
  try {
    return { ok: true, value: toValue(input) };
  } catch (error) {
    if (error instanceof ValueTooDeepError) return { ok: false, error: { message: error.message, offset: 0, length: 0, tooDeep: true } };
    throw error;
  }
}
