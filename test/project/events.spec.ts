/**
 * Event-triggered templates in a project: a template's "event" setting names its sample events (a file or a glob),
 * each a JSON object of the event's data fields. Rendering reads the event's fields first, the profile's under
 * profile (https://support.iterable.com/hc/en-us/articles/205480365, "Sample event data";
 * https://support.iterable.com/hc/en-us/articles/36530857619348, event fields override profile fields).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project/open.js';
import type { Project } from '../../src/project/project.js';
import { tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

function project(templates: unknown[], files: Record<string, string> = {}, feeds: unknown = {}): { project: Project; dir: string } {
  const dir = temp('mergetag-events-');
  for (const sub of ['users', 'events', 'recordings']) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, 'users', 'ann.json'), '{"firstName": "Ann", "email": "ann@example.com", "points": 10}');
  writeFileSync(join(dir, 'users', 'bo.json'), '{"firstName": "Bo", "email": "bo@example.com", "points": 3}');
  writeFileSync(join(dir, 'events', 'purchase.json'), '{"orderId": "A-17", "total": 25.50, "firstName": "ANN"}');
  writeFileSync(join(dir, 'events', 'refund.json'), '{"orderId": "R-2", "total": -5}');
  writeFileSync(join(dir, 'receipt.html'), 'Order {{orderId}} for {{total}}: {{firstName}} / {{profile.firstName}} ({{points}} points)');
  writeFileSync(join(dir, 'blast.html'), 'Hi {{firstName}}');
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ templates, feeds }));
  return { project: openProject({ cwd: dir }), dir };
}

describe('a template with one sample event', () => {
  it('renders {{x}} from the event, then the profile; {{profile.x}} from the profile', () => {
    const { project: p } = project([{ path: 'receipt.html', event: 'events/purchase.json' }]);
    expect(p.diagnostics).toEqual([]);
    const receipt = p.templates()[0]!;
    expect(p.eventsFor(receipt).map((e) => e.id)).toEqual(['purchase']);
    const outcome = p.renderCase(receipt, p.users.get('ann')!, undefined);
    expect(outcome.event?.id).toBe('purchase');
    expect(outcome.result?.output).toBe('Order A-17 for 25.5: ANN / Ann (10 points)');
  });

  it('validate lists the event files it checked', () => {
    const { project: p } = project([{ path: 'receipt.html', event: 'events/purchase.json' }]);
    const result = p.validate();
    expect(result.files).toContain('events/purchase.json');
    expect(result.diagnostics).toEqual([]);
  });

  it('a blast template of the same project has no event', () => {
    const { project: p } = project([{ path: 'receipt.html', event: 'events/purchase.json' }, { path: 'blast.html' }]);
    const blast = p.templates()[1]!;
    expect(p.eventsFor(blast)).toEqual([]);
    expect(p.renderCase(blast, p.users.get('ann')!, undefined).result?.output).toBe('Hi Ann');
  });
});

describe('a glob of sample events', () => {
  it('cases are user × template × event × variant, and caseCount agrees', () => {
    const { project: p } = project([{ path: 'receipt.html', event: 'events/*.json' }, { path: 'blast.html' }]);
    const cases = [...p.cases()].map((c) => `${c.template.relative} ${c.user.id} ${c.event?.id ?? '-'}`);
    expect(cases).toEqual([
      'receipt.html ann purchase',
      'receipt.html ann refund',
      'blast.html ann -',
      'receipt.html bo purchase',
      'receipt.html bo refund',
      'blast.html bo -',
    ]);
    expect(p.caseCount()).toBe(6);
    const outputs = [...p.renderAll()].map((r) => r.result?.output);
    expect(outputs[1]).toBe('Order R-2 for -5: Ann / Ann (10 points)');
  });

  it('a feed URL reads the event too: the request, and the recording found by it, differ per event', () => {
    const feeds = { order: { url: 'https://api.example.com/orders/{{orderId}}?email={{#urlEncode}}{{{email}}}{{/urlEncode}}', alias: 'order' } };
    const recording = (orderId: string, status: string) =>
      JSON.stringify({
        request: { method: 'GET', url: `https://api.example.com/orders/${orderId}?email=ann%40example.com`, headers: {} },
        response: { status: 200, headers: {}, body: { status } },
        recordedAt: '2026-01-01T00:00:00Z',
      });
    const { project: p } = project(
      [{ path: 'status.html', feeds: ['order'], event: 'events/*.json' }],
      { 'status.html': '{{orderId}}: [[order.status]]', 'recordings/a.json': recording('A-17', 'shipped'), 'recordings/r.json': recording('R-2', 'refunded') },
      feeds,
    );
    const [purchase, refund] = p.eventsFor(p.templates()[0]!);
    const ann = p.users.get('ann')!;
    expect(p.feedRequest('order', ann, purchase).url).toBe('https://api.example.com/orders/A-17?email=ann%40example.com');
    expect(p.renderCase(p.templates()[0]!, ann, undefined, {}, {}, purchase).result?.output).toBe('A-17: shipped');
    expect(p.renderCase(p.templates()[0]!, ann, undefined, {}, {}, refund).result?.output).toBe('R-2: refunded');
  });
});

describe('event files with problems are reported when the project opens', () => {
  it('a path that matches nothing is no-match at the setting; an array is event-data; broken JSON is invalid-json', () => {
    const { project: p } = project(
      [
        { path: 'receipt.html', event: 'events/nope.json' },
        { path: 'blast.html', event: 'events/bad*.json' },
      ],
      { 'events/bad-array.json': '[1, 2]', 'events/bad-json.json': '{"a": ' },
    );
    const found = p.diagnostics.map((d) => [d.ruleId, d.file, d.start.line]);
    expect(found).toEqual([
      ['no-match', 'mergetag.config.json', 1],
      ['event-data', 'events/bad-array.json', 1],
      ['invalid-json', 'events/bad-json.json', 1],
    ]);
    expect(p.diagnostics[0]!.message).toBe("the event path 'events/nope.json' matches no file");
    expect(p.diagnostics[1]!.message).toBe("an event is a JSON object of the event's data fields, found an array");
  });

  it('two event files of one name are told apart by their path', () => {
    const dir = temp('mergetag-events-');
    mkdirSync(join(dir, 'users'));
    mkdirSync(join(dir, 'events', 'eu'), { recursive: true });
    writeFileSync(join(dir, 'users', 'ann.json'), '{}');
    writeFileSync(join(dir, 'events', 'purchase.json'), '{"total": 1}');
    writeFileSync(join(dir, 'events', 'eu', 'purchase.json'), '{"total": 2}');
    writeFileSync(join(dir, 'events', 'refund.json'), '{"total": 3}');
    writeFileSync(join(dir, 't.html'), '{{total}}');
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ templates: [{ path: 't.html', event: 'events/**/*.json' }] }));
    const p = openProject({ cwd: dir });
    expect(p.eventsFor(p.templates()[0]!).map((e) => e.id)).toEqual(['events/eu/purchase', 'events/purchase', 'refund']);
  });
});
