/** Every rule mergetag has, in the order they are documented. One folder per rule, each with its own tests. */
import type { Rule } from '../rule.js';
import { feedPathNotFound } from './feed-path-not-found/index.js';
import { syntaxError } from './syntax-error/index.js';
import { unknownFeedAlias } from './unknown-feed-alias/index.js';
import { unknownHelper } from './unknown-helper/index.js';
import { unusedDisableDirective } from './unused-disable-directive/index.js';
// URL rules (i8-rules-b)
import { linkUnencodedParam } from './link-unencoded-param/index.js';
import { urlEncodeEscapedInput } from './url-encode-escaped-input/index.js';
// Template rules: helper calls, delimiter families, snippets
import { helperArguments } from './helper-arguments/index.js';
import { mixedDelimiterElse } from './mixed-delimiter-else/index.js';
import { wrongDelimiterFamily } from './wrong-delimiter-family/index.js';
import { snippetEscaped } from './snippet-escaped/index.js';
import { missingSnippet } from './missing-snippet/index.js';
import { rawFeedOutput } from './raw-feed-output/index.js';
// Data rules: user fields, optional paths, nullables, non-scalars, size
import { comparisonOnNullable } from './comparison-on-nullable/index.js';
import { eachOverScalar } from './each-over-scalar/index.js';
import { javaMethodKey } from './java-method-key/index.js';
import { lookupMissingKey } from './lookup-missing-key/index.js';
import { maxSize } from './max-size/index.js';
import { printsNonScalar } from './prints-non-scalar/index.js';
import { rawJsonNode } from './raw-json-node/index.js';
import { unguardedOptionalPath } from './unguarded-optional-path/index.js';
import { userFieldNotFound } from './user-field-not-found/index.js';

/** The data rules, in the order they are documented. */
const dataRules: readonly Rule[] = [
  userFieldNotFound,
  unguardedOptionalPath,
  comparisonOnNullable,
  printsNonScalar,
  eachOverScalar,
  rawJsonNode,
  lookupMissingKey,
  javaMethodKey,
  maxSize,
];

export const allRules: readonly Rule[] = [
  syntaxError,
  unknownHelper,
  unknownFeedAlias,
  feedPathNotFound,
  unusedDisableDirective,
  // URL rules (i8-rules-b)
  linkUnencodedParam,
  urlEncodeEscapedInput,
  // Template rules: helper calls, delimiter families, snippets
  helperArguments,
  mixedDelimiterElse,
  wrongDelimiterFamily,
  snippetEscaped,
  missingSnippet,
  rawFeedOutput,
  // Data rules (i8-rules-c)
  ...dataRules,
];
