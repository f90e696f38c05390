/**
 * ESLint's JSON result shape, so tools that read ESLint output read ours: one entry per file with its messages
 * (`severity` 2 for errors, 1 for warnings and infos; `mergetagSeverity` keeps which), counts, and no source.
 */
import { isAbsolute, resolve } from 'node:path';
import type { Formatter } from './types.js';

export const json: Formatter = (results, context) =>
  `${JSON.stringify(
    results.map((result) => ({
      filePath: isAbsolute(result.file) ? result.file : resolve(context.cwd, result.file),
      messages: result.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity === 'error' ? 2 : 1,
        mergetagSeverity: m.severity,
        message: m.message,
        line: m.start.line,
        column: m.start.column,
        endLine: m.end.line,
        endColumn: m.end.column,
        ...(m.hint !== undefined ? { hint: m.hint } : {}),
      })),
      errorCount: result.errorCount,
      warningCount: result.warningCount + result.infoCount,
      fatalErrorCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      suppressedCount: result.suppressedCount,
      lacking: result.lacking,
    })),
    null,
    2,
  )}\n`;
