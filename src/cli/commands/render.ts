/** `mergetag render`: renders one template for one user and its feed responses, as Iterable would send it. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compile, type RenderInput } from '../../render/template.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { SnippetSource } from '../../helpers/types.js';
import { UsageError } from '../errors.js';
import { InputReader } from '../inputs.js';
import type { CliIO } from '../io.js';
import { outputFormat, printDiagnostics } from '../report.js';
import { parseCommandArgs } from '../args.js';

export const renderHelp = `Usage: mergetag render TEMPLATE [options]

Renders TEMPLATE exactly as Iterable would send it, with the user's {{ }} fields
and the recorded data-feed responses behind [[ ]].

Options:
  --user FILE             the user profile (JSON); - reads standard input
  --feed [ALIAS=]FILE     a feed response, in the template's feed order; repeat for
                          several feeds. FILE is a response body (HTTP 200) or a
                          recording {"request":…, "response":{"status":…, "body":…}}.
                          Without ALIAS the response's keys sit at the root of [[ ]].
  --merge-context         Iterable's "Merge the data feed and user contexts": feed
                          fields are also {{ }} fields; user fields win
  --now ISO-8601          the clock for date helpers (default: now)
  --snippets DIR          where {{{snippet "name"}}} finds DIR/name.html
                          (default: ./snippets); DIR/name.json may declare
                          its variables: {"variables": ["a", "b"]}
  --catalogs DIR          where {{#catalog "Name" key}} finds DIR/Name.json, an
                          object of items by key (default: ./catalogs)

Environment:
  MERGETAG_HMAC_SECRET    the project's HMAC secret for hmacSHA1/hmacSHA256
                          (never printed or stored)
  --out FILE              write the message to FILE (atomically) instead of stdout
  --format text|json      json prints {output, skip, diagnostics} on stdout
  -h, --help              this help

Exit codes: 0 rendered; 1 the message would not be sent (template error,
feed error, send skip); 2 bad usage or unreadable input.

Example:
  mergetag render fixtures/welcome/welcome.html \\
    --user fixtures/welcome/users/ann.json \\
    --feed welcome_codes=fixtures/welcome/recordings/ann.json
`;

export function renderCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    user: { type: 'string' },
    feed: { type: 'string', multiple: true },
    'merge-context': { type: 'boolean' },
    now: { type: 'string' },
    snippets: { type: 'string' },
    catalogs: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(renderHelp);
    return 0;
  }
  const format = outputFormat(values.format as string | undefined);
  if (positionals.length !== 1) throw new UsageError('render takes one TEMPLATE file', 'mergetag render TEMPLATE --user USER.json --feed alias=RESPONSE.json');
  const templatePath = positionals[0]!;
  const reader = new InputReader(io);
  const text = reader.readText(templatePath, 'template');
  const input: RenderInput = {};
  if (values.user !== undefined) input.user = reader.readJson(values.user as string, 'user profile');
  input.feeds = ((values.feed as string[] | undefined) ?? []).map((feed) => reader.readFeed(feed));
  if (values['merge-context']) input.mergeDataFeedContext = true;
  if (values.now !== undefined) input.now = parseNow(values.now as string);
  input.snippets = snippetFiles(resolve(io.cwd, (values.snippets as string | undefined) ?? 'snippets'), reader);
  input.catalogs = catalogFiles(resolve(io.cwd, (values.catalogs as string | undefined) ?? 'catalogs'), reader);
  const secret = io.env.MERGETAG_HMAC_SECRET;
  if (secret) input.hmacSecret = secret;

  const file = InputReader.label(templatePath);
  const template = compile(text, { file });
  const result = template.render(input);
  if (format === 'json') {
    io.stdout(`${JSON.stringify({ file, output: result.skip ? null : result.output, skip: result.skip ?? null, diagnostics: result.diagnostics }, null, 2)}\n`);
    return result.skip ? 1 : 0;
  }
  printDiagnostics(io, result.diagnostics, new Map([[file, text]]));
  if (result.skip) {
    io.stderr(`skipped: ${result.skip.reason}: ${result.skip.message}\n`);
    return 1;
  }
  if (values.out !== undefined) writeFileAtomic(resolve(io.cwd, values.out as string), result.output);
  else io.stdout(result.output);
  return 0;
}

/**
 * Snippets are files `DIR/<name>.html`, read when a template first asks for one. A `DIR/<name>.json` beside it
 * may declare the snippet's variables in order, `{"variables": ["first", "second"]}`, for positional values.
 */
function snippetFiles(dir: string, reader: InputReader): NonNullable<RenderInput['snippets']> {
  return (name) => {
    if (!/^[\w. -]+$/.test(name) || name.startsWith('.')) return undefined;
    const file = join(dir, `${name}.html`);
    if (!existsSync(file)) return undefined;
    const source: SnippetSource = { text: reader.readText(file, 'snippet'), file };
    const sidecar = join(dir, `${name}.json`);
    if (existsSync(sidecar)) {
      const declared = reader.readJson(sidecar, 'snippet declaration');
      const variables = declared instanceof Map ? declared.get('variables') : undefined;
      if (Array.isArray(variables)) source.variables = variables.filter((v): v is string => typeof v === 'string');
    }
    return source;
  };
}

/** Catalogs are files `DIR/<Name>.json`: an object of items by key, read once when first asked for. */
function catalogFiles(dir: string, reader: InputReader): NonNullable<RenderInput['catalogs']> {
  const cache = new Map<string, unknown>();
  return (name) => {
    if (!/^[\w. -]+$/.test(name) || name.startsWith('.')) return undefined;
    if (!cache.has(name)) {
      const file = join(dir, `${name}.json`);
      cache.set(name, existsSync(file) ? reader.readJson(file, 'catalog') : undefined);
    }
    return cache.get(name);
  };
}

function parseNow(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now ${text}: not an ISO-8601 date`, 'e.g. --now 2026-11-25T09:00:00Z');
  return date;
}
