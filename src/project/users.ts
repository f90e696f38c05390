/**
 * User profiles of a project: JSON files (one profile each) or NDJSON files (one profile a line), found by the
 * config's `users` glob. A user's id is its `userId` field (default `id`), else the file name.
 *
 * Opening a project reads every profile once, to check it and learn its id, and keeps only the id and where the
 * profile is (an NDJSON line as a byte range). A profile is read again when a render asks for it, one at a time:
 * a project of many users holds their ids, not their profiles.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { outsideFolderDiagnostic, OutsideFolderError, readFileInside } from '../io/inside-folder.js';
import { globSync } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Reporter } from '../diagnostics/reporter.js';
import { SourceText } from '../diagnostics/source.js';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-location.js';
import { unreadable } from '../diagnostics/unreadable.js';
import { JsonNumber } from '../values/json-number.js';
import { parseJson, type JsonParseResult } from '../values/json.js';
import { printValue } from '../values/print.js';
import type { Value } from '../values/types.js';

export interface UserProfile {
  id: string;
  file: string;
  /** The line of an NDJSON profile. */
  line?: number;
  /** The profile, read from its file when asked for. */
  readonly profile: Value;
}

/** Where a profile is in its file: the whole file, or the bytes of one NDJSON line. */
type ProfilePlace = { whole: true } | { whole: false; byteOffset: number; byteLength: number };

/** Reads profiles on demand and keeps the last one, so a user's cases (templates × variants) read it once. */
class ProfileReader {
  private last: { user: StoredUser; value: Value } | undefined;

  read(user: StoredUser, place: ProfilePlace): Value {
    if (this.last?.user === user) return this.last.value;
    const text = place.whole ? readFileSync(user.file, 'utf8') : readBytes(user.file, place.byteOffset, place.byteLength);
    const parsed = parseJson(text);
    // It parsed when the project was opened: the file changed since.
    if (!parsed.ok) throw new Error(`${user.file}${user.line ? `:${user.line}` : ''}: the user profile changed while mergetag was running`);
    this.last = { user, value: parsed.value };
    return parsed.value;
  }
}

class StoredUser implements UserProfile {
  line?: number;

  constructor(
    readonly id: string,
    readonly file: string,
    line: number | undefined,
    private readonly place: ProfilePlace,
    private readonly reader: ProfileReader,
  ) {
    if (line !== undefined) this.line = line;
  }

  get profile(): Value {
    return this.reader.read(this, this.place);
  }
}

function readBytes(file: string, offset: number, length: number): string {
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    let read = 0;
    while (read < length) {
      const n = readSync(fd, buffer, read, length - read, offset + read);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString('utf8', 0, read);
  } finally {
    closeSync(fd);
  }
}

interface Entry {
  text: string;
  /** Where it starts in the text (UTF-16 units), and in the file (bytes). */
  offset: number;
  byteOffset: number;
  line: number;
}

/** The non-blank lines of an NDJSON file, with where each starts. */
function ndjsonLines(text: string): Entry[] {
  const lines: Entry[] = [];
  let offset = 0;
  let byteOffset = 0;
  text.split('\n').forEach((line, index) => {
    if (line.trim()) lines.push({ text: line, offset, byteOffset, line: index + 1 });
    offset += line.length + 1;
    byteOffset += Buffer.byteLength(line, 'utf8') + 1;
  });
  return lines;
}

/** A user profile is a JSON object (Iterable's user fields); a string, array, number or null is refused where it stands. */
function notAnObject(parsed: Extract<JsonParseResult, { ok: true }>, reporter: Reporter, shift: number): Diagnostic | undefined {
  if (parsed.value instanceof Map) return undefined;
  const found = describeKind(parsed.value);
  const start = shift + parsed.tree.offset;
  return reporter.report(
    'user-profile',
    `a user profile is a JSON object of user fields, found ${found}`,
    { start, end: start + Math.max(1, parsed.tree.length) },
    {
      hint: 'write {"id": "ann", "firstName": "Ann", ...}; several profiles go one per line in an .ndjson file',
    },
  );
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
  const reader = new ProfileReader();
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const files = globSync(pattern, { cwd: dir, absolute: true }).sort();
  for (const file of files) {
    const label = shown(file);
    let text: string;
    try {
      text = readFileInside(file, dir);
    } catch (error) {
      diagnostics.push(error instanceof OutsideFolderError ? outsideFolderDiagnostic(label) : unreadable(label, error));
      continue;
    }
    const before = diagnostics.length;
    const ndjson = extname(file) === '.ndjson' || extname(file) === '.jsonl';
    const reporter = new Reporter(new SourceText(text, label));
    for (const entry of ndjson ? ndjsonLines(text) : [{ text, offset: 0, byteOffset: 0, line: 1 }]) {
      const parsed = parseJson(entry.text);
      if (!parsed.ok) {
        diagnostics.push(jsonSyntaxDiagnostic(reporter.source, parsed.error, 'the user profile', entry.offset));
        continue;
      }
      const profile = parsed.value;
      const notObject = notAnObject(parsed, reporter, entry.offset);
      if (notObject) {
        diagnostics.push(notObject);
        continue;
      }
      const field = profile instanceof Map ? profile.get(idField) : undefined;
      const id = typeof field === 'string' || field instanceof JsonNumber ? printValue(field) : ndjson ? undefined : basename(file, extname(file));
      if (id === undefined) {
        diagnostics.push(
          reporter.report('user-id', `an NDJSON profile needs an "${idField}" field`, { start: entry.offset, end: entry.offset + entry.text.length }),
        );
        continue;
      }
      if (id === '') {
        // Nothing could name it: not --user, not an output file.
        diagnostics.push(
          reporter.report(
            'user-id',
            `the "${idField}" field is empty`,
            { start: entry.offset, end: entry.offset + entry.text.length },
            { hint: 'give every profile a non-empty id' },
          ),
        );
        continue;
      }
      if (users.has(id)) {
        diagnostics.push(
          reporter.report('user-id', `two profiles have the id '${id}' (the other is ${shown(users.get(id)!.file)})`, {
            start: entry.offset,
            end: entry.offset + entry.text.length,
          }),
        );
        continue;
      }
      const place: ProfilePlace = ndjson ? { whole: false, byteOffset: entry.byteOffset, byteLength: Buffer.byteLength(entry.text, 'utf8') } : { whole: true };
      users.set(id, new StoredUser(id, file, ndjson ? entry.line : undefined, place, reader));
    }
    if (diagnostics.length > before) sources.set(label, text);
  }
  return { users, diagnostics, files: files.length, sources };
}
