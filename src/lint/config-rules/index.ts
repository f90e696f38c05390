/** The config rules (findings in mergetag.config.json), in the order they are documented, and `lintConfig`. */
import type { LintConfig } from '../config.js';
import type { LintResult } from '../linter.js';
import { duplicateFeedCampaign } from './duplicate-feed-campaign/index.js';
import { feedUrlFragment } from './feed-url-fragment/index.js';
import { feedUrlMissingParam } from './feed-url-missing-param/index.js';
import { feedUrlRegion } from './feed-url-region/index.js';
import { feedUrlUnencodedParam } from './feed-url-unencoded-param/index.js';
import { runConfigRules } from './lint-config.js';
import type { ConfigLintInput, ConfigRule } from './types.js';
import { unusedFeed } from './unused-feed/index.js';
import { urlEncodeEscapedInputConfig } from './url-encode-escaped-input/index.js';

export type { ConfigLintInput, ConfigRule, ConfigRuleContext } from './types.js';

export const configRules: readonly ConfigRule[] = [
  feedUrlUnencodedParam,
  feedUrlFragment,
  feedUrlMissingParam,
  feedUrlRegion,
  urlEncodeEscapedInputConfig,
  unusedFeed,
  duplicateFeedCampaign,
];

/**
 * Lints the project's config: the feed URLs and each template's feed set. The result is a LintResult of the
 * config file (its messages located in `input.text`), for the same formatters as templates'.
 */
export function lintConfig(input: ConfigLintInput, options: { config?: LintConfig; rules?: readonly ConfigRule[] } = {}): LintResult {
  return runConfigRules(input, options.rules ?? configRules, options.config);
}
