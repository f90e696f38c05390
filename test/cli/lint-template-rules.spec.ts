/** `mergetag lint` with the template rules (helpers, delimiter families, snippets) in a project with a snippets folder. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

describe('mergetag lint: template rules', () => {
  it('finds each mistake at its line and column, follows snippet includes, and stays quiet on correct lines', async () => {
    const dir = temp('mergetag-lint-template-');
    cpSync(join(repoRoot, 'fixtures/welcome'), dir, { recursive: true });
    mkdirSync(join(dir, 'snippets'));
    writeFileSync(join(dir, 'snippets/footer.html'), '<p>Northwind</p>{{{snippet "social"}}}');
    writeFileSync(join(dir, 'snippets/social.html'), '<a href="https://example.com">ig</a>');
    writeFileSync(join(dir, 'snippets/legal.html'), '<p>Terms</p>{{{snippet "privcy"}}}');
    writeFileSync(
      join(dir, 'welcome.html'),
      [
        '{{#if firstName}}Hi {{firstName}}{{else}}Hi there{{/if}} [[welcome_codes.voucher.code]]',
        '{{{snippet "footer"}}}',
        '{{#if}}x{{/if}}',
        '<b>{{welcome_codes.voucher.code}}</b> {{#if firstName}}a[[else]]b{{/if}} [[#if welcome_codes.voucher.code]]a{{else}}b[[/if]]',
        '{{snippet "footer"}} {{{snippet "fotter"}}} {{{snippet "legal"}}}',
        '',
      ].join('\n'),
    );
    const result = await runCli(['lint', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    // The template's findings (the config rules report on mergetag.config.json on their own).
    const results = JSON.parse(result.stdout) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string; line: number; column: number; message: string }>;
    }>;
    const messages = results.filter((r) => r.filePath.endsWith('welcome.html')).flatMap((r) => r.messages);
    expect(messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([
      ['helper-arguments', 3, 4],
      ['wrong-delimiter-family', 4, 6],
      // The [[else]] in {{#if}} is reported; the {{else}} in [[#if]] after it is the documented form (article 36530857619348).
      ['mixed-delimiter-else', 4, 57],
      ['snippet-escaped', 5, 1],
      ['missing-snippet', 5, 33],
      ['missing-snippet', 5, 56],
    ]);
    expect(messages[4]!.message).toContain('"fotter" does not exist');
    expect(messages[5]!.message).toContain('includes "privcy", which does not exist');
  });
});
