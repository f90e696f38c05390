/**
 * The browser app's pure parts (src/preview/ui/): the selection in the URL hash, the static export's data, the
 * mapping of POST /api/render's 400 to the textarea, and the API client against a small fake of the contract. The
 * DOM code itself is thin and left to the browser tests (jsdom is not installed).
 */
import { describe, expect, it } from 'vitest';
import { describeJsonError, offsetOf, readJsonError } from '../../src/preview/ui/json-error.js';
import { httpSource, staticSource, type FetchLike } from '../../src/preview/ui/source.js';
import { EMPTY_SELECTION, formatHash, parseHash, resolveSelection } from '../../src/preview/ui/state.js';
import { caseKey, readStaticData, staticCase } from '../../src/preview/ui/static-data.js';
import type { CaseView, ProjectInfo, StaticData } from '../../src/preview/ui/types.js';

const project: ProjectInfo = {
  name: 'welcome',
  templates: [
    { id: 'welcome', display: 'welcome.html', feeds: [{ id: 'voucher', alias: 'voucher' }], users: ['ada', 'bob'], variants: ['expired'], events: [] },
    { id: 'promo', display: 'promo.html', feeds: [], users: [], variants: [], events: [] },
    { id: 'receipt', display: 'receipt.html', feeds: [], users: ['ada'], variants: [], events: ['gift', 'purchase'] },
  ],
  systemFields: { campaignId: 0 },
  now: '2026-01-01T00:00:00.000Z',
};

function view(user: string, variant: string | null = null, event: string | null = null): CaseView {
  return {
    template: 'welcome',
    user,
    variant,
    event,
    envelope: { subject: `Hi ${user}`, preheader: null, fromName: null },
    html: `<p>${user}</p>`,
    skip: null,
    problem: null,
    diagnostics: [],
    lint: [],
    data: { user: '{}', event: event === null ? null : '{"orderId": "A-17"}', feeds: [] },
  };
}

describe('the selection in the URL hash', () => {
  it('reads template, user, variant, the grid and the width', () => {
    expect(parseHash('#template=welcome&user=ada&variant=expired&event=gift&view=all&width=mobile')).toEqual({
      template: 'welcome',
      user: 'ada',
      variant: 'expired',
      event: 'gift',
      view: 'all',
      width: 'mobile',
    });
    expect(parseHash('')).toEqual(EMPTY_SELECTION);
    expect(parseHash('#variant=&view=bogus&width=huge')).toEqual(EMPTY_SELECTION);
  });

  it('round-trips ids with spaces, ampersands and non-ASCII, and leaves defaults out', () => {
    const selection = { ...EMPTY_SELECTION, template: 'a&b c', user: 'zoë=1', variant: '#x' };
    expect(parseHash(formatHash(selection))).toEqual(selection);
    expect(formatHash({ ...EMPTY_SELECTION, template: 'welcome', user: 'ada' })).toBe('#template=welcome&user=ada');
    expect(formatHash(EMPTY_SELECTION)).toBe('');
  });

  it('falls back to the first template and user, and to no variant, for ids the project does not have', () => {
    expect(resolveSelection(project, EMPTY_SELECTION)).toMatchObject({ template: 'welcome', user: 'ada', variant: null });
    expect(resolveSelection(project, { ...EMPTY_SELECTION, template: 'gone', user: 'bob', variant: 'expired' })).toMatchObject({
      template: 'welcome',
      user: 'bob',
      variant: 'expired',
    });
    expect(resolveSelection(project, { ...EMPTY_SELECTION, template: 'welcome', user: 'eve', variant: 'deleted' })).toMatchObject({
      user: 'ada',
      variant: null,
    });
    expect(resolveSelection(project, { ...EMPTY_SELECTION, template: 'promo', user: 'ada' })).toMatchObject({ template: 'promo', user: null });
    expect(resolveSelection({ ...project, templates: [] }, { ...EMPTY_SELECTION, template: 'x' })).toMatchObject({ template: null, user: null });
  });

  it('an event-triggered template always has an event: the one picked, else its first; a blast has none', () => {
    expect(resolveSelection(project, { ...EMPTY_SELECTION, template: 'receipt' })).toMatchObject({ template: 'receipt', event: 'gift' });
    expect(resolveSelection(project, { ...EMPTY_SELECTION, template: 'receipt', event: 'purchase' })).toMatchObject({ event: 'purchase' });
    expect(resolveSelection(project, { ...EMPTY_SELECTION, template: 'receipt', event: 'refund' })).toMatchObject({ event: 'gift' });
    expect(resolveSelection(project, { ...EMPTY_SELECTION, template: 'welcome', event: 'gift' })).toMatchObject({ event: null });
    expect(formatHash({ ...EMPTY_SELECTION, template: 'receipt', user: 'ada', event: 'gift' })).toBe('#template=receipt&user=ada&event=gift');
  });
});

describe('the static export', () => {
  const data: StaticData = {
    project,
    cases: {
      [caseKey('welcome', 'ada', null)]: view('ada'),
      [caseKey('welcome', 'ada', 'expired')]: view('ada', 'expired'),
      [caseKey('receipt', 'ada', null, 'gift')]: view('ada', null, 'gift'),
    },
  };

  it('keys cases as template|user|variant-or-empty, and |event for a sample event', () => {
    expect(caseKey('welcome', 'ada', null)).toBe('welcome|ada|');
    expect(caseKey('welcome', 'ada', 'expired')).toBe('welcome|ada|expired');
    expect(caseKey('receipt', 'ada', null, 'gift')).toBe('receipt|ada||gift');
  });

  it("finds an event's case, and says when the export lacks it", async () => {
    expect(await staticSource(data).caseView('receipt', 'ada', null, 'gift')).toEqual({ ok: true, view: view('ada', null, 'gift') });
    expect(staticCase(data, 'receipt', 'ada', null, 'purchase')).toEqual({
      missing: 'This export has no case for template receipt, user ada, event purchase.',
    });
  });

  it('reads the global only when it has the expected shape', () => {
    expect(readStaticData(data)).toBe(data);
    for (const bad of [undefined, null, 'x', {}, { project: {}, cases: {} }, { project, cases: null }]) expect(readStaticData(bad)).toBeNull();
  });

  it('finds a case, and says which one is missing', () => {
    expect(staticCase(data, 'welcome', 'ada', 'expired')).toEqual(view('ada', 'expired'));
    expect(staticCase(data, 'welcome', 'bob', null)).toEqual({ missing: 'This export has no case for template welcome, user bob.' });
    expect(staticCase(data, 'welcome', 'ada', 'x')).toEqual({ missing: 'This export has no case for template welcome, user ada, variant x.' });
    expect(staticCase({ project, cases: {} }, 'constructor', '', null)).toHaveProperty('missing');
  });

  it('is read-only: the source renders cases but refuses edits and saves', async () => {
    const source = staticSource(data);
    expect(source.editable).toBe(false);
    expect(await source.project()).toBe(project);
    expect(await source.caseView('welcome', 'ada', null)).toEqual({ ok: true, view: view('ada') });
    expect(await source.caseView('welcome', 'bob', null)).toMatchObject({ ok: false });
    expect(await source.render({ template: 'welcome', user: 'ada', userJson: '{}' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/static export/),
    });
    expect(await source.saveVariant({ template: 'welcome', user: 'ada', name: 'n', feed: 'voucher', body: '{}' })).toMatchObject({ ok: false });
  });
});

describe('invalid JSON in an edited textarea', () => {
  it('reads the 400 body of POST /api/render', () => {
    expect(readJsonError({ error: { which: 'user', message: 'Unexpected token }', line: 3, column: 7 } })).toEqual({
      which: 'user',
      message: 'Unexpected token }',
      line: 3,
      column: 7,
    });
    expect(readJsonError({ error: { which: 'voucher', message: 'x' } })).toEqual({ which: 'voucher', message: 'x', line: 1, column: 1 });
    for (const bad of [null, 'x', {}, { error: 'boom' }, { error: { which: 1, message: 'x' } }]) expect(readJsonError(bad)).toBeNull();
  });

  it('maps line:column to an offset in the textarea, clamped to the text', () => {
    const text = '{\n  "a": 1,\n  oops\n}';
    expect(text.slice(offsetOf(text, 3, 3))).toMatch(/^oops/);
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 3, 99)).toBe(text.indexOf('\n}'));
    expect(offsetOf(text, 40, 1)).toBe(text.length);
  });

  it('names the data, the place and the problem, and says the last render stays', () => {
    const feeds = [{ id: 'voucher', alias: 'coupon' }];
    expect(describeJsonError({ which: 'user', message: 'Unexpected end', line: 2, column: 1 }, feeds)).toBe(
      'User profile: invalid JSON at line 2, column 1: Unexpected end. The preview keeps the last good render.',
    );
    expect(describeJsonError({ which: 'voucher', message: 'x', line: 1, column: 4 }, feeds)).toMatch(/^Feed coupon: invalid JSON at line 1, column 4/);
  });

  it('names an unaliased feed (the server sends alias null) by its id', () => {
    expect(describeJsonError({ which: 'offers', message: 'x', line: 1, column: 1 }, [{ id: 'offers', alias: null }])).toMatch(/^Feed offers: /);
  });
});

describe('the API client, against a fake of the contract', () => {
  interface Call {
    url: string;
    method: string;
    body: unknown;
  }
  function fakeServer(): { fetch: FetchLike; calls: Call[] } {
    const calls: Call[] = [];
    const variants = new Set(['expired']);
    const reply = (status: number, body: unknown) => Promise.resolve({ ok: status < 300, status, json: () => Promise.resolve(body) });
    const fetch: FetchLike = (url, init) => {
      const body: unknown = init?.body === undefined ? undefined : JSON.parse(init.body);
      calls.push({ url, method: init?.method ?? 'GET', body });
      const parsed = new URL(url, 'http://127.0.0.1');
      if (parsed.pathname === '/api/project') return reply(200, project);
      if (parsed.pathname === '/api/case') {
        const user = parsed.searchParams.get('user')!;
        return project.templates[0]!.users.includes(user)
          ? reply(200, view(user, parsed.searchParams.get('variant'), parsed.searchParams.get('event')))
          : reply(404, { error: { message: 'no such user' } });
      }
      if (parsed.pathname === '/api/render') {
        const request = body as { user: string; userJson?: string };
        try {
          JSON.parse(request.userJson ?? '{}');
        } catch {
          return reply(400, { error: { which: 'user', message: 'Unexpected token', line: 1, column: 2 } });
        }
        return reply(200, view(request.user));
      }
      if (parsed.pathname === '/api/variants') {
        const { name } = body as { name: string };
        if (variants.has(name)) return reply(409, { error: { message: 'exists' } });
        variants.add(name);
        return reply(200, { ok: true, name });
      }
      return reply(500, 'not json');
    };
    return { fetch, calls };
  }

  it('reads the project and a case, passing ids as query parameters', async () => {
    const server = fakeServer();
    const source = httpSource(server.fetch);
    expect(source.editable).toBe(true);
    expect(await source.project()).toEqual(project);
    expect(await source.caseView('welcome', 'a b&c', null)).toEqual({ ok: false, message: 'no such user' });
    expect(await source.caseView('welcome', 'bob', 'expired')).toEqual({ ok: true, view: view('bob', 'expired') });
    expect(await source.caseView('welcome', 'bob', null, 'gift')).toEqual({ ok: true, view: view('bob', null, 'gift') });
    expect(server.calls.map((c) => c.url)).toEqual([
      '/api/project',
      '/api/case?template=welcome&user=a+b%26c',
      '/api/case?template=welcome&user=bob&variant=expired',
      '/api/case?template=welcome&user=bob&event=gift',
    ]);
  });

  it('renders edited data, and maps invalid JSON to the textarea it came from', async () => {
    const server = fakeServer();
    const source = httpSource(server.fetch);
    expect(await source.render({ template: 'welcome', user: 'ada', userJson: '{"x":1}' })).toEqual({ ok: true, view: view('ada') });
    expect(await source.render({ template: 'welcome', user: 'ada', userJson: '{x' })).toEqual({
      ok: false,
      message: 'Unexpected token',
      jsonError: { which: 'user', message: 'Unexpected token', line: 1, column: 2 },
    });
    expect(server.calls[0]).toMatchObject({ method: 'POST', url: '/api/render', body: { template: 'welcome', user: 'ada', userJson: '{"x":1}' } });
  });

  it('saves a variant, and says so when the name is taken', async () => {
    const server = fakeServer();
    const source = httpSource(server.fetch);
    const request = { template: 'welcome', user: 'ada', name: 'burned', feed: 'voucher', body: '{}' };
    expect(await source.saveVariant(request)).toEqual({ ok: true, name: 'burned' });
    expect(await source.saveVariant({ ...request, name: 'expired' })).toEqual({
      ok: false,
      message: 'A variant named "expired" already exists; choose another name.',
    });
  });

  it('reports a server failure without a JSON body, and throws when the project cannot load', async () => {
    const source = httpSource((url) => Promise.resolve({ ok: false, status: 500, json: () => Promise.reject(new Error(url)) }));
    expect(await source.caseView('welcome', 'ada', null)).toEqual({ ok: false, message: 'The preview server answered HTTP 500.' });
    await expect(source.project()).rejects.toThrow('HTTP 500');
  });
});
