import { describe, expect, it } from 'vitest';
import { Reporter } from '../../src/diagnostics/reporter.js';
import { SourceText } from '../../src/diagnostics/source.js';

describe('Reporter', () => {
  it('names the file, turns offsets into 1-based lines and columns, and takes the rule severity from the registry', () => {
    const reporter = new Reporter(new SourceText('{\n  "id": 1,\n  "id": 2\n}', 'users/a.json'));
    const made = reporter.report('user-id', 'two profiles have one id', { start: 15, end: 22 }, { hint: 'rename one' });
    expect(made).toEqual({
      ruleId: 'user-id',
      severity: 'error',
      message: 'two profiles have one id',
      file: 'users/a.json',
      start: { line: 3, column: 3, offset: 15 },
      end: { line: 3, column: 10, offset: 22 },
      hint: 'rename one',
    });
    expect(reporter.report('unused-feed', 'x', { start: 0, end: 0 }).severity).toBe('warning');
    expect(reporter.report('unused-feed', 'x', { start: 0, end: 0 }, { severity: 'error' }).severity).toBe('error');
    expect(reporter.diagnostics).toHaveLength(3);
  });
});
