/**
 * `Character.isWhitespace(int)`: space, line and paragraph separators except the non-breaking ones (U+00A0,
 * U+2007, U+202F), plus U+0009–U+000D and U+001C–U+001F. Shared by the helpers (`strip`...) and by the Java
 * methods the renderer answers for (`String.isBlank()`).
 */
export function isJavaWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f);
  if (code < 0x1680) return false;
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a && code !== 0x2007) || code === 0x2028 || code === 0x2029 || code === 0x205f || code === 0x3000;
}
