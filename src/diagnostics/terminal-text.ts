/**
 * Text from templates, payloads and file names is printed to terminals. Control characters in it could move
 * the cursor, recolour or retitle the terminal, or ring its bell (ESC, CSI, BEL), and bidirectional controls
 * could reorder what the user reads: they are shown escaped (`\x1b`, `\u009b`), so no input can drive the
 * terminal. Tab stays (frames keep it for alignment); a line feed stays only where the caller allows it.
 */
// C0 controls but tab and line feed, DEL, C1 controls, the line and paragraph separators, the bidi controls.
const CONTROLS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069';
const CONTROL = new RegExp(`[${CONTROLS}\\n]`);
const CONTROL_ALL = new RegExp(`[${CONTROLS}\\n]`, 'g');
const CONTROL_BUT_LINE_FEED = new RegExp(`[${CONTROLS}]`, 'g');

/** `\x1b` for a C0 control or DEL, `\u009b` for the others. */
export function escapeControlCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character escaped; `keepLineFeeds` leaves `\n` as it is (multi-line messages). */
export function escapeControlCharacters(text: string, keepLineFeeds = false): string {
  return text.replace(keepLineFeeds ? CONTROL_BUT_LINE_FEED : CONTROL_ALL, escapeControlCharacter);
}

export function isControlCharacter(ch: string): boolean {
  return CONTROL.test(ch);
}
