/** Iterable's help-center articles that document the list helpers. */
export const LOOPING_DOCS = 'https://support.iterable.com/hc/en-us/articles/36531450481300';
export const PERSONALIZING_DOCS = 'https://support.iterable.com/hc/en-us/articles/205480365';
