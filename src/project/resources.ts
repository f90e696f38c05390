/**
 * Snippets and catalogs from folders: `snippet "name"` reads `<snippets>/name.html` (a `name.json` beside it may
 * declare the snippet's variables: `{"variables": ["first", "second"]}`); `#catalog "Name"` and `#catalogKeys "Name"`
 * read `<catalogs>/Name.json`, an object of items by key; `#catalogCollection "Name"` reads
 * `<catalogs>/collections/Name.json`, the collection's result: an array of items, or `{"catalog": "Products",
 * "keys": ["p1", "p2"]}` naming items of a catalog. Each file is read once, when a template first asks for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatLocation } from '../diagnostics/format.js';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-location.js';
import { SourceText } from '../diagnostics/source.js';
import { leavesFolder, OutsideFolderError } from '../io/inside-folder.js';
import type { SnippetSource } from '../helpers/types.js';
import { parseJson } from '../values/json.js';
import type { Value } from '../values/types.js';

/** A name that stays inside its folder: no path separators, not hidden. */
function isPlainName(name: string): boolean {
  return /^[\w. -]+$/.test(name) && !name.startsWith('.');
}

export class FolderResources {
  private readonly snippets = new Map<string, SnippetSource | undefined>();
  private readonly catalogs = new Map<string, Value>();
  private readonly collections = new Map<string, Value[] | undefined>();

  constructor(
    private readonly snippetsDir: string,
    private readonly catalogsDir: string,
    /** Files are named relative to this folder in messages. */
    private readonly cwd: string,
    /** Files are read from inside this folder only (the project's): a symbolic link out of it is refused. */
    private readonly root?: string,
  ) {}

  snippet(name: string): SnippetSource | undefined {
    if (!this.snippets.has(name)) this.snippets.set(name, this.readSnippet(name));
    return this.snippets.get(name);
  }

  /** The catalog's items (undefined when there is no such catalog). A file that is not JSON stops the render. */
  catalog(name: string): Value {
    if (!this.catalogs.has(name)) this.catalogs.set(name, isPlainName(name) ? this.readJson(join(this.catalogsDir, `${name}.json`), 'catalog') : undefined);
    return this.catalogs.get(name);
  }

  /**
   * A catalog collection's items (undefined when the project does not give it). A file that is neither an array
   * nor `{catalog, keys}` stops the render and says what it should be.
   */
  collection(name: string): Value[] | undefined {
    if (!this.collections.has(name)) this.collections.set(name, isPlainName(name) ? this.readCollection(name) : undefined);
    return this.collections.get(name);
  }

  private readCollection(name: string): Value[] | undefined {
    const file = join(this.catalogsDir, 'collections', `${name}.json`);
    const value = this.readJson(file, 'catalog collection');
    if (value === undefined || Array.isArray(value)) return value;
    const catalog = value instanceof Map ? value.get('catalog') : undefined;
    const keys = value instanceof Map ? value.get('keys') : undefined;
    if (typeof catalog !== 'string' || !Array.isArray(keys)) {
      throw new Error(
        `${this.shown(file)}: a catalog collection is a JSON array of items, or {"catalog": "Name", "keys": ["key", ...]} naming items of catalogs/Name.json`,
      );
    }
    const items = this.catalog(catalog);
    if (!(items instanceof Map))
      throw new Error(`${this.shown(file)}: the catalog "${catalog}" it names has no file ${this.shown(join(this.catalogsDir, `${catalog}.json`))}`);
    return keys.flatMap((key) => {
      const item = typeof key === 'string' ? items.get(key) : undefined;
      return item === undefined ? [] : [item];
    });
  }

  private readSnippet(name: string): SnippetSource | undefined {
    if (!isPlainName(name)) return undefined;
    const file = join(this.snippetsDir, `${name}.html`);
    if (!existsSync(file)) return undefined;
    const source: SnippetSource = { text: this.readText(file), file: this.shown(file) };
    const declared = this.readJson(join(this.snippetsDir, `${name}.json`), 'snippet declaration');
    const variables = declared instanceof Map ? declared.get('variables') : undefined;
    if (Array.isArray(variables)) source.variables = variables.filter((v): v is string => typeof v === 'string');
    return source;
  }

  private readJson(file: string, what: string): Value {
    if (!existsSync(file)) return undefined;
    const text = this.readText(file);
    const parsed = parseJson(text);
    if (parsed.ok) return parsed.value;
    // Not a lookup miss: the render stops and says which file to fix.
    const problem = jsonSyntaxDiagnostic(new SourceText(text, this.shown(file)), parsed.error, `the ${what}`);
    throw new Error(`${formatLocation(problem)}: ${problem.message}`);
  }

  /** Not a lookup miss either: the render stops and names the link. */
  private readText(file: string): string {
    if (this.root !== undefined && leavesFolder(file, this.root)) throw new Error(`${this.shown(file)}: ${new OutsideFolderError(file, this.root).message}`);
    return readFileSync(file, 'utf8');
  }

  private shown(file: string): string {
    return relative(this.cwd, file) || file;
  }
}
