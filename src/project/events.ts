/**
 * Sample events of a project's event-triggered templates: a template's `"event"` setting names an event file, or a
 * glob of them, relative to the config (`"events/purchase.json"`, `"events/*.json"`). Each file holds the data
 * fields of one event as the template sees them: a JSON object, `{"orderId": "A-17", "total": 25.5, ...}`. An
 * event's id is its file name without `.json` (`purchase`); two files of one name are told apart by their path.
 * Events are few and small: they are read once, when the project opens, and every problem is reported then.
 */
import { basename, extname, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { jsonSyntaxDiagnostic } from '../diagnostics/json-location.js';
import { Reporter } from '../diagnostics/reporter.js';
import { SourceText } from '../diagnostics/source.js';
import { unreadable } from '../diagnostics/unreadable.js';
import { outsideFolderDiagnostic, OutsideFolderError, readFileInside } from '../io/inside-folder.js';
import { parseJson } from '../values/json.js';
import type { Value } from '../values/types.js';
import { describeKind } from '../values/describe-kind.js';

export interface EventSample {
  /** The file name without `.json` (or its path from the config folder, when two files share a name). */
  id: string;
  /** Absolute path. */
  file: string;
  /** The event's data fields: a JSON object. */
  data: Value;
}

export interface LoadedEvents {
  events: EventSample[];
  diagnostics: Diagnostic[];
  /** How many files the pattern matched (0: the path or glob is probably wrong). */
  files: number;
  /** The texts of files with a diagnostic, by file as shown (for code frames). */
  sources: Map<string, string>;
}

/** `shown` names a file in messages (relative to the caller's working directory). */
export function loadEvents(dir: string, pattern: string, shown: (file: string) => string): LoadedEvents {
  const events: EventSample[] = [];
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const files = globSync(pattern, { cwd: dir, absolute: true }).sort();
  const stems = new Map<string, number>();
  for (const file of files) stems.set(basename(file, extname(file)), (stems.get(basename(file, extname(file))) ?? 0) + 1);
  for (const file of files) {
    const label = shown(file);
    let text: string;
    try {
      text = readFileInside(file, dir);
    } catch (error) {
      diagnostics.push(error instanceof OutsideFolderError ? outsideFolderDiagnostic(label) : unreadable(label, error));
      continue;
    }
    const source = new SourceText(text, label);
    const parsed = parseJson(text);
    if (!parsed.ok) {
      diagnostics.push(jsonSyntaxDiagnostic(source, parsed.error, 'the event'));
      sources.set(label, text);
      continue;
    }
    if (!(parsed.value instanceof Map)) {
      const start = parsed.tree.offset;
      diagnostics.push(
        new Reporter(source).report(
          'event-data',
          `an event is a JSON object of the event's data fields, found ${describeKind(parsed.value)}`,
          { start, end: start + Math.max(1, parsed.tree.length) },
          { hint: 'write {"orderId": "A-17", "total": 25.5, ...}: the fields {{ }} tags read from the event' },
        ),
      );
      sources.set(label, text);
      continue;
    }
    const stem = basename(file, extname(file));
    const id =
      stems.get(stem) === 1
        ? stem
        : relative(dir, file)
            .split('\\')
            .join('/')
            .replace(/\.json$/i, '');
    events.push({ id, file, data: parsed.value });
  }
  return { events, diagnostics, files: files.length, sources };
}
