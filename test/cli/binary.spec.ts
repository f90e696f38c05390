/**
 * The few tests that spawn the built binary (dist/cli/main.js): the bin wiring, standard input, the process's
 * exit code, and errors without a stack trace. Everything else runs in-process (test/support/run-cli.ts).
 */
import { describe, expect, it } from 'vitest';
import { mergetag } from './support.js';

const ann = ['--user', 'fixtures/welcome/users/ann.json', '--feed', 'welcome_codes=fixtures/welcome/recordings/ann.json'];

describe('the mergetag binary', () => {
  it('prints its version', () => {
    const run = mergetag(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('reads a template from standard input and writes the message on stdout', () => {
    const run = mergetag(['render', '-', ...ann], { input: 'Code: [[welcome_codes.voucher.code]]' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Code: WELCOME-7QX2K9');
  });

  it('sets the exit code: 1 for a message Iterable would skip, 2 for bad input, without a stack trace', () => {
    const skipped = mergetag([
      'render',
      'fixtures/welcome/welcome.html',
      '--user',
      'fixtures/welcome/users/nameless.json',
      '--feed',
      'welcome_codes=fixtures/welcome/recordings/nameless-exhausted.json',
    ]);
    expect(skipped.code).toBe(1);
    const bad = mergetag(['render', '-', '--user', '-'], { input: 'x' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^mergetag: /);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
