import { isAbsolute, relative, sep } from 'node:path';

/** A file as a formatter shows it: relative to `cwd` with forward slashes, unless it is outside. */
export function displayFile(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file.split(sep).join('/');
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') ? file : rel.split(sep).join('/');
}
