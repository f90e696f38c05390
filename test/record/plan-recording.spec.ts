/** Planning (before any request) and building a recording file, in-process. */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openProject, ProjectOpenError } from '../../src/project/open.js';
import type { Project } from '../../src/project/project.js';
import { PlanError, planRecording, type PlannedRequest } from '../../src/record/plan.js';
import { buildRecording } from '../../src/record/recording.js';
import { Scrubber } from '../../src/record/redact.js';
import { recordingSchema, REDACTED } from '../../src/recordings/schema.js';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { APP_ID, createProject, removeProjects, TOKEN } from './support/project.js';

function load(dir: string): Project {
  return openProject({ cwd: dir });
}

afterEach(removeProjects);

const env = { VOUCHERIFY_APP_ID: APP_ID, VOUCHERIFY_APP_TOKEN: TOKEN };

function planError(run: () => unknown): PlanError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw error;
  }
  throw new Error('expected a PlanError');
}

describe('planRecording', () => {
  it('expands the URL per user, resolves headers for sending and redacts them for recording', () => {
    const dir = createProject(4321, ['ann', 'bob']);
    const plan = planRecording(load(dir), { users: ['ann', 'bob', 'ann'] }, env);
    expect(plan.users).toEqual(['ann', 'bob']);
    expect(plan.feeds).toEqual(['welcome_codes']);
    expect(plan.requests.map((r) => [r.userId, r.url, r.file])).toEqual([
      [
        'ann',
        'http://127.0.0.1:4321/v1/publications/create?customer[source_id]=ann&campaign[name]=Welcome%20Codes',
        join(dir, 'recordings', 'welcome_codes', 'ann.json'),
      ],
      [
        'bob',
        'http://127.0.0.1:4321/v1/publications/create?customer[source_id]=bob&campaign[name]=Welcome%20Codes',
        join(dir, 'recordings', 'welcome_codes', 'bob.json'),
      ],
    ]);
    expect(plan.requests[0]!.headers).toEqual({ 'X-App-Id': APP_ID, 'X-App-Token': TOKEN, Accept: 'application/json' });
    expect(plan.requests[0]!.recordedHeaders).toEqual({ 'X-App-Id': REDACTED, 'X-App-Token': REDACTED, Accept: 'application/json' });
    expect(plan.secrets.sort()).toEqual([APP_ID, TOKEN].sort());
  });

  it("a feed URL that reads event fields is requested once per distinct URL of the templates' sample events", () => {
    const dir = createProject(4321, ['ann']);
    const file = join(dir, 'mergetag.config.json');
    const config = JSON.parse(readFileSync(file, 'utf8')) as { feeds: { welcome_codes: { url: string } }; templates: Array<Record<string, unknown>> };
    config.feeds.welcome_codes.url = config.feeds.welcome_codes.url.replace('Welcome%20Codes', '{{campaign}}');
    config.templates[0]!.event = 'events/*.json';
    writeFileSync(file, JSON.stringify(config));
    mkdirSync(join(dir, 'events'));
    writeFileSync(join(dir, 'events', 'a-spring.json'), '{"campaign": "Spring"}');
    writeFileSync(join(dir, 'events', 'b-spring-again.json'), '{"campaign": "Spring", "other": 1}');
    writeFileSync(join(dir, 'events', 'c-summer.json'), '{"campaign": "Summer"}');
    const plan = planRecording(load(dir), { users: ['ann'] }, env);
    expect(plan.requests.map((r) => [r.url.replace(/^.*campaign\[name\]=/, ''), r.file.slice(dir.length + 1)])).toEqual([
      ['Spring', join('recordings', 'welcome_codes', 'ann.json')],
      ['Summer', join('recordings', 'welcome_codes', 'ann=c-summer.json')],
    ]);
  });

  it('redacts a literal header with a secret-looking name too', () => {
    const dir = createProject(4321, ['ann']);
    const file = join(dir, 'mergetag.config.json');
    const config = JSON.parse(readFileSync(file, 'utf8')) as { feeds: { welcome_codes: { headers: Record<string, string> } } };
    config.feeds.welcome_codes.headers = { Authorization: 'Bearer literal-secret-value', 'X-Trace': 'on' };
    writeFileSync(file, JSON.stringify(config));
    const plan = planRecording(load(dir), { users: ['ann'] }, {});
    expect(plan.requests[0]!.recordedHeaders).toEqual({ Authorization: REDACTED, 'X-Trace': 'on' });
    expect(plan.secrets).toEqual(['Bearer literal-secret-value']);
  });

  it('names every missing variable with its feed, and never a value', () => {
    const dir = createProject(4321, ['ann']);
    const error = planError(() => planRecording(load(dir), { users: ['ann'] }, {}));
    expect(error.message).toBe(
      "environment variables not set: VOUCHERIFY_APP_ID (feed 'welcome_codes', header X-App-Id), VOUCHERIFY_APP_TOKEN (feed 'welcome_codes', header X-App-Token)",
    );
    const crlf = planError(() => planRecording(load(dir), { users: ['ann'] }, { ...env, VOUCHERIFY_APP_TOKEN: `${TOKEN}\n` }));
    expect(crlf.message).toMatch(/X-App-Token: the value from the environment has a line break/);
    expect(crlf.message).not.toContain(TOKEN);
  });

  it('refuses unknown users and feeds', () => {
    const dir = createProject(4321, ['ann']);
    expect(planError(() => planRecording(load(dir), { users: ['zed'] }, env)).message).toMatch(/no user 'zed'/);
    expect(planError(() => planRecording(load(dir), { users: ['ann'], feeds: ['x'] }, env)).message).toMatch(/no feed 'x'/);
  });

  it('never gets a script redact path: the config refuses it when it loads', () => {
    const scripted = createProject(4321, ['ann'], { redact: ['$..[?(@.code)]'] });
    expect(() => {
      try {
        load(scripted);
      } catch (error) {
        throw new Error((error as ProjectOpenError).diagnostics.map((d) => d.message).join('\n'), { cause: error });
      }
    }).toThrow(/\$\.feeds\.welcome_codes\.redact\[0\]: script expressions .* are disabled/);
  });
});

describe('buildRecording', () => {
  const request: PlannedRequest = {
    feedId: 'welcome_codes',
    userId: 'ann',
    url: 'https://api.voucherify.io/v1/publications/create?customer[source_id]=ann&campaign[name]=Welcome%20Codes',
    headers: { 'X-App-Token': TOKEN },
    recordedHeaders: { 'X-App-Token': REDACTED },
    redact: ['$.customer.email'],
    file: '/tmp/unused.json',
  };
  const at = new Date('2026-11-25T10:00:00.000Z');

  it('writes a valid recording that keeps the body as spelled', () => {
    const built = buildRecording(
      request,
      {
        status: 200,
        headers: [
          ['content-type', 'application/json'],
          ['set-cookie', 'a=b'],
        ],
        text: '{"customer":{"email":"a@b.c"},"voucher":{"code":"X","discount":{"amount_off":300,"percent_off":7.50}}}',
      },
      at,
      new Scrubber([TOKEN]),
    );
    expect(built).toMatchObject({ status: 200, json: true, skips: false, redacted: 1 });
    const parsed = recordingSchema.parse(JSON.parse(built.text));
    expect(parsed).toEqual({
      request: { method: 'GET', url: request.url, headers: { 'X-App-Token': REDACTED } },
      response: {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: { customer: { email: REDACTED }, voucher: { code: 'X', discount: { amount_off: 300, percent_off: 7.5 } } },
      },
      recordedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(built.text).toContain('"percent_off": 7.50');
    expect(built.text.endsWith('}\n')).toBe(true);
  });

  it('keeps a body that is not JSON as bodyText, scrubbed', () => {
    const built = buildRecording(request, { status: 503, headers: [], text: `<p>bad token ${TOKEN}</p>` }, at, new Scrubber([TOKEN]));
    expect(built).toMatchObject({ status: 503, json: false, skips: true });
    expect(recordingSchema.parse(JSON.parse(built.text)).response).toEqual({ status: 503, headers: {}, bodyText: `<p>bad token ${REDACTED}</p>` });
    expect(buildRecording(request, { status: 204, headers: [], text: '' }, at, new Scrubber([])).text).toContain('"bodyText": ""');
  });

  it('marks a top-level array as a DataFeedError skip', () => {
    expect(buildRecording(request, { status: 200, headers: [], text: '[1,2]' }, at, new Scrubber([])).skips).toBe(true);
  });
});
