/**
 * The Handlebars.java differential's own parts, tested without Java (CI has none): the generator reaches every
 * construct it promises, the minimiser keeps a failure while it cuts, the signature groups alike cases, and the
 * engine client speaks the JSON-lines protocol of docs/conformance.md (against a stand-in engine written in Node).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/values/json.js';
import { caseText, diffCase, type DiffCase } from './differential/case.js';
import { JavaEngine } from './differential/java-engine.js';
import { minimise } from './differential/minimise.js';
import { signature } from './differential/signature.js';
import { printTemplate, type Node } from './differential/template-ast.js';

function blockDepth(nodes: readonly Node[]): number {
  let deepest = 0;
  for (const node of nodes) {
    if (node.kind !== 'block') continue;
    deepest = Math.max(deepest, 1 + Math.max(blockDepth(node.body), ...node.elses.map((e) => blockDepth(e.body))));
  }
  return deepest;
}

describe('differential: the generator', () => {
  const cases = fc.sample(diffCase, { seed: 7, numRuns: 400 });
  const texts = cases.map(caseText);

  it('writes every construct it promises, in both families, nested at least three levels', () => {
    const all = texts.map((t) => t.template).join('\n');
    for (const construct of [
      '../',
      '@root',
      '@index',
      '@key',
      '@first',
      '[a b]',
      'as |p',
      '~',
      '(',
      '{{^',
      '[[^',
      'else if',
      '{{!',
      'lookup ',
      '{{{',
      '[[{',
      '&',
      'this',
      '"',
      'eq ',
      'defaultIfEmpty',
    ]) {
      expect(all, construct).toContain(construct);
    }
    expect(new Set(texts.map((t) => t.delims))).toEqual(new Set(['{{}}', '[[]]']));
    expect(Math.max(...cases.map((c) => blockDepth(c.nodes)))).toBeGreaterThanOrEqual(3);
  });

  it('writes data as JSON text that keeps number spelling (doubles with a point or an exponent, big integers)', () => {
    const all = texts.map((t) => t.data).join('\n');
    expect(all).toMatch(/[0-9]\.[0-9]*0[,}\]]/);
    expect(all).toMatch(/[0-9][eE][+-]?[0-9]/);
    expect(all).toMatch(/[0-9]{20}/);
    for (const t of texts) expect(parseJson(t.data).ok, t.data).toBe(true);
  });
});

describe('differential: the minimiser and the signature', () => {
  it('cuts a case down to what still fails, and never returns one that does not', async () => {
    const [start] = fc.sample(
      diffCase.filter((c) => printTemplate(c.nodes, '{{}}').includes('{{#each') && c.data.entries.length > 1),
      { seed: 3, numRuns: 1 },
    );
    const fails = (c: DiffCase) => printTemplate(c.nodes, '{{}}').includes('{{#each');
    const smallest = await minimise(start!, async (candidates) => candidates.map(fails));
    expect(fails(smallest)).toBe(true);
    expect(printTemplate(smallest.nodes, '{{}}').length).toBeLessThan(printTemplate(start!.nodes, '{{}}').length);
    expect(smallest.data.entries).toEqual([]);
    expect(printTemplate(smallest.nodes, '{{}}')).toMatch(/^\{\{~?#each[^}]*\}\}\{\{~?\/each~?\}\}$/);
  });

  it('gives cases that differ only in data keys and family one signature', () => {
    const tree = (key: string): Node[] => [
      { kind: 'mustache', form: 'escaped', head: { kind: 'path', text: `${key}.n` }, tilde: { open: false, close: false } },
    ];
    const [{ data }] = fc.sample(diffCase, { seed: 1, numRuns: 1 }) as [DiffCase];
    const a = signature('output-differs', { nodes: tree('a'), delims: '{{}}', data });
    expect(signature('output-differs', { nodes: tree('xs'), delims: '[[]]', data })).toBe(a);
    expect(signature('java-error-only', { nodes: tree('a'), delims: '{{}}', data })).not.toBe(a);
    expect(signature('output-differs', { nodes: tree('[a b]'), delims: '{{}}', data })).not.toBe(a);
  });
});

describe('differential: the engine client', () => {
  // A stand-in engine: answers each line with the template upper-cased, or an error for "fail".
  const standIn = `${JSON.stringify(process.execPath)} -e ${JSON.stringify(
    "require('readline').createInterface({input: process.stdin}).on('line', (l) => { const c = JSON.parse(l); " +
      "console.log(JSON.stringify(c.template === 'fail' ? {error: 'no'} : {output: c.template.toUpperCase() + JSON.stringify(c.data)})); })",
  )}`;

  it('sends batches and reads the answers back in order, data as raw JSON text', async () => {
    const engine = new JavaEngine(standIn);
    try {
      const answers = await engine.render([
        { template: 'a', delims: '{{}}', data: '{"x":5.0}' },
        { template: 'fail', delims: '[[]]', data: '{}' },
        { template: 'é', delims: '{{}}', data: '{"n":1e7}' },
      ]);
      expect(answers).toEqual([
        { kind: 'output', text: 'A{"x":5}' },
        { kind: 'error', message: 'no' },
        { kind: 'output', text: 'É{"n":10000000}' },
      ]);
      expect(await engine.render([{ template: 'b', delims: '{{}}', data: '{}' }])).toEqual([{ kind: 'output', text: 'B{}' }]);
    } finally {
      engine.close();
    }
  });

  it('rejects with the command when the engine cannot start or dies', async () => {
    const engine = new JavaEngine('exit 3');
    await expect(engine.render([{ template: 'a', delims: '{{}}', data: '{}' }])).rejects.toThrow(/MERGETAG_JAVA_ENGINE: .*'exit 3'/);
    engine.close();
  });
});
