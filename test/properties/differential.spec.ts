/**
 * Differential properties (DESIGN.md §4): the same template and data rendered by mergetag and by a test oracle,
 * handlebars.js or mustache.js, must give the same output, apart from the documented differences in
 * docs/differences.md ("Differences from the test oracles"). See ./oracles.ts for how each difference is handled.
 *
 * mergetag runs as Handlebars.java did for the conformance corpus: one delimiter family at a time, the core
 * helpers, the data as JSON text (number spelling kept): `{{ }}` over the user profile, and the same template
 * written with `[[ ]]` over one unaliased feed.
 *
 * Each property prints, after the run, how many cases it compared, how many agreed, how many it set aside per
 * documented difference, and how many agreed only thanks to a normalised spelling (see `checkAgainst`).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { coreHelpers } from '../../src/helpers/index.js';
import { compile } from '../../src/iterable/template.js';
import { jsonObject, jsonText, template, type Json, type JsonObj } from './arbitraries.js';
import { FULL_VIEW, HandlebarsOracle, MustacheOracle, type OracleRun } from './oracles.js';

const NUM_RUNS = Number(process.env.MERGETAG_PROPERTY_RUNS ?? 300);
/** A fixed seed keeps the printed counts reproducible; MERGETAG_PROPERTY_SEED=random explores new cases. */
const SEED = process.env.MERGETAG_PROPERTY_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.MERGETAG_PROPERTY_SEED ?? 20250611);

class Tally {
  generated = 0;
  compared = 0;
  agreed = 0;
  readonly disagreements: Array<{ template: string; data: string; mergetag: string; oracle: string }> = [];
  readonly excluded = new Map<string, number>();
  readonly normalised = new Map<string, number>();

  constructor(readonly name: string) {}

  report(): string {
    const list = (m: Map<string, number>) => ([...m].length ? [...m].map(([k, v]) => `${k}: ${v}`).join(', ') : 'none');
    const clip = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text);
    return [
      `[differential] ${this.name} (seed ${SEED}, numRuns ${NUM_RUNS})`,
      `  generated ${this.generated}, excluded ${this.generated - this.compared}, compared ${this.compared}, agreed ${this.agreed}, disagreed ${this.disagreements.length}`,
      `  excluded per documented difference (a case may hit several): ${list(this.excluded)}`,
      `  agreed only after normalising a spelling: ${list(this.normalised)}`,
      ...this.disagreements
        .slice(0, 3)
        .map(
          (d, i) =>
            `  disagreement ${i + 1} (unshrunk): template ${clip(JSON.stringify(d.template))} data ${clip(d.data)} mergetag ${clip(JSON.stringify(d.mergetag))} oracle ${clip(JSON.stringify(d.oracle))}`,
        ),
    ].join('\n');
  }
}

const tallies: Tally[] = [];
afterAll(() => {
  for (const tally of tallies) if (tally.generated > 0) console.log(tally.report());
});

/**
 * The template rendered by mergetag in each delimiter family, as Handlebars.java did for the corpus: `{{ }}` over
 * the data as the user profile, and the same template in `[[ ]]` over the data as one unaliased feed (DESIGN.md
 * rule 1: both families have the same grammar and semantics). Either rendition must agree with the oracle.
 */
function renderMergetag(text: string, data: Json): string {
  const options = { helpers: coreHelpers(), file: 'property.hbs' };
  const user = compile(text, { ...options, families: ['user'] }).render({ user: jsonText(data) });
  const feed = compile(inFeedFamily(text), { ...options, families: ['feed'] }).render({ feeds: [{ body: jsonText(data) }] });
  const shown = (r: typeof user) => (r.skip ? `<not sent: ${r.skip.reason}: ${r.skip.message}>` : r.output);
  return shown(user) === shown(feed) ? shown(user) : `{{ }}: ${shown(user)}\n[[ ]]: ${shown(feed)}`;
}

/** `{{x}}` → `[[x]]`, `{{{x}}}` → `[[{x}]]` (`[[[x]]]` is not raw). The generated text has no brace or bracket. */
function inFeedFamily(text: string): string {
  return text.replaceAll('{{{', '[[{').replaceAll('}}}', '}]]').replaceAll('{{', '[[').replaceAll('}}', ']]');
}

interface Normalisation {
  name: string;
  rerun: () => OracleRun;
}

interface Case {
  data: Json;
  template: string;
}

/**
 * Runs the property twice over the same seed. The counting run goes through all `NUM_RUNS` cases and records
 * every outcome (the counts printed after the run); if any case disagreed, the asserting run fails on the first
 * one and lets fast-check shrink it to the counterexample it reports. Cases that hit a documented difference are
 * set aside with `fc.pre` in both runs. `normalisations` re-run the oracle without one normalised spelling, to
 * count the cases where it mattered.
 */
function checkAgainst(tally: Tally, cases: fc.Arbitrary<Case>, oracle: (c: Case) => OracleRun, normalisations: (c: Case) => Normalisation[]): void {
  fc.assert(
    fc.property(cases, (c) => {
      tally.generated++;
      const actual = renderMergetag(c.template, c.data);
      const expected = oracle(c);
      if (expected.flags.size > 0) {
        for (const reason of expected.flags) tally.excluded.set(reason, (tally.excluded.get(reason) ?? 0) + 1);
        fc.pre(false);
      }
      tally.compared++;
      if (actual !== expected.output) {
        tally.disagreements.push({ template: c.template, data: jsonText(c.data), mergetag: actual, oracle: expected.output });
        return;
      }
      tally.agreed++;
      for (const n of normalisations(c)) {
        if (n.rerun().output !== expected.output) tally.normalised.set(n.name, (tally.normalised.get(n.name) ?? 0) + 1);
      }
    }),
    { numRuns: NUM_RUNS, seed: SEED },
  );
  if (tally.disagreements.length === 0) return;
  fc.assert(
    fc.property(cases, (c) => {
      const expected = oracle(c);
      fc.pre(expected.flags.size === 0);
      const actual = renderMergetag(c.template, c.data);
      expect(actual, `template ${JSON.stringify(c.template)}\ndata ${jsonText(c.data)}`).toBe(expected.output);
    }),
    { numRuns: NUM_RUNS, seed: SEED },
  );
}

describe('mergetag agrees with handlebars.js (compat, ignoreStandalone) on the Handlebars subset', () => {
  const oracle = new HandlebarsOracle();
  const tally = new Tally('handlebars.js');
  tallies.push(tally);
  afterAll(() => oracle.clear());

  it('renders random templates over random data (integers, strings, booleans, null, nonzero doubles) like handlebars.js', () => {
    const data = jsonObject({ floats: 'nonzero', maxDepth: 3 });
    const cases = data.chain((d: JsonObj) => template(d, { dialect: 'handlebars', newlines: true }).map((t): Case => ({ data: d, template: t })));
    checkAgainst(
      tally,
      cases,
      (c) => oracle.render(c.template, c.data),
      (c) => [
        { name: 'Java printing of arrays and objects', rerun: () => oracle.render(c.template, c.data, { ...FULL_VIEW, javaContainers: false }) },
        { name: 'Java printing of doubles', rerun: () => oracle.render(c.template, c.data, { ...FULL_VIEW, javaDoubles: false }) },
        { name: '@first/@last print first/last', rerun: () => oracle.render(c.template, c.data, FULL_VIEW, false) },
      ],
    );
  });
});

describe('mergetag agrees with mustache.js on the Mustache subset', () => {
  const oracle = new MustacheOracle();
  const tally = new Tally('mustache.js');
  tallies.push(tally);

  it('renders random one-line templates (variables, sections, inverted sections, comments) like mustache.js', () => {
    const data = jsonObject({ floats: 'nonzero', maxDepth: 3 });
    const cases = data.chain((d: JsonObj) => template(d, { dialect: 'mustache', newlines: false }).map((t): Case => ({ data: d, template: t })));
    checkAgainst(
      tally,
      cases,
      (c) => oracle.render(c.template, c.data),
      (c) => [
        { name: 'mustache.js escapes / and writes &#39;', rerun: () => oracle.render(c.template, c.data, FULL_VIEW, false) },
        { name: 'Java printing of arrays and objects', rerun: () => oracle.render(c.template, c.data, { ...FULL_VIEW, javaContainers: false }) },
        { name: 'Java printing of doubles', rerun: () => oracle.render(c.template, c.data, { ...FULL_VIEW, javaDoubles: false }) },
      ],
    );
  });
});
