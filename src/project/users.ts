/**
 * User profiles of a project: JSON files (one profile each) or NDJSON files (one profile a line), found by the
 * config's `users` glob. A user's id is its `userId` field (default `id`), else the file name.
 */
import { outsideFolderDiagnostic, OutsideFolderError, readFileInside } from '../io/inside-folder.js';
import { basename, extname, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-location.js';
import { JsonNumber } from '../values/json-number.js';
import { parseJson, type JsonParseResult } from '../values/json.js';
import { printValue } from '../values/print.js';
import type { Value } from '../values/types.js';

export interface UserProfile {
  id: string;
  file: string;
  /** The line of an NDJSON profile. */
  line?: number;
  profile: Value;
}

/** The non-blank lines of an NDJSON file, with where each starts. */
function ndjsonLines(text: string): Array<{ text: string; offset: number; line: number }> {
  const lines: Array<{ text: string; offset: number; line: number }> = [];
  let offset = 0;
  text.split('\n').forEach((line, index) => {
    if (line.trim()) lines.push({ text: line, offset, line: index + 1 });
    offset += line.length + 1;
  });
  return lines;
}

/** A user profile is a JSON object (Iterable's user fields); a string, array, number or null is refused where it stands. */
function notAnObject(parsed: Extract<JsonParseResult, { ok: true }>, source: SourceText, shift: number): Diagnostic | undefined {
  if (parsed.value instanceof Map) return undefined;
  const found = describeKind(parsed.value);
  const start = shift + parsed.tree.offset;
  return diagnostic('user-profile', 'error', `a user profile is a JSON object of user fields, found ${found}`, source.span(start, start + Math.max(1, parsed.tree.length)), {
    file: source.file!,
    hint: 'write {"id": "ann", "firstName": "Ann", ...}; several profiles go one per line in an .ndjson file',
  });
}

/** `a string`, `an array`, `null`... for messages. */
export function describeKind(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof JsonNumber) return 'a number';
  return 'an object';
}

export function loadUsers(dir: string, pattern: string, idField: string): { users: Map<string, UserProfile>; diagnostics: Diagnostic[] } {
  const users = new Map<string, UserProfile>();
  const diagnostics: Diagnostic[] = [];
  const files = globSync(pattern, { cwd: dir, absolute: true }).sort();
  for (const file of files) {
    const shown = relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = readFileInside(file, dir);
    } catch (error) {
      if (!(error instanceof OutsideFolderError)) throw error;
      diagnostics.push(outsideFolderDiagnostic(shown));
      continue;
    }
    const ndjson = extname(file) === '.ndjson' || extname(file) === '.jsonl';
    const source = new SourceText(text, shown);
    for (const entry of ndjson ? ndjsonLines(text) : [{ text, offset: 0, line: 1 }]) {
      const parsed = parseJson(entry.text);
      if (!parsed.ok) {
        diagnostics.push(jsonSyntaxDiagnostic(source, parsed.error, 'the user profile', entry.offset));
        continue;
      }
      const profile = parsed.value;
      const notObject = notAnObject(parsed, source, entry.offset);
      if (notObject) {
        diagnostics.push(notObject);
        continue;
      }
      const field = profile instanceof Map ? profile.get(idField) : undefined;
      const id = typeof field === 'string' || field instanceof JsonNumber ? printValue(field) : ndjson ? undefined : basename(file, extname(file));
      if (id === undefined) {
        diagnostics.push(diagnostic('user-id', 'error', `an NDJSON profile needs an "${idField}" field`, source.span(entry.offset, entry.offset + entry.text.length), { file: shown }));
        continue;
      }
      if (users.has(id)) {
        diagnostics.push(diagnostic('user-id', 'error', `two profiles have the id '${id}' (the other is ${users.get(id)!.file})`, source.span(entry.offset, entry.offset + entry.text.length), { file: shown }));
        continue;
      }
      const user: UserProfile = { id, file, profile };
      if (ndjson) user.line = entry.line;
      users.set(id, user);
    }
  }
  return { users, diagnostics };
}
