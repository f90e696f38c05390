/** How a file is named in messages: relative to the working directory, unless that climbs out of it. */
import { relative } from 'node:path';

export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}
