/**
 * The preview's browser app. Plain TypeScript and DOM, no framework: the page is a sidebar, a picker, an iframe and
 * two panels, re-drawn whole on each case; a framework would add a dependency, a build step and a runtime to ship in
 * the package for no gain. The logic worth testing (hash state, static data, JSON errors, the API client) lives in
 * DOM-free modules beside this one; this file only draws and wires events.
 *
 * Safety: the email is untrusted HTML (recorded feed data printed by the template); it goes into an iframe with
 * `sandbox=""` (no scripts, no same-origin, no forms) through srcdoc, and every other text goes in as text nodes.
 */
import { debounce, h, replace } from './dom.js';
import { describeJsonError, offsetOf } from './json-error.js';
import { httpSource, staticSource, type CaseResult, type Source } from './source.js';
import { formatHash, parseHash, resolveSelection, type Selection, type Width } from './state.js';
import { readStaticData } from './static-data.js';
import type { CaseView, Finding, JsonError, ProjectInfo, ProjectTemplate } from './types.js';

declare global {
  interface Window {
    __MERGETAG_PREVIEW__?: unknown;
  }
}

const staticData = readStaticData(window.__MERGETAG_PREVIEW__);
const source: Source = staticData !== null ? staticSource(staticData) : httpSource((url, init) => fetch(url, init));

const $ = (id: string): HTMLElement => document.getElementById(id)!;

let project: ProjectInfo | null = null;
let selection: Selection = parseHash(location.hash);
/** Edited textareas not yet saved: re-rendered through POST /api/render, never written to disk. */
let edits: { user?: string; feeds: Record<string, string> } = { feeds: {} };
/** Bumped on each load so a slow answer for a case no longer open is dropped. */
let generation = 0;

function status(message: string, kind: 'info' | 'error' = 'info'): void {
  const element = $('status');
  element.textContent = message;
  element.className = `status ${kind}`;
}

function templateOf(id: string | null): ProjectTemplate | undefined {
  return project?.templates.find((t) => t.id === id);
}

function navigate(next: Selection): void {
  const hash = formatHash(next);
  if (hash !== location.hash) history.pushState(null, '', hash === '' ? location.pathname + location.search : hash);
  apply(next);
}

function apply(wanted: Selection): void {
  if (project === null) return;
  const next = resolveSelection(project, wanted);
  const sameCase = next.template === selection.template && next.user === selection.user && next.variant === selection.variant && next.event === selection.event;
  if (!sameCase) edits = { feeds: {} };
  selection = next;
  drawSidebar();
  drawToolbar();
  void load();
}

// --- sidebar and toolbar -------------------------------------------------------------------------------------

function drawSidebar(): void {
  if (project === null) return;
  $('project-name').textContent = project.name;
  replace(
    $('templates'),
    project.templates.map((t) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: t.id === selection.template ? 'template selected' : 'template',
            'data-testid': 'template-item',
            'data-template': t.id,
            'aria-current': t.id === selection.template ? 'page' : 'false',
            onclick: () => navigate({ ...selection, template: t.id, user: null, variant: null, event: null }),
          },
          t.display,
        ),
      ),
    ),
  );
}

function drawToolbar(): void {
  const template = templateOf(selection.template);
  if (template === undefined) return replace($('toolbar'));
  const userPicker = h(
    'select',
    {
      'data-testid': 'user-picker',
      'aria-label': 'User',
      onchange: (e) => navigate({ ...selection, user: (e.target as HTMLSelectElement).value, view: 'one' }),
    },
    template.users.map((u) => h('option', { value: u, selected: u === selection.user && selection.view === 'one' }, u)),
  );
  const variantPicker = h(
    'select',
    {
      'data-testid': 'variant-picker',
      'aria-label': 'Variant',
      onchange: (e) => {
        const value = (e.target as HTMLSelectElement).value;
        navigate({ ...selection, variant: value === '' ? null : value });
      },
    },
    h('option', { value: '', selected: selection.variant === null }, 'recordings (no variant)'),
    template.variants.map((v) => h('option', { value: v, selected: v === selection.variant }, v)),
  );
  // An event-triggered template's sample events ("event" in the config); a blast has none, and no picker.
  const eventPicker =
    template.events.length > 0
      ? h(
          'select',
          {
            'data-testid': 'event-picker',
            'aria-label': 'Event',
            onchange: (e) => navigate({ ...selection, event: (e.target as HTMLSelectElement).value }),
          },
          template.events.map((id) => h('option', { value: id, selected: id === selection.event }, id)),
        )
      : null;
  const widthButton = (width: Width, label: string) =>
    h(
      'button',
      {
        type: 'button',
        'data-testid': `width-${width}`,
        'aria-pressed': selection.width === width ? 'true' : 'false',
        onclick: () => navigate({ ...selection, width }),
      },
      label,
    );
  replace(
    $('toolbar'),
    h('label', {}, 'User ', userPicker),
    h('label', {}, 'Variant ', variantPicker),
    eventPicker !== null ? h('label', {}, 'Event ', eventPicker) : null,
    h(
      'button',
      {
        type: 'button',
        'data-testid': 'view-all',
        'aria-pressed': selection.view === 'all' ? 'true' : 'false',
        onclick: () => navigate({ ...selection, view: selection.view === 'all' ? 'one' : 'all' }),
      },
      'All users',
    ),
    h('span', { class: 'widths' }, widthButton('desktop', 'Desktop'), widthButton('mobile', 'Mobile 375px')),
  );
}

// --- loading ---------------------------------------------------------------------------------------------------

async function fetchCase(user: string): Promise<CaseResult> {
  const { template, variant, event } = selection;
  const edited = edits.user !== undefined || Object.keys(edits.feeds).length > 0;
  if (!edited || !source.editable) return source.caseView(template!, user, variant, event);
  return source.render({
    template: template!,
    user,
    ...(variant !== null ? { variant } : {}),
    ...(event !== null ? { event } : {}),
    ...(edits.user !== undefined ? { userJson: edits.user } : {}),
    ...(Object.keys(edits.feeds).length > 0 ? { feedBodies: edits.feeds } : {}),
  });
}

async function load(): Promise<void> {
  const mine = ++generation;
  if (selection.template === null) {
    replace($('email'), h('p', { class: 'problem' }, 'This project has no templates yet.'));
    return;
  }
  document.body.dataset.view = selection.view;
  if (selection.view === 'all') return drawGrid(mine);
  if (selection.user === null) {
    replace($('email'), h('p', { class: 'problem' }, 'This template has no users: add a user file to the project.'));
    return;
  }
  const result = await fetchCase(selection.user);
  if (mine !== generation) return;
  if (!result.ok) {
    if (result.jsonError !== undefined) return showJsonError(result.jsonError);
    status(result.message, 'error');
    return;
  }
  status('');
  drawOutput(result.view);
  drawData(result.view);
}

/** Re-render after a textarea edit: the output panels change, the textareas (still being typed in) do not. */
async function rerenderNow(): Promise<void> {
  if (selection.user === null) return;
  const mine = ++generation;
  const result = await fetchCase(selection.user);
  if (mine !== generation) return;
  clearJsonErrors();
  if (!result.ok) {
    if (result.jsonError !== undefined) return showJsonError(result.jsonError);
    status(result.message, 'error');
    return;
  }
  status('');
  drawOutput(result.view);
  for (const feed of result.view.data.feeds) {
    const request = document.querySelector(`[data-request="${CSS.escape(feed.id)}"]`);
    if (request !== null) request.textContent = requestText(feed.request);
  }
}
const rerender = debounce(() => void rerenderNow(), 300);

// --- the email, envelope and findings --------------------------------------------------------------------------

function emailFrame(html: string, testid: string): HTMLIFrameElement {
  // sandbox="" : no scripts, no same-origin, no forms, no popups. The email is data, not code.
  const frame = h('iframe', { sandbox: '', 'data-testid': testid, title: 'Rendered email', referrerpolicy: 'no-referrer' });
  frame.srcdoc = html;
  return frame;
}

function drawOutput(view: CaseView): void {
  const { subject, preheader, fromName } = view.envelope;
  const field = (testid: string, label: string, value: string | null) =>
    h(
      'div',
      { class: 'field' },
      h('span', { class: 'label' }, label),
      h('span', { 'data-testid': testid, class: value === null ? 'unset' : '' }, value ?? 'not configured'),
    );
  replace(
    $('envelope'),
    field('envelope-from', 'From', fromName),
    field('envelope-subject', 'Subject', subject),
    field('envelope-preheader', 'Preheader', preheader),
  );

  const email = $('email');
  email.className = `email ${selection.width}`;
  if (view.problem !== null) {
    replace(
      email,
      h(
        'div',
        { class: 'problem', 'data-testid': 'problem' },
        h('p', {}, view.problem.message),
        view.problem.hint ? h('p', { class: 'hint' }, view.problem.hint) : null,
      ),
    );
  } else if (view.skip !== null) {
    const frames = [...view.diagnostics, ...view.lint].filter((d) => d.severity === 'error' && d.frame);
    replace(
      email,
      h(
        'div',
        { class: 'skip', 'data-testid': 'skip' },
        h('p', {}, h('strong', {}, 'Not sent: '), h('code', { 'data-testid': 'skip-reason' }, view.skip.reason)),
        h('p', { 'data-testid': 'skip-message' }, view.skip.message),
        frames.map((d) => h('pre', { class: 'frame', 'data-testid': 'skip-frame' }, d.frame!)),
      ),
    );
  } else if (view.html !== null) {
    replace(email, emailFrame(view.html, 'email-frame'));
  } else {
    replace(email, h('p', { class: 'problem' }, 'Nothing was rendered for this case.'));
  }

  const list = (title: string, findings: Finding[], testid: string) =>
    h(
      'section',
      { 'data-testid': testid },
      h('h3', {}, `${title} (${findings.length})`),
      findings.length === 0
        ? h('p', { class: 'none' }, 'None.')
        : h(
            'ul',
            {},
            findings.map((f) => {
              const frame = f.frame ? h('pre', { class: 'frame', hidden: true }, f.frame) : null;
              return h(
                'li',
                {
                  class: `finding ${f.severity}`,
                  'data-testid': 'finding',
                  onclick: () => {
                    if (frame !== null) frame.hidden = !frame.hidden;
                  },
                },
                h('span', { class: 'location', 'data-testid': 'finding-location' }, `${f.line}:${f.column}`),
                ' ',
                h('span', { class: 'severity' }, f.severity),
                ' ',
                h('span', { class: 'message' }, f.message),
                ' ',
                h('code', { class: 'rule' }, f.ruleId),
                f.hint ? h('div', { class: 'hint' }, f.hint) : null,
                frame,
              );
            }),
          ),
    );
  replace($('diagnostics'), list('Render warnings and errors', view.diagnostics, 'diagnostics-render'), list('Lint', view.lint, 'diagnostics-lint'));
}

// --- the data panel --------------------------------------------------------------------------------------------

function requestText(request: { rendered: string; url: string }): string {
  return request.rendered === request.url ? request.url : `${request.rendered}\n→ ${request.url}`;
}

function clearJsonErrors(): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-testid="json-error"]')) {
    element.textContent = '';
    element.hidden = true;
  }
}

function showJsonError(error: JsonError): void {
  const element = document.querySelector<HTMLElement>(`[data-testid="json-error"][data-which="${CSS.escape(error.which)}"]`);
  const text = describeJsonError(error, templateOf(selection.template)?.feeds ?? []);
  if (element === null) return status(text, 'error');
  element.textContent = text;
  element.hidden = false;
  const area = document.querySelector<HTMLTextAreaElement>(`textarea[data-which="${CSS.escape(error.which)}"]`);
  if (area !== null && document.activeElement !== area) {
    const offset = offsetOf(area.value, error.line, error.column);
    area.setSelectionRange(offset, Math.min(offset + 1, area.value.length));
  }
}

function jsonArea(which: string, testid: string, value: string, onEdit: (text: string) => void): HTMLElement[] {
  const area = h('textarea', { 'data-testid': testid, 'data-which': which, spellcheck: 'false', rows: '12', readonly: !source.editable });
  area.value = value;
  if (source.editable) area.addEventListener('input', () => onEdit(area.value));
  return [area, h('p', { class: 'json-error', 'data-testid': 'json-error', 'data-which': which, hidden: true, role: 'alert' })];
}

async function saveVariant(feedId: string, body: string): Promise<void> {
  if (selection.template === null || selection.user === null) return;
  const name = window.prompt('Name of the new variant (saved in mergetag.config.json):')?.trim();
  if (!name) return;
  const result = await source.saveVariant({ template: selection.template, user: selection.user, name, feed: feedId, body });
  if (!result.ok) return status(result.message, 'error');
  project = await source.project();
  edits = { feeds: {} };
  status(`Saved variant "${result.name}".`);
  selection = { ...selection, variant: null };
  navigate({ ...selection, variant: result.name });
}

function drawData(view: CaseView): void {
  const systemFields = Object.entries(project?.systemFields ?? {});
  const feeds = view.data.feeds.map((feed) => {
    const [area, error] = jsonArea(feed.id, 'feed-json', feed.body, (text) => {
      edits.feeds[feed.id] = text;
      rerender();
    });
    return h(
      'section',
      { class: 'feed', 'data-feed': feed.id },
      h('h3', {}, `Feed ${feed.alias || feed.id}`),
      h('pre', { class: 'request', 'data-request': feed.id, 'data-testid': 'feed-request' }, requestText(feed.request)),
      h(
        'p',
        { class: 'meta' },
        `HTTP ${feed.status ?? '—'} · ${feed.source === 'variant' ? `variant ${view.variant ?? ''}` : feed.source === 'recording' ? 'recording' : 'no recording'}`,
        feed.file ? ` · ${feed.file}` : '',
      ),
      area,
      error,
      source.editable
        ? h(
            'button',
            { type: 'button', 'data-testid': 'save-variant', onclick: () => void saveVariant(feed.id, (area as HTMLTextAreaElement).value) },
            'Save as variant…',
          )
        : null,
    );
  });
  const [userArea, userError] = jsonArea('user', 'user-json', view.data.user, (text) => {
    edits.user = text;
    rerender();
  });
  replace(
    $('data'),
    // The triggering event of an event-triggered template: shown as the template reads it, picked in the toolbar.
    view.data.event !== null ? [h('h3', {}, `Event ${view.event ?? ''}`), h('pre', { class: 'event', 'data-testid': 'event-json' }, view.data.event)] : null,
    h('h3', {}, 'User profile'),
    userArea,
    userError,
    systemFields.length > 0
      ? h(
          'p',
          { class: 'system-fields', 'data-testid': 'system-fields' },
          'System fields are placeholders Iterable fills at send time: ',
          systemFields.map(([name, value], i) => [i > 0 ? ', ' : '', h('code', {}, name), ` = ${JSON.stringify(value)}`]).flat(),
          '.',
        )
      : null,
    feeds,
    source.editable ? null : h('p', { class: 'note' }, 'Static export: the data is read-only.'),
  );
}

// --- all users: a grid of thumbnails ---------------------------------------------------------------------------

async function drawGrid(mine: number): Promise<void> {
  const template = templateOf(selection.template);
  if (template === undefined) return;
  replace($('envelope'));
  replace($('diagnostics'));
  replace($('data'));
  const grid = h('div', { class: 'grid', 'data-testid': 'grid' });
  replace($('email'), grid);
  $('email').className = 'email all';
  for (const user of template.users) {
    const cell = h(
      'button',
      { type: 'button', class: 'thumb', 'data-testid': 'thumbnail', 'data-user': user, onclick: () => navigate({ ...selection, user, view: 'one' }) },
      h('span', { class: 'thumb-label' }, user),
    );
    grid.append(cell);
    const result = await source.caseView(template.id, user, selection.variant, selection.event);
    if (mine !== generation) return;
    if (!result.ok) cell.append(h('span', { class: 'thumb-note' }, result.message));
    else if (result.view.html !== null) cell.append(h('div', { class: 'thumb-frame' }, emailFrame(result.view.html, 'thumbnail-frame')));
    else
      cell.append(
        h('span', { class: 'thumb-note' }, result.view.skip ? `Not sent: ${result.view.skip.reason}` : (result.view.problem?.message ?? 'Nothing rendered')),
      );
  }
}

// --- start -----------------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  document.body.dataset.mode = source.editable ? 'live' : 'static';
  try {
    project = await source.project();
  } catch (error) {
    status(`Could not load the project: ${error instanceof Error ? error.message : String(error)}`, 'error');
    return;
  }
  document.title = `${project.name} · mergetag preview`;
  const first = resolveSelection(project, selection);
  selection = { ...first, template: null }; // forces apply() to treat it as a new case
  apply(first);
  if (formatHash(first) !== location.hash && formatHash(first) !== '') history.replaceState(null, '', formatHash(first));
  window.addEventListener('popstate', () => apply(parseHash(location.hash)));
  window.addEventListener('hashchange', () => apply(parseHash(location.hash)));

  if (source.editable && typeof EventSource !== 'undefined') {
    // Live reload: a template, snippet, user, recording or the config changed on disk. Re-read the project (a variant
    // may have been added) and the open case; the selection and unsaved edits stay, the page does not reload.
    const events = new EventSource('/api/events');
    events.addEventListener('change', () => {
      void (async () => {
        try {
          project = await source.project();
        } catch {
          return;
        }
        apply(selection);
      })();
    });
  }
}

void start();
