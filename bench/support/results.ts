/**
 * Where every benchmark writes what it measured, so one run can be compared with the last one on the same machine.
 *
 * Each bench file records its rows under its own section name. The file bench/results/results.json (not
 * committed: numbers belong to a machine) keeps the latest value of every row; before a section is overwritten,
 * its previous values are read back and each row is printed with its change since the last run and whether it
 * meets its goal. A benchmark that misses a goal is reported, not failed: speed is a budget read by people.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ResultRow {
  /** What was measured, e.g. "render welcome: mergetag / handlebars.js precompiled (CPU time)". */
  name: string;
  value: number;
  /** "×" for ratios, "ms", "MB", "users/s"… */
  unit: string;
  /** Which direction is an improvement. */
  better: 'lower' | 'higher';
  /** The budget the issue or DESIGN.md sets, if any: the value must be at most (lower) or at least (higher) this. */
  goal?: number;
}

interface ResultsFile {
  sections: Record<string, { at: string; node: string; rows: ResultRow[] }>;
}

const resultsDir = join(import.meta.dirname, '..', 'results');
const resultsPath = join(resultsDir, 'results.json');

function readResults(): ResultsFile {
  if (!existsSync(resultsPath)) return { sections: {} };
  try {
    return JSON.parse(readFileSync(resultsPath, 'utf8')) as ResultsFile;
  } catch {
    // A results file from an older format or a broken write: start again rather than fail the benchmark.
    return { sections: {} };
  }
}

function meetsGoal(row: ResultRow): boolean | undefined {
  if (row.goal === undefined) return undefined;
  return row.better === 'lower' ? row.value <= row.goal : row.value >= row.goal;
}

function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === '×' ? `${number}×` : `${number} ${unit}`;
}

/** The rows as a Markdown table, each with its goal and its change against the previous run's value. */
export function formatRows(rows: readonly ResultRow[], previous: readonly ResultRow[] = []): string {
  const lines = ['| measure | value | goal | last run | change |', '|---|---:|---:|---:|---:|'];
  for (const row of rows) {
    const before = previous.find((p) => p.name === row.name);
    const goal = row.goal === undefined ? '' : `${row.better === 'lower' ? '≤' : '≥'} ${formatValue(row.goal, row.unit)} ${meetsGoal(row) ? 'met' : 'MISSED'}`;
    const change = before && before.value !== 0 ? `${(((row.value - before.value) / before.value) * 100).toFixed(1)}%` : '';
    lines.push(`| ${row.name} | ${formatValue(row.value, row.unit)} | ${goal} | ${before ? formatValue(before.value, before.unit) : ''} | ${change} |`);
  }
  return lines.join('\n');
}

/**
 * Stores a section's rows (atomically: a crash mid-write keeps the previous file) and returns the Markdown
 * table comparing them with the previous run. A `partial` run (one part of a benchmark) replaces the rows it
 * measured and keeps the section's others.
 */
export function recordResults(section: string, rows: readonly ResultRow[], options: { partial?: boolean } = {}): string {
  const results = readResults();
  const previous = results.sections[section]?.rows ?? [];
  const kept = options.partial ? previous.filter((row) => !rows.some((measured) => measured.name === row.name)) : [];
  results.sections[section] = { at: new Date().toISOString(), node: process.version, rows: [...kept, ...rows] };
  mkdirSync(resultsDir, { recursive: true });
  const temporary = `${resultsPath}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(temporary, resultsPath);
  return formatRows(rows, previous);
}
