/**
 * `npm run bench` (lint part): how many templates per second `lintText` checks with every rule on (preset `all`)
 * and the welcome project's knowledge (its feed with recordings, variants and the publication schema, its sample
 * users, read by the project layer as `mergetag lint` reads them in CI). The goal (issue #8): 1,000 templates in
 * under 3 s on 2 cores.
 *
 * The 1,000 templates are generated from a fixed seed, so every run times the same work: email-sized HTML with
 * feed and user fields, nested blocks (`#if`/`else`, `#each`, `#with`), helpers and sub-expressions, and in
 * about one in five a mistake the linter must find (a typo in a feed path or alias, an unknown helper, an
 * unclosed block). Findings are checked before anything is timed: a benchmark of a linter that finds nothing
 * would time nothing.
 *
 *   npm run bench                            build, then lint (this file), render, ... (`-- ARGS` go to the last)
 *   node --import tsx bench/lint.bench.ts    lint only (after npm run build); --count 200 for fewer templates
 *
 * Results are stored by bench/support/results.ts (bench/results/results.json, section `lint`) and printed against
 * the last run.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LintResult, TemplateKnowledge } from '../src/index.js';
import { importDist } from './support/dist.js';
import { recordResults } from './support/results.js';

// The built package (dist/), checked to be newer than src/: what `mergetag lint` runs.
const { lintText, openProject, projectKnowledge } = await importDist();

const root = join(import.meta.dirname, '..');
const welcomeDir = join(root, 'fixtures/welcome');

/**
 * What `mergetag lint` knows about the welcome template: the project opened and read as the CLI does (its
 * recordings and variants, the publication schema, the sample users).
 */
function welcomeKnowledge(): TemplateKnowledge {
  const project = openProject({ cwd: welcomeDir });
  const template = project.templates().find((entry) => entry.relative === 'welcome.html');
  if (!template) throw new Error('fixtures/welcome has no welcome.html template');
  return projectKnowledge(project).forTemplate(template);
}
const countArg = process.argv.indexOf('--count');
const COUNT = countArg > 0 ? Number(process.argv[countArg + 1]) : 1000;
const GOAL_MS = 3000;
const ROUNDS = 3;

/** A small deterministic generator (mulberry32): the same templates on every run and machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mistake = 'feed-path' | 'feed-alias' | 'helper' | 'syntax';

interface Generated {
  text: string;
  /** The mistake put in, which the linter must report; undefined for a template written correctly. */
  mistake: Mistake | undefined;
}

const FEED_PATHS = [
  'welcome_codes.voucher.code',
  'welcome_codes.voucher.campaign',
  'welcome_codes.voucher.metadata.marketing_text',
  'welcome_codes.voucher.expiration_date',
  'welcome_codes.voucher.discount.percent_off',
  'welcome_codes.customer.source_id',
];
const USER_FIELDS = ['firstName', 'lastName', 'email', 'locale', 'signupSource'];

function generate(index: number): Generated {
  const next = random(index + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const roll = next();
  const mistake: Mistake | undefined = roll < 0.05 ? 'feed-path' : roll < 0.1 ? 'feed-alias' : roll < 0.15 ? 'helper' : roll < 0.2 ? 'syntax' : undefined;
  const sections: string[] = [];
  const sectionCount = 4 + Math.floor(next() * 12);
  for (let s = 0; s < sectionCount; s++) {
    const field = pick(USER_FIELDS);
    const path = pick(FEED_PATHS);
    switch (Math.floor(next() * 8)) {
      case 0:
        sections.push(`<p>{{#if ${field}}}Hi {{${field}}},{{else}}Hi there,{{/if}}</p>`);
        break;
      case 1:
        sections.push(`[[#if ${path}]]<div class="code">[[${path}]]</div>[[/if]]`);
        break;
      case 2:
        sections.push(`<p>{{capitalizeFirst (defaultIfEmpty ${field} "friend")}}, your code is <b>[[welcome_codes.voucher.code]]</b>.</p>`);
        break;
      case 3:
        sections.push(`<ul>{{#each emailListIds}}<li>{{@index}}: {{this}}</li>{{/each}}</ul>`);
        break;
      case 4:
        sections.push(`[[#with welcome_codes.voucher]]<span>[[code]]</span>[[#if metadata.marketing_text]] [[metadata.marketing_text]][[/if]][[/with]]`);
        break;
      case 5:
        sections.push(
          `<a href="https://shop.example.com/?e={{#urlEncode}}{{{email}}}{{/urlEncode}}&c=[[#urlEncode]][[{welcome_codes.voucher.code}]][[/urlEncode]]">Shop</a>`,
        );
        break;
      case 6:
        sections.push(`{{#ifEq signupSource "checkout"}}<p>Thanks for your order.</p>{{else}}<p>Welcome aboard.</p>{{/ifEq}}`);
        break;
      default:
        sections.push(`<p>${'Freshly roasted beans, delivered every week. '.repeat(1 + Math.floor(next() * 6))}</p>`);
    }
  }
  const at = Math.floor(next() * (sections.length + 1));
  switch (mistake) {
    case 'feed-path':
      sections.splice(at, 0, '<p>[[welcome_codes.voucher.cod]]</p>');
      break;
    case 'feed-alias':
      sections.splice(at, 0, '<p>[[welcom_codes.voucher.code]]</p>');
      break;
    case 'helper':
      sections.splice(at, 0, '<p>{{upcase firstName}}</p>');
      break;
    case 'syntax':
      sections.splice(at, 0, '<p>{{#if vip}}VIP</p>');
      break;
  }
  const body = sections.map((section) => `      <tr><td style="padding:8px 32px; font-family:Helvetica, Arial, sans-serif;">${section}</td></tr>`).join('\n');
  const text = `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Message ${index}</title></head>\n<body>\n  <table role="presentation" width="100%">\n${body}\n  </table>\n  <a href="{{unsubscribeUrl}}">Unsubscribe</a>\n</body>\n</html>\n`;
  return { text, mistake };
}

/** The rule that must report each kind of mistake. */
const EXPECTED_RULE: Record<Mistake, string> = {
  'feed-path': 'feed-path-not-found',
  'feed-alias': 'unknown-feed-alias',
  helper: 'unknown-helper',
  syntax: 'syntax-error',
};

function lintAll(templates: readonly Generated[], knowledge: TemplateKnowledge): LintResult[] {
  return templates.map((template, i) => lintText(template.text, { knowledge, config: { preset: 'all' }, file: `generated/${i}.html` }));
}

/** Before timing: the welcome email lints clean and every mistake put in is reported by its rule. */
function check(templates: readonly Generated[], results: readonly LintResult[], knowledge: TemplateKnowledge): void {
  const welcome = lintText(readFileSync(join(welcomeDir, 'welcome.html'), 'utf8'), { knowledge, config: { preset: 'all' } });
  if (welcome.messages.length) throw new Error(`welcome.html does not lint clean: ${welcome.messages.map((m) => `${m.ruleId}: ${m.message}`).join('; ')}`);
  templates.forEach((template, i) => {
    if (!template.mistake) return;
    const rule = EXPECTED_RULE[template.mistake];
    if (!results[i]!.messages.some((m) => m.ruleId === rule))
      throw new Error(`generated/${i}.html: the ${template.mistake} mistake was not reported by ${rule}`);
  });
}

function main(): void {
  const templates = Array.from({ length: COUNT }, (_, i) => generate(i));
  const bytes = templates.reduce((sum, t) => sum + t.text.length, 0);
  // The knowledge is built once, as a project builds it once per template configuration.
  const knowledgeStart = performance.now();
  const knowledge = welcomeKnowledge();
  const knowledgeMs = performance.now() - knowledgeStart;
  const first = performance.now();
  const results = lintAll(templates, knowledge);
  const coldMs = performance.now() - first;
  check(templates, results, knowledge);
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    lintAll(templates, knowledge);
    rounds.push(performance.now() - start);
  }
  const best = Math.min(...rounds);
  const mean = rounds.reduce((a, b) => a + b, 0) / rounds.length;
  const findings = new Map<string, number>();
  for (const result of results) for (const m of result.messages) findings.set(m.ruleId, (findings.get(m.ruleId) ?? 0) + 1);
  const withMistake = templates.filter((t) => t.mistake).length;
  // Correct templates should lint clean: findings there are false alarms to look at (a rule added since).
  const onCorrect = results.filter((result, i) => !templates[i]!.mistake && result.messages.length);
  const falseAlarms = onCorrect.length
    ? `${onCorrect.length} correct templates have findings, e.g. ${onCorrect[0]!.file}: ${onCorrect[0]!.messages[0]!.ruleId}: ${onCorrect[0]!.messages[0]!.message}`
    : 'none on the correct templates';
  const perSecond = (ms: number) => Math.round((COUNT / ms) * 1000).toLocaleString('en-US');
  const lines = [
    `${COUNT.toLocaleString('en-US')} generated templates (${(bytes / 1024).toFixed(0)} KB, ${withMistake} with a mistake), every rule on (preset all), the welcome project's knowledge (built in ${knowledgeMs.toFixed(0)} ms).`,
    '',
    '| run | total s | templates/s |',
    '|---|---:|---:|',
    `| first (cold) | ${(coldMs / 1000).toFixed(2)} | ${perSecond(coldMs)} |`,
    `| best of ${ROUNDS} | ${(best / 1000).toFixed(2)} | ${perSecond(best)} |`,
    `| mean of ${ROUNDS} | ${(mean / 1000).toFixed(2)} | ${perSecond(mean)} |`,
    '',
    `Goal: ${COUNT === 1000 ? '1,000 templates' : 'the templates'} in under ${GOAL_MS / 1000} s, cold: ${coldMs < GOAL_MS ? 'met' : 'MISSED'} (${availableParallelism()} cores available; lint runs on one).`,
    '',
    `Findings: ${[...findings].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'}; ${falseAlarms}.`,
  ];
  console.log(`# mergetag lint benchmark\n\n${new Date().toISOString()}, Node ${process.version}, dist/ (built)\n\n${lines.join('\n')}\n`);
  const table = recordResults('lint', [
    {
      name: `lint ${COUNT.toLocaleString('en-US')} templates, first run (cold)`,
      value: coldMs / 1000,
      unit: 's',
      better: 'lower',
      ...(COUNT === 1000 ? { goal: GOAL_MS / 1000 } : {}),
    },
    { name: `lint ${COUNT.toLocaleString('en-US')} templates, best of ${ROUNDS}`, value: best / 1000, unit: 's', better: 'lower' },
    { name: 'lint templates per second (best run)', value: (COUNT / best) * 1000, unit: 'templates/s', better: 'higher' },
  ]);
  console.log(`${table}\n`);
}

main();
