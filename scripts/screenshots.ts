/**
 * `npm run screenshots`: docs/preview-desktop.png and docs/preview-mobile.png, the welcome email as
 * `mergetag preview` shows Ann's case, at desktop and mobile width, taken with Debian's Chromium
 * (/usr/bin/chromium, through playwright-core). The README's Preview section shows them. Not part of npm test:
 * pixels differ between machines, so the PNGs are committed when the UI changes, not compared.
 *
 * It starts the preview server on fixtures/welcome (port 0, 127.0.0.1) and picks Ann in the app. Until the preview
 * server and its built UI are in the tree (src/preview/server.ts, dist/preview-ui/), it shows Ann's rendered email
 * itself, the same HTML the app's iframe holds, so the README has a true picture of the message in the meantime.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { openProject } from '../src/project/open.js';
import { chromiumUnavailable, launchChromium } from '../test/support/chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = join(root, 'fixtures/welcome');
const serverModule = join(root, 'src/preview/server.ts');
const ANN_CODE = 'WELCOME-7QX2K9';
/**
 * The email's width: desktop, and the 375 px of a common phone (the app's mobile toggle). The app itself is shown in
 * a laptop window either way, with its width toggle pressed; without the app, the window is the email's width.
 */
const widths = { desktop: 1280, mobile: 375 } as const;
const laptop = { width: 1280, height: 900 };

interface PreviewServerModule {
  startPreviewServer: (options: { cwd: string; host?: string; port?: number }) => Promise<{ url: string; close(): Promise<void> | void }>;
}

const missing = chromiumUnavailable();
if (missing !== undefined) {
  console.error(missing);
  process.exit(1);
}
mkdirSync(join(root, 'docs'), { recursive: true });

const useApp = existsSync(serverModule) && existsSync(join(root, 'dist/preview-ui/index.html'));
const server = useApp
  ? await ((await import(pathToFileURL(serverModule).href)) as PreviewServerModule).startPreviewServer({ cwd: fixture, host: '127.0.0.1', port: 0 })
  : undefined;
try {
  for (const [name, width] of Object.entries(widths)) {
    const viewport = server ? laptop : { width, height: laptop.height };
    const browser = await launchChromium({ viewport });
    try {
      const page = await browser.context.newPage();
      if (server) await showInApp(page, server.url, name as keyof typeof widths);
      else await page.setContent(annEmail(), { waitUntil: 'load' });
      const file = join(root, `docs/preview-${name}.png`);
      await page.screenshot({ path: file, fullPage: !server && name === 'mobile' });
      console.log(`wrote docs/preview-${name}.png (${width} px${server ? ', the preview app' : ", Ann's email"})`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server?.close();
}

/** Ann's case in the app: her email in the iframe, at the app's desktop or mobile width. */
async function showInApp(page: Page, url: string, width: keyof typeof widths): Promise<void> {
  await page.goto(url);
  const picker = page.locator('[data-testid="user-picker"]');
  await picker.waitFor();
  if ((await picker.evaluate((element: { tagName: string }) => element.tagName)) === 'SELECT') await picker.selectOption('ann');
  else await picker.getByText('ann', { exact: true }).click();
  await page.locator(`[data-testid="width-${width}"]`).click();
  await page.frameLocator('iframe[data-testid="email-frame"]').getByText(ANN_CODE).filter({ visible: true }).first().waitFor();
}

/** Ann's email rendered by the library from the fixture's recording: what the preview's iframe shows. */
function annEmail(): string {
  const project = openProject({ cwd: fixture });
  const template = project.templates()[0]!;
  const ann = project.users.get('ann');
  if (!ann) throw new Error('fixtures/welcome has no user ann');
  const { result, problem } = project.renderCase(template, ann, undefined);
  if (!result || result.skip || problem) throw new Error(`Ann's case did not render: ${problem?.message ?? result?.skip?.reason ?? ''}`);
  if (!result.output.includes(ANN_CODE)) throw new Error(`Ann's email does not show ${ANN_CODE}`);
  return result.output;
}
