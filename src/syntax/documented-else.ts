/**
 * The one mixed else Iterable documents: a plain `{{else}}` directly inside a `[[#block]]`. Its "Troubleshooting
 * Handlebars Code" article (https://support.iterable.com/hc/en-us/articles/36530857619348) gives it as the way to
 * write a data-feed conditional:
 *
 *   [[#if firstName]]
 *       Hi [[firstName]],
 *   {{else}}
 *       Hi friend,
 *   [[/if]]
 *
 * mergetag renders it as the block's else (DESIGN.md rule 2) and, since the documentation is the strongest evidence
 * it has, neither the parser (`mixed-else`) nor the linter (`mixed-delimiter-else`) reports it. Every other mixed
 * else stays reported: `[[else]]` inside a `{{#block}}`, `{{^}}`, and `{{else if x}}` (whose condition reads the
 * other family's data) appear in no Iterable example.
 */
import type { Family } from './ast.js';

/** `{{else}}`, `{{~else~}}`: an else with no condition, spelled with the word. */
const PLAIN_ELSE = /^\{\{~?\s*else\s*~?\}\}$/;

/** Whether an else tag (its source text and family) inside a block of `blockFamily` is the documented mixed else. */
export function isDocumentedMixedElse(elseText: string, elseFamily: Family, blockFamily: Family): boolean {
  return elseFamily === 'user' && blockFamily === 'feed' && PLAIN_ELSE.test(elseText);
}
