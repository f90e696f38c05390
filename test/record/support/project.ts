/** A throwaway mergetag project under the OS temp folder whose feed points at a local fake Voucherify. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TOKEN = 'canary-9f3b2d71c4e85a06b1d3e7f9';
export const APP_ID = 'appid-canary-5e1c0a9b7d3f';

export const TEMPLATE = 'Hi {{firstName}}, your code is [[welcome_codes.voucher.code]] ([[welcome_codes.voucher.discount.percent_off]]% off)\n';

export function feedUrl(port: number): string {
  return `http://127.0.0.1:${port}/v1/publications/create?customer[source_id]={{#urlEncode}}{{source_id}}{{/urlEncode}}&campaign[name]=Welcome%20Codes`;
}

const created: string[] = [];

/** Removes the projects createProject made (call it in afterEach). */
export function removeProjects(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function createProject(port: number, users: string[], options: { redact?: string[] } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'mergetag-record-'));
  created.push(dir);
  mkdirSync(join(dir, 'users'));
  for (const id of users)
    writeFileSync(join(dir, 'users', `${id}.json`), JSON.stringify({ source_id: id, firstName: id.charAt(0).toUpperCase() + id.slice(1) }));
  writeFileSync(join(dir, 'welcome.html'), TEMPLATE);
  const config = {
    feeds: {
      welcome_codes: {
        url: feedUrl(port),
        alias: 'welcome_codes',
        headers: { 'X-App-Id': '${VOUCHERIFY_APP_ID}', 'X-App-Token': '${VOUCHERIFY_APP_TOKEN}', Accept: 'application/json' },
        redact: options.redact ?? ['$.customer.email', '$..assets.qr.url'],
      },
    },
    templates: [{ path: 'welcome.html', feeds: ['welcome_codes'] }],
    users: 'users/*.json',
    recordings: 'recordings',
  };
  writeFileSync(join(dir, 'mergetag.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

/** Every file under dir (dot-files included), with its text. */
export function allFiles(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.push({ path, text: readFileSync(path, 'utf8') });
  }
  return out;
}

export function recordingsOf(dir: string): string[] {
  return allFiles(join(dir, 'recordings'))
    .map((file) => file.path.slice(dir.length + 1))
    .sort();
}
