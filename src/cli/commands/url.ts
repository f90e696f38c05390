/** `mergetag url`: the request Iterable sends for a feed URL template and one user. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expandFeedUrl } from '../../feeds/url.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { parseJson } from '../../values/json.js';
import { UsageError } from '../errors.js';
import { InputReader } from '../inputs.js';
import type { CliIO } from '../io.js';
import { outputFormat, printDiagnostics } from '../report.js';
import { parseCommandArgs } from '../args.js';

export const urlHelp = `Usage: mergetag url URL_TEMPLATE [options]

Prints the request Iterable sends for a data-feed URL: the URL template rendered
with the user's {{ }} fields, then normalised the way an HTTP client sends it
(a literal space becomes %20). When the two differ, both are shown.

URL_TEMPLATE is the URL itself, or a feed definition file (JSON with a "url").

Options:
  --user FILE             the user profile (JSON); - reads standard input
  --format text|json      json prints {rendered, url, diagnostics}
  -h, --help              this help

Exit codes: 0 a URL; 1 the URL template has an error; 2 bad usage or input.

Example:
  mergetag url 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{source_id}}{{/urlEncode}}&campaign[name]=Welcome Codes' \\
    --user fixtures/welcome/users/ann.json
`;

export function urlCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    user: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(urlHelp);
    return 0;
  }
  const format = outputFormat(values.format as string | undefined);
  if (positionals.length !== 1) throw new UsageError('url takes one URL_TEMPLATE', "quote it: mergetag url 'https://…?id={{#urlEncode}}{{id}}{{/urlEncode}}' --user USER.json");
  const reader = new InputReader(io);
  const { template, file } = urlTemplateFrom(positionals[0]!, reader, io);
  const user = values.user !== undefined ? reader.readJson(values.user as string, 'user profile') : new Map();
  const result = expandFeedUrl(template, user, { file });
  const failed = hasErrors(result.diagnostics) || result.url === '';
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ rendered: result.rendered, url: result.url || null, diagnostics: result.diagnostics }, null, 2)}\n`);
    return failed ? 1 : 0;
  }
  printDiagnostics(io, result.diagnostics, new Map([[file, template]]));
  if (failed) return 1;
  if (result.rendered !== result.url) io.stderr(`note: rendered as ${result.rendered}\n      sent as     ${result.url}\n`);
  io.stdout(`${result.url}\n`);
  return 0;
}

function urlTemplateFrom(argument: string, reader: InputReader, io: CliIO): { template: string; file: string } {
  if (argument.includes('://') || !existsSync(resolve(io.cwd, argument))) return { template: argument, file: '<url>' };
  const text = reader.readText(argument, 'feed definition');
  const parsed = parseJson(text);
  if (parsed.ok && parsed.value instanceof Map) {
    const url = parsed.value.get('url');
    if (typeof url !== 'string') throw new UsageError(`${argument}: a feed definition needs a "url" string`);
    return { template: url, file: `${argument}#url` };
  }
  return { template: text.trim(), file: argument };
}
