/**
 * Turning feed responses into recording files. The requests run concurrently (http.ts, bounded); each response
 * is redacted, validated and written here, atomically (a reader sees the old file or the
 * new one, never a part). A request that failed (timeout, connection error, still rate-limited) is reported and
 * writes nothing; the others go on. Every line passes through the scrubber: no secret value is ever printed.
 */
import { mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { redactSecretParams } from '../config/secrets.js';
import { diagnostic, type Diagnostic, type Severity } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { leavesFolder } from '../io/inside-folder.js';
import { requestAll, type HttpOptions, type HttpOutcome, type RetryNotice } from './http.js';
import type { PlannedRequest, RecordPlan } from './plan.js';
import { buildRecording } from './recording.js';
import { Scrubber } from './redact.js';
import { formatDuration, type RetryPolicy } from './retry.js';

export interface RecordOptions {
  concurrency: number;
  timeoutMs: number;
  /** The response body cap (http.ts DEFAULT_MAX_BODY_BYTES when unset). */
  maxBodyBytes?: number;
  /** Paths in messages are relative to it. */
  cwd: string;
  retry?: RetryPolicy;
  /** The clock for `recordedAt`. */
  now?: () => Date;
}

export interface RecordEvents {
  /** One line per written recording (for stdout). */
  written(line: string): void;
  /** A failed request (`record-request`), a retry (`record-retry`) or a note (`record-shadowed`), at the recording file. */
  problem(problem: Diagnostic): void;
}

export interface RecordSummary {
  written: number;
  failed: number;
}

/** `GET <url> (feed f, user u)`, secret query parameters redacted; `via <origin>` when --base-url moves it. */
export function describeRequest(request: Pick<PlannedRequest, 'url' | 'feedId' | 'userId'> & { sendTo?: string }): string {
  const via = request.sendTo !== undefined && request.sendTo !== request.url ? ` via ${new URL(request.sendTo).origin}` : '';
  return `GET ${redactSecretParams(request.url)}${via} (feed ${request.feedId}, user ${request.userId})`;
}

/** Receives retries and results by request index, writes the recordings, counts. */
export class Recorder {
  readonly summary: RecordSummary = { written: 0, failed: 0 };
  private readonly scrubber: Scrubber;

  constructor(
    private readonly plan: RecordPlan,
    private readonly options: Pick<RecordOptions, 'cwd' | 'now'>,
    private readonly events: RecordEvents,
  ) {
    this.scrubber = new Scrubber(plan.secrets);
  }

  retry(index: number, notice: RetryNotice): void {
    const request = this.plan.requests[index]!;
    const after = notice.retryAfterMs !== undefined ? ` (Retry-After ${formatDuration(notice.retryAfterMs)})` : '';
    this.problem(
      request,
      'record-retry',
      'info',
      `${describeRequest(request)}: HTTP 429 rate limited${after}; retry ${notice.retry} of ${notice.maxRetries} in ${formatDuration(notice.delayMs)}`,
    );
  }

  result(index: number, outcome: HttpOutcome): void {
    const request = this.plan.requests[index]!;
    let ok = false;
    try {
      ok = this.save(request, outcome);
    } catch (error) {
      this.problem(
        request,
        'record-request',
        'error',
        `${describeRequest(request)}: ${error instanceof Error ? error.message : String(error)}; nothing written`,
      );
    }
    if (ok) this.summary.written++;
    else this.summary.failed++;
  }

  /** Every problem passes the scrubber; it points at the recording file the request was for. */
  private problem(request: PlannedRequest, ruleId: RuleId, severity: Severity, message: string): void {
    const at = { line: 1, column: 1, offset: 0 };
    this.events.problem(
      diagnostic(ruleId, severity, this.scrubber.text(message), { start: at, end: at }, { file: relative(this.options.cwd, request.file) || request.file }),
    );
  }

  private save(request: PlannedRequest, outcome: HttpOutcome): boolean {
    if (!outcome.ok) {
      this.problem(request, 'record-request', 'error', `${describeRequest(request)}: ${outcome.message}; nothing written`);
      return false;
    }
    let built;
    try {
      built = buildRecording(request, outcome.response, this.options.now?.() ?? new Date(), this.scrubber);
    } catch (error) {
      this.problem(
        request,
        'record-request',
        'error',
        `${describeRequest(request)}: HTTP ${outcome.response.status}, but ${error instanceof Error ? error.message : String(error)}; nothing written`,
      );
      return false;
    }
    const shown = relative(this.options.cwd, request.file) || request.file;
    try {
      mkdirSync(dirname(request.file), { recursive: true });
      if (this.plan.root !== undefined && leavesFolder(dirname(request.file), this.plan.root)) {
        this.problem(
          request,
          'record-request',
          'error',
          `${describeRequest(request)}: HTTP ${built.status}, but ${relative(this.options.cwd, dirname(request.file)) || dirname(request.file)} leads out of the project folder through a symbolic link; nothing written`,
        );
        return false;
      }
      writeFileAtomic(request.file, built.text);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      this.problem(
        request,
        'record-request',
        'error',
        `${describeRequest(request)}: HTTP ${built.status}, but ${shown} could not be written (${typeof code === 'string' ? code : 'error'})`,
      );
      return false;
    }
    const what = [`HTTP ${built.status}`, built.json ? undefined : 'not JSON', built.redacted ? `${built.redacted} redacted` : undefined]
      .filter(Boolean)
      .join(', ');
    this.events.written(
      this.scrubber.text(`wrote ${shown} (${what}; feed ${request.feedId}, user ${request.userId})${built.skips ? ': replays as a DataFeedError skip' : ''}`),
    );
    if (request.shadowedBy) {
      const other = relative(this.options.cwd, request.shadowedBy) || request.shadowedBy;
      this.problem(
        request,
        'record-shadowed',
        'info',
        `note: ${other} also records this URL; render replays the newest recording (${shown}): delete the old one if it is no longer needed`,
      );
    }
    return true;
  }
}

/** Performs the plan's requests (bounded concurrency) and writes each recording as its response arrives. */
export async function recordAll(
  plan: RecordPlan,
  options: RecordOptions & Pick<HttpOptions, 'fetch' | 'sleep' | 'random'>,
  events: RecordEvents,
): Promise<RecordSummary> {
  const recorder = new Recorder(plan, options, events);
  const http: HttpOptions & { concurrency: number } = { concurrency: options.concurrency, timeoutMs: options.timeoutMs };
  if (options.retry) http.retry = options.retry;
  if (options.maxBodyBytes !== undefined) http.maxBodyBytes = options.maxBodyBytes;
  if (options.fetch) http.fetch = options.fetch;
  if (options.sleep) http.sleep = options.sleep;
  if (options.random) http.random = options.random;
  const calls = plan.requests.map((request) => ({ url: request.sendTo ?? request.url, headers: request.headers }));
  await requestAll(calls, http, (event) => (event.type === 'retry' ? recorder.retry(event.index, event.notice) : recorder.result(event.index, event.outcome)));
  return recorder.summary;
}
