/**
 * Event-triggered messages on the command line: `render --event`, `url --event`, the "event" template setting of a
 * project (render, render --all, lint, check). The semantics under test: `{{x}}` reads the event's field first,
 * `{{profile.x}}` the profile ("Personalizing Templates with Handlebars",
 * https://support.iterable.com/hc/en-us/articles/205480365; "Troubleshooting Handlebars Code",
 * https://support.iterable.com/hc/en-us/articles/36530857619348).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

const RECEIPT = '<p>Hi {{firstName}}, order {{orderId}}: {{numberFormat total "currency"}}</p><p>{{profile.firstName}}</p>\n';

/** The welcome project with an event-triggered receipt template and two sample events. */
function project(receipt = RECEIPT, event = 'events/*.json'): string {
  const dir = temp('mergetag-events-cli-');
  cpSync(join(repoRoot, 'fixtures/welcome'), dir, { recursive: true });
  mkdirSync(join(dir, 'events'));
  writeFileSync(join(dir, 'events', 'purchase.json'), '{"orderId": "A-17", "total": 25.5, "firstName": "Annie"}');
  writeFileSync(join(dir, 'events', 'gift.json'), '{"orderId": "G-3", "total": 40}');
  writeFileSync(join(dir, 'receipt.html'), receipt);
  const configFile = join(dir, 'mergetag.config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  config.templates.push({ path: 'receipt.html', event });
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  return dir;
}

describe('mergetag render --event (files)', () => {
  it('renders with the event file: the event field first, {{profile.x}} the profile', async () => {
    const dir = temp('mergetag-events-cli-');
    writeFileSync(join(dir, 't.html'), RECEIPT);
    writeFileSync(join(dir, 'user.json'), '{"firstName": "Ann"}');
    writeFileSync(join(dir, 'purchase.json'), '{"orderId": "A-17", "total": 25.5, "firstName": "Annie"}');
    const run = await runCli(['render', 't.html', '--user', 'user.json', '--event', 'purchase.json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('<p>Hi Annie, order A-17: $25.50</p><p>Ann</p>\n');
    // Without --event the same template is a blast: profile.x is an ordinary (missing) path, and numberFormat of a
    // missing total prints its format param (jknack's rule for a falsy value).
    const blast = await runCli(['render', 't.html', '--user', 'user.json'], { cwd: dir });
    expect(blast.stdout).toBe('<p>Hi Ann, order : currency</p><p></p>\n');
  });

  it('an event file that is not a JSON object is an input error (exit 2) with its line and column', async () => {
    const dir = temp('mergetag-events-cli-');
    writeFileSync(join(dir, 't.html'), '{{x}}');
    writeFileSync(join(dir, 'event.json'), '\n  ["not", "an object"]');
    const run = await runCli(['render', 't.html', '--event', 'event.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("event.json:2:3: an event is a JSON object of the event's data fields, found an array");
  });
});

describe('an event-triggered template of a project', () => {
  it('render --user ID --event ID; without --event the first event, named on stderr', async () => {
    const dir = project();
    const gift = await runCli(['render', 'receipt.html', '--user', 'ann', '--event', 'gift'], { cwd: dir });
    expect(gift.code, gift.stderr).toBe(0);
    expect(gift.stdout).toBe('<p>Hi Ann, order G-3: $40.00</p><p>Ann</p>\n');
    const first = await runCli(['render', 'receipt.html', '--user', 'ann'], { cwd: dir });
    expect(first.stdout).toBe('<p>Hi Ann, order G-3: $40.00</p><p>Ann</p>\n');
    expect(first.stderr).toContain('event gift (events/gift.json), the first of 2; --event ID picks another');
    const unknown = await runCli(['render', 'receipt.html', '--user', 'ann', '--event', 'refund'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no event 'refund'");
    expect(unknown.stderr).toContain('its events: gift, purchase');
  });

  it('render --all writes one message per user × event, the event in the name, and in summary.json', async () => {
    const dir = project();
    const run = await runCli(['render', '--all', '--out', 'out'], { cwd: dir });
    expect(run.code).toBe(1); // the welcome project's exhausted-campaign user is skipped, as always
    expect(readdirSync(join(dir, 'out', 'receipt')).sort()).toEqual([
      'ann=gift.html',
      'ann=purchase.html',
      'nameless=gift.html',
      'nameless=purchase.html',
      'obrien=gift.html',
      'obrien=purchase.html',
    ]);
    expect(readFileSync(join(dir, 'out', 'receipt', 'ann=purchase.html'), 'utf8')).toBe('<p>Hi Annie, order A-17: $25.50</p><p>Ann</p>\n');
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'));
    expect(summary.cases.filter((c: { template: string }) => c.template === 'receipt.html').map((c: { event: string }) => c.event)).toEqual([
      'gift',
      'purchase',
      'gift',
      'purchase',
      'gift',
      'purchase',
    ]);
    // A blast template keeps its names: no event.
    expect(existsSync(join(dir, 'out', 'welcome', 'ann.html'))).toBe(true);
  });

  it('lint: an event field is not a missing user field; a typo still is, and says events were checked', async () => {
    const dir = project(RECEIPT + '<p>{{ordrId}}</p>\n');
    const run = await runCli(['lint', '--format', 'json', 'receipt.html'], { cwd: dir });
    const messages = (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>).flatMap((r) => r.messages);
    const missing = messages.filter((m) => m.ruleId === 'user-field-not-found');
    expect(missing.map((m) => m.message)).toEqual([
      "{{ordrId}}: no sample user nor event has 'ordrId' (3 users × 2 events checked): for a profile without it Iterable prints nothing",
    ]);
  });

  it('lint: {{profile.x}} in a template without events gets a hint to give it its events', async () => {
    const dir = project('<p>{{profile.firstName}}</p>\n', 'events/nothing-*.json');
    const run = await runCli(['lint', '--format', 'json', 'receipt.html'], { cwd: dir });
    expect(run.code).toBe(2); // the event glob matches nothing: a config error
    const dir2 = temp('mergetag-events-cli-');
    cpSync(join(repoRoot, 'fixtures/welcome'), dir2, { recursive: true });
    writeFileSync(join(dir2, 'welcome.html'), '<p>{{profile.firstName}}</p>\n');
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir2 });
    const messages = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; hint?: string }> }>).flatMap((r) => r.messages);
    expect(messages.find((m) => m.ruleId === 'user-field-not-found')?.hint).toContain('give the template its sample events ("event" in the config)');
  });

  it('check: every run uses one of the sample events, and a counterexample reproduces with --event', async () => {
    const dir = project('<p>Order {{orderId}}: {{upper firstName}}</p>\n<p>[[welcome_codes.voucher.metadata.marketing_text]]</p>\n');
    const config = JSON.parse(readFileSync(join(dir, 'mergetag.config.json'), 'utf8'));
    config.templates[1].feeds = ['welcome_codes'];
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify(config));
    const run = await runCli(['check', 'receipt.html', '--runs', '40', '--seed', '5', '--property', 'prints-scalars', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    const [failure] = JSON.parse(run.stdout).results[0].failures;
    expect(['A-17', 'G-3']).toContain(failure.counterexample.event.orderId);
    expect(failure.command).toContain('--event');
    expect(JSON.parse(readFileSync(join(dir, failure.folder, 'event.json'), 'utf8'))).toEqual(failure.counterexample.event);
  });
});

describe('mergetag url --event', () => {
  it('a feed URL reads the event field (files, and a project sample event by id)', async () => {
    const dir = temp('mergetag-events-cli-');
    writeFileSync(join(dir, 'user.json'), '{"email": "ann@example.com"}');
    writeFileSync(join(dir, 'event.json'), '{"orderId": "A-17"}');
    const run = await runCli(
      ['url', 'https://api.example.com/orders/{{orderId}}?email={{#urlEncode}}{{{email}}}{{/urlEncode}}', '--user', 'user.json', '--event', 'event.json'],
      {
        cwd: dir,
      },
    );
    expect(run.stdout).toBe('https://api.example.com/orders/A-17?email=ann%40example.com\n');
  });
});
