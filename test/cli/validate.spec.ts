import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergetag } from './support.js';

describe('mergetag validate', () => {
  it('checks every recording of the project', () => {
    const run = mergetag(['validate'], { cwd: `${process.cwd()}/fixtures/welcome` });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('3 files checked: 0 errors, 0 warnings\n');
  });

  it('reports a bare publication body with file:line:column and the JSON path, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mergetag-validate-'));
    const file = join(dir, 'body.json');
    writeFileSync(file, '{\n  "object": "publication",\n  "voucher": {"code": 5}\n}\n');
    const run = mergetag(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:3:15: error: $.voucher.code: expected a string, found 5 (voucherify-publication)`);
    expect(run.stdout).toMatch(/> 3 \|\s+"voucher": \{"code": 5\}/);
  });

  it('accepts a Voucherify error body', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mergetag-validate-'));
    const file = join(dir, 'error.json');
    writeFileSync(file, '{"code": 404, "key": "not_found", "message": "Resource not found", "details": "Cannot find campaign"}');
    const run = mergetag(['validate', file, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).diagnostics).toEqual([]);
  });

  it('exits 2 for a missing file', () => {
    const run = mergetag(['validate', 'nope.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.json: no such file');
  });
});
