/**
 * Iterable's list helpers ("Looping Over Objects and Arrays", https://support.iterable.com/hc/en-us/articles/36531450481300):
 * `size`, `#minInList`, `#maxInList`, `#sortBy`, `#groupBy`, `inLeftNotInRight`. `#ifContains` is with the
 * conditionals. Each definition carries its meta (form, params, missing-input behaviour, docs URL, fidelity).
 */
import type { HelperDefinition } from '../types.js';
import { inLeftNotInRightHelper } from './arrays/difference.js';
import { maxInListHelper, minInListHelper } from './arrays/min-max.js';
import { sizeHelper } from './arrays/size.js';
import { groupByHelper, sortByHelper } from './arrays/sort-group.js';

export const arraysHelpers: HelperDefinition[] = [sizeHelper, minInListHelper, maxInListHelper, sortByHelper, groupByHelper, inLeftNotInRightHelper];
