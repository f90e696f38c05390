/**
 * Snippets and catalogs from folders: `snippet "name"` reads `<snippets>/name.html` (a `name.json` beside it may
 * declare the snippet's variables: `{"variables": ["first", "second"]}`), and `#catalog "Name"` reads
 * `<catalogs>/Name.json`, an object of items by key. Each file is read once, when a template first asks for it.
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
