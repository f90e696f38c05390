/**
 * HTML escaping of `{{x}}` and `[[x]]` output: Handlebars.java's default `EscapingStrategy.HTML_ENTITY`, the same
 * set as handlebars.js. Nothing else is escaped (not `/`, not non-ASCII), and existing entities are escaped again.
 * Evidence: conformance corpus `esc.*` (DESIGN.md rule 3).
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

const NEEDS_ESCAPE = /[&<>"'`=]/;
const ESCAPABLE = /[&<>"'`=]/g;

export function escapeHtml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPABLE, (ch) => ENTITIES[ch]!);
}
