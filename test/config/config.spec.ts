import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { parseConfig, resolveEnv } from '../../src/config/load.js';
import { repoRoot } from '../cli/support.js';

function errors(text: string) {
  const result = parseConfig(text, 'mergetag.config.json');
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.diagnostics.map((d) => `${d.file}:${d.start.line}:${d.start.column}: ${d.message}`);
}

describe('mergetag.config.json', () => {
  it('loads the bundled welcome project', () => {
    const file = join(repoRoot, 'fixtures/welcome/mergetag.config.json');
    const result = parseConfig(readFileSync(file, 'utf8'), file);
    expect(result.ok && result.loaded.config.templates[0]!.feeds).toEqual(['welcome_codes']);
    expect(result.ok && result.loaded.diagnostics).toEqual([]);
  });

  it('names the JSON path, line and column of a wrong type', () => {
    expect(errors('{\n  "feeds": {\n    "codes": { "url": 42 }\n  }\n}')).toEqual([
      'mergetag.config.json:3:16: $.feeds.codes.url: Invalid input: expected string, received number',
    ]);
  });

  it('names an unknown setting', () => {
    expect(errors('{\n  "templates": [{ "path": "a.html", "feedz": [] }]\n}')).toEqual([
      "mergetag.config.json:2:37: $.templates[0].feedz: unknown setting 'feedz'",
    ]);
  });

  it('rejects an alias Iterable would not accept', () => {
    expect(errors('{"feeds": {"f": {"url": "https://x.example", "alias": "welcome-codes"}}}')).toEqual([
      'mergetag.config.json:1:46: $.feeds.f.alias: an alias has only letters and underscores',
    ]);
  });

  it('rejects a template that names an unknown feed, listing the known ones', () => {
    const result = parseConfig('{"feeds": {"codes": {"url": "https://x.example"}}, "templates": [{"path": "a.html", "feeds": ["code"]}]}', 'c.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics[0]!.message).toBe("$.templates[0].feeds[0]: no feed 'code' in feeds");
      expect(result.diagnostics[0]!.hint).toBe('known feeds: codes');
    }
  });

  it('reports invalid JSON with its position', () => {
    expect(errors('{\n  "users": "u/*.json",\n}')).toEqual([
      'mergetag.config.json:3:1: the config is not valid JSON: expected a property name in double quotes',
    ]);
  });

  it('warns about a secret written into a header, without printing it', () => {
    const result = parseConfig('{"feeds": {"f": {"url": "https://x.example", "headers": {"X-App-Token": "canary-secret-123"}}}}', 'c.json');
    expect(result.ok).toBe(true);
    const warning = result.ok ? result.loaded.diagnostics[0]! : undefined;
    expect(warning?.ruleId).toBe('config-secret');
    expect(JSON.stringify(warning)).not.toContain('canary-secret-123');
    expect(warning?.hint).toContain('${X_APP_TOKEN}');
  });

  it('resolves ${ENV_VAR} references and names the missing ones', () => {
    expect(resolveEnv('Bearer ${TOKEN}', { TOKEN: 'abc' })).toEqual({ value: 'Bearer abc', missing: [] });
    expect(resolveEnv('${A}-${B}', { A: '1' })).toEqual({ value: '1-', missing: ['B'] });
  });

  it('ships a JSON Schema generated from the zod schema (npm run schema)', () => {
    expect(readFileSync(join(repoRoot, 'schema/mergetag.config.schema.json'), 'utf8')).toBe(configJsonSchema());
  });
});

describe('JSONPaths in the config', () => {
  it('refuses script expressions in variants and redaction before anything runs them', () => {
    const result = parseConfig(
      '{"feeds": {"f": {"url": "https://x.example", "redact": ["$..[?(@.x)]"]}}, "variants": {"v": {"set": {"$.a[(1)]": 1}}}}',
      'c.json',
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.diagnostics.map((d) => d.message)).toEqual([
      '$.feeds.f.redact[0]: script expressions ?(…) and (…) are disabled: a config never runs code',
      '$.variants.v.set["$.a[(1)]"]: script expressions ?(…) and (…) are disabled: a config never runs code',
    ]);
  });

  it('requires JSONPaths to start with $', () => {
    expect(errors('{"variants": {"v": {"unset": ["voucher.code"]}}}')).toEqual(['mergetag.config.json:1:31: $.variants.v.unset[0]: a JSONPath starts with $']);
  });
});
