/**
 * SARIF 2.1.0 for GitHub code scanning: the rules that ran (with help URIs, descriptions and default levels),
 * each finding with a repository-relative URI under `%SRCROOT%`, a 1-based region, and a partial fingerprint that
 * stays the same across runs while the finding's rule, file and line text do, so re-uploads do not duplicate alerts.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../diagnostics/diagnostic.js';
import type { Formatter } from './types.js';
import { displayFile } from './paths.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarif: Formatter = (results, context) => {
  const ruleIds = [...new Set([...context.rules.keys(), ...results.flatMap((r) => r.messages.map((m) => m.ruleId))])].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => {
    const meta = context.rules.get(id);
    return {
      id,
      name: id,
      shortDescription: { text: meta?.description ?? id },
      fullDescription: { text: meta?.description ?? id },
      ...(meta ? { helpUri: meta.docsUrl, help: { text: `${meta.description}. See ${meta.docsUrl}` } } : {}),
      defaultConfiguration: { level: LEVEL[meta?.severity ?? 'error'] },
    };
  });
  const findings = results.flatMap((result) => {
    const uri = encodeURI(displayFile(result.file, context.cwd));
    const lines = result.source.split(/\r\n|\r|\n/);
    const seen = new Map<string, number>();
    return result.messages.map((m) => {
      const lineText = (lines[m.start.line - 1] ?? '').trim();
      const key = `${m.ruleId}\u0000${uri}\u0000${lineText}`;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      return {
        ruleId: m.ruleId,
        ruleIndex: index.get(m.ruleId)!,
        level: LEVEL[m.severity],
        message: { text: m.hint ? `${m.message} (${m.hint})` : m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
              region: {
                startLine: m.start.line,
                startColumn: m.start.column,
                endLine: m.end.line,
                endColumn: Math.max(m.end.column, m.end.line === m.start.line ? m.start.column + 1 : 1),
              },
            },
          },
        ],
        partialFingerprints: { 'mergetagFinding/v1': createHash('sha256').update(`${key}\u0000${nth}`).digest('hex') },
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'mergetag', version: context.version, informationUri: 'https://github.com/mergetag/mergetag', rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToUri(context.cwd)}/` } },
        results: findings,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function pathToUri(path: string): string {
  return `file://${encodeURI(path.replace(/\\/g, '/').replace(/\/$/, ''))}`;
}
