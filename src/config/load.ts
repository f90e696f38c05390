/**
 * Finds and reads mergetag.config.json. Every problem is a diagnostic naming the file, the JSON path, the line
 * and column, and what is expected; a config with an error is not used.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatJsonPath, jsonSyntaxDiagnostic, spanOfPath } from '../diagnostics/json-location.js';
import { SourceText } from '../diagnostics/source.js';
import { leavesFolder, outsideFolderDiagnostic } from '../io/inside-folder.js';
import { parseJson } from '../values/json.js';
import { checkJsonPath } from './json-path.js';
import { isEnvReference, isSecretHeaderName } from './secrets.js';
import { CONFIG_FILE, configSchema, type MergetagConfig } from './schema.js';
import { withoutPrototypes } from './plain-records.js';

export interface LoadedConfig {
  file: string;
  /** The folder paths in the config are relative to. */
  dir: string;
  config: MergetagConfig;
  /** Warnings (a literal secret, say); errors mean the config did not load. */
  diagnostics: Diagnostic[];
}

export type ConfigResult = { ok: true; loaded: LoadedConfig } | { ok: false; diagnostics: Diagnostic[] };

/** The nearest mergetag.config.json in `from` or a folder above it. */
export function findConfig(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `shown`: how diagnostics name the file (default: as given). */
export function loadConfig(file: string, shown = file): ConfigResult {
  // The config is a project file too: a link out of its folder (to /proc/self/environ, say) is not read.
  if (leavesFolder(file, dirname(resolve(file)))) return { ok: false, diagnostics: [outsideFolderDiagnostic(shown)] };
  const text = readFileSync(file, 'utf8');
  return parseConfig(text, file, shown);
}

export function parseConfig(text: string, file: string, shown = file): ConfigResult {
  const source = new SourceText(text, shown);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return { ok: false, diagnostics: [jsonSyntaxDiagnostic(source, parsed.error, 'the config')] };
  }
  // zod reads plain JavaScript; a byte-order mark is not JSON to JSON.parse (parseJson above already skips it).
  const result = configSchema.safeParse(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  if (!result.success) return { ok: false, diagnostics: result.error.issues.map((issue) => issueDiagnostic(issue, parsed.tree, source)) };
  const config = withoutPrototypes(result.data);
  const diagnostics = [...secretWarnings(config, parsed.tree, source), ...referenceErrors(config, parsed.tree, source)];
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, loaded: { file, dir: dirname(resolve(file)), config, diagnostics } };
}

function issueDiagnostic(issue: z.core.$ZodIssue, tree: Node, source: SourceText): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return diagnostic('config', 'error', `${formatJsonPath([...path, key])}: unknown setting '${key}'`, spanOfPath(tree, [...path, key], source), {
      file: source.file!,
      hint: 'see the JSON Schema (mergetag.config.schema.json) for the settings',
    });
  }
  return diagnostic('config', 'error', `${formatJsonPath(path)}: ${issue.message}`, spanOfPath(tree, path, source), { file: source.file! });
}

/** Secrets belong in the environment: `"X-App-Token": "${VOUCHERIFY_APP_TOKEN}"`, never the value itself. */
function secretWarnings(config: MergetagConfig, tree: Node, source: SourceText): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [id, feed] of Object.entries(config.feeds)) {
    for (const [name, value] of Object.entries(feed.headers)) {
      if (isSecretHeaderName(name) && !isEnvReference(value)) {
        out.push(
          diagnostic(
            'config-secret',
            'warning',
            `${formatJsonPath(['feeds', id, 'headers', name])}: a secret written into the config`,
            spanOfPath(tree, ['feeds', id, 'headers', name], source),
            {
              file: source.file!,
              hint: `write "\${${envName(name)}}" and set that environment variable; remove the secret from git history`,
            },
          ),
        );
      }
    }
  }
  return out;
}

function envName(header: string): string {
  return header.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
}

function referenceErrors(config: MergetagConfig, tree: Node, source: SourceText): Diagnostic[] {
  const out: Diagnostic[] = [];
  config.templates.forEach((template, index) => {
    template.feeds.forEach((feedId, feedIndex) => {
      if (!Object.hasOwn(config.feeds, feedId)) {
        const known = Object.keys(config.feeds);
        out.push(
          diagnostic(
            'config',
            'error',
            `${formatJsonPath(['templates', index, 'feeds', feedIndex])}: no feed '${feedId}' in feeds`,
            spanOfPath(tree, ['templates', index, 'feeds', feedIndex], source),
            {
              file: source.file!,
              hint: known.length ? `known feeds: ${known.join(', ')}` : 'define it under "feeds"',
            },
          ),
        );
      }
    });
  });
  const checkPath = (path: string, at: Array<string | number>, isKey = false) => {
    const issue = checkJsonPath(path);
    if (!issue) return;
    out.push(
      diagnostic('config', 'error', `${formatJsonPath(at)}: ${issue.message}`, spanInPathString(tree, at, isKey, path, issue.index, source), {
        file: source.file!,
        hint: 'a JSONPath here is $ followed by .name, ..name, [index], [start:end], [*] or ["quoted name"]',
      }),
    );
  };
  for (const [id, feed] of Object.entries(config.feeds)) feed.redact.forEach((path, i) => checkPath(path, ['feeds', id, 'redact', i]));
  for (const [name, variant] of Object.entries(config.variants)) {
    variant.unset.forEach((path, i) => checkPath(path, ['variants', name, 'unset', i]));
    for (const path of Object.keys(variant.set)) checkPath(path, ['variants', name, 'set', path], true);
    if (variant.feed !== undefined && !Object.hasOwn(config.feeds, variant.feed)) {
      out.push(
        diagnostic(
          'config',
          'error',
          `${formatJsonPath(['variants', name, 'feed'])}: no feed '${variant.feed}' in feeds`,
          spanOfPath(tree, ['variants', name, 'feed'], source),
          {
            file: source.file!,
          },
        ),
      );
    }
  }
  return out;
}

/**
 * The span of one character of a JSONPath written as a JSON string (a value, or a key when `isKey`), so the
 * column points at the problem inside the path; the whole setting when the string has escapes.
 */
function spanInPathString(tree: Node, at: Array<string | number>, isKey: boolean, path: string, index: number, source: SourceText) {
  const node = findNodeAtLocation(tree, at);
  const string = isKey ? node?.parent?.children?.[0] : node;
  if (string?.type === 'string' && source.text.slice(string.offset, string.offset + string.length) === JSON.stringify(path)) {
    const start = string.offset + 1 + Math.min(index, path.length);
    return source.span(start, start + 1);
  }
  return spanOfPath(tree, at, source);
}

export { resolveEnv } from './secrets.js';
