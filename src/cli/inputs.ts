/**
 * Reading the files a command is given: text, JSON (with file:line:column and a code frame on a syntax error),
 * and feed responses (a bare response body, or a recording with a status). `-` reads standard input, once.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-location.js';
import { SourceText } from '../diagnostics/source.js';
import { leavesFolder } from '../io/inside-folder.js';
import type { FeedResponse } from '../iterable/feed-context.js';
import { parseJson } from '../values/json.js';
import { JsonNumber } from '../values/json-number.js';
import { looksLikeRecording } from '../recordings/shape.js';
import { printValue } from '../values/print.js';
import { describeKind } from '../values/describe-kind.js';
import type { Value } from '../values/types.js';
import { InputFileError, ReportedError, UsageError } from './errors.js';
import type { CliIO } from './io.js';

export class InputReader {
  private stdinUsedBy: string | undefined;

  constructor(private readonly io: CliIO) {}

  /** The display name of an input: `<stdin>` for `-`. */
  static label(path: string): string {
    return path === '-' ? '<stdin>' : path;
  }

  readText(path: string, what: string): string {
    if (path === '-') {
      if (this.stdinUsedBy) throw new UsageError(`standard input is already read for the ${this.stdinUsedBy}; only one input can be -`);
      this.stdinUsedBy = what;
      return this.io.readStdin();
    }
    const full = resolve(this.io.cwd, path);
    if (!existsSync(full)) throw new InputFileError(path, `no such file (the ${what})`);
    if (statSync(full).isDirectory()) throw new InputFileError(path, `is a directory, expected the ${what} file`);
    // As for project files: a path under the working directory that a link takes out of it is not read.
    if (leavesFolder(full, this.io.cwd)) throw new InputFileError(path, `is a symbolic link to a file outside the working directory: not read (the ${what})`);
    return readFileSync(full, 'utf8');
  }

  readJson(path: string, what: string): Value {
    return parseJsonFile(this.readText(path, what), InputReader.label(path), what);
  }

  /** `--user FILE`: a JSON object; a string, array, number or null is an input error at its line and column. */
  readUserProfile(path: string): Value {
    const text = this.readText(path, 'user profile');
    const label = InputReader.label(path);
    const value = parseJsonFile(text, label, 'user profile');
    if (value instanceof Map) return value;
    const parsed = parseJson(text);
    const at = new SourceText(text, label).position(parsed.ok ? parsed.tree.offset : 0);
    throw new InputFileError(
      `${label}:${at.line}:${at.column}: a user profile is a JSON object of user fields, found ${describeKind(value)}`,
      'write {"id": "ann", "firstName": "Ann", ...}',
    );
  }

  /** `--event FILE`: the data fields of the triggering event, a JSON object; anything else is refused where it stands. */
  readEvent(path: string): Value {
    const text = this.readText(path, 'event');
    const label = InputReader.label(path);
    const value = parseJsonFile(text, label, 'event');
    if (value instanceof Map) return value;
    const parsed = parseJson(text);
    const at = new SourceText(text, label).position(parsed.ok ? parsed.tree.offset : 0);
    throw new InputFileError(
      `${label}:${at.line}:${at.column}: an event is a JSON object of the event's data fields, found ${describeKind(value)}`,
      'write {"orderId": "A-17", "total": 25.5, ...}',
    );
  }

  /** `--feed [ALIAS=]FILE`: a response body (status 200), or a recording `{request, response: {status, body}}`. */
  readFeed(argument: string): FeedResponse {
    const match = /^([A-Za-z_]+)=(.+)$/.exec(argument);
    const alias = match?.[1];
    const path = match ? match[2]! : argument;
    if (!match && /^[^=/\\]*=/.test(argument)) {
      throw new UsageError(`--feed ${argument}: an alias has only letters and underscores`, 'write --feed alias=response.json');
    }
    const value = this.readJson(path, 'feed response');
    const feed = feedFromFile(value, InputReader.label(path));
    if (alias !== undefined) feed.alias = alias;
    return feed;
  }
}

export function parseJsonFile(text: string, label: string, what: string): Value {
  const parsed = parseJson(text);
  if (parsed.ok) return parsed.value;
  const problem = jsonSyntaxDiagnostic(new SourceText(text, label), parsed.error, `the ${what}`);
  throw new ReportedError(`${label}: the ${what} is not valid JSON`, [problem], new Map([[label, text]]));
}

/** A recording is recognised by its shape: only recording keys, and a `response` with a numeric `status`. */
export function feedFromFile(value: Value, label: string): FeedResponse {
  if (value instanceof Map && looksLikeRecording(value)) {
    const response = value.get('response');
    const status = response instanceof Map ? response.get('status') : undefined;
    if (!(response instanceof Map) || !(status instanceof JsonNumber) || !status.isInteger) {
      throw new InputFileError(label, 'a recording needs response.status (a number) and response.body');
    }
    const feed: FeedResponse = { status: Number(printValue(status)), body: response.get('body'), name: label };
    // A response that was not JSON is recorded as text: it reaches the engine as text, and fails to parse there.
    const text = response.get('bodyText');
    if (typeof text === 'string') feed.body = text;
    return feed;
  }
  return { body: value, name: label };
}
