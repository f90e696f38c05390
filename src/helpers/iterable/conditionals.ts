/**
 * Iterable's conditional helpers:
 *   - jknack's ConditionalHelpers as Iterable names them (`eq`, `neq`, `gt`, `gte`, `lt`, `lte`, `and`, `or`,
 *     `not`), block and inline, exactly as Handlebars.java runs them on JSON data (./conditionals/jknack.ts);
 *   - Iterable's own block helpers `#ifEq`, `#ifGt`, `#ifGte`, `#ifLt`, `#ifLte`, `#ifModEq`, `#ifContainsStr`,
 *     `#ifMatchesRegexStr` and `#ifContains`, from Iterable's documentation (./conditionals/iterable-if.ts).
 * Each definition carries its meta (form, params, missing-input behaviour, docs URL, fidelity and notes).
 */
import type { HelperDefinition } from '../types.js';
import { iterableIfHelpers } from './conditionals/iterable-if.js';
import { jknackConditionalHelpers } from './conditionals/jknack.js';

export const conditionalsHelpers: HelperDefinition[] = [...jknackConditionalHelpers, ...iterableIfHelpers];
