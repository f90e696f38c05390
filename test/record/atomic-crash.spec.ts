/**
 * writeFileAtomic under SIGKILL: a child process rewrites a big recording over and over, alternating two
 * contents, and is killed at random moments. After every kill the file must parse and be exactly one of the two
 * contents; temporary files may be left behind, but only as dot-files (they are reported).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles } from '../../src/io/atomic-write.js';
import { recordingSchema } from '../../src/recordings/schema.js';
import { binary } from '../cli/support.js';

const writer = resolve(dirname(fileURLToPath(import.meta.url)), 'support/atomic-writer.mjs');
const KILLS = 20;

function bigRecording(tag: string): string {
  const vouchers = Array.from({ length: 12_000 }, (_, i) => ({
    code: `${tag}-${i}`,
    discount: { type: 'PERCENT', percent_off: 10 },
    metadata: { note: `${tag} voucher number ${i}` },
  }));
  const recording = {
    request: { method: 'GET', url: `https://api.voucherify.io/v1/publications/create?customer[source_id]=${tag}`, headers: { 'X-App-Token': '[redacted]' } },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: { tag, vouchers } },
    recordedAt: '2026-11-25T10:00:00.000Z',
  };
  return `${JSON.stringify(recording, null, 2)}\n`;
}

describe('writeFileAtomic under SIGKILL', () => {
  it(`leaves the old or the new content, never a part (${KILLS} kills)`, async () => {
    if (!existsSync(resolve(dirname(binary), '../io/atomic-write.js')))
      throw new Error('dist/ is missing: run npm run build (the child imports dist/io/atomic-write.js)');
    const root = mkdtempSync(join(tmpdir(), 'mergetag-crash-'));
    const sources = join(root, 'sources');
    const folder = join(root, 'recordings', 'welcome_codes');
    mkdirSync(sources);
    mkdirSync(folder, { recursive: true });
    const contents = [bigRecording('OLD'), bigRecording('NEW')];
    writeFileSync(join(sources, 'old.json'), contents[0]!);
    writeFileSync(join(sources, 'new.json'), contents[1]!);
    const target = join(folder, 'ann.json');
    writeFileSync(target, contents[0]!);

    const seen = { OLD: 0, NEW: 0 };
    const leftovers = new Set<string>();
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const child = spawn(process.execPath, [writer, target, join(sources, 'old.json'), join(sources, 'new.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
        const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
        await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
        await new Promise((wait) => setTimeout(wait, 5 + Math.random() * 60));
        child.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');

        const text = readFileSync(target, 'utf8');
        expect(
          text === contents[0] || text === contents[1],
          `after kill ${kill + 1} the file is neither the old nor the new content (${text.length} chars)`,
        ).toBe(true);
        const parsed = recordingSchema.parse(JSON.parse(text));
        seen[(parsed.response.body as { tag: 'OLD' | 'NEW' }).tag]++;
        const names = readdirSync(folder);
        expect(names.filter((name) => !name.startsWith('.'))).toEqual(['ann.json']);
        for (const name of names.filter((n) => n.startsWith('.'))) {
          expect(name).toMatch(/^\.ann\.json\.\d+\.[0-9a-f]{8}\.tmp$/);
          leftovers.add(name);
        }
      }
      // The next run cleans what the killed ones left: every leftover, and nothing else.
      removeStaleTempFiles(folder);
      expect(readdirSync(folder)).toEqual(['ann.json']);
    } finally {
      rmSync(root, { recursive: true, force: true }); // some MB of big recordings and left-over temp files
    }
    console.info(
      `atomic write crash test: ${KILLS} kills, target ended as old ${seen.OLD}×, new ${seen.NEW}×; ${leftovers.size} temporary dot-file(s) left behind: ${[...leftovers].join(', ') || 'none'}`,
    );
    expect(seen.OLD + seen.NEW).toBe(KILLS);
    // Each kill starts a Node process: a second on a quiet machine, many more on a loaded one.
  }, 120_000);
});
