/**
 * `mergetag record`: performs the real feed requests for some users and stores the responses as recordings,
 * which `render` then replays. Every request to a Voucherify publication feed publishes (burns) a voucher, so
 * the command says how many requests it will make and asks first; without a terminal it needs --yes.
 */
import { resolve } from 'node:path';
import { removeStaleTempFiles } from '../../io/atomic-write.js';
import { PlanError, planRecording, type RecordPlan } from '../../record/plan.js';
import { describeRequest, recordAll } from '../../record/record.js';
import { formatDuration } from '../../record/retry.js';
import { Scrubber } from '../../record/redact.js';
import { parseCommandArgs } from '../args.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';
import { openCommandProject } from '../project.js';
import { MAX_FRAMES_HELP, MAX_FRAMES_OPTION, outputFormat, printDiagnostics, printJsonResult, withMaxFrames } from '../report.js';

export const recordHelp = `Usage: mergetag record --user ID [--user ID ...] [--feed ID ...] [options]

Performs the real data-feed requests of a project for the given users, as
Iterable would at send time, and stores each response as a recording that
render replays: <recordings>/<feed id>/<user id>.json.

For each user and each feed the project's templates use (or each --feed), the
feed URL is expanded for the user and requested with the feed's headers, their
\${ENV_VAR} references read from the environment.

Each request to a Voucherify publication feed (/v1/publications/create)
PUBLISHES A VOUCHER: it burns one code of the campaign for that customer. The
command first says how many requests it will make; on a terminal it asks to
confirm, otherwise it refuses unless --yes is given.

Options:
  --user ID               a user id of the project; repeat for several users
  --feed ID               only this feed; repeat for several (default: every
                          feed the project's templates use)
  --config FILE           the project config (default: the nearest
                          mergetag.config.json)
  -y, --yes               do not ask: make the requests (needed without a terminal)
  --concurrency N         requests in flight at once (default: 2)
  --timeout-ms N          time limit per request (default: 10000, Iterable's)
  --max-body-mb N         the largest response body read (default: 10); a
                          larger one fails and writes nothing
  --base-url URL          send the requests to URL's host instead (a local
                          stand-in or a proxy; a path in URL goes before each
                          request's path); recordings stay keyed by the
                          production URL, so render replays them as they are
  --format text|json      json prints the result: {exitCode, errorCount,
                          warningCount, diagnostics, requests, written, failed,
                          lines}; failed requests and retries are diagnostics
${MAX_FRAMES_HELP}
  -h, --help              this help

What is recorded: the request URL as Iterable sends it (query parameters whose
name looks secret, such as api_key or token, written as "[redacted]", here and
in the request list) and its headers, with every value that comes from an
environment variable or whose name looks secret written as "[redacted]"; the
response status, its headers without cookies or secrets, and its body,
redacted at the feed's "redact" JSONPaths (a body that is not JSON is kept as
text). Non-200 answers are recorded too: they replay as a DataFeedError skip.
HTTP 429 is retried (Retry-After honoured, up to 60 s; at most 3 retries,
exponential back-off with jitter). Timeouts and connection errors are reported
and not retried (the voucher may already be published); nothing is written for
them.

Exit codes: 0 every response recorded (whatever its status); 1 some request
failed and wrote nothing; 2 bad usage, a missing environment variable, or no
confirmation (nothing was requested).

Examples:
  VOUCHERIFY_APP_ID=… VOUCHERIFY_APP_TOKEN=… mergetag record --user ann --user obrien
  mergetag record --user ann --feed welcome_codes --yes
  mergetag record --user ann --yes --base-url http://127.0.0.1:4010
`;

const MAX_CONCURRENCY = 16;
const LISTED = 10;

export async function recordCommand(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...MAX_FRAMES_OPTION,
    user: { type: 'string', multiple: true },
    feed: { type: 'string', multiple: true },
    config: { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
    concurrency: { type: 'string' },
    'timeout-ms': { type: 'string' },
    'max-body-mb': { type: 'string' },
    'base-url': { type: 'string' },
    format: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(recordHelp);
    return 0;
  }
  const format = outputFormat(values.format as string | undefined);
  io = withMaxFrames(io, values['max-frames']);
  if (positionals.length) throw new UsageError(`record takes no positional arguments (got ${positionals[0]})`, 'mergetag record --user ID [--feed ID]');
  const users = (values.user as string[] | undefined) ?? [];
  if (users.length === 0) throw new UsageError('record needs --user ID', 'mergetag record --user ann --user obrien');
  const concurrency = positiveInteger(values.concurrency as string | undefined, '--concurrency', 2, MAX_CONCURRENCY);
  const timeoutMs = positiveInteger(values['timeout-ms'] as string | undefined, '--timeout-ms', 10_000, 600_000);
  const maxBodyBytes = positiveInteger(values['max-body-mb'] as string | undefined, '--max-body-mb', 10, 1024) * 1024 * 1024;
  const baseUrl = values['base-url'] as string | undefined;

  const project = openCommandProject(io, values.config as string | undefined);
  if (format === 'text') printDiagnostics(io, project.diagnostics, project.sources);
  // A record that was killed mid-write left its temporary files: nobody will rename them now.
  removeStaleTempFiles(resolve(project.dir, project.config.recordings), true);
  let plan: RecordPlan;
  try {
    plan = planRecording(project, { users, feeds: (values.feed as string[] | undefined) ?? [], ...(baseUrl !== undefined ? { baseUrl } : {}) }, io.env);
  } catch (error) {
    if (!(error instanceof PlanError)) throw error;
    if (error.diagnostics.length) printDiagnostics(io, error.diagnostics, new Map());
    throw new UsageError(error.message, error.hint);
  }

  const count = plan.requests.length;
  const scrubber = new Scrubber(plan.secrets);
  const vouchers = `${count} voucher${count === 1 ? '' : 's'}`;
  const lines = [
    `mergetag record: ${count} request${count === 1 ? '' : 's'} (${plurals(plan.users.length, 'user')} × ${plurals(plan.feeds.length, 'feed')}):`,
    // Redacted like the recordings: no secret query parameter, no credential value anywhere in the list.
    ...plan.requests.slice(0, LISTED).map((request) => `  ${scrubber.text(describeRequest(request))}`),
    ...(count > LISTED ? [`  … and ${count - LISTED} more`] : []),
    `Each request publishes a voucher: a Voucherify publication feed burns one code per call in the Voucherify project`,
    `of these credentials, so this publishes up to ${vouchers}.`,
  ];
  io.stderr(`${lines.join('\n')}\n`);
  if (!values.yes) {
    const answer = io.ask ? await io.ask(`Publish up to ${vouchers}? [y/N] `) : undefined;
    if (answer === undefined) {
      io.stderr(
        `mergetag: refusing to publish vouchers without confirmation: not on a terminal\nhint: pass --yes to make the ${count} request${count === 1 ? '' : 's'}\n`,
      );
      return 2;
    }
    if (!answer) {
      io.stderr('aborted: no request made\n');
      return 2;
    }
  }

  const written: string[] = [];
  const problems: Diagnostic[] = [];
  // On a terminal a problem prints as its message (the request says which recording it is about).
  const events =
    format === 'json'
      ? { written: (line: string) => written.push(line), problem: (problem: Diagnostic) => problems.push(problem) }
      : { written: (line: string) => io.stdout(`${line}\n`), problem: (problem: Diagnostic) => io.stderr(`${problem.message}\n`) };
  const summary = await recordAll(plan, { concurrency, timeoutMs, maxBodyBytes, cwd: io.cwd }, events);
  if (format === 'json') {
    return printJsonResult(io, summary.failed ? 1 : 0, [...project.diagnostics, ...problems], {
      requests: count,
      written: summary.written,
      failed: summary.failed,
      lines: written,
    });
  }
  const failed = summary.failed ? `; ${summary.failed} failed (nothing written for ${summary.failed === 1 ? 'it' : 'them'})` : '';
  io.stderr(
    `recorded ${summary.written} of ${count} request${count === 1 ? '' : 's'}${failed}${timeoutMs !== 10_000 ? ` [timeout ${formatDuration(timeoutMs)}]` : ''}\n`,
  );
  return summary.failed ? 1 : 0;
}

function plurals(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function positiveInteger(text: string | undefined, option: string, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) throw new UsageError(`${option} ${text}: expected a whole number from 1 to ${max}`);
  return Number(text);
}
