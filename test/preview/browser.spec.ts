/**
 * `mergetag preview` in a real browser (issue 10 item 4): Debian's Chromium, driven by playwright-core, on the
 * preview server started in this process over a temporary copy of fixtures/welcome (port 0, 127.0.0.1). What a
 * template author does: open the app, pick Ann and see her voucher code in the email, edit welcome.html on disk and
 * see the change arrive without a reload, break the user JSON in the page and see the error while the last good
 * render stays, pick the exhausted-campaign user and see the DataFeedError skip, open the static export from
 * file:// and see Ann's code.
 *
 * Without /usr/bin/chromium the tests are skipped with that reason locally, and fail under CI (.ci/run installs it).
 * One browser for the whole file keeps it within ~15 s on a 2-core machine.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '../../src/preview/server.js';
import { chromiumMissingInCi, chromiumUnavailable, launchChromium, type Chromium } from '../support/chromium.js';
import { repoRoot, runCli, tempFolders } from '../support/run-cli.js';

const uiBuilt = join(repoRoot, 'dist/preview-ui/index.html');

/** Why these tests cannot run here; a missing Chromium under CI is not a reason, it is a failure. */
function skipReason(): string | undefined {
  if (!chromiumMissingInCi()) {
    const chromium = chromiumUnavailable();
    if (chromium !== undefined) return chromium;
  }
  if (!existsSync(uiBuilt)) return 'the preview UI is not built: run npm run build (dist/preview-ui/)';
  return undefined;
}

/**
 * The UI's stable hooks (data-testid), in one place: the app's markup is the UI engineer's, and a renamed hook
 * should be a one-line change here.
 */
const ui = {
  userPicker: '[data-testid="user-picker"]',
  email: 'iframe[data-testid="email-frame"]',
  userJson: 'textarea[data-testid="user-json"]',
  userJsonError: '[data-testid="json-error"][data-which="user"]',
  skip: '[data-testid="skip"]',
};

const ANN_CODE = 'WELCOME-7QX2K9';
/**
 * How long a change may take to show. Live reload answers within a second; the margin is for a full npm test
 * sharing 2 cores, where a slow poll costs nothing and a flaky one costs a CI run.
 */
const WAIT = { timeout: 10_000 };

const reason = skipReason();
const folder = tempFolders('all');

if (chromiumMissingInCi()) {
  // CI must run the browser tests: a missing Chromium means .ci/run did not install it.
  it('has Chromium under CI', () => {
    expect.fail(`${chromiumUnavailable()!} (CI is set: .ci/run installs it with apt-get)`);
  });
}

// The harness itself, whenever Chromium is here: it starts with these flags and shows a sandboxed srcdoc iframe,
// which is how the preview shows an email.
describe.skipIf(chromiumUnavailable() !== undefined)('Chromium', () => {
  it('starts headless with a fresh profile and shows a sandboxed srcdoc iframe', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.setContent(`<iframe data-testid="email-frame" sandbox="" srcdoc="<p>${ANN_CODE}</p>"></iframe>`);
      await expect.poll(() => emailText(page), WAIT).toBe(ANN_CODE);
    } finally {
      await browser.close();
    }
  });
});

describe.skipIf(reason !== undefined)(`preview in Chromium${reason !== undefined ? ` (skipped: ${reason})` : ''}`, () => {
  let project: string;
  let server: PreviewServer;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    project = folder('mergetag-preview-browser-');
    cpSync(join(repoRoot, 'fixtures/welcome'), project, { recursive: true });
    [server, browser] = await Promise.all([startPreviewServer({ cwd: project, host: '127.0.0.1', port: 0 }), launchChromium()]);
    page = await browser.context.newPage();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows Ann's voucher code in the email", async () => {
    await page.goto(server.url);
    await selectUser(page, 'ann');
    await expect.poll(() => emailText(page), WAIT).toContain(ANN_CODE);
  });

  it('shows an edit of welcome.html without a reload', async () => {
    // A reload would lose this marker: the change must arrive through live reload alone.
    await page.evaluate('window.__notReloaded = true');
    const file = join(project, 'welcome.html');
    writeFileSync(file, readFileSync(file, 'utf8').replace('</body>', '<p>EDITED-ON-DISK</p></body>'));
    await expect.poll(() => emailText(page), WAIT).toContain('EDITED-ON-DISK');
    expect(await page.evaluate('window.__notReloaded')).toBe(true);
    await expect.poll(() => emailText(page), WAIT).toContain(ANN_CODE);
  });

  it('re-renders an edited user JSON, and keeps the last good render when it is broken', async () => {
    const editor = page.locator(ui.userJson);
    const user = JSON.parse(await editor.inputValue()) as Record<string, unknown>;
    await editor.fill(JSON.stringify({ ...user, firstName: 'Annabel' }, null, 2));
    await expect.poll(() => emailText(page), WAIT).toContain('Annabel');

    await editor.fill('{ "firstName": "Annabel", ');
    await expect.poll(() => page.locator(ui.userJsonError).textContent(), WAIT).toMatch(/invalid JSON at line \d+, column \d+/);
    // The email still shows the last render that worked.
    expect(await emailText(page)).toContain('Annabel');
    expect(await emailText(page)).toContain(ANN_CODE);
  });

  it('shows the DataFeedError skip for the exhausted-campaign user', async () => {
    await selectUser(page, 'nameless');
    await expect.poll(() => page.locator(ui.skip).textContent(), WAIT).toContain('DataFeedError');
  });

  it("opens the static export from file:// and shows Ann's code", async () => {
    const out = folder('mergetag-preview-export-');
    const result = await runCli(['preview', '--out', out], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const exported = await browser.context.newPage();
    try {
      await exported.goto(pathToFileURL(join(out, 'index.html')).href);
      await selectUser(exported, 'ann');
      await expect.poll(() => emailText(exported), WAIT).toContain(ANN_CODE);
    } finally {
      await exported.close();
    }
  });

  /** Picks a user whether the picker is a <select> or a list of buttons. */
  async function selectUser(target: Page, userId: string): Promise<void> {
    const picker = target.locator(ui.userPicker);
    await picker.waitFor(WAIT);
    const tag = await picker.evaluate((element: { tagName: string }) => element.tagName);
    if (tag === 'SELECT') await picker.selectOption(userId);
    else await picker.getByText(userId, { exact: true }).click();
  }
});

/** The text of the email in the sandboxed iframe, or '' while it is not there. */
async function emailText(target: Page): Promise<string> {
  const handle = await target.$(ui.email);
  const frame: Frame | null = handle ? await handle.contentFrame() : null;
  if (!frame) return '';
  return ((await frame.evaluate("document.body ? document.body.innerText : ''").catch(() => '')) as string) || '';
}
