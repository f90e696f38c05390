/**
 * Where `render --all` writes each case: `<template folder>/<template name>/<user id>[=<event>][~<variant>]<ext>` under
 * the output folder, e.g. `en/welcome/ann.html` for template `en/welcome.html` and user `ann`; the event is named
 * only when the template has several sample events (`receipt/ann=purchase.html`). Ids and names come
 * from user data, so every segment is encoded to a name that is safe on common filesystems and reversible:
 * characters outside `A-Z a-z 0-9 _ . @ + -` (so `/`, `\`, NUL, control characters, `%`, `~`, non-ASCII) are
 * percent-encoded as UTF-8, like a URL; a leading or trailing dot and Windows device names (CON, NUL, ...) have
 * their first character encoded. A name too long for a filesystem (255 bytes) is cut and given a hash of the whole
 * name. The result never climbs out of the folder; two cases that still meet (names equal but for case, on a
 * case-insensitive filesystem) are found by `findCollisions` before anything is written.
 */
import { createHash } from 'node:crypto';

/** Names are cut to this many characters (plus a 14-character hash): well under the 255 bytes of ext4, APFS, NTFS. */
export const MAX_NAME = 200;
const SAFE = /[A-Za-z0-9_.@+-]/;
const ALL_SAFE = /^[A-Za-z0-9_.@+-]*$/;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

function percent(char: string): string {
  return [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** One path segment from data, as a safe file name; `decodeSegment` gives the text back. */
export function encodeSegment(text: string): string {
  let out = '';
  if (ALL_SAFE.test(text))
    out = text; // most ids: nothing to encode, no character-by-character copy
  else for (const char of text) out += SAFE.test(char) ? char : percent(char);
  if (out.startsWith('.')) out = `%2E${out.slice(1)}`;
  if (out.endsWith('.')) out = `${out.slice(0, -1)}%2E`;
  if (WINDOWS_DEVICE.test(out)) out = `${percent(out[0]!)}${out.slice(1)}`;
  return out;
}

export function decodeSegment(name: string): string {
  return decodeURIComponent(name);
}

/** Cuts a long name (not inside a %XX escape) and adds a hash of the whole name, so that cut names stay distinct. */
function capLength(name: string): string {
  if (name.length <= MAX_NAME) return name;
  let cut = MAX_NAME;
  const escape = name.lastIndexOf('%', cut);
  if (escape > cut - 3) cut = escape;
  return `${name.slice(0, cut)}~~${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
}

/**
 * The output file of a case, relative to the output folder, with `/` separators. `template` is the template's
 * path relative to the config folder (`en/welcome.html`).
 */
export function caseOutputPath(template: string, userId: string, variant: string | undefined, event?: string): string {
  const segments = template.split(/[\\/]/).filter((segment) => segment !== '' && segment !== '.');
  const last = segments.pop() ?? 'template';
  const dot = last.lastIndexOf('.');
  const stem = dot > 0 ? last.slice(0, dot) : last;
  const extension = dot > 0 ? last.slice(dot + 1) : 'html';
  const folders = [...segments, stem].map((segment) => capLength(encodeSegment(segment)));
  // `=` and `~` never appear in an encoded segment, so they set the event and the variant apart unambiguously.
  const name = capLength(
    encodeSegment(userId) + (event === undefined ? '' : `=${encodeSegment(event)}`) + (variant === undefined ? '' : `~${encodeSegment(variant)}`),
  );
  return [...folders, `${name}.${encodeSegment(extension)}`].join('/');
}

/** How a file system that ignores case (and Unicode normalisation) would name a path. */
function foldKey(path: string): string {
  return path.normalize('NFC').toLowerCase();
}

export interface Collision {
  path: string;
  /** The index of the case that took the path first, and of the one that meets it. */
  first: number;
  second: number;
}

/**
 * Paths that two cases would share, or where one case's file is another's folder, on a case-insensitive
 * filesystem; `reserved` are files the command writes itself (summary.json). `paths` is an array, or a function
 * that makes the sequence (a generator of 100,000 cases is fine), read once, in order, and read again only when
 * two paths may meet; `expected` is about how many paths there are.
 *
 * The first reading keeps no path: each one is a 64-bit hash of its folded name in a table of numbers, a dozen
 * bytes a path and no object for the garbage collector (100,000 names and their map were about 11 MB of heap
 * that render --all carried to its end). Two paths meet only if their hashes do; then the paths are read again,
 * and compared as they are, by `exactCollisions`.
 */
export function findCollisions(paths: Iterable<string> | (() => Iterable<string>), reserved: readonly string[] = [], expected = 0): Collision[] {
  const read = typeof paths === 'function' ? paths : () => paths;
  const table = new HashTable(expected + reserved.length);
  const folders = new Map<string, number>();
  reserved.forEach((path) => table.add(foldKey(path), -1));
  let index = 0;
  for (const path of read()) {
    const key = foldKey(path);
    if (table.get(key) !== undefined || folders.has(key)) return exactCollisions(read(), reserved);
    table.add(key, index);
    for (let slash = key.indexOf('/'); slash !== -1; slash = key.indexOf('/', slash + 1)) {
      const folder = key.slice(0, slash);
      if (folders.has(folder)) continue;
      if (table.get(folder) !== undefined) return exactCollisions(read(), reserved);
      folders.set(folder, index);
    }
    index++;
  }
  return [];
}

/** Every collision, as `findCollisions` describes them, from the paths themselves: one entry per path and folder. */
function exactCollisions(paths: Iterable<string>, reserved: readonly string[]): Collision[] {
  const files = new Map<string, number>();
  const folders = new Map<string, number>();
  reserved.forEach((path) => files.set(foldKey(path), -1));
  const collisions: Collision[] = [];
  let index = 0;
  for (const path of paths) {
    const key = foldKey(path);
    const taken = files.get(key) ?? folders.get(key);
    if (taken !== undefined) collisions.push({ path, first: taken, second: index });
    else files.set(key, index);
    for (let slash = key.indexOf('/'); slash !== -1; slash = key.indexOf('/', slash + 1)) {
      const folder = key.slice(0, slash);
      const file = files.get(folder);
      if (file !== undefined && !folders.has(folder)) collisions.push({ path: folder, first: file, second: index });
      if (!folders.has(folder)) folders.set(folder, index);
    }
    index++;
  }
  return collisions;
}

/**
 * A set of strings kept as 64-bit hashes (two 32-bit FNV-1a variants over the UTF-16 units) with a number each,
 * open addressing in typed arrays: `get` answers "maybe present" (the number of an entry with the same hash) or
 * surely absent.
 */
class HashTable {
  private high: Int32Array;
  private low: Int32Array;
  /** The entry's number + 2; 0 marks an empty slot. */
  private values: Int32Array;
  private size = 0;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.high = new Int32Array(capacity);
    this.low = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  get(key: string): number | undefined {
    const [high, low] = hash(key);
    const mask = this.values.length - 1;
    for (let slot = high & mask; this.values[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.high[slot] === high && this.low[slot] === low) return this.values[slot]! - 2;
    }
    return undefined;
  }

  add(key: string, value: number): void {
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    const [high, low] = hash(key);
    this.insert(high, low, value + 2);
    this.size++;
  }

  private insert(high: number, low: number, stored: number): void {
    const mask = this.values.length - 1;
    let slot = high & mask;
    while (this.values[slot] !== 0) slot = (slot + 1) & mask;
    this.high[slot] = high;
    this.low[slot] = low;
    this.values[slot] = stored;
  }

  private grow(): void {
    const { high, low, values } = this;
    this.high = new Int32Array(values.length * 2);
    this.low = new Int32Array(values.length * 2);
    this.values = new Int32Array(values.length * 2);
    for (let slot = 0; slot < values.length; slot++) if (values[slot] !== 0) this.insert(high[slot]!, low[slot]!, values[slot]!);
  }
}

/** Two 32-bit hashes of a string: FNV-1a, and FNV-1a from another offset with its result mixed again. */
function hash(text: string): [number, number] {
  let high = 0x811c9dc5 | 0;
  let low = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    high = Math.imul(high ^ unit, 0x01000193);
    low = Math.imul(low ^ unit, 0x5bd1e995);
    low ^= low >>> 15;
  }
  return [high, low];
}
