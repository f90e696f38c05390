/** Iterable's help-center articles that document the other helpers. */
export const PERSONALIZING_DOCS = 'https://support.iterable.com/hc/en-us/articles/205480365';
export const SEND_SKIPS_DOCS = 'https://support.iterable.com/hc/en-us/articles/360021169631';
/** Using Catalogs & Collections in Messages: `#catalog`, `#catalogKeys`, `#catalogCollection`. */
export const CATALOG_MESSAGES_DOCS = 'https://support.iterable.com/hc/en-us/articles/360033215032';
export const SNIPPET_VARIABLES_DOCS = 'https://support.iterable.com/hc/en-us/articles/4414796078868';

/** `required=true` (or `required="true"`), as `#catalog` and `snippet` take it. */
export function isRequired(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}
