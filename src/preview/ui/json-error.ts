/**
 * Invalid JSON in an edited textarea: the server answers POST /api/render with HTTP 400 and
 * `{ error: { which: 'user' | feedId, message, line, column } }`. This maps that answer to the textarea it belongs to
 * and to a character offset there, so the app can show the error inline and select the spot. Pure, no DOM.
 */
import type { JsonError } from './types.js';

/** The JsonError of a 400 body, or null when the body is not that shape (then the app shows a generic failure). */
export function readJsonError(body: unknown): JsonError | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { which, message, line, column } = error as Record<string, unknown>;
  if (typeof which !== 'string' || typeof message !== 'string') return null;
  return {
    which,
    message,
    line: typeof line === 'number' && line >= 1 ? Math.floor(line) : 1,
    column: typeof column === 'number' && column >= 1 ? Math.floor(column) : 1,
  };
}

/** The 0-based offset of a 1-based line:column in text, clamped to the text (the text may have changed since). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return Math.min(offset + Math.max(column - 1, 0), end);
}

/** The sentence under the textarea: which data, where, what is wrong. */
export function describeJsonError(error: JsonError, feeds: readonly { id: string; alias: string | null }[]): string {
  const feed = feeds.find((f) => f.id === error.which);
  const what = error.which === 'user' ? 'User profile' : feed !== undefined ? `Feed ${feed.alias || feed.id}` : `Feed ${error.which}`;
  return `${what}: invalid JSON at line ${error.line}, column ${error.column}: ${error.message}. The preview keeps the last good render.`;
}
