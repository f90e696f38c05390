import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project/open.js';
import type { Project } from '../../src/project/project.js';
import { applyVariant } from '../../src/project/variants.js';
import { parseJson } from '../../src/values/json.js';
import { printValue } from '../../src/values/print.js';
import { repoRoot, tempFolders } from '../support/run-cli.js';

const temp = tempFolders();

function welcome(): Project {
  return openProject({ cwd: join(repoRoot, 'fixtures/welcome') });
}

describe('the welcome project', () => {
  it('finds its template, users and recordings', () => {
    const project = welcome();
    expect(project.templates().map((t) => t.settings.path)).toEqual(['welcome.html']);
    expect([...project.users.keys()].sort()).toEqual(['ann', 'nameless', 'obrien']);
    expect(project.recordings.size).toBe(3);
    expect(project.diagnostics).toEqual([]);
  });

  it('renders a user by expanding the feed URL and finding its recording', () => {
    const project = welcome();
    const outcome = project.renderCase(project.templates()[0]!, project.users.get('ann')!, undefined);
    expect(outcome.requests[0]!.url).toBe(
      'https://api.voucherify.io/v1/publications/create?customer[source_id]=ann%2Bvip%40example.com&campaign[name]=Welcome%20Codes',
    );
    expect(outcome.result?.output).toContain('WELCOME-7QX2K9');
    expect(outcome.result?.output).toContain('Get 10% off your first order');
  });

  it('applies a variant to the recorded response', () => {
    const project = welcome();
    const outcome = project.renderCase(project.templates()[0]!, project.users.get('ann')!, 'no-marketing-text');
    expect(outcome.result?.output).toContain('WELCOME-7QX2K9');
    expect(outcome.result?.output).not.toContain('Get 10% off');
  });

  it('replays an error recording as a DataFeedError skip', () => {
    const project = welcome();
    const outcome = project.renderCase(project.templates()[0]!, project.users.get('nameless')!, undefined);
    expect(outcome.result?.skip?.reason).toBe('DataFeedError');
  });
});

describe('recordings by request', () => {
  it('answers a request with a secret parameter from its recording, stored redacted as record writes it', () => {
    const dir = temp();
    mkdirSync(join(dir, 'users'));
    mkdirSync(join(dir, 'recordings'));
    writeFileSync(join(dir, 'users', 'bob.json'), '{"id": "b 1"}');
    writeFileSync(join(dir, 't.html'), '[[c.code]]');
    const recording = (url: string, code: string) =>
      JSON.stringify({ request: { method: 'GET', url }, response: { status: 200, body: { code } }, recordedAt: '2026-11-20T10:00:00Z' });
    writeFileSync(join(dir, 'recordings', 'plain.json'), recording('https://feeds.example.com/c?id=b%201#top', 'PLAIN'));
    writeFileSync(join(dir, 'recordings', 'redacted.json'), recording('https://feeds.example.com/c?id=b%201&token=[redacted]', 'REDACTED'));
    writeFileSync(
      join(dir, 'mergetag.config.json'),
      JSON.stringify({
        feeds: {
          plain: { url: 'https://feeds.example.com/c?id={{id}}', alias: 'c' },
          secret: { url: 'https://feeds.example.com/c?id={{id}}&token=s3cret', alias: 'c' },
        },
        templates: [
          { path: 't.html', feeds: ['plain'] },
          { path: 't.html', feeds: ['secret'] },
        ],
      }),
    );
    const project = openProject({ cwd: dir });
    const [template] = project.templates();
    const plain = project.renderCase(template!, project.users.get('b 1')!, undefined);
    expect(plain.result?.output).toBe('PLAIN');
    const secret = project.renderCase({ ...template!, settings: { ...template!.settings, feeds: ['secret'] } }, project.users.get('b 1')!, undefined);
    expect(secret.result?.output).toBe('REDACTED');
    expect(project.recordings.find('https://feeds.example.com/c?id=b 1&token=x#frag')?.file).toBe(join(dir, 'recordings', 'redacted.json'));
  });
});

describe('a project without a recording for the request', () => {
  it('says which request is missing and how to record it', () => {
    const dir = temp();
    mkdirSync(join(dir, 'users'));
    writeFileSync(join(dir, 'users', 'bob.json'), '{"source_id": "bob 1"}');
    writeFileSync(join(dir, 't.html'), '[[c.code]]');
    writeFileSync(
      join(dir, 'mergetag.config.json'),
      JSON.stringify({
        feeds: { codes: { url: 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{source_id}}{{/urlEncode}}', alias: 'c' } },
        templates: [{ path: 't.html', feeds: ['codes'] }],
      }),
    );
    const project = openProject({ cwd: dir });
    const outcome = project.renderCase(project.templates()[0]!, project.users.get('bob')!, undefined);
    expect(outcome.problem).toMatchObject({
      ruleId: 'no-recording',
      severity: 'error',
      file: 'mergetag.config.json',
      message: 'no recording for GET https://api.voucherify.io/v1/publications/create?customer[source_id]=bob+1 (feed codes, user bob)',
      hint: 'record it: mergetag record --user bob --feed codes',
    });
  });

  it('reads NDJSON users by their id field', () => {
    const dir = temp();
    writeFileSync(join(dir, 'people.ndjson'), '{"id": "a1", "n": 1}\n{"id": 7, "n": 2.0}\n');
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ users: '*.ndjson' }));
    const project = openProject({ cwd: dir });
    expect([...project.users.keys()]).toEqual(['a1', '7']);
    expect(printValue(project.users.get('7')!.profile)).toBe('{id=7, n=2.0}');
  });
});

describe('user ids', () => {
  it('refuses an empty id: it could name no output file', () => {
    const dir = temp();
    writeFileSync(join(dir, 'people.ndjson'), '{"id": ""}\n{"id": "a"}\n');
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ users: '*.ndjson' }));
    const project = openProject({ cwd: dir });
    expect(project.diagnostics.map((d) => `${d.file}:${d.start.line} ${d.ruleId} ${d.message}`)).toEqual(['people.ndjson:1 user-id the "id" field is empty']);
    expect([...project.users.keys()]).toEqual(['a']);
  });

  it('keeps the good profiles of a file with a problem halfway, in file order, and reports the problem once', () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.ndjson'), '{"id": "x"}\n');
    writeFileSync(join(dir, 'b.ndjson'), '{"id": "a"}\n{"id": "b"}\n{"id": "a"}\n{"id": "x"}\n{"id": "c"}\n');
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ users: '*.ndjson' }));
    const project = openProject({ cwd: dir });
    expect(project.diagnostics.map((d) => `${d.file}:${d.start.line} ${d.message}`)).toEqual([
      "b.ndjson:3 two profiles have the id 'a' (the other is b.ndjson)",
      "b.ndjson:4 two profiles have the id 'x' (the other is a.ndjson)",
    ]);
    expect([...project.users.keys()]).toEqual(['x', 'a', 'b', 'c']);
    expect(project.users.get('c')!.line).toBe(5);
  });
});

describe('users read one at a time', () => {
  it('reads each NDJSON profile from its own line when it renders (multi-byte text before it, CRLF)', () => {
    const dir = temp();
    writeFileSync(join(dir, 'people.ndjson'), '{"id": "a", "name": "Seán 😀"}\r\n\r\n{"id": "b", "name": "Zoë"}\r\n{"id": "c", "name": "Ann"}');
    writeFileSync(join(dir, 't.html'), 'Hi {{name}}');
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ users: '*.ndjson', templates: [{ path: 't.html' }] }));
    const project = openProject({ cwd: dir });
    expect([...project.renderAll()].map((c) => `${c.user.id}:${c.user.line}:${c.result?.output}`)).toEqual(['a:1:Hi Seán 😀', 'b:3:Hi Zoë', 'c:4:Hi Ann']);
  });

  it('renders user by user: every template and variant of a user before the next user', () => {
    const dir = temp();
    mkdirSync(join(dir, 'users'));
    writeFileSync(join(dir, 'users', 'a.json'), '{}');
    writeFileSync(join(dir, 'users', 'b.json'), '{}');
    writeFileSync(join(dir, 'x.html'), 'x');
    writeFileSync(join(dir, 'y.html'), 'y');
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ templates: [{ path: 'x.html' }, { path: 'y.html' }] }));
    const project = openProject({ cwd: dir });
    expect([...project.cases()].map((c) => `${c.user.id}/${c.template.display}`)).toEqual(['a/x.html', 'a/y.html', 'b/x.html', 'b/y.html']);
    expect(project.caseCount()).toBe(4);
  });
});

describe('variants', () => {
  const body = () => {
    const parsed = parseJson('{"voucher": {"code": "A", "metadata": {"marketing_text": "x", "n": 5.0}, "list": [1, 2, 3]}}');
    if (!parsed.ok) throw new Error('bad fixture');
    return parsed.value;
  };
  it('unsets and sets JSONPaths, keeping number spelling elsewhere', () => {
    const changed = applyVariant(body(), {
      set: { '$.voucher.code': 'B', '$.voucher.extra.deep': true },
      unset: ['$.voucher.metadata.marketing_text', '$.voucher.list[1]'],
    });
    expect(printValue(changed)).toBe('{voucher={"code":"B","metadata":{"n":5.0},"list":[1,3],"extra":{"deep":true}}}');
  });
  it('does not evaluate scripts in JSONPaths', () => {
    expect(() => applyVariant(body(), { set: {}, unset: ['$..[?(@.constructor.constructor("return process")().exit())]'] })).toThrow();
  });
  it('leaves the original response unchanged', () => {
    const original = body();
    applyVariant(original, { set: { '$.voucher.code': 'B' }, unset: [] });
    expect(printValue(original)).toContain('"code":"A"');
  });
  it('is shipped in the welcome fixture', () => {
    expect(readFileSync(join(repoRoot, 'fixtures/welcome/mergetag.config.json'), 'utf8')).toContain('no-marketing-text');
  });
});

describe('snippets and catalogs of a project', () => {
  it('renders a snippet and a catalog item from the project folders for every user', () => {
    const dir = temp();
    mkdirSync(join(dir, 'users'));
    mkdirSync(join(dir, 'snippets'));
    mkdirSync(join(dir, 'catalogs'));
    writeFileSync(join(dir, 'users', 'a.json'), '{"firstName": "Ann", "sku": "p1"}');
    writeFileSync(join(dir, 'users', 'b.json'), '{"firstName": "Bo", "sku": "p2"}');
    writeFileSync(join(dir, 'snippets', 'footer.html'), '<footer>Bye {{firstName}}</footer>');
    writeFileSync(join(dir, 'catalogs', 'Products.json'), '{"p1": {"name": "Mug", "price": 12.50}, "p2": {"name": "Cup", "price": 3}}');
    writeFileSync(join(dir, 't.html'), '{{#catalog "Products" sku as |item|}}{{item.name}} {{item.price}}{{else}}none{{/catalog}} {{{snippet "footer"}}}');
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ templates: [{ path: 't.html' }] }));
    const project = openProject({ cwd: dir });
    const render = (id: string) => project.renderCase(project.templates()[0]!, project.users.get(id)!, undefined).result?.output;
    expect(render('a')).toBe('Mug 12.5 <footer>Bye Ann</footer>');
    expect(render('b')).toBe('Cup 3 <footer>Bye Bo</footer>');
  });
});

describe('catalog keys and collections of a project (https://support.iterable.com/hc/en-us/articles/360033215032)', () => {
  function project(files: Record<string, string>): Project {
    const dir = temp();
    for (const sub of ['users', 'catalogs', 'catalogs/collections']) mkdirSync(join(dir, sub));
    writeFileSync(join(dir, 'users', 'a.json'), '{"viewed": ["p2", "p1"]}');
    writeFileSync(join(dir, 'catalogs', 'Products.json'), '{"p1": {"name": "Mug", "price": 12.50}, "p2": {"name": "Cup", "price": 3}}');
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ templates: [{ path: 't.html' }] }));
    return openProject({ cwd: dir });
  }
  const render = (p: Project) => p.renderCase(p.templates()[0]!, p.users.get('a')!, undefined).result!;

  it('#catalogKeys reads catalogs/Name.json; #catalogCollection reads catalogs/collections/Name.json (an array)', () => {
    const p = project({
      'catalogs/collections/Cheap.json': '[{"name": "Cup", "price": 3}]',
      't.html':
        '{{#catalogKeys "Products" viewed as |items|}}{{#each items}}{{name}},{{/each}}{{/catalogKeys}}|' +
        '{{#catalogCollection "Cheap" as |items|}}{{#each items}}{{name}} {{price}}{{/each}}{{/catalogCollection}}',
    });
    const result = render(p);
    expect(result.output).toBe('Cup,Mug,|Cup 3');
    expect(result.diagnostics).toEqual([]);
  });

  it('a collection file may name items of a catalog: {"catalog": "Products", "keys": [...]}', () => {
    const p = project({
      'catalogs/collections/Picks.json': '{"catalog": "Products", "keys": ["p1", "p9", "p2"]}',
      't.html': '{{#catalogCollection "Picks" as |items|}}{{#each items}}{{name}};{{/each}}{{/catalogCollection}}',
    });
    expect(render(p).output).toBe('Mug;Cup;');
  });

  it('a collection the project does not give: the block is left out with a not-emulated warning', () => {
    const result = render(project({ 't.html': 'A{{#catalogCollection "Unknown" as |items|}}x{{/catalogCollection}}B' }));
    expect(result.output).toBe('AB');
    expect(result.diagnostics.map((d) => [d.ruleId, d.severity])).toEqual([['not-emulated', 'warning']]);
  });

  it('a collection file of another shape stops the render and says what it should be', () => {
    const result = render(
      project({ 'catalogs/collections/Bad.json': '{"items": []}', 't.html': '{{#catalogCollection "Bad" as |i|}}x{{/catalogCollection}}' }),
    );
    expect(result.skip?.message).toMatch(/Bad\.json: a catalog collection is a JSON array of items, or \{"catalog": "Name", "keys": \["key", \.\.\.\]\}/);
  });
});

describe('a broken catalog file', () => {
  it('stops the render and names the file, line and column', () => {
    const dir = temp();
    mkdirSync(join(dir, 'users'));
    mkdirSync(join(dir, 'catalogs'));
    writeFileSync(join(dir, 'users', 'a.json'), '{"sku": "p1"}');
    writeFileSync(join(dir, 'catalogs', 'Products.json'), '{\n  "p1": {"name": "Mug",}\n}');
    writeFileSync(join(dir, 't.html'), '{{#catalog "Products" sku as |item|}}{{item.name}}{{/catalog}}');
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ templates: [{ path: 't.html' }] }));
    const project = openProject({ cwd: dir });
    const result = project.renderCase(project.templates()[0]!, project.users.get('a')!, undefined).result;
    expect(result?.skip?.message).toMatch(/Products\.json:2:24: the catalog is not valid JSON: expected a property name in double quotes$/);
  });
});

describe('snippet variables in a project', () => {
  it('binds positional values to the variables a snippet declares in name.json', () => {
    const dir = temp();
    mkdirSync(join(dir, 'users'));
    mkdirSync(join(dir, 'snippets'));
    writeFileSync(join(dir, 'users', 'a.json'), '{"firstName": "Ann"}');
    writeFileSync(join(dir, 'snippets', 'greet.html'), '{{greeting}}, {{who}}!');
    writeFileSync(join(dir, 'snippets', 'greet.json'), '{"variables": ["greeting", "who"]}');
    writeFileSync(join(dir, 't.html'), '{{{snippet "greet" "Hello" firstName}}}');
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ templates: [{ path: 't.html' }] }));
    const project = openProject({ cwd: dir });
    const result = project.renderCase(project.templates()[0]!, project.users.get('a')!, undefined).result;
    expect(result?.output).toBe('Hello, Ann!');
  });
});

describe('user profile errors', () => {
  it('point at the line of an NDJSON file', () => {
    const dir = temp();
    writeFileSync(join(dir, 'people.ndjson'), '{"id": "a1"}\n\n{"id": "a2", }\n{"name": "no id"}\n');
    writeFileSync(join(dir, 'mergetag.config.json'), JSON.stringify({ users: '*.ndjson' }));
    const project = openProject({ cwd: dir });
    expect(project.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.message}`)).toEqual([
      '3:14 the user profile is not valid JSON: expected a property name in double quotes',
      '4:1 an NDJSON profile needs an "id" field',
    ]);
    expect([...project.users.keys()]).toEqual(['a1']);
  });
});
