/**
 * `mergetag init`: a starter project in a folder: the config (one Voucherify publication feed, one template), a
 * sample user, a template that lints clean, and a GitHub Actions workflow that lints in CI and uploads SARIF to
 * code scanning. It never overwrites a file: each file that exists is reported and left as it is.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CONFIG_FILE } from '../../config/schema.js';
import { FileExistsError, writeFileAtomic } from '../../io/atomic-write.js';
import { parseCommandArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { paint, type CliIO } from '../io.js';
import { outputFormat, printJsonResult } from '../report.js';

export const initHelp = `Usage: mergetag init [DIR] [--format text|json]

Writes a starter project into DIR (default: the current folder):

  mergetag.config.json             one Voucherify publication feed, one template
  users/ann.json                   a sample user profile
  welcome.html                     a template that lints clean
  .github/workflows/mergetag.yml   a GitHub Actions job: mergetag lint --format
                                   sarif, uploaded to code scanning

A file that already exists is never overwritten: it is reported and skipped.

Options:
  --format text|json      json prints {exitCode, errorCount, warningCount,
                          diagnostics, dir, written, skipped}
  -h, --help              this help

Exit codes: 0 at least one file written; 1 nothing written (every file exists or
could not be written); 2 bad usage.
`;

/**
 * Iterable's feed URL for a Voucherify publication: one voucher of the campaign for the recipient, per send. The
 * customer id is URL-encoded so that `+`, `&`, `#` or a space in it cannot change the request (DESIGN.md rule 12),
 * and read raw (`{{{ }}}`): `{{source_id}}` would be HTML-escaped first, so an apostrophe would be sent as `%26%23x27%3B`.
 */
const FEED_URL =
  'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome%20Codes';

const CONFIG = {
  // Editors read the schema the installed package ships (package.json "files" has schema/).
  $schema: './node_modules/mergetag/schema/mergetag.config.schema.json',
  feeds: {
    welcome_codes: {
      url: FEED_URL,
      alias: 'welcome_codes',
      // Secrets stay in the environment: the config holds references only.
      headers: { 'X-App-Id': '${VOUCHERIFY_APP_ID}', 'X-App-Token': '${VOUCHERIFY_APP_TOKEN}' },
    },
  },
  templates: [{ path: 'welcome.html', feeds: ['welcome_codes'] }],
  users: 'users/*.json',
  recordings: 'recordings',
};

const SAMPLE_USER = {
  email: 'ann@example.com',
  source_id: 'ann@example.com',
  firstName: 'Ann',
};

/**
 * Each feed field is read the way Iterable's docs write them: an optional one (`expiration_date`) behind an
 * `[[#if]]`, the first name with a fallback, and the unsubscribe link from Iterable's system fields.
 */
const TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Welcome</title>
</head>
<body>
  <p>{{#if firstName}}Hi {{firstName}},{{else}}Hi there,{{/if}}</p>
  <p>Thanks for joining. Here is a code for your first order:</p>
  <p style="font-size:24px; font-weight:bold;">[[welcome_codes.voucher.code]]</p>
  [[#if welcome_codes.voucher.expiration_date]]<p>Valid until [[welcome_codes.voucher.expiration_date]]</p>[[/if]]
  <p><a href="{{unsubscribeUrl}}">Unsubscribe</a></p>
</body>
</html>
`;

/**
 * Lint in CI, the job of the README's "Lint in CI" (a test keeps the two the same): the SARIF goes to GitHub code
 * scanning (alerts on the pull request's lines). Its step never stops the job (`continue-on-error`), so the
 * findings are uploaded also when there are some; the last step annotates the pull request and fails the job on an
 * error (exit 1) or a broken config (exit 2). upload-sarif needs `security-events: write`.
 */
const WORKFLOW = `name: mergetag
on: [push, pull_request]
jobs:
  lint:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@v5
      - uses: actions/setup-node@v5
        with:
          node-version: 20
      - run: npm ci
      - run: npx mergetag lint --format sarif > mergetag.sarif
        continue-on-error: true
      - uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: mergetag.sarif
      - run: npx mergetag lint --format github
`;

/** The files `init` writes, relative to the folder, in the order they are reported. */
export const INIT_FILES: ReadonlyArray<{ path: string; text: string }> = [
  { path: CONFIG_FILE, text: `${JSON.stringify(CONFIG, null, 2)}\n` },
  { path: 'users/ann.json', text: `${JSON.stringify(SAMPLE_USER, null, 2)}\n` },
  { path: 'welcome.html', text: TEMPLATE },
  { path: '.github/workflows/mergetag.yml', text: WORKFLOW },
];

interface Skipped {
  file: string;
  reason: string;
}

export function initCommand(args: string[], io: CliIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(initHelp);
    return 0;
  }
  const format = outputFormat(values.format as string | undefined);
  if (positionals.length > 1) throw new UsageError('init takes at most one DIR', 'mergetag init, or mergetag init my-templates/');
  const dir = resolve(io.cwd, positionals[0] ?? '.');
  const shown = (file: string) => relative(io.cwd, file) || '.';
  const written: string[] = [];
  const skipped: Skipped[] = [];
  for (const { path, text } of INIT_FILES) {
    const file = join(dir, path);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileAtomic(file, text, { exclusive: true });
      written.push(shown(file));
    } catch (error) {
      const reason =
        error instanceof FileExistsError
          ? 'exists (never overwritten)'
          : `could not be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      skipped.push({ file: shown(file), reason });
    }
  }
  const code = written.length ? 0 : 1;
  if (format === 'json') return printJsonResult(io, code, [], { dir: shown(dir), written, skipped });
  const colors = paint(io);
  for (const file of written) io.stdout(`wrote   ${file}\n`);
  for (const { file, reason } of skipped) io.stderr(`${colors.warning('skipped')} ${file}: ${reason}\n`);
  if (!written.length) {
    io.stderr('mergetag: nothing written\n');
    return code;
  }
  const cd = dir === resolve(io.cwd) ? '' : `  cd ${shown(dir)}\n`;
  io.stdout(`
Next:
${cd}  npm install --save-dev mergetag        (the config's $schema and the CI job use it)
  mergetag lint                          lint welcome.html
  export VOUCHERIFY_APP_ID=… VOUCHERIFY_APP_TOKEN=…
  mergetag record --user ann --feed welcome_codes   (publishes one voucher)
  mergetag render welcome.html --user ann
`);
  return code;
}
