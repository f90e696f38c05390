/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request's diff
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`). Data and property values are escaped as
 * the Actions toolkit escapes them, so a message cannot end the command early.
 */
import type { Formatter } from './types.js';
import { displayFile } from './paths.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const github: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayFile(result.file, context.cwd);
    for (const m of result.messages) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${m.start.line}`,
        `col=${m.start.column}`,
        `endLine=${m.end.line}`,
        `endColumn=${m.end.column}`,
        `title=${escapeProperty(`mergetag ${m.ruleId}`)}`,
      ].join(',');
      lines.push(`::${COMMAND[m.severity]} ${properties}::${escapeData(m.hint ? `${m.message} (${m.hint})` : m.message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
