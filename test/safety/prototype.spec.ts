/**
 * Issue 7 item 2: data never reaches Object.prototype. Every attack below runs in this process; after each, the
 * prototype's own property names and values are what they were, and an unrelated render is unchanged.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { checkJsonPath } from '../../src/config/json-path.js';
import { applyVariant } from '../../src/project/variants.js';
import { redactBody } from '../../src/record/redact.js';
import { compile } from '../../src/iterable/template.js';
import { parseJson } from '../../src/values/json.js';
import { printValue } from '../../src/values/print.js';
import { prototypeState, runCli, welcomeCopy } from './support.js';

const pristine = prototypeState();
const NOW = ['--now', '2026-11-25T09:00:00Z'];
let project: string;
let baseline: string;

beforeAll(async () => {
  project = welcomeCopy();
  const first = await runCli(['render', 'welcome.html', '--user', 'ann', ...NOW], project);
  expect(first.code).toBe(0);
  baseline = first.stdout;
});

/** After each attack: the prototype is untouched, nothing inherits a new member, and a later render is the same. */
async function expectUntouched(): Promise<void> {
  expect(prototypeState()).toEqual(pristine);
  const plain: Record<string, unknown> = {};
  for (const name of ['x', 'polluted', 'isAdmin', 'url']) expect(plain[name], name).toBeUndefined();
  const again = await runCli(['render', 'welcome.html', '--user', 'ann', ...NOW], project);
  expect(again.stdout).toBe(baseline);
}

function body(json: string) {
  const parsed = parseJson(json);
  if (!parsed.ok) throw new Error(json);
  return parsed.value;
}

function configWith(variant: object, redact: string[] = []): string {
  return JSON.stringify(
    { feeds: { codes: { url: 'https://api.example/x', redact } }, templates: [{ path: 'a.html', feeds: ['codes'] }], variants: { v: variant } },
    null,
    2,
  );
}

function configErrors(text: string): string[] {
  const result = parseConfig(text, 'mergetag.config.json');
  return result.ok ? [] : result.diagnostics.map((d) => `${d.file}:${d.start.line}:${d.start.column}: ${d.message}`);
}

describe('JSONPaths in the config', () => {
  const forbidden = ['$.__proto__.x', "$['__proto__'].x", '$["constructor"]["prototype"].x', '$..constructor', '$.a.prototype', '$.a[0,"__proto__"]'];
  it.each(forbidden)('refuses %s in a variant set, unset and a redaction, with file:line:column', async (path) => {
    const set = configErrors(configWith({ set: { [path]: 'p0wned' } }));
    expect(set).toEqual([expect.stringMatching(/^mergetag\.config\.json:\d+:\d+: \$\.variants\.v\.set\[.*is not allowed in a JSONPath/)]);
    expect(configErrors(configWith({ unset: [path] }))).toEqual([
      expect.stringMatching(/^mergetag\.config\.json:\d+:\d+: \$\.variants\.v\.unset\[0\]: .*not allowed/),
    ]);
    expect(configErrors(configWith({}, [path]))).toEqual([
      expect.stringMatching(/^mergetag\.config\.json:\d+:\d+: \$\.feeds\.codes\.redact\[0\]: .*not allowed/),
    ]);
    await expectUntouched();
  });

  it('points the column at the bad segment inside the path', () => {
    const text = '{\n  "variants": {\n    "v": { "unset": ["$.a.__proto__.x"] }\n  }\n}';
    expect(configErrors(text)).toEqual([
      "mergetag.config.json:3:27: $.variants.v.unset[0]: '__proto__' is not allowed in a JSONPath: it names JavaScript's object machinery, not data",
    ]);
  });

  it.each(['$[', '$.a[', '$..', '$.', '$[0', "$['a", '$.a]', '$[?(@.x)]', '$ .a', '$.a^', '$a'])(
    'refuses the invalid JSONPath %s as a config error',
    (path) => {
      expect(checkJsonPath(path)).toBeDefined();
      expect(configErrors(configWith({ unset: [path] }))).toEqual([expect.stringMatching(/^mergetag\.config\.json:\d+:\d+: \$\.variants\.v\.unset\[0\]: /)]);
    },
  );

  it.each([
    '$',
    '$.a.b',
    '$..qr.url',
    '$.list[*].code',
    '$.list[0]',
    '$.list[-1]',
    '$.list[0:2]',
    '$.list[::2]',
    "$['odd key'].x",
    '$["a","b"]',
    '$..*',
    '$..[0]',
    '$.a-b.c_d',
  ])('accepts %s', (path) => {
    expect(checkJsonPath(path)).toBeUndefined();
  });
});

describe('variants and redaction as a library', () => {
  it('a variant path through __proto__ is refused and writes nothing', async () => {
    expect(() => applyVariant(body('{"a": 1}'), { set: { '$.__proto__.polluted': 'yes' }, unset: [] })).toThrow(/not allowed/);
    expect(() => applyVariant(body('{"a": 1}'), { set: { '$.constructor.prototype.polluted': 'yes' }, unset: [] })).toThrow(/not allowed/);
    await expectUntouched();
  });

  it('a payload key named __proto__ or constructor is data, kept and settable', async () => {
    const payload = body('{"__proto__": {"isAdmin": true}, "constructor": "c", "voucher": {"code": "A"}}');
    const changed = applyVariant(payload, { set: { '$.voucher.code': 'B', '$.new.deep': 1 }, unset: [] });
    expect(printValue(changed)).toBe('{__proto__={"isAdmin":true}, constructor="c", voucher={"code":"B"}, new={"deep":1}}');
    const unset = applyVariant(payload, { set: {}, unset: ['$.*.isAdmin'] });
    expect(printValue(unset)).toBe('{__proto__={}, constructor="c", voucher={"code":"A"}}');
    await expectUntouched();
  });

  it('redaction reaches a __proto__ key of the body as data and refuses a __proto__ path', async () => {
    const redacted = redactBody(body('{"__proto__": {"email": "a@b.c"}, "x": 1}'), ['$..email']);
    expect(printValue(redacted.body)).toBe('{__proto__={"email":"[redacted]"}, x=1}');
    expect(() => redactBody(body('{"x": 1}'), ['$.__proto__'])).toThrow(/not allowed/);
    await expectUntouched();
  });
});

describe('lookup tables keyed by template strings', () => {
  const render = (template: string) => {
    const result = compile(template).render({ user: {}, now: new Date('2026-11-25T09:00:00Z') });
    return { output: result.output, skip: result.skip?.message, messages: result.diagnostics.map((d) => d.message) };
  };

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('tz="%s" is an unknown zone: GMT, with the warning', async (tz) => {
    const date = (zone: string) => render(`{{dateFormat "2026-01-02T23:30:00Z" "yyyy-MM-dd HH:mm z" tz="${zone}"}}`);
    const unknown = date('Nowhere/Land');
    const attack = date(tz);
    expect(attack.output).toBe('2026-01-02 23:30 GMT');
    expect(attack.output).toBe(unknown.output);
    expect(attack.messages.join('\n')).toBe(unknown.messages.join('\n').replaceAll('Nowhere/Land', tz));
    await expectUntouched();
  });

  it.each(['constructor', 'toString', '__proto__'])('locale="%s" behaves like any unknown locale of that shape', async (locale) => {
    const same = 'x'.repeat(locale.length);
    for (const template of [
      '{{numberFormat 1234.5 "currency" "L"}}',
      '{{dateFormat "2026-01-02T10:00:00Z" "full" locale="L"}}',
      '{{numberFormat 1234.5 "currency" "en_L"}}',
    ]) {
      const attack = render(template.replace('L', locale));
      const unknown = render(template.replace('L', same));
      expect(attack.output, template).toBe(unknown.output);
      expect(attack.skip, template).toBe(unknown.skip?.replaceAll(same, locale));
    }
    await expectUntouched();
  });

  it.each(['constructor', 'toString', '__proto__', 'IsconstructorX', 'Isconstructor'])('the regex class \\p{%s} is an unknown class', async (name) => {
    const attack = render(`{{#ifMatchesRegexStr "a" "\\p{${name}}"}}y{{else}}n{{/ifMatchesRegexStr}}`);
    const unknown = render(`{{#ifMatchesRegexStr "a" "\\p{${'Q'.repeat(name.length)}}"}}y{{else}}n{{/ifMatchesRegexStr}}`);
    expect(attack.output).toBe(unknown.output);
    expect(attack.skip !== undefined).toBe(unknown.skip !== undefined);
    await expectUntouched();
  });

  it('a helper called constructor is an unknown helper, with no odd suggestion', async () => {
    const result = render('{{constructor 1}}');
    expect(result.skip).toMatch(/could not find helper 'constructor'/);
    await expectUntouched();
  });
});

describe('names from the command line and the environment', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('mergetag %s is an unknown command (exit 2)', async (name) => {
    const result = await runCli([name], project);
    expect(result).toEqual({ code: 2, stdout: '', stderr: expect.stringContaining(`mergetag: unknown command '${name}'`) });
    const help = await runCli(['help', name], project);
    expect(help.code).toBe(2);
    await expectUntouched();
  });

  it.each(['constructor', 'toString', '__proto__'])('--variant %s is not a variant of the config', async (name) => {
    const result = await runCli(['render', 'welcome.html', '--user', 'ann', '--variant', name, ...NOW], project);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no variant '${name}' in the config`);
    await expectUntouched();
  });

  it('a ${constructor} header reference is a missing variable, not a function', async () => {
    const dir = welcomeCopy();
    const file = join(dir, 'mergetag.config.json');
    const config = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'))) as {
      feeds: Record<string, { headers: Record<string, string> }>;
    };
    config.feeds.welcome_codes!.headers['X-App-Id'] = '${constructor}';
    writeFileSync(file, JSON.stringify(config));
    const result = await runCli(['record', '--user', 'ann', '--yes'], dir, { VOUCHERIFY_APP_TOKEN: 'token-1234' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not set: constructor');
    expect(result.stderr).not.toContain('native code');
    await expectUntouched();
  });
});
