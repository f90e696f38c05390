/**
 * User profiles of a project: JSON files (one profile each) or NDJSON files (one profile a line), found by the
 * config's `users` glob. A user's id is its `userId` field (default `id`), else the file name.
 *
 * Opening a project reads every profile once, to check it and learn its id, and keeps only the id and where the
 * profile is (an NDJSON line as a byte range). That first read is a scan (values/json.ts `scanJsonObject`): it
 * builds no value, and NDJSON files stream through a chunk at a time. A profile is parsed when a render asks for
 * it, one at a time (profile-reader.ts): a project of many users holds their ids, not their profiles, and parses
 * each once. A file with any problem is read again whole, and every problem in it reported where it stands.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { leavesFolder, outsideFolderDiagnostic, OutsideFolderError, readFileInside } from '../io/inside-folder.js';
import { globSync } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Reporter } from '../diagnostics/reporter.js';
import { SourceText } from '../diagnostics/source.js';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-location.js';
import { unreadable } from '../diagnostics/unreadable.js';
import { describeKind } from '../values/describe-kind.js';
import { JsonNumber } from '../values/json-number.js';
import { parseJson, scanJsonObject, type JsonParseResult } from '../values/json.js';
import { printValue } from '../values/print.js';
import type { Value } from '../values/types.js';
import { ndjsonLines } from './ndjson-lines.js';
import { ProfileReader, type ProfilePlace } from './profile-reader.js';

export interface UserProfile {
  id: string;
  file: string;
  /** The line of an NDJSON profile. */
  line?: number;
  /** The profile, read from its file when asked for. */
  readonly profile: Value;
}

/** A user as the project keeps it: id and where the profile is, a few dozen bytes (100,000 users: a few MB). */
class StoredUser implements UserProfile {
  line?: number;

  constructor(
    readonly id: string,
    readonly file: string,
    line: number | undefined,
    /** Where the profile is in its file: its NDJSON line as bytes, or the whole file (`byteLength` -1). */
    private readonly byteOffset: number,
    private readonly byteLength: number,
    private readonly reader: ProfileReader,
  ) {
    if (line !== undefined) this.line = line;
  }

  get profile(): Value {
    return this.reader.read(this, this.byteLength < 0 ? WHOLE_FILE : { whole: false, byteOffset: this.byteOffset, byteLength: this.byteLength });
  }
}

const WHOLE_FILE: ProfilePlace = { whole: true };

/** A stored user at its place: the whole file, or the bytes of its NDJSON line. */
function storedUser(id: string, file: string, line: number | undefined, place: ProfilePlace, reader: ProfileReader): StoredUser {
  return place.whole ? new StoredUser(id, file, line, 0, -1, reader) : new StoredUser(id, file, line, place.byteOffset, place.byteLength, reader);
}

interface Entry {
  text: string;
  /** Where it starts in the file's text (UTF-16 units), and in the file (bytes). */
  offset: number;
  byteOffset: number;
  byteLength: number;
  line: number;
}

/** Where each line of a text starts (UTF-16 offsets). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) starts.push(newline + 1);
  return starts;
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
    const ndjson = extname(file) === '.ndjson' || extname(file) === '.jsonl';
    if (leavesFolder(file, dir)) {
      diagnostics.push(outsideFolderDiagnostic(label));
      continue;
    }
    const known = users.size;
    let clean: boolean;
    try {
      clean = scanFile(file, ndjson, idField, users, reader);
    } catch (error) {
      forgetAfter(users, known);
      diagnostics.push(unreadable(label, error));
      continue;
    }
    if (clean) continue;
    forgetAfter(users, known);
    let text: string;
    try {
      text = readFileInside(file, dir);
    } catch (error) {
      diagnostics.push(error instanceof OutsideFolderError ? outsideFolderDiagnostic(label) : unreadable(label, error));
      continue;
    }
    const before = diagnostics.length;
    checkFile({ file, label, text, ndjson, idField, users, reader, diagnostics, shown });
    if (diagnostics.length > before) sources.set(label, text);
  }
  return { users, diagnostics, files: files.length, sources };
}

/**
 * Adds the users of a file to `users` when every profile in it is fine (a JSON object with a usable id that no
 * other profile has), found without parsing; false at the first problem, for `checkFile` to report (the caller
 * takes back what was added). Users go straight into the map: no list or set of the file's ids is built beside
 * it (for 100,000 users those were 7 MB, garbage as soon as the file was read).
 */
function scanFile(file: string, ndjson: boolean, idField: string, users: Map<string, UserProfile>, reader: ProfileReader): boolean {
  if (!ndjson) {
    const scanned = scanJsonObject(readFileSync(file, 'utf8'), idField);
    if (!scanned) return false;
    const id = scanned.field === undefined ? basename(file, extname(file)) : printValue(scanned.field);
    if (id === '' || users.has(id)) return false;
    users.set(id, storedUser(id, file, undefined, WHOLE_FILE, reader));
    return true;
  }
  for (const entry of ndjsonLines(file)) {
    const scanned = scanJsonObject(entry.text, idField);
    if (!scanned || scanned.field === undefined) return false;
    const id = printValue(scanned.field);
    if (id === '' || users.has(id)) return false;
    users.set(id, new StoredUser(id, file, entry.line, entry.byteOffset, entry.byteLength, reader));
  }
  return true;
}

/** Removes the users added after the first `count` (a map keeps insertion order). */
function forgetAfter(users: Map<string, UserProfile>, count: number): void {
  let index = 0;
  for (const id of users.keys()) if (index++ >= count) users.delete(id);
}

interface FileCheck {
  file: string;
  label: string;
  text: string;
  ndjson: boolean;
  idField: string;
  users: Map<string, UserProfile>;
  reader: ProfileReader;
  diagnostics: Diagnostic[];
  shown: (file: string) => string;
}

/** Parses every profile of a file with a problem: reports each problem where it stands, and keeps the good profiles. */
function checkFile({ file, label, text, ndjson, idField, users, reader, diagnostics, shown }: FileCheck): void {
  const reporter = new Reporter(new SourceText(text, label));
  const starts = ndjson ? lineStarts(text) : [];
  const entries: Iterable<Entry> = ndjson
    ? [...ndjsonLines(file)].map((line) => ({ ...line, offset: starts[line.line - 1] ?? 0 }))
    : [{ text, offset: 0, byteOffset: 0, byteLength: 0, line: 1 }];
  for (const entry of entries) {
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
    const place: ProfilePlace = ndjson ? { whole: false, byteOffset: entry.byteOffset, byteLength: entry.byteLength } : { whole: true };
    users.set(id, storedUser(id, file, ndjson ? entry.line : undefined, place, reader));
  }
}
