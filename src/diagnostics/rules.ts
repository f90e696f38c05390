/**
 * The rule registry: every diagnostic id mergetag reports, with its default severity, what it means and where it
 * is documented. `RuleId` is the type every reporter takes, so an unregistered id does not compile; a test also
 * scans the sources for ids passed as strings.
 */
import type { Severity } from './diagnostic.js';

export interface RuleMeta {
  severity: Severity;
  description: string;
}

/**
 * Where the rule pages are published: `docs/rules/<id>.md` of the repository (docs/ also ships in the package).
 * SARIF and editors need an absolute URL; change it here if the repository moves.
 */
export const DOCS_BASE_URL = 'https://github.com/mergetag/mergetag/blob/main/';

const rules = {
  // Templates: syntax and rendering
  'syntax-error': { severity: 'error', description: 'the template does not parse: an unclosed or mismatched block, a stray else, a bad tag' },
  'nesting-depth': { severity: 'error', description: 'blocks or sub-expressions nest deeper than mergetag renders' },
  'mixed-else': {
    severity: 'warning',
    description:
      'an else of the other bracket family directly inside a block ([[else]] in a {{#block}}, {{else if}} or {{^}} in a [[#block]]); Iterable documents only {{else}} inside a [[#block]]',
  },
  'duplicate-else': { severity: 'warning', description: 'a block with more than one else: only the last one renders' },
  'unknown-helper': { severity: 'error', description: 'a helper that does not exist, called with params or hash' },
  'execution-error': { severity: 'error', description: 'a helper failed or a partial is missing: Iterable skips the message (HandlebarsExecutionError)' },
  'object-equality': {
    severity: 'info',
    description:
      'eq or neq on two objects whose result follows Iterable’s documentation (same keys and values are equal) where its engine compares Java map views and answers the other way',
  },
  'caret-prediction': {
    severity: 'warning',
    description:
      'a template with so many {{^x}} tags inside blocks that mergetag stopped predicting, within its lookahead budget, whether Iterable reads each as an else chain or an inverted section',
  },
  'inverted-helper': {
    severity: 'warning',
    description: "{{^helper args}}: Iterable's engine drops an inverted section's params and hash and calls the helper on `this`, so the args are ignored",
  },
  'block-params': { severity: 'warning', description: 'a helper that gives its result through a block parameter was used without one' },
  'each-over-scalar': { severity: 'warning', description: '#each over a value that is neither a list nor an object' },
  'raw-json-node': {
    severity: 'warning',
    description: 'an #each element parameter holding a text, number or boolean passed to a helper: Iterable passes the raw JSON node, which is empty',
  },
  'java-member': {
    severity: 'warning',
    description: 'a name the data lacks that a Java method answers with Java internals (an iterator, a hash code): mergetag prints nothing',
  },
  'helper-form': { severity: 'warning', description: 'a helper used in a form Iterable does not document (inline vs block)' },
  'helper-argument': { severity: 'warning', description: 'a helper argument mergetag had to interpret' },
  'helper-missing-input': { severity: 'warning', description: 'a helper got a missing value where it needs one' },
  'date-unknown-timezone': { severity: 'warning', description: 'a time zone Java does not know: it falls back to GMT' },
  'number-format-locale': { severity: 'warning', description: 'a number-format locale mergetag does not have data for' },
  'number-format-string': { severity: 'warning', description: 'a number format given as a string where a number is expected' },
  'group-by-limit': { severity: 'warning', description: 'more groups than Iterable returns' },
  'regex-approximation': { severity: 'warning', description: 'a Java regular expression feature mergetag only approximates' },
  'regex-budget': { severity: 'error', description: 'a regular expression ran past its step budget: the render stops instead of hanging' },
  'output-limit': { severity: 'error', description: 'the rendered output grew past the size cap (maxOutputBytes, 20 MB by default)' },
  'unsupported-regex': { severity: 'warning', description: 'a Java regular expression feature mergetag cannot run: the else block renders' },
  'escaped-in-url-encode': { severity: 'warning', description: '{{x}} inside #urlEncode is HTML-escaped before encoding: write {{{x}}}' },
  'not-emulated': {
    severity: 'warning',
    description: 'an Iterable helper whose result mergetag cannot compute without data it was not given (a catalog collection, a catalog): it renders nothing',
  },
  'snippet-missing': { severity: 'warning', description: 'a snippet that does not exist rendered as nothing' },
  'snippet-positional': { severity: 'warning', description: 'positional snippet values that do not match its declared variables' },
  log: { severity: 'info', description: 'the output of {{log}}' },
  // Lint rules (src/lint/rules/<id>/): what `mergetag lint` finds without rendering
  'feed-path-not-found': { severity: 'error', description: 'a [[ ]] path that no recording has and the feed schema does not allow: it prints nothing' },
  'unknown-feed-alias': { severity: 'error', description: "a [[ ]] tag names an alias that none of the template's feeds has: it prints nothing" },
  // Lint rules on the template text: helper calls, delimiter families, snippets
  'helper-arguments': {
    severity: 'error',
    description: "a helper call that does not match the helper's parameters, hash keys or form: it fails, or prints something else",
  },
  'mixed-delimiter-else': {
    severity: 'warning',
    description: "a {{else}} directly inside a [[#block]], or [[else]] inside a {{#block}}: write the else of the block's own family",
  },
  'wrong-delimiter-family': { severity: 'error', description: 'a feed field read with {{ }} or a user field read with [[ ]]: it prints nothing' },
  'snippet-escaped': { severity: 'warning', description: "{{snippet}} with double braces prints the snippet's HTML escaped: write {{{snippet}}}" },
  'missing-snippet': {
    severity: 'error',
    description: 'a snippet that does not exist in the project: it renders nothing, or skips the send with required=true',
  },
  'raw-feed-output': { severity: 'warning', description: 'feed data printed unescaped ([[{x}]], [[&x]]) into HTML' },
  'unused-disable-directive': { severity: 'warning', description: 'a mergetag-disable comment that suppresses nothing' },
  // Lint rules on URLs and feed sets (src/lint/config-rules/, and link-unencoded-param, url-encode-escaped-input in rules/)
  'feed-url-unencoded-param': {
    severity: 'warning',
    description: 'a raw {{{x}}} tag in a feed URL outside #urlEncode: a +, &, #, space or apostrophe in the value breaks the request',
  },
  'link-unencoded-param': {
    severity: 'warning',
    description: 'a merge tag in the query of an href or src outside #urlEncode: a +, &, # or space in the value breaks the link',
  },
  'feed-url-fragment': {
    severity: 'error',
    description: 'a feed URL that can contain # or & from HTML escaping, or a literal #: the request is cut and the message is not sent',
  },
  'feed-url-missing-param': {
    severity: 'warning',
    description: 'a Voucherify customer or campaign parameter that is absent, or empty for a sample user: Voucherify answers 400',
  },
  'feed-url-region': { severity: 'warning', description: "a publication feed whose host is neither a Voucherify cluster nor the project's dedicated host" },
  'url-encode-escaped-input': { severity: 'warning', description: '{{x}} inside #urlEncode is HTML-escaped before it is encoded: write {{{x}}}' },
  'duplicate-feed-campaign': { severity: 'warning', description: 'two feeds of one template publish from the same Voucherify campaign: two vouchers per send' },
  // Lint rules on data: user fields, optional paths, nullables, non-scalars, size (each-over-scalar above is one too)
  'user-field-not-found': { severity: 'info', description: 'a {{ }} path that no sample user has: for such a profile it prints nothing' },
  'unguarded-optional-path': { severity: 'warning', description: 'a path printed without a guard that some responses or users lack: it prints nothing' },
  'comparison-on-nullable': { severity: 'warning', description: 'a comparison helper on a path that may be missing or null: the message is not sent' },
  'prints-non-scalar': { severity: 'warning', description: "an object or a list printed whole: Iterable prints Java's rendering of it" },
  'lookup-missing-key': { severity: 'warning', description: 'lookup of a key that some data lacks: it prints nothing' },
  'java-method-key': {
    severity: 'warning',
    description: "a key named like a Java method of the object (size, empty, null, number...) that may be missing or null: Java's method answers instead",
  },
  'max-size': { severity: 'warning', description: 'the rendered email is over 102 KB: Gmail clips it' },
  // Feeds
  'feed-alias': { severity: 'warning', description: 'a feed alias Iterable would not accept (only letters and underscores)' },
  'feed-tag-in-url': { severity: 'error', description: 'a [[ ]] tag in a feed URL: the URL is rendered before any feed is fetched' },
  'invalid-url': { severity: 'error', description: 'the rendered feed URL is not a URL' },
  // Input files
  'invalid-json': { severity: 'error', description: 'a file (config, user profile, recording, catalog, response) is not valid JSON' },
  'input-file': { severity: 'error', description: 'an input file that cannot be read (missing, a folder, no permission)' },
  'outside-project': { severity: 'error', description: 'a project file that a symbolic link takes out of the project folder: not read' },
  'no-match': { severity: 'error', description: 'a template path or users glob of the config that matches no file' },
  config: { severity: 'error', description: 'a config setting that is missing, unknown or of the wrong type' },
  'config-secret': { severity: 'warning', description: 'a secret written into the config instead of an ${ENV_VAR} reference' },
  'unused-feed': {
    severity: 'warning',
    description: 'a feed that no template uses, or that a template is attached to and never reads: each send still calls it (and burns a voucher)',
  },
  'user-profile': { severity: 'error', description: 'a user profile that is not a JSON object (a string, an array, null...)' },
  'event-data': { severity: 'error', description: 'an event file that is not a JSON object of event data fields' },
  'user-id': { severity: 'error', description: 'a user profile without an id, or two profiles with one id' },
  'no-recording': { severity: 'error', description: 'no recording answers a feed request of a case: it cannot be rendered offline' },
  'feed-url': { severity: 'error', description: 'a feed URL that failed for a user: the case cannot be rendered' },
  'output-collision': { severity: 'error', description: 'two cases of render --all that would write one output file' },
  // Recordings and Voucherify responses
  'recording-schema': { severity: 'error', description: 'a recording without the recording shape' },
  'recording-body-text': { severity: 'warning', description: 'a response body recorded as text: Iterable skips the message (DataFeedError)' },
  'voucherify-publication': { severity: 'error', description: 'a Voucherify publication response that does not match its schema' },
  'voucherify-error': { severity: 'error', description: 'a Voucherify error response that does not match its schema' },
  'voucherify-endpoint': { severity: 'warning', description: 'a Voucherify request that is not GET /v1/publications/create' },
  // Recording (mergetag record)
  'record-request': { severity: 'error', description: 'a feed request that failed while recording (timeout, connection, rate limit)' },
  'record-retry': { severity: 'info', description: 'a feed request retried after HTTP 429' },
  'record-shadowed': { severity: 'info', description: 'another recording of the same URL exists; render replays the newest' },
} as const satisfies Record<string, RuleMeta>;

export type RuleId = keyof typeof rules;

export interface Rule extends RuleMeta {
  id: RuleId;
  /** The rule's page, relative to the repository (and the package): `docs/rules/<id>.md`. */
  docs: string;
  /** The same page as an absolute URL. */
  docsUrl: string;
}

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(rules, id);
}

export function rule(id: RuleId): Rule {
  const meta: RuleMeta = rules[id];
  const docs = `docs/rules/${id}.md`;
  return { id, severity: meta.severity, description: meta.description, docs, docsUrl: `${DOCS_BASE_URL}${docs}` };
}

export function allRules(): Rule[] {
  return (Object.keys(rules) as RuleId[]).map(rule);
}
