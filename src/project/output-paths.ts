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
 * filesystem; `reserved` are files the command writes itself (summary.json). `paths` is read once, in order (a
 * generator of 100,000 cases is fine): what is kept is one entry per path and folder.
 */
export function findCollisions(paths: Iterable<string>, reserved: readonly string[] = []): Collision[] {
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
