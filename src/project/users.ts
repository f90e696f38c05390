/**
 * User profiles of a project: JSON files (one profile each) or NDJSON files (one profile a line), found by the
 * config's `users` glob. A user's id is its `userId` field (default `id`), else the file name.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { globSync } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-location.js';
import { unreadable } from '../diagnostics/unreadable.js';
import { JsonNumber } from '../values/json-number.js';
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

export interface LoadedUsers {
  users: Map<string, UserProfile>;
  diagnostics: Diagnostic[];
  /** How many files the glob matched (0: the glob is probably wrong). */
  files: number;
  /** The texts of files with a diagnostic, by file as shown (for code frames). */
  sources: Map<string, string>;
}

/** `shown` names a file in messages (relative to the caller's working directory). */
export function loadUsers(dir: string, pattern: string, idField: string, shown: (file: string) => string): LoadedUsers {
  const users = new Map<string, UserProfile>();
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const files = globSync(pattern, { cwd: dir, absolute: true }).sort();
  for (const file of files) {
    const label = shown(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      diagnostics.push(unreadable(label, error));
      continue;
    }
    const before = diagnostics.length;
    const ndjson = extname(file) === '.ndjson' || extname(file) === '.jsonl';
    const source = new SourceText(text, label);
    for (const entry of ndjson ? ndjsonLines(text) : [{ text, offset: 0, line: 1 }]) {
      const parsed = parseJson(entry.text);
      if (!parsed.ok) {
        diagnostics.push(jsonSyntaxDiagnostic(source, parsed.error, 'the user profile', entry.offset));
        continue;
      }
      const profile = parsed.value;
      const field = profile instanceof Map ? profile.get(idField) : undefined;
      const id = typeof field === 'string' || field instanceof JsonNumber ? printValue(field) : ndjson ? undefined : basename(file, extname(file));
      if (id === undefined) {
        diagnostics.push(diagnostic('user-id', 'error', `an NDJSON profile needs an "${idField}" field`, source.span(entry.offset, entry.offset + entry.text.length), { file: label }));
        continue;
      }
      if (users.has(id)) {
        diagnostics.push(diagnostic('user-id', 'error', `two profiles have the id '${id}' (the other is ${users.get(id)!.file})`, source.span(entry.offset, entry.offset + entry.text.length), { file: label }));
        continue;
      }
      const user: UserProfile = { id, file, profile };
      if (ndjson) user.line = entry.line;
      users.set(id, user);
    }
    if (diagnostics.length > before) sources.set(label, text);
  }
  return { users, diagnostics, files: files.length, sources };
}
