/**
 * Issue 7 item 3 (deep JSON): input nested deeper than MAX_JSON_DEPTH (1000) is refused when read, naming the
 * file, line and column; never `internal error: Maximum call stack size exceeded`. What is read (up to 1000
 * levels) also prints, validates, takes variants and redaction without overflowing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { applyVariant } from '../../src/project/variants.js';
import { jsonPretty } from '../../src/record/json-text.js';
import { redactBody } from '../../src/record/redact.js';
import { readRecording } from '../../src/recordings/store.js';
import { compile } from '../../src/iterable/template.js';
import { MAX_JSON_DEPTH, parseJson } from '../../src/values/json.js';
import { printValue } from '../../src/values/print.js';
import { isTruthy } from '../../src/values/truthy.js';
import { validateRecordingText } from '../../src/voucherify/validate.js';
import { runCli, welcomeCopy } from './support.js';
import { cpuMsAsync } from '../support/cpu-time.js';

const arrays = (depth: number, inner = '') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;
const objects = (depth: number, inner = '1') => `${'{"a":'.repeat(depth)}${inner}${'}'.repeat(depth)}`;

describe('parseJson', () => {
  it('reads 1000 levels', () => {
    expect(MAX_JSON_DEPTH).toBe(1000);
    const parsed = parseJson(arrays(1000));
    expect(parsed.ok).toBe(true);
    expect(parseJson(objects(1000)).ok).toBe(true);
  });

  it.each([1001, 2000, 100_000])('refuses %i levels at the bracket that goes one level too deep', (depth) => {
    for (const [text, offset] of [
      [arrays(depth), 1000],
      [objects(depth), 5000],
      [`{\n  "ok": [1, "[[[[", {"b": ${arrays(depth)}}]\n}`, 28 + 997],
    ] as const) {
      const parsed = parseJson(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.offset).toBe(offset);
        expect(parsed.error.message).toBe("arrays and objects nest deeper than 1000 levels, mergetag's limit for JSON input");
      }
    }
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(parseJson(JSON.stringify({ s: `\\"${'['.repeat(5000)}`, t: '{'.repeat(5000) })).ok).toBe(true);
  });
});

describe('a value read at the limit can be used everywhere', () => {
  const deepest = () => {
    const parsed = parseJson(`{"x": ${objects(998, '{"email": "a@b.c"}')}, "voucher": {"code": "A"}}`);
    if (!parsed.ok) throw new Error('fixture');
    return parsed.value;
  };

  it('prints, renders, tests truthiness, takes variants and redaction, writes a recording', () => {
    const value = deepest();
    expect(printValue(value)).toContain('"email":"a@b.c"');
    expect(isTruthy(value)).toBe(true);
    const rendered = compile('{{x}}|{{voucher.code}}').render({ user: value });
    expect(rendered.output.endsWith('}|A')).toBe(true);
    const json = compile('{{{toJson x}}}').render({ user: value });
    expect(json.skip).toBeUndefined();
    expect(json.output).toContain('"email":"a@b.c"');
    expect(printValue(applyVariant(value, { set: { '$.voucher.code': 'B' }, unset: ['$..email'] }))).not.toContain('email');
    const redacted = redactBody(value, ['$..email']);
    expect(redacted.redacted).toBe(1);
    const text = jsonPretty(redacted.body);
    expect(parseJson(text).ok).toBe(true);
  });

  it('a recording whose body nests 997 levels validates', () => {
    const text = `{"request": {"method": "GET", "url": "https://api.voucherify.io/v1/x"}, "response": {"status": 200, "body": {"deep": ${arrays(995)}}}, "recordedAt": "2026-11-25T10:00:00Z"}`;
    expect(parseJson(text).ok).toBe(true);
    expect(readRecording(text, 'r.json', [])).toBeDefined();
    expect(() => validateRecordingText(text, 'r.json')).not.toThrow();
  });
});

describe('deep files in a project', () => {
  const deep = arrays(2000);

  it('a 2,000-deep config is a config error at its line and column (exit 2)', async () => {
    expect(parseConfig(`{\n"x": ${deep}}`, 'mergetag.config.json')).toMatchObject({
      ok: false,
      diagnostics: [{ file: 'mergetag.config.json', start: { line: 2, column: 1005 }, message: expect.stringContaining('deeper than 1000 levels') }],
    });
    const dir = welcomeCopy();
    writeFileSync(join(dir, 'mergetag.config.json'), deep);
    const result = await runCli(['render', '--all', '--out', join(dir, 'out')], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/mergetag\.config\.json:1:1001: error: .*deeper than 1000 levels/);
  });

  it.each(['users/deep.json', 'recordings/deep.json'])('a 2,000-deep %s is reported with file:line:column, never a stack overflow', async (file) => {
    const dir = welcomeCopy();
    mkdirSync(join(dir, 'recordings'), { recursive: true });
    writeFileSync(join(dir, file), `\n  ${deep}`);
    for (const argv of [
      ['render', '--all', '--out', join(dir, 'out')],
      ['render', 'welcome.html', '--user', 'ann', '--now', '2026-11-25T09:00:00Z'],
      ['validate'],
    ]) {
      const result = await runCli(argv, dir);
      expect(result.stderr + result.stdout, argv.join(' ')).not.toMatch(/internal error|Maximum call stack/);
      expect(result.stderr + result.stdout, argv.join(' ')).toMatch(new RegExp(`${file.replace('.', '\\.')}:2:1003: error: .*deeper than 1000 levels`));
      // An invalid input file of the project is exit 2 for every project command (issue 7 item 4).
      expect(result.code, argv.join(' ')).toBe(2);
    }
  });

  it('a 100,000-deep user file given with --user is an input error (exit 2)', async () => {
    const dir = welcomeCopy();
    writeFileSync(join(dir, 'u.json'), objects(100_000));
    const { value: result, ms } = await cpuMsAsync(() =>
      runCli(['render', 'welcome.html', '--user', 'u.json', '--feed', 'welcome_codes=recordings/ann.json'], dir),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^u\.json:1:5001: error: the user profile .*deeper than 1000 levels/);
    expect(ms).toBeLessThan(10_000);
  });
});

describe('JavaScript values from library callers', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  };

  it('a user or feed object nested 100,000 levels, or one that refers to itself, is an input error, not a stack overflow', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    for (const user of [nested(100_000), cyclic]) {
      expect(() => compile('{{name}}').render({ user })).toThrow(/the user profile is too deeply nested: arrays and objects nest deeper than 1000 levels/);
    }
    const feed = compile('[[f.name]]').render({ feeds: [{ alias: 'f', body: cyclic }] });
    expect(feed.skip?.message).toMatch(/nest deeper than 1000 levels/);
  });

  it('reads 999 levels of JavaScript objects', () => {
    expect(compile('{{#if a}}yes{{/if}}').render({ user: nested(999) }).output).toBe('yes');
  });
});
