/**
 * Iterable's text helpers. Each definition carries its meta (form, params, missing-input behaviour, docs URL).
 *
 * Iterable documents them under jknack's StringHelpers names (https://support.iterable.com/hc/en-us/articles/205480365,
 * "Working with strings"); their behaviour beyond the documented examples is jknack's, as the conformance corpus
 * `helpers.jsonl` records it. `#breaklines` and `length` are Iterable's own.
 */
import type { HelperDefinition } from '../types.js';
import { breaklinesHelper } from './text/breaklines.js';
import { capitalizeFirstHelper, capitalizeHelper, lowerHelper, upperHelper } from './text/case.js';
import { abbreviateHelper, centerHelper, cutHelper, replaceHelper, slugifyHelper, stripTagsHelper, substringHelper } from './text/edit.js';
import { joinHelper } from './text/join.js';
import { lengthHelper } from './text/length.js';

export const textHelpers: HelperDefinition[] = [
  lengthHelper,
  capitalizeFirstHelper,
  capitalizeHelper,
  upperHelper,
  lowerHelper,
  cutHelper,
  replaceHelper,
  substringHelper,
  abbreviateHelper,
  slugifyHelper,
  breaklinesHelper,
  centerHelper,
  joinHelper,
  stripTagsHelper,
];
