/**
 * The recordings of a project: every `*.json` under the recordings folder, indexed by the request URL as sent
 * (DESIGN.md rule 12); of several recordings of one URL, the newest (`recordedAt`). Invalid recordings are
 * reported, not used.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatJsonPath, jsonSyntaxDiagnostic, spanOfPath } from '../diagnostics/json-location.js';
import { SourceText } from '../diagnostics/source.js';
import { redactSecretParams } from '../config/secrets.js';
import { outsideFolderDiagnostic, OutsideFolderError, readFileInside } from '../io/inside-folder.js';
import { parseJson } from '../values/json.js';
import type { Value } from '../values/types.js';
import { recordingSchema, type Recording } from './schema.js';

export interface StoredRecording {
  file: string;
  recording: Recording;
  /** The response body in the value model (number spelling and key order kept), when it was JSON. */
  body: Value;
}

export class RecordingStore {
  private readonly byUrl = new Map<string, StoredRecording>();
  private readonly byFile = new Map<string, StoredRecording>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly dir: string,
    /** Recordings are read from inside this folder only: a symbolic link out of it is refused. */
    private readonly projectDir: string = dir,
  ) {
    if (!existsSync(dir)) return;
    for (const file of globSync('**/*.json', { cwd: dir, absolute: true }).sort()) this.add(file);
  }

  /** The text of a recording file, or undefined (reported) when a link takes it out of the project. */
  private read(file: string): string | undefined {
    try {
      return readFileInside(file, this.projectDir);
    } catch (error) {
      if (!(error instanceof OutsideFolderError)) throw error;
      this.diagnostics.push(outsideFolderDiagnostic(relative(process.cwd(), file) || file));
      return undefined;
    }
  }

  private add(file: string): void {
    const text = this.read(file);
    if (text === undefined) return;
    const shown = relative(process.cwd(), file) || file;
    const stored = readRecording(text, shown, this.diagnostics);
    if (!stored) return;
    this.byFile.set(file, stored);
    // Several recordings of one URL: the newest answers (a fresh `mergetag record` wins over an old fixture).
    const url = stored.recording.request.url;
    const current = this.byUrl.get(url);
    if (!current || Date.parse(stored.recording.recordedAt) > Date.parse(current.recording.recordedAt)) this.byUrl.set(url, stored);
  }

  /** The recording of a request, by the URL as sent. */
  find(url: string): StoredRecording | undefined {
    // `record` stores the URL with secret query parameters redacted: such a recording answers the real URL.
    return this.byUrl.get(url) ?? this.byUrl.get(normalise(url)) ?? this.byUrl.get(redactSecretParams(normalise(url)));
  }

  /** A recording by its file (a feed's `defaultRecording`), relative to `base`. */
  file(base: string, path: string): StoredRecording | undefined {
    const full = join(base, path);
    if (this.byFile.has(full)) return this.byFile.get(full);
    if (!existsSync(full)) return undefined;
    const text = this.read(full);
    if (text === undefined) return undefined;
    const stored = readRecording(text, relative(process.cwd(), full) || full, this.diagnostics);
    if (stored) this.byFile.set(full, stored);
    return stored;
  }

  get size(): number {
    return this.byFile.size;
  }

  all(): StoredRecording[] {
    return [...this.byFile.values()];
  }
}

function normalise(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export function readRecording(text: string, file: string, diagnostics: Diagnostic[]): StoredRecording | undefined {
  const source = new SourceText(text, file);
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
      diagnostics.push(diagnostic('recording-schema', 'error', `${formatJsonPath(path)}: ${issue.message}`, spanOfPath(parsed.tree, path, source), { file }));
    }
    return undefined;
  }
  const response = parsed.value instanceof Map ? parsed.value.get('response') : undefined;
  const body = response instanceof Map ? response.get('body') : undefined;
  return { file, recording: result.data, body };
}
