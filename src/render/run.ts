/**
 * The state of one render: its diagnostics, `{{#assign}}` variables, output cap, and the services a render may use
 * (clock, snippets, catalogs, HMAC secret). One object per render with its methods on the prototype: a render of a
 * small email takes a few microseconds, and building a set of closures and maps for services the template never
 * calls was a measurable part of it (issue 11). What a template does use is made on first use.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SnippetSource } from '../helpers/types.js';
import { toValue } from '../values/json.js';
import type { Value } from '../values/types.js';
import type { RunState } from './compiler.js';
import { outputLimitSkip } from './output-limit.js';
import type { RenderServices } from './template.js';

export class RenderRun implements RunState {
  readonly hmacSecret: string | undefined;
  #assigned: Map<string, Value> | undefined;
  #catalogs: Map<string, Value> | undefined;
  #collections: Map<string, Value[] | undefined> | undefined;

  constructor(
    readonly file: string | undefined,
    readonly diagnostics: Diagnostic[],
    private readonly services: RenderServices,
    /** The most UTF-8 bytes the render may write; a string longer in UTF-16 units is surely over it. */
    readonly maxOutputBytes: number,
  ) {
    this.hmacSecret = services.hmacSecret;
  }

  /** Variables set by `{{#assign}}` so far (made when first asked for). */
  get assigned(): Map<string, Value> {
    return (this.#assigned ??= new Map());
  }

  /** The value `{{#assign}}` gave `name`, or undefined: a path checks this before the context, without making the map. */
  assignedValue(name: string): Value {
    return this.#assigned?.get(name);
  }

  now(): Date {
    const now = this.services.now;
    if (now instanceof Date) return now;
    if (typeof now === 'function') return now();
    return new Date();
  }

  checkOutput(text: string): void {
    // A string's UTF-16 length never exceeds its UTF-8 size, so this stops no render that fits.
    if (text.length > this.maxOutputBytes) throw outputLimitSkip(this.maxOutputBytes);
  }

  snippet(name: string): SnippetSource | undefined {
    const snippets = this.services.snippets;
    if (!snippets) return undefined;
    if (typeof snippets === 'function') {
      const found = snippets(name);
      return typeof found === 'string' ? { text: found } : found;
    }
    if (!Object.hasOwn(snippets, name)) return undefined;
    const found = snippets[name]!;
    return typeof found === 'string' ? { text: found, file: `snippet ${name}` } : { file: `snippet ${name}`, ...found };
  }

  catalogItem(catalog: string, key: string): Value {
    const items = this.catalog(catalog);
    return items instanceof Map ? items.get(key) : undefined;
  }

  hasCatalog(catalog: string): boolean {
    return this.catalog(catalog) instanceof Map;
  }

  catalogCollection(name: string): Value[] | undefined {
    const collections = this.services.collections;
    if (!collections) return undefined;
    // Each collection is read (and converted to values) once per render.
    const read = (this.#collections ??= new Map<string, Value[] | undefined>());
    if (!read.has(name)) {
      const found = typeof collections === 'function' ? collections(name) : Object.hasOwn(collections, name) ? collections[name] : undefined;
      const value = toValue(found);
      read.set(name, Array.isArray(value) ? value : undefined);
    }
    return read.get(name);
  }

  /** A catalog's items as values, read (and converted) once per render; undefined without catalogs. */
  private catalog(catalog: string): Value {
    const catalogs = this.services.catalogs;
    if (!catalogs) return undefined;
    const read = (this.#catalogs ??= new Map<string, Value>());
    if (!read.has(catalog)) {
      const items = typeof catalogs === 'function' ? catalogs(catalog) : Object.hasOwn(catalogs, catalog) ? catalogs[catalog] : undefined;
      read.set(catalog, toValue(items));
    }
    return read.get(catalog);
  }
}
