/**
 * Debian's Chromium driven through playwright-core, for the preview's browser tests (issue 10 item 4) and the
 * screenshots script. playwright-core never downloads a browser: it drives /usr/bin/chromium from the `chromium`
 * package, which .ci/run installs with apt-get. Each launch gets a fresh profile folder, removed on close, so runs
 * cannot see each other's cache or storage.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags for a quiet, headless, offline-friendly browser: no sandbox (CI runs as root in a container, where
 * Chromium's sandbox cannot start), no GPU, and nothing that phones home (QUIC, component updates, sync,
 * background networking), so a test's only traffic is to the preview server.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why the browser tests cannot run here, or undefined when they can. Locally a missing Chromium is a reason to
 * skip; under CI it is a failure (`chromiumMissingInCi`), because CI is where these tests must run.
 */
export function chromiumUnavailable(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  return `${CHROMIUM_PATH} not found: install Debian's chromium package (apt-get install -y chromium) to run the browser tests`;
}

/** True when CI is set and Chromium is missing: the browser tests must fail rather than skip. */
export function chromiumMissingInCi(): boolean {
  return chromiumUnavailable() !== undefined && isCi();
}

export function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Chromium with a fresh --user-data-dir. Playwright takes the profile folder as launchPersistentContext's
 * first argument (it refuses --user-data-dir among the args), which passes it to Chromium as --user-data-dir.
 */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'mergetag-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      timeout: 20_000,
    });
    return {
      context,
      async close() {
        try {
          await context.close();
        } finally {
          rmSync(profile, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
