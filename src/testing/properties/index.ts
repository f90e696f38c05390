/** The built-in properties of `checkTemplate` and `mergetag check`, in the order they run and are reported. */
import { aliasRename } from './alias-rename.js';
import { aliasReorder } from './alias-reorder.js';
import { feedUrl } from './feed-url.js';
import { maxSize } from './max-size.js';
import { mergeContext } from './merge-context.js';
import { noGarbage } from './no-garbage.js';
import { notSkipped } from './not-skipped.js';
import { printsScalars } from './prints-scalars.js';
import type { Property } from './property.js';
import { unaliasedMerge } from './unaliased-merge.js';

export const BUILTIN_PROPERTIES: readonly Property[] = [
  notSkipped,
  printsScalars,
  noGarbage,
  feedUrl,
  maxSize,
  aliasRename,
  aliasReorder,
  unaliasedMerge,
  mergeContext,
];

export type { CheckInputs, Property, PropertyContext } from './property.js';
