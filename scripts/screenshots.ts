/**
 * `npm run screenshots`: docs/preview-desktop.png and docs/preview-mobile.png, Ann's welcome email as
 * `mergetag preview` shows it, with the app's desktop and mobile (375 px) width toggle, taken with Debian's Chromium
 * (/usr/bin/chromium, through playwright-core). The README's `mergetag preview` section shows them. Not part of
 * npm test: pixels differ between machines, so the PNGs are committed when the UI changes, not compared.
 *
 * It starts the preview server on fixtures/welcome (port 0, 127.0.0.1), serving the built app (npm run build).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { startPreviewServer } from '../src/preview/server.js';
import { chromiumUnavailable, launchChromium } from '../test/support/chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ANN_CODE = 'WELCOME-7QX2K9';
const widths = ['desktop', 'mobile'] as const;

const missing =
  chromiumUnavailable() ?? (existsSync(join(root, 'dist/preview-ui/index.html')) ? undefined : 'the preview app is not built: run npm run build first');
if (missing !== undefined) {
  console.error(missing);
  process.exit(1);
}

const server = await startPreviewServer({ cwd: join(root, 'fixtures/welcome'), host: '127.0.0.1', port: 0 });
try {
  for (const width of widths) {
    // The app in a laptop window either way: a 375 px window would squeeze the app, not show the email at 375 px.
    const browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await browser.context.newPage();
      await showAnn(page, server.url, width);
      await page.screenshot({ path: join(root, `docs/preview-${width}.png`) });
      console.log(`wrote docs/preview-${width}.png`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}

/** Ann's case in the app: her email in the iframe, at the app's desktop or mobile width. */
async function showAnn(page: Page, url: string, width: (typeof widths)[number]): Promise<void> {
  await page.goto(url);
  const picker = page.locator('[data-testid="user-picker"]');
  await picker.waitFor();
  if ((await picker.evaluate((element: { tagName: string }) => element.tagName)) === 'SELECT') await picker.selectOption('ann');
  else await picker.getByText('ann', { exact: true }).click();
  await page.locator(`[data-testid="width-${width}"]`).click();
  // The visible code, not the hidden preheader that also holds it.
  await page.frameLocator('iframe[data-testid="email-frame"]').getByText(ANN_CODE).filter({ visible: true }).first().waitFor();
}
