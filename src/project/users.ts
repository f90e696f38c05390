/**
 * User profiles of a project: JSON files (one profile each) or NDJSON files (one profile a line), found by the
 * config's `users` glob. A user's id is its `userId` field (default `id`), else the file name.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { parseJson } from '../values/json.js';
import { printValue } from '../values/print.js';
import type { Value } from '../values/types.js';

export interface UserProfile {
  id: string;
  file: string;
  /** The line of an NDJSON profile. */
  line?: number;
  profile: Value;
}

export function loadUsers(dir: string, pattern: string, idField: string): { users: Map<string, UserProfile>; diagnostics: Diagnostic[] } {
  const users = new Map<string, UserProfile>();
  const diagnostics: Diagnostic[] = [];
  const files = globSync(pattern, { cwd: dir, absolute: true }).sort();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const shown = relative(process.cwd(), file) || file;
    const ndjson = extname(file) === '.ndjson' || extname(file) === '.jsonl';
    const entries = ndjson ? text.split('\n').map((line, i) => ({ text: line, line: i + 1 })).filter((e) => e.text.trim()) : [{ text, line: 1 }];
    for (const entry of entries) {
      const parsed = parseJson(entry.text);
      if (!parsed.ok) {
        const source = new SourceText(entry.text, shown);
        const at = source.position(parsed.error.offset);
        const span = { start: { ...at, line: at.line + entry.line - 1 }, end: { ...at, line: at.line + entry.line - 1 } };
        diagnostics.push(diagnostic('invalid-json', 'error', `the user profile is not valid JSON: ${parsed.error.message}`, span, { file: shown }));
        continue;
      }
      const profile = parsed.value;
      const field = profile instanceof Map ? profile.get(idField) : undefined;
      const id = typeof field === 'string' || (field && typeof field === 'object' && 'isInteger' in field) ? printValue(field) : ndjson ? undefined : basename(file, extname(file));
      if (id === undefined) {
        const source = new SourceText(text, shown);
        diagnostics.push(diagnostic('user-id', 'error', `an NDJSON profile needs an "${idField}" field`, source.span(0, 0), { file: shown }));
        continue;
      }
      if (users.has(id)) {
        const source = new SourceText(entry.text, shown);
        diagnostics.push(diagnostic('user-id', 'error', `two profiles have the id '${id}' (the other is ${users.get(id)!.file})`, source.span(0, 0), { file: shown }));
        continue;
      }
      const user: UserProfile = { id, file, profile };
      if (ndjson) user.line = entry.line;
      users.set(id, user);
    }
  }
  return { users, diagnostics };
}
