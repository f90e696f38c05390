/**
 * Iterable's other helpers: `#assign`, `sendSkip`, `snippet`, `#catalog` (Personalizing Templates with Handlebars,
 * https://support.iterable.com/hc/en-us/articles/205480365; Reasons for Send Skip Events,
 * https://support.iterable.com/hc/en-us/articles/360021169631). Each definition carries its meta (form, params,
 * missing-input behaviour, docs URL, fidelity). The block form of `#lookup` is in ./other/lookup-block.ts, for
 * the built-in `lookup` to delegate to. `#catalogKeys` and `#catalogCollection` (./other/catalog-many.ts) render
 * from the catalogs and collections a render is given, and warn (`not-emulated`) without them.
 */
import type { HelperDefinition } from '../types.js';
import { assignHelper } from './other/assign.js';
import { catalogHelper } from './other/catalog.js';
import { catalogCollectionHelper, catalogKeysHelper } from './other/catalog-many.js';
import { sendSkipHelper } from './other/send-skip.js';
import { snippetHelper } from './other/snippet.js';

export { renderLookupBlock } from './other/lookup-block.js';

export const otherHelpers: HelperDefinition[] = [assignHelper, sendSkipHelper, snippetHelper, catalogHelper, catalogKeysHelper, catalogCollectionHelper];
