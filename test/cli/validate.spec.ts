import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

describe('mergetag validate', () => {
  it('checks the config, the template and every recording of the project', async () => {
    const run = await runCli(['validate'], { cwd: join(repoRoot, 'fixtures/welcome') });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('5 files checked: 0 errors, 0 warnings\n');
    const json = JSON.parse((await runCli(['validate', '--format', 'json'], { cwd: join(repoRoot, 'fixtures/welcome') })).stdout) as { files: string[] };
    expect(json.files).toEqual(['mergetag.config.json', 'welcome.html', 'recordings/ann.json', 'recordings/nameless-exhausted.json', 'recordings/obrien.json']);
  });

  it('reports a bare publication body with file:line:column and the JSON path, and exits 1', async () => {
    const dir = temp();
    const file = join(dir, 'body.json');
    writeFileSync(file, '{\n  "object": "publication",\n  "voucher": {"code": 5}\n}\n');
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${file}:3:15: error: $.voucher.code: expected a string, found 5 (voucherify-publication)`);
    expect(run.stdout).toMatch(/> 3 \|\s+"voucher": \{"code": 5\}/);
  });

  it('accepts a Voucherify error body', async () => {
    const dir = temp();
    const file = join(dir, 'error.json');
    writeFileSync(file, '{"code": 404, "key": "not_found", "message": "Resource not found", "details": "Cannot find campaign"}');
    const run = await runCli(['validate', file, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).diagnostics).toEqual([]);
  });

  it('exits 2 for a missing file', async () => {
    const run = await runCli(['validate', 'nope.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.json:1:1: error: no such file (input-file)');
  });
});
