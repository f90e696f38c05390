/**
 * The shape of the data a family of tags reads: which fields exist, which may be missing or null, and what kind
 * of value each holds. A shape is learnt from samples (recordings, variants, sample users: a field present in
 * every sample is required, one present in some is optional) and from a JSON Schema (Voucherify's publication
 * schema: `required` fields, nullable types, free-form objects such as `metadata`). Shapes from several sources
 * merge. The linter asks a shape where a path leads: found (and whether it may be missing, null or a non-scalar),
 * not found (at which segment, with the closest existing path), or unknown (under a free-form object).
 */
import { JsonNumber } from '../values/json-number.js';
import type { Value } from '../values/types.js';
import { closestName } from '../diagnostics/suggest.js';
import { ANY_ELEMENT } from './analyze.js';

export type ValueKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface FieldShape {
  shape: Shape;
  /** The field may be absent. */
  optional: boolean;
}

export class Shape {
  readonly kinds = new Set<ValueKind>();
  /** Documented or seen fields of an object. */
  readonly fields = new Map<string, FieldShape>();
  /** The object takes any field name (`metadata`): a path below it cannot be checked. */
  open = false;
  /** The shape of an array's elements. */
  element: Shape | undefined;
  /** How many samples the shape was learnt from, to tell a field seen in some of them from one seen in all. */
  private samples = 0;

  /** The shape of `value`, or `value` merged into this shape. */
  static of(values: Iterable<Value>): Shape {
    const shape = new Shape();
    for (const value of values) shape.add(value);
    return shape;
  }

  /** Learns one more sample value. Iterative, so deeply nested data cannot overflow the stack. */
  add(root: Value): this {
    const work: Array<[Shape, Value]> = [[this, root]];
    while (work.length) {
      const [shape, value] = work.pop()!;
      const kind = kindOf(value);
      if (kind === undefined) continue;
      shape.kinds.add(kind);
      if (kind === 'object') {
        const map = value as Map<string, Value>;
        const before = shape.samples;
        shape.samples++;
        // A field not seen in an earlier sample is optional; one missing from this sample becomes optional.
        for (const [key, field] of shape.fields) if (!map.has(key)) field.optional = true;
        for (const [key, child] of map) {
          let field = shape.fields.get(key);
          if (!field) {
            field = { shape: new Shape(), optional: before > 0 };
            shape.fields.set(key, field);
          }
          if (child === undefined) field.optional = true;
          else work.push([field.shape, child]);
        }
      } else if (kind === 'array') {
        shape.element ??= new Shape();
        for (const item of value as Value[]) work.push([shape.element, item]);
      }
    }
    return this;
  }

  /** Merges a JSON Schema (draft 2020-12 as zod writes it) into this shape. */
  addSchema(schema: JsonSchema): this {
    addSchema(this, schema);
    return this;
  }

  /**
   * Where `path` leads from this shape. `[]` and number segments step into array elements (an index may be out of
   * range, so it may be missing). A name on an array also steps into its elements: a section `{{#list}}` over an
   * array reads its fields per element, and the analysis cannot tell a section over an array from one over an
   * object, so the lookup is lenient there rather than raise a false alarm.
   */
  resolve(path: readonly string[]): PathLookup {
    return resolvePath(this, path);
  }

  /** True when the value may be an object or an array: printing it prints Java's rendering of a container. */
  get mayBeContainer(): boolean {
    return this.kinds.has('object') || this.kinds.has('array');
  }

  /** Every path of the shape, for did-you-mean across levels (`voucher.code` for `code`), depth-limited. */
  paths(maxDepth = 6): string[][] {
    const out: string[][] = [];
    const work: Array<[Shape, string[]]> = [[this, []]];
    while (work.length) {
      const [shape, prefix] = work.pop()!;
      if (prefix.length >= maxDepth) continue;
      for (const [key, field] of shape.fields) {
        const path = [...prefix, key];
        out.push(path);
        work.push([field.shape, path]);
      }
      if (shape.element) work.push([shape.element, [...prefix, ANY_ELEMENT]]);
    }
    return out;
  }
}

function resolvePath(root: Shape, path: readonly string[]): PathLookup {
  let shape = root;

  let optional = false;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const isIndex = segment === ANY_ELEMENT || /^\d+$/.test(segment);
    if (shape.element && (isIndex || !shape.kinds.has('object'))) {
      if (segment !== ANY_ELEMENT) optional = true;
      shape = shape.element;
      if (isIndex) continue;
    }
    if (shape.kinds.size === 0) return { status: 'unknown', at: i };
    if (shape.kinds.has('null')) optional = true;
    if (!shape.kinds.has('object')) {
      // `length`/`size` of a string or an array answer in the engine (DESIGN.md rule 6).
      if ((segment === 'length' || segment === 'size') && (shape.kinds.has('string') || shape.kinds.has('array'))) {
        return { status: 'found', optional, nullable: false, shape: numberShape() };
      }
      return { status: 'missing', at: i, closest: undefined };
    }
    const field = shape.fields.get(segment);
    if (!field) {
      if (shape.open) return { status: 'unknown', at: i };
      return { status: 'missing', at: i, closest: closestName(segment, [...shape.fields.keys()]) };
    }
    optional ||= field.optional;
    shape = field.shape;
  }
  return { status: 'found', optional, nullable: shape.kinds.has('null'), shape };
}

export type PathLookup =
  | { status: 'found'; optional: boolean; nullable: boolean; shape: Shape }
  /** `at` is the index of the first segment that does not exist; `closest` a near field name at that level. */
  | { status: 'missing'; at: number; closest: string | undefined }
  /** The path goes below a free-form object or a value of unknown shape at `at`. */
  | { status: 'unknown'; at: number };

/** The subset of JSON Schema that zod's `toJSONSchema` writes for our schemas. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
}

function addSchema(shape: Shape, schema: JsonSchema): void {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    // A field is required only if every branch that is an object requires it.
    const objectBranches = branches.filter((b) => typesOf(b).includes('object') || b.properties);
    for (const branch of branches) addSchema(shape, branch);
    if (objectBranches.length > 1) {
      for (const [key, field] of shape.fields) {
        if (!objectBranches.every((b) => b.required?.includes(key))) field.optional = true;
      }
    }
    return;
  }
  for (const type of typesOf(schema)) shape.kinds.add(type);
  if (schema.properties) {
    shape.kinds.add('object');
    for (const [key, child] of Object.entries(schema.properties)) {
      let field = shape.fields.get(key);
      const optional = !(schema.required ?? []).includes(key);
      if (!field) {
        field = { shape: new Shape(), optional };
        shape.fields.set(key, field);
      } else {
        field.optional ||= optional;
      }
      addSchema(field.shape, child);
    }
  } else if (typesOf(schema).includes('object') && schema.additionalProperties !== false) {
    shape.open = true;
  }
  if (schema.items) {
    shape.element ??= new Shape();
    addSchema(shape.element, schema.items);
  }
}

function typesOf(schema: JsonSchema): ValueKind[] {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  return types
    .map((t) => (t === 'integer' ? 'number' : t))
    .filter((t): t is ValueKind => ['object', 'array', 'string', 'number', 'boolean', 'null'].includes(t));
}

function kindOf(value: Value): ValueKind | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (value instanceof Map) return 'object';
  if (Array.isArray(value)) return 'array';
  if (value instanceof JsonNumber || typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

function numberShape(): Shape {
  const shape = new Shape();
  shape.kinds.add('number');
  return shape;
}
