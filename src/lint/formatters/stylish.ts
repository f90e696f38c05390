/**
 * The default formatter, after ESLint's `stylish`: findings grouped by file, one line each
 * (`line:column  severity  message  rule-id`), the hint under it, optionally a code frame, and a summary line.
 */
import pc from 'picocolors';
import { codeFrame } from '../../diagnostics/format.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LintResult } from '../linter.js';
import type { Formatter } from './types.js';
import { displayFile } from './paths.js';

export const stylish: Formatter = (results, context) => {
  const colors = pc.createColors(context.color);
  const paint = { error: colors.red, warning: colors.yellow, info: colors.blue } as const;
  const out: string[] = [];
  let frames = 0;
  let framesLeftOut = 0;
  const totals = { error: 0, warning: 0, info: 0 };
  for (const result of results) {
    if (!result.messages.length) continue;
    out.push(colors.underline(displayFile(result.file, context.cwd)));
    const width = Math.max(...result.messages.map((m) => `${m.start.line}:${m.start.column}`.length));
    for (const message of result.messages) {
      totals[message.severity]++;
      const where = `${message.start.line}:${message.start.column}`.padEnd(width);
      out.push(`  ${colors.dim(where)}  ${paint[message.severity](message.severity.padEnd(7))}  ${message.message}  ${colors.dim(message.ruleId)}`);
      if (message.hint) out.push(`  ${' '.repeat(width)}  ${colors.dim(`hint: ${message.hint}`)}`);
      if (context.frames) {
        if (frames < context.maxFrames) {
          out.push(indent(codeFrame(result.source, message as Diagnostic, context.color)));
          frames++;
        } else {
          framesLeftOut++;
        }
      }
    }
    out.push(...lacking(result, colors.dim));
    out.push('');
  }
  const problems = totals.error + totals.warning + totals.info;
  if (framesLeftOut) out.push(colors.dim(`(${framesLeftOut} more code frame${framesLeftOut === 1 ? '' : 's'} left out: --max-frames N shows more)`));
  if (problems === 0) return results.some((r) => r.lacking.length) ? `${results.flatMap((r) => lacking(r, colors.dim)).join('\n')}\n` : '';
  const summary = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info)`;
  out.push((totals.error ? colors.red : colors.yellow)(colors.bold(summary)));
  return `${out.join('\n')}\n`;
};

function lacking(result: LintResult, dim: (s: string) => string): string[] {
  if (!result.lacking.length) return [];
  return [
    dim(`  note: some rules could not check ${result.file}: no ${result.lacking.join(', no ')} known (run inside a project with recordings and sample users)`),
  ];
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
