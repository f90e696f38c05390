/**
 * The recordings of a project: every `*.json` under the recordings folder, indexed by the request URL as sent
 * (DESIGN.md rule 12); of several recordings of one URL, the newest (`recordedAt`). Invalid recordings are
 * reported, not used.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { Reporter } from '../diagnostics/reporter.js';
import { formatJsonPath, jsonSyntaxDiagnostic, spanOfPath } from '../diagnostics/json-location.js';
import { SourceText } from '../diagnostics/source.js';
import { redactSecretParams } from '../config/secrets.js';
import { outsideFolderDiagnostic, OutsideFolderError, readFileInside } from '../io/inside-folder.js';
import { parseJson } from '../values/json.js';
import type { Value } from '../values/types.js';
import { recordingSchema, type Recording } from './schema.js';
import { unreadable } from '../diagnostics/unreadable.js';

export interface StoredRecording {
  file: string;
  recording: Recording;
  /** The response body in the value model (number spelling and key order kept), when it was JSON. */
  body: Value;
}

export class RecordingStore {
  private readonly byUrl = new Map<string, StoredRecording>();
  private readonly byFile = new Map<string, StoredRecording>();
  /** Some recording's URL has a parameter written `[redacted]`: only then can a redacted request match one. */
  private redactedUrls = false;
  readonly diagnostics: Diagnostic[] = [];
  /** Every recording file found, valid or not. */
  readonly files: string[] = [];
  /** The texts of files with a diagnostic, by file as shown (for code frames). */
  readonly sources = new Map<string, string>();

  constructor(
    readonly dir: string,
    /** Names a file in messages. */
    private readonly shown: (file: string) => string = (file) => file,
    /** Recordings are read from inside this folder only: a symbolic link out of it is refused. */
    private readonly projectDir: string = dir,
  ) {
    if (!existsSync(dir)) return;
    for (const file of globSync('**/*.json', { cwd: dir, absolute: true }).sort()) this.add(file);
  }

  private add(file: string): void {
    this.files.push(file);
    const stored = this.read(file);
    if (!stored) return;
    this.byFile.set(file, stored);
    // Several recordings of one URL: the newest answers (a fresh `mergetag record` wins over an old fixture).
    const url = stored.recording.request.url;
    // A recording made when the request still carried its fragment answers the request without it.
    for (const key of new Set([url, normalise(url)])) {
      if (key.includes('=[redacted]')) this.redactedUrls = true;
      const current = this.byUrl.get(key);
      if (!current || Date.parse(stored.recording.recordedAt) > Date.parse(current.recording.recordedAt)) this.byUrl.set(key, stored);
    }
  }

  /** The recording of a request, by the URL as sent. */
  find(url: string): StoredRecording | undefined {
    return this.byUrl.get(url) ?? this.findSent(normalise(url));
  }

  /**
   * The recording of a request given as it is sent (normalised, without a fragment: as expandFeedUrl gives it),
   * which `find` would normalise again. A project looks up every user's request here, and most have none.
   */
  findSent(url: string): StoredRecording | undefined {
    // `record` stores the URL with secret query parameters redacted: such a recording answers the real URL. A URL
    // that redaction changes has a `=[redacted]` parameter, so it is looked up only if a recording has one.
    return this.byUrl.get(url) ?? (this.redactedUrls ? this.byUrl.get(redactSecretParams(url)) : undefined);
  }

  /** A recording by its file (a feed's `defaultRecording`), relative to `base`. */
  file(base: string, path: string): StoredRecording | undefined {
    const full = join(base, path);
    if (this.byFile.has(full)) return this.byFile.get(full);
    if (!existsSync(full)) return undefined;
    const stored = this.read(full);
    if (stored) this.byFile.set(full, stored);
    return stored;
  }

  private read(file: string): StoredRecording | undefined {
    const label = this.shown(file);
    let text: string;
    try {
      text = readFileInside(file, this.projectDir);
    } catch (error) {
      this.diagnostics.push(error instanceof OutsideFolderError ? outsideFolderDiagnostic(label) : unreadable(label, error));
      return undefined;
    }
    const before = this.diagnostics.length;
    const stored = readRecording(text, label, this.diagnostics);
    if (this.diagnostics.length > before) this.sources.set(label, text);
    return stored ? { ...stored, file } : undefined;
  }

  get size(): number {
    return this.byFile.size;
  }

  all(): StoredRecording[] {
    return [...this.byFile.values()];
  }
}

/** The URL as an HTTP client sends it: normalised by the URL parser, without a fragment (as expandFeedUrl gives it). */
function normalise(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href.endsWith('#') ? parsed.href.slice(0, -1) : parsed.href;
  } catch {
    return url;
  }
}

export function readRecording(text: string, file: string, diagnostics: Diagnostic[]): StoredRecording | undefined {
  const source = new SourceText(text, file);
  const reporter = new Reporter(source);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    diagnostics.push(jsonSyntaxDiagnostic(source, parsed.error, 'the recording'));
    return undefined;
  }
  // zod reads plain JavaScript; JSON.parse does not take a byte-order mark (parseJson above skips it).
  const result = recordingSchema.safeParse(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
      diagnostics.push(reporter.report('recording-schema', `${formatJsonPath(path)}: ${issue.message}`, spanOfPath(parsed.tree, path, source)));
    }
    return undefined;
  }
  const response = parsed.value instanceof Map ? parsed.value.get('response') : undefined;
  const body = response instanceof Map ? response.get('body') : undefined;
  return { file, recording: result.data, body };
}
