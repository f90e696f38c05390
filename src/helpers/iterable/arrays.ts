/** Iterable's arrays helpers. Each definition carries its meta (form, params, missing-input behaviour, docs URL). */
import type { HelperDefinition } from '../types.js';

export const arraysHelpers: HelperDefinition[] = [];
