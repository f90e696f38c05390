/** The diagnostic for an input file that exists but cannot be read: a folder named like a file, no permission. */
import { diagnostic, type Diagnostic } from './diagnostic.js';

export function unreadable(label: string, error: unknown): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
  const at = { line: 1, column: 1, offset: 0 };
  return diagnostic('input-file', 'error', `cannot read the file: ${why}`, { start: at, end: at }, { file: label, hint: 'fix or remove it' });
}
