/**
 * Reading a project's files without following symbolic links out of the project.
 *
 * A pull request can add `recordings/x.json -> /proc/self/environ` or `users/u.json -> ~/.aws/credentials`; a
 * command that reads it would print the file in a code frame. A file whose path lies inside the folder but whose
 * real path (links resolved) does not is refused. A path that names a place outside the folder by itself (a
 * `users` glob of `../shared/*.json`, a file given on the command line) is read as written: that is the
 * config's or the user's own choice, not a link's.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../diagnostics/source.js';

/** A file refused because a symbolic link takes it out of its folder. */
export class OutsideFolderError extends Error {
  constructor(
    readonly file: string,
    readonly folder: string,
  ) {
    super('is a symbolic link to a file outside the project folder: not read');
    this.name = 'OutsideFolderError';
  }
}

function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** True when `file` is under `folder` as written but a symbolic link resolves it to somewhere outside. */
export function leavesFolder(file: string, folder: string): boolean {
  const lexical = resolve(file);
  const root = resolve(folder);
  if (!isWithin(lexical, root)) return false;
  let real: string;
  try {
    real = realpathSync(lexical);
  } catch {
    return false; // a missing file or a dangling link: reading it fails with its own error
  }
  return !isWithin(real, realpathOrSelf(root));
}

/** The file's text; throws OutsideFolderError when a link takes it out of `folder`. */
export function readFileInside(file: string, folder: string): string {
  if (leavesFolder(file, folder)) throw new OutsideFolderError(file, folder);
  return readFileSync(file, 'utf8');
}

/** The diagnostic for a refused link, `shown` being the file as messages name it. */
export function outsideFolderDiagnostic(shown: string): Diagnostic {
  return diagnostic(
    'outside-project',
    'error',
    `${shown} is a symbolic link to a file outside the project folder: not read`,
    new SourceText('', shown).span(0, 0),
    {
      file: shown,
      hint: 'copy the file into the project folder, or name its real path in the config',
    },
  );
}
