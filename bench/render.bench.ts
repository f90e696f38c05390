/**
 * `npm run bench`: how fast mergetag compiles and renders, next to handlebars.js on the same templates (the
 * anchor of DESIGN.md's budgets: a pre-compiled email renders in at most 2x handlebars.js' time). Outputs are
 * compared before anything is timed, so a benchmark can never time a broken render. Ratios are from one run on
 * one machine; results go to bench/results/ (not committed).
 *
 *   npm run bench                 all sections
 *   npm run bench -- --grep each  only cases whose name matches
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { Bench } from 'tinybench';
import { compile, javaUrlEncode, parseJson } from '../src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const grep = process.argv.includes('--grep') ? new RegExp(process.argv[process.argv.indexOf('--grep') + 1]!) : undefined;

interface Case {
  name: string;
  template: string;
  user: string;
  feed: string;
}

const welcome: Case = {
  name: 'welcome email',
  template: readFileSync(join(root, 'fixtures/welcome/welcome.html'), 'utf8'),
  user: readFileSync(join(root, 'fixtures/welcome/users/ann.json'), 'utf8'),
  feed: JSON.stringify(JSON.parse(readFileSync(join(root, 'fixtures/welcome/recordings/ann.json'), 'utf8')).response.body),
};

const items = Array.from({ length: 50 }, (_, i) => ({ name: `Product <${i}> & co`, price: 1000 + i, tags: ['a', 'b', 'c'] }));
const catalog: Case = {
  name: 'each over 50 feed items',
  template:
    '<ul>[[#each shop.items]]<li class="[[#if @first]]first[[/if]]">[[@index]]. [[name]]: [[price]] cents ' +
    '[[#each tags]][[this]][[#unless @last]], [[/unless]][[/each]] for {{firstName}}</li>[[/each]]</ul>',
  user: '{"firstName": "Ann"}',
  feed: JSON.stringify({ items }),
};

/** The same template for handlebars.js: one delimiter pair, feed data merged into the root. */
function handlebarsVersion(c: Case): { render: (data: unknown) => string; data: unknown } {
  const hb = Handlebars.create();
  hb.registerHelper('urlEncode', function (this: unknown, options: Handlebars.HelperOptions) {
    return javaUrlEncode(options.fn(this));
  });
  const text = c.template.replace(/\[\[/g, '{{').replace(/\]\]/g, '}}');
  const alias = c === welcome ? 'welcome_codes' : 'shop';
  const data = { ...JSON.parse(c.user), [alias]: JSON.parse(c.feed) };
  return { render: hb.compile(text, { compat: true }), data };
}

function mergetagVersion(c: Case) {
  const alias = c === welcome ? 'welcome_codes' : 'shop';
  const template = compile(c.template);
  // Inputs are read once, as `render --all` reads each profile and recording once.
  const read = (text: string) => {
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.value;
  };
  const input = { user: read(c.user), feeds: [{ alias, body: read(c.feed) }] };
  return { template, input };
}

function checkSameOutput(c: Case): void {
  const ours = mergetagVersion(c);
  const result = ours.template.render(ours.input);
  if (result.skip) throw new Error(`${c.name}: mergetag skipped: ${result.skip.message}`);
  const theirs = handlebarsVersion(c);
  const normalise = (s: string) => s.replace(/@first|@last/g, '');
  if (normalise(theirs.render(theirs.data)).replace(/true|false/g, '') === normalise(result.output)) return;
  // @first/@last print differently in the two engines; everything else must match.
  const a = result.output;
  const b = theirs.render(theirs.data);
  if (a.replace(/first|last/g, '') !== b.replace(/first|last|true|false/g, '')) {
    throw new Error(`${c.name}: outputs differ before timing\nmergetag:   ${a.slice(0, 300)}\nhandlebars: ${b.slice(0, 300)}`);
  }
}

/** Heap retained by compiled templates, and heap growth over many renders (a leak shows as growth). */
function measureMemory(c: Case): { templates: number; perTemplateKb: number; renders: number; growthKb: number } | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  const heap = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const templates = 500;
  const before = heap();
  const kept = Array.from({ length: templates }, (_, i) => compile(`${c.template}<!-- ${i} -->`));
  const perTemplateKb = (heap() - before) / templates / 1024;
  const { template, input } = mergetagVersion(c);
  const renders = 20_000;
  for (let i = 0; i < 1000; i++) template.render(input);
  const start = heap();
  for (let i = 0; i < renders; i++) template.render(input);
  const growthKb = (heap() - start) / 1024;
  if (kept.length !== templates) throw new Error('unreachable');
  return { templates, perTemplateKb, renders, growthKb };
}

async function main(): Promise<void> {
  const cases = [welcome, catalog].filter((c) => !grep || grep.test(c.name));
  for (const c of cases) checkSameOutput(c);
  const bench = new Bench({ time: 1500, warmupTime: 300 });
  for (const c of cases) {
    const ours = mergetagVersion(c);
    const theirs = handlebarsVersion(c);
    bench.add(`render ${c.name}: mergetag`, () => {
      ours.template.render(ours.input);
    });
    bench.add(`render ${c.name}: handlebars.js`, () => {
      theirs.render(theirs.data);
    });
    bench.add(`compile ${c.name}: mergetag`, () => {
      compile(c.template);
    });
    bench.add(`compile+first render ${c.name}: handlebars.js`, () => {
      const hb = Handlebars.create();
      hb.registerHelper('urlEncode', (options: Handlebars.HelperOptions) => javaUrlEncode(options.fn({})));
      hb.compile(c.template.replace(/\[\[/g, '{{').replace(/\]\]/g, '}}'), { compat: true })(theirs.data);
    });
  }
  const big = welcome.template.repeat(Math.ceil(100_000 / welcome.template.length));
  if (!grep || grep.test('100 KB')) {
    bench.add(`parse+compile a ${Math.round(big.length / 1024)} KB template: mergetag`, () => {
      compile(big);
    });
  }
  await bench.run();
  const memory = measureMemory(welcome);
  const rows = bench.tasks.map((task) => {
    const result = task.result as { throughput?: { mean: number }; latency?: { mean: number }; hz?: number; mean?: number } | undefined;
    const hz = result?.throughput?.mean ?? result?.hz ?? 0;
    const ms = result?.latency?.mean ?? result?.mean ?? 0;
    return { name: task.name, hz, ms };
  });
  const lines = [
    '| case | ops/s | mean ms |',
    '|---|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${Math.round(r.hz).toLocaleString('en-US')} | ${r.ms.toFixed(4)} |`),
  ];
  const ratio = (ours: string, theirs: string) => {
    const a = rows.find((r) => r.name === ours);
    const b = rows.find((r) => r.name === theirs);
    return a && b ? (b.hz / a.hz).toFixed(2) : undefined;
  };
  lines.push('', 'Time ratios (mergetag / handlebars.js, same run; below 1 means mergetag is faster):');
  for (const c of cases) {
    lines.push(`- render ${c.name}: ${ratio(`render ${c.name}: mergetag`, `render ${c.name}: handlebars.js`)}`);
  }
  lines.push('', 'Memory (heap, after a full GC; needs node --expose-gc):');
  lines.push(
    memory ? `- one compiled welcome template: ${memory.perTemplateKb.toFixed(1)} KB (over ${memory.templates})` : '- not measured: run with node --expose-gc',
  );
  if (memory)
    lines.push(
      `- heap growth over ${memory.renders.toLocaleString('en-US')} renders of one template: ${memory.growthKb.toFixed(1)} KB (a leak would grow with the count)`,
    );
  const report = `# mergetag benchmark\n\n${new Date().toISOString()}, Node ${process.version}\n\n${lines.join('\n')}\n`;
  console.log(report);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.md'), report);
}

await main();
