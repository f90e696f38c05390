import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // fixtures/welcome/welcome.check.test.ts imports mergetag as a user's project does; here those imports are the
    // source, so the example runs (and cannot rot) without a build of dist/.
    alias: [
      { find: /^mergetag$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^mergetag\/testing$/, replacement: fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)) },
    ],
  },
  test: {
    // fixtures/welcome/*.test.ts: the documented property-test example a user's own vitest runs.
    include: ['test/**/*.spec.ts', 'fixtures/welcome/*.test.ts'],
    testTimeout: 30_000,
    // Vitest keeps one core free by default, which on a 2-core CI machine runs every file in one worker; the
    // files spend most of their time importing, so both cores are worth it (measured: 64 s → 40 s).
    maxWorkers: availableParallelism(),
  },
});
