/**
 * The Java methods that answer for a name when the data has no such key.
 *
 * Iterable's engine resolves a name with Handlebars.java's resolver chain, JsonNodeValueResolver then the default
 * MapValueResolver, JavaBeanValueResolver and MethodValueResolver (Context.Builder, ValueResolver
 * .defaultValueResolvers on Java 14+). When the JSON has no value for a name (the key is absent or null), the bean
 * resolver finds a public getter (`getNodeType()` for `nodeType`, `isNull()` for `null`) and the method resolver
 * any public method without parameters (`size()`, `asText()`, `toString()`) of the Java object the value is at that
 * point: a Jackson node where Handlebars.java holds the raw node (the root, an `#each` element, `@root`), a
 * `java.util.Map` view for an object reached by a path, an `ArrayNode` for every array, and `String`, `Integer`,
 * `Long`, `BigInteger`, `Double` or `Boolean` for scalars reached by a path. So `{{null}}` at the root prints
 * `false` and `{{#each items}}{{number}}{{/each}}` prints `false` for an item without a `number` key (fuzz classes
 * java-method-name-as-key and null-literal-is-a-path, checked against the Java engine).
 *
 * mergetag answers the members whose result is plain data (booleans, sizes, texts). The others print Java internals
 * (an iterator's object id, a byte array, a hash code, an `Optional[...]`) or change the data (`removeAll`): for
 * those `javaMember` says which Java method answers, the renderer prints nothing and warns (`java-member`).
 */
import { JsonNumber } from '../values/json-number.js';
import { isJavaWhitespace } from '../values/java-whitespace.js';
import { jsonText, printNumber, printValue } from '../values/print.js';
import { SafeString, type Value } from '../values/types.js';

/** A member's answer: a value, or the Java method whose result mergetag does not print (`internal`). */
export type MemberAnswer = { readonly value: Value } | { readonly internal: string };

/** The Java class a value is when a name is resolved on it. */
export type JavaClass = 'ObjectNode' | 'ArrayNode' | 'TextNode' | 'NumericNode' | 'BooleanNode' | 'NullNode' | 'Map' | 'String' | 'Number' | 'Boolean';

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

type NumberKind = 'Int' | 'Long' | 'BigInteger' | 'Double';

function numberKind(n: JsonNumber): NumberKind {
  if (!n.isInteger) return 'Double';
  const big = BigInt(n.text);
  if (big >= INT_MIN && big <= INT_MAX) return 'Int';
  return big >= LONG_MIN && big <= LONG_MAX ? 'Long' : 'BigInteger';
}

/** Java's `(int)`/`(long)` of a number: integers wrap to the width, doubles truncate and saturate (NaN is 0). */
function javaIntegral(n: JsonNumber, bits: 32 | 64): JsonNumber {
  if (n.isInteger) return new JsonNumber(BigInt.asIntN(bits, BigInt(n.text)).toString(), true);
  const d = n.double;
  if (Number.isNaN(d)) return JsonNumber.fromNumber(0);
  const [min, max] = bits === 32 ? [INT_MIN, INT_MAX] : [LONG_MIN, LONG_MAX];
  if (!Number.isFinite(d)) return new JsonNumber((d > 0 ? max : min).toString(), true);
  const truncated = BigInt(Math.trunc(d));
  return new JsonNumber((truncated < min ? min : truncated > max ? max : truncated).toString(), true);
}

const asDouble = (n: JsonNumber): JsonNumber => JsonNumber.fromDouble(n.double);

/** `JsonNodeType` of a Jackson node, as its enum constant prints. */
function nodeType(value: Value): string {
  if (value instanceof Map) return 'OBJECT';
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'string' || value instanceof SafeString) return 'STRING';
  if (value instanceof JsonNumber) return 'NUMBER';
  if (typeof value === 'boolean') return 'BOOLEAN';
  return 'NULL';
}

function nodeSize(value: Value): number {
  if (value instanceof Map) return value.size;
  return Array.isArray(value) ? value.length : 0;
}

const isKind = (kind: NumberKind) => (n: Value) => n instanceof JsonNumber && numberKind(n) === kind;

/**
 * JsonNode's getters (Jackson 2.14): the bean names (`null` for `isNull()`) and the method names themselves
 * (`isNull`), the same answer. `isNaN` is NumericNode's only.
 */
const NODE_PREDICATES: Record<string, (node: Value) => boolean> = {
  Empty: (v) => nodeSize(v) === 0,
  ValueNode: (v) => !(v instanceof Map) && !Array.isArray(v),
  ContainerNode: (v) => v instanceof Map || Array.isArray(v),
  MissingNode: () => false,
  Array: (v) => Array.isArray(v),
  Object: (v) => v instanceof Map,
  Pojo: () => false,
  Number: (v) => v instanceof JsonNumber,
  IntegralNumber: (v) => v instanceof JsonNumber && numberKind(v) !== 'Double',
  FloatingPointNumber: isKind('Double'),
  Short: () => false,
  Int: isKind('Int'),
  Long: isKind('Long'),
  Float: () => false,
  Double: isKind('Double'),
  BigDecimal: () => false,
  BigInteger: isKind('BigInteger'),
  Textual: (v) => typeof v === 'string' || v instanceof SafeString,
  Boolean: (v) => typeof v === 'boolean',
  Null: (v) => v === null,
  Binary: () => false,
};

/** `asText()`: a value node's text (a double as `Double.toString`, null as `null`), "" for a container. */
function asText(value: Value): string {
  if (value === null) return 'null';
  if (value instanceof Map || Array.isArray(value)) return '';
  return printValue(value);
}

const NODE_MEMBERS = new Map<string, (node: Value) => Value>();
for (const [name, test] of Object.entries(NODE_PREDICATES)) {
  NODE_MEMBERS.set(name[0]!.toLowerCase() + name.slice(1), test);
  NODE_MEMBERS.set(`is${name}`, test);
}
NODE_MEMBERS.set('nodeType', nodeType);
NODE_MEMBERS.set('getNodeType', nodeType);
NODE_MEMBERS.set('size', (v) => JsonNumber.fromNumber(nodeSize(v)));
NODE_MEMBERS.set('asText', asText);
NODE_MEMBERS.set('toString', (v) => jsonText(v));
NODE_MEMBERS.set('booleanValue', (v) => v === true);
// Java null for other nodes: found, and prints nothing.
NODE_MEMBERS.set('textValue', (v) => (typeof v === 'string' || v instanceof SafeString ? printValue(v) : null));
NODE_MEMBERS.set('numberValue', (v) => (v instanceof JsonNumber ? v : null));
NODE_MEMBERS.set('intValue', (v) => (v instanceof JsonNumber ? javaIntegral(v, 32) : JsonNumber.fromNumber(0)));
NODE_MEMBERS.set('longValue', (v) => (v instanceof JsonNumber ? javaIntegral(v, 64) : JsonNumber.fromNumber(0)));
NODE_MEMBERS.set('doubleValue', (v) => JsonNumber.fromDouble(v instanceof JsonNumber ? v.double : 0));

/** JsonNode's other public methods without parameters: they answer too, with Java internals or a changed node. */
const NODE_INTERNALS = new Set([
  'deepCopy',
  'fieldNames',
  'canConvertToInt',
  'canConvertToLong',
  'canConvertToExactIntegral',
  'binaryValue',
  'shortValue',
  'floatValue',
  'decimalValue',
  'bigIntegerValue',
  'asInt',
  'asLong',
  'asDouble',
  'asBoolean',
  'require',
  'requireNonNull',
  'iterator',
  'elements',
  'fields',
  'toPrettyString',
  'traverse',
  'asToken',
  'numberType',
  'hashCode',
  'spliterator',
]);
/** ContainerNode's (ObjectNode, ArrayNode) and ArrayNode's own: factories and mutators. */
const CONTAINER_INTERNALS = new Set(['missingNode', 'nullNode', 'arrayNode', 'objectNode', 'removeAll']);
const ARRAY_INTERNALS = new Set(['addArray', 'addObject', 'addNull']);

/** `java.util.Map` (the resolver's view of an object reached by a path) and `HashMap` (block parameters). */
const MAP_MEMBERS: Record<string, (size: number) => Value> = {
  size: (size) => JsonNumber.fromNumber(size),
  empty: (size) => size === 0,
  isEmpty: (size) => size === 0,
};
const MAP_INTERNALS = new Set(['keySet', 'values', 'entrySet', 'hashCode', 'of', 'clone']);

/** `java.lang.String`. */
const STRING_MEMBERS: Record<string, (text: string) => Value> = {
  length: (t) => JsonNumber.fromNumber(t.length),
  empty: (t) => t.length === 0,
  isEmpty: (t) => t.length === 0,
  blank: (t) => isBlank(t),
  isBlank: (t) => isBlank(t),
  toUpperCase: (t) => t.toUpperCase(),
  toLowerCase: (t) => t.toLowerCase(),
  // String.trim(): every char up to U+0020 off both ends.
  trim: (t) => t.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, ''),
  strip: (t) => stripEnds(t, true, true),
  stripLeading: (t) => stripEnds(t, true, false),
  stripTrailing: (t) => stripEnds(t, false, true),
  toString: (t: string) => t,
  intern: (t) => t,
};
const STRING_INTERNALS = new Set([
  'bytes',
  'getBytes',
  'chars',
  'codePoints',
  'lines',
  'toCharArray',
  'hashCode',
  'describeConstable',
  'stripIndent',
  'translateEscapes',
]);

/** `Integer`, `Long`, `BigInteger` and `Double`. */
const NUMBER_MEMBERS: Record<string, (n: JsonNumber) => Value> = {
  intValue: (n) => javaIntegral(n, 32),
  longValue: (n) => javaIntegral(n, 64),
  doubleValue: asDouble,
  toString: (n: JsonNumber) => printNumber(n),
};
const DOUBLE_MEMBERS: Record<string, (n: JsonNumber) => Value> = {
  naN: (n) => Number.isNaN(n.double),
  isNaN: (n) => Number.isNaN(n.double),
  infinite: (n) => !Number.isFinite(n.double),
  isInfinite: (n) => !Number.isFinite(n.double),
};
const NUMBER_INTERNALS = new Set(['floatValue', 'shortValue', 'byteValue', 'hashCode', 'describeConstable']);
/** BigInteger's own methods without parameters. */
const BIG_INTEGER_INTERNALS = new Set([
  'abs',
  'negate',
  'signum',
  'bitLength',
  'bitCount',
  'sqrt',
  'not',
  'nextProbablePrime',
  'toByteArray',
  'lowestSetBit',
  'getLowestSetBit',
  'longValueExact',
  'intValueExact',
  'shortValueExact',
  'byteValueExact',
]);

/** `java.lang.Boolean`. */
const BOOLEAN_MEMBERS: Record<string, (b: boolean) => Value> = {
  booleanValue: (b) => b,
  toString: (b: boolean) => (b ? 'true' : 'false'),
  hashCode: (b) => JsonNumber.fromNumber(b ? 1231 : 1237),
};
const BOOLEAN_INTERNALS = new Set(['describeConstable']);

function isBlank(text: string): boolean {
  for (const ch of text) if (!isJavaWhitespace(ch.codePointAt(0)!)) return false;
  return true;
}

function stripEnds(text: string, leading: boolean, trailing: boolean): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (leading && start < end && isJavaWhitespace(chars[start]!.codePointAt(0)!)) start++;
  while (trailing && end > start && isJavaWhitespace(chars[end - 1]!.codePointAt(0)!)) end--;
  return chars.slice(start, end).join('');
}

/** Every name some Java class of the data answers for: a quick filter before any lookup. */
export const JAVA_MEMBER_NAMES: ReadonlySet<string> = new Set([
  ...NODE_MEMBERS.keys(),
  ...NODE_INTERNALS,
  ...CONTAINER_INTERNALS,
  ...ARRAY_INTERNALS,
  ...Object.keys(MAP_MEMBERS),
  ...MAP_INTERNALS,
  'toString',
  ...Object.keys(STRING_MEMBERS),
  ...STRING_INTERNALS,
  ...Object.keys(NUMBER_MEMBERS),
  ...Object.keys(DOUBLE_MEMBERS),
  ...NUMBER_INTERNALS,
  ...BIG_INTEGER_INTERNALS,
  ...Object.keys(BOOLEAN_MEMBERS),
  ...BOOLEAN_INTERNALS,
  'isNaN',
  'naN',
]);

/** The Java class `value` is when a name is resolved on it; `node` when Handlebars.java holds the raw node. */
export function javaClassOf(value: Value, node: boolean): JavaClass | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return 'ArrayNode';
  if (value instanceof Map) return node ? 'ObjectNode' : 'Map';
  if (value === null) return node ? 'NullNode' : undefined;
  if (typeof value === 'string' || value instanceof SafeString) return node ? 'TextNode' : 'String';
  if (value instanceof JsonNumber) return node ? 'NumericNode' : 'Number';
  if (typeof value === 'boolean') return node ? 'BooleanNode' : 'Boolean';
  return undefined;
}

const answer = (value: Value): MemberAnswer => ({ value });
const internal = (owner: string, name: string): MemberAnswer => ({ internal: `${owner}.${name}()` });

/**
 * What the Java object answers for `name` when the JSON has no value for it, or undefined when no member of that
 * name exists (the lookup goes on). `node`: the value is the raw Jackson node (see the module comment).
 */
export function javaMember(value: Value, name: string, node: boolean): MemberAnswer | undefined {
  const kind = javaClassOf(value, node);
  if (kind === undefined) return undefined;
  switch (kind) {
    case 'Map':
      return mapMember(value instanceof Map ? value.size : 0, name, 'Map', () => printValue(value));
    case 'String': {
      const text = printValue(value);
      const member = Object.hasOwn(STRING_MEMBERS, name) ? STRING_MEMBERS[name] : undefined;
      if (member) return answer(member(text));
      return STRING_INTERNALS.has(name) ? internal('String', name) : undefined;
    }
    case 'Number': {
      const n = value as JsonNumber;
      const double = numberKind(n) === 'Double';
      const member = Object.hasOwn(NUMBER_MEMBERS, name)
        ? NUMBER_MEMBERS[name]
        : double && Object.hasOwn(DOUBLE_MEMBERS, name)
          ? DOUBLE_MEMBERS[name]
          : undefined;
      if (member) return answer(member(n));
      if (NUMBER_INTERNALS.has(name) || (numberKind(n) === 'BigInteger' && BIG_INTEGER_INTERNALS.has(name))) return internal(javaNumberClass(n), name);
      return undefined;
    }
    case 'Boolean': {
      const member = Object.hasOwn(BOOLEAN_MEMBERS, name) ? BOOLEAN_MEMBERS[name] : undefined;
      if (member) return answer(member(value as boolean));
      return BOOLEAN_INTERNALS.has(name) ? internal('Boolean', name) : undefined;
    }
    default:
      return nodeMember(kind, value, name);
  }
}

function nodeMember(kind: JavaClass, value: Value, name: string): MemberAnswer | undefined {
  if ((name === 'naN' || name === 'isNaN') && kind !== 'NumericNode') return undefined;
  if (name === 'naN' || name === 'isNaN') return answer(false);
  const member = NODE_MEMBERS.get(name);
  if (member) return answer(member(value));
  const container = kind === 'ObjectNode' || kind === 'ArrayNode';
  if (NODE_INTERNALS.has(name) || (container && CONTAINER_INTERNALS.has(name)) || (kind === 'ArrayNode' && ARRAY_INTERNALS.has(name))) {
    return internal(kind, name);
  }
  return undefined;
}

/**
 * A `java.util.Map`'s members: the resolver's view of an object, or one of the HashMaps Handlebars.java keeps at
 * every context level (the block parameters, and the level's own data: an `#each` item's `@key`, `@index`...).
 */
export function mapMember(size: number, name: string, owner = 'HashMap', text?: () => string): MemberAnswer | undefined {
  const member = Object.hasOwn(MAP_MEMBERS, name) ? MAP_MEMBERS[name] : undefined;
  if (member) return answer(member(size));
  if (name === 'toString') return text ? answer(text()) : internal(owner, name);
  return MAP_INTERNALS.has(name) ? internal(owner, name) : undefined;
}

function javaNumberClass(n: JsonNumber): string {
  const kind = numberKind(n);
  return kind === 'Int' ? 'Integer' : kind;
}
