/** recordAll in this process (no CLI) against the local fake Voucherify. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProject } from '../../src/project/open.js';
import type { Project } from '../../src/project/project.js';
import { planRecording } from '../../src/record/plan.js';
import { recordAll } from '../../src/record/record.js';
import { recordingSchema } from '../../src/recordings/schema.js';
import { allFiles, APP_ID, createProject, removeProjects, TOKEN } from './support/project.js';
import { startVoucherify, type FakeVoucherify } from './support/voucherify-server.js';

let server: FakeVoucherify;
beforeEach(async () => {
  server = await startVoucherify({ token: TOKEN });
});
afterEach(async () => {
  await server.close();
  removeProjects();
});

const env = { VOUCHERIFY_APP_ID: APP_ID, VOUCHERIFY_APP_TOKEN: TOKEN };

function load(dir: string): Project {
  return openProject({ cwd: dir });
}

describe('recordAll', () => {
  it('writes each response and reports each failure, with no secret anywhere', async () => {
    const dir = createProject(server.port, ['ann', 'bad', 'reset', 'echo']);
    const plan = planRecording(load(dir), { users: ['ann', 'bad', 'reset', 'echo'] }, env);
    const written: string[] = [];
    const problems: string[] = [];
    const summary = await recordAll(
      plan,
      { concurrency: 2, timeoutMs: 2000, cwd: dir, now: () => new Date('2026-11-25T10:00:00Z') },
      { written: (l) => written.push(l), problem: (d) => problems.push(`${d.ruleId} ${d.file}: ${d.message}`) },
    );
    expect(summary).toEqual({ written: 3, failed: 1 });
    expect(written.sort()).toEqual([
      'wrote recordings/welcome_codes/ann.json (HTTP 200, 2 redacted; feed welcome_codes, user ann)',
      'wrote recordings/welcome_codes/bad.json (HTTP 400; feed welcome_codes, user bad): replays as a DataFeedError skip',
      'wrote recordings/welcome_codes/echo.json (HTTP 401; feed welcome_codes, user echo): replays as a DataFeedError skip',
    ]);
    expect(problems).toEqual([expect.stringMatching(/^record-request recordings\/welcome_codes\/reset.json: .*user reset\): connection reset/)]);
    const ann = recordingSchema.parse(JSON.parse(readFileSync(join(dir, 'recordings/welcome_codes/ann.json'), 'utf8')));
    expect(ann.recordedAt).toBe('2026-11-25T10:00:00.000Z');
    for (const file of allFiles(dir)) for (const secret of [TOKEN, APP_ID]) expect(file.text.includes(secret), file.path).toBe(false);
  });

  it('notes an older recording of the same URL, which the new one replaces in render', async () => {
    const dir = createProject(server.port, ['ann']);
    mkdirSync(join(dir, 'recordings'));
    const url = `http://127.0.0.1:${server.port}/v1/publications/create?customer[source_id]=ann&campaign[name]=Welcome%20Codes`;
    writeFileSync(
      join(dir, 'recordings', 'ann.json'),
      JSON.stringify({ request: { method: 'GET', url }, response: { status: 200, body: { voucher: { code: 'OLD' } } }, recordedAt: '2026-01-01T00:00:00Z' }),
    );
    const problems: string[] = [];
    const plan = planRecording(load(dir), { users: ['ann'] }, env);
    await recordAll(
      plan,
      { concurrency: 2, timeoutMs: 2000, cwd: dir },
      { written: () => {}, problem: (d) => problems.push(`${d.ruleId} ${d.file}: ${d.message}`) },
    );
    expect(problems).toEqual([
      'record-shadowed recordings/welcome_codes/ann.json: note: recordings/ann.json also records this URL; render replays the newest recording (recordings/welcome_codes/ann.json): delete the old one if it is no longer needed',
    ]);
    const replayed = load(dir).recordings.find(url);
    expect(replayed?.file).toContain(join('recordings', 'welcome_codes', 'ann.json'));
  });
});
