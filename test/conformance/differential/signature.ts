/**
 * The class a minimised disagreement belongs to: how the engines disagree, and the minimised template with its
 * data keys written as `k` and the family written as `{{ }}` (both families share one grammar). Two random cases
 * that shrink to the same shape almost always share a cause, so the count per signature says how common a class is.
 */
import type { DiffCase } from './case.js';
import type { Verdict } from './compare.js';
import { printTemplate, type Call, type Expr, type Node } from './template-ast.js';
import { COMPARISONS, DATA_KEYS, LOGIC } from './vocabulary.js';

const BLOCK_HELPERS = new Set<string>(['if', 'unless', 'each', 'with', 'not', ...COMPARISONS, ...LOGIC]);

const KEY_SEGMENT = new RegExp(`(?<![\\w@\\[])(${DATA_KEYS.join('|')})(?![\\w\\]])`, 'g');

function canonicalPath(text: string): string {
  return text.replace(KEY_SEGMENT, 'k');
}

function canonicalExpr(e: Expr): Expr {
  if (e.kind === 'path') return { kind: 'path', text: canonicalPath(e.text) };
  if (e.kind === 'literal') return e;
  return { ...e, params: e.params.map(canonicalExpr), hash: e.hash.map(([k, v]) => [k, canonicalExpr(v)] as const) };
}

function canonicalCall(c: Call): Call {
  const section = !BLOCK_HELPERS.has(c.helper);
  return {
    ...c,
    helper: section ? canonicalPath(c.helper) : c.helper,
    params: c.params.map(canonicalExpr),
    hash: c.hash.map(([k, v]) => [k, canonicalExpr(v)] as const),
  };
}

function canonicalNodes(nodes: readonly Node[]): Node[] {
  return nodes.map((node): Node => {
    if (node.kind === 'mustache') return { ...node, head: canonicalExpr(node.head) };
    if (node.kind !== 'block') return node;
    const call = canonicalCall(node.call);
    return {
      ...node,
      call,
      close: node.close === node.call.helper ? call.helper : node.close,
      body: canonicalNodes(node.body),
      elses: node.elses.map((e) => ({ ...e, chain: e.chain && canonicalCall(e.chain), body: canonicalNodes(e.body) })),
    };
  });
}

export function signature(verdict: Verdict, c: DiffCase): string {
  return `${verdict} ${JSON.stringify(printTemplate(canonicalNodes(c.nodes), '{{}}'))}`;
}
