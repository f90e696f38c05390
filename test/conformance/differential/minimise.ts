/**
 * Cuts a disagreeing case down to a smallest one that still disagrees the same way: greedy one-step reductions of
 * the template tree (drop a node, unwrap a block, drop an else, a param, a hash pair, a `~`, shorten a path or a
 * text) and of the data (drop a key, an array element, turn a value into null or a shorter string), largest cuts
 * first, until no single step keeps the disagreement. Candidates are checked in batches, so the Java engine is
 * asked once per batch rather than once per candidate.
 */
import { JsonObj, type Json } from '../../properties/arbitraries.js';
import type { DiffCase } from './case.js';
import { NO_TILDE, type Call, type ElseBranch, type Expr, type Node, type Tilde } from './template-ast.js';

/** Says, for each candidate, whether it still shows the disagreement being minimised. */
export type StillFails = (candidates: DiffCase[]) => Promise<boolean[]>;

const BATCH = 48;
const MAX_STEPS = 150;

export async function minimise(start: DiffCase, stillFails: StillFails): Promise<DiffCase> {
  let current = start;
  for (let step = 0; step < MAX_STEPS; step++) {
    const candidates = [...reductions(current)];
    let next: DiffCase | undefined;
    for (let i = 0; i < candidates.length && !next; i += BATCH) {
      const chunk = candidates.slice(i, i + BATCH);
      const fails = await stillFails(chunk);
      next = chunk[fails.indexOf(true)];
    }
    if (!next) return current;
    current = next;
  }
  return current;
}

export function* reductions(c: DiffCase): Generator<DiffCase> {
  for (const nodes of listReductions(c.nodes)) yield { ...c, nodes };
  for (const data of objectReductions(c.data)) yield { ...c, data };
}

// ---- the template ------------------------------------------------------------------------------------------

function* listReductions(list: readonly Node[]): Generator<Node[]> {
  const replaced = (i: number, ...with_: Node[]) => [...list.slice(0, i), ...with_, ...list.slice(i + 1)];
  for (let i = 0; i < list.length; i++) yield replaced(i);
  for (let i = 0; i < list.length; i++) {
    const node = list[i]!;
    if (node.kind !== 'block') continue;
    yield replaced(i, ...node.body);
    for (const e of node.elses) yield replaced(i, ...e.body);
  }
  for (let i = 0; i < list.length; i++) for (const node of nodeReductions(list[i]!)) yield replaced(i, node);
}

function* tildeReductions(t: Tilde): Generator<Tilde> {
  if (t.open && t.close) {
    yield { open: false, close: true };
    yield { open: true, close: false };
  } else if (t.open || t.close) yield NO_TILDE;
}

function* nodeReductions(node: Node): Generator<Node> {
  switch (node.kind) {
    case 'text':
      if (node.text.length > 1) {
        yield { ...node, text: node.text.slice(0, 1) };
        yield { ...node, text: node.text.slice(1) };
      }
      if (node.text !== 'a' && node.text.trim() !== '') yield { ...node, text: 'a' };
      return;
    case 'comment':
      if (node.text) yield { ...node, text: '' };
      if (node.long) yield { ...node, long: false };
      for (const tilde of tildeReductions(node.tilde)) yield { ...node, tilde };
      return;
    case 'mustache':
      if (node.form !== 'escaped') yield { ...node, form: 'escaped' };
      for (const tilde of tildeReductions(node.tilde)) yield { ...node, tilde };
      for (const head of exprReductions(node.head)) yield { ...node, head };
      return;
    case 'block':
      for (let i = 0; i < node.elses.length; i++) yield { ...node, elses: [...node.elses.slice(0, i), ...node.elses.slice(i + 1)] };
      for (const body of listReductions(node.body)) yield { ...node, body };
      for (let i = 0; i < node.elses.length; i++)
        for (const e of elseReductions(node.elses[i]!)) yield { ...node, elses: node.elses.map((x, j) => (j === i ? e : x)) };
      for (const call of callReductions(node.call)) {
        // A section's head is its path: the close tag follows it, unless it was a mismatch on purpose.
        yield { ...node, call, close: node.close === node.call.helper ? call.helper : node.close };
      }
      for (const tilde of tildeReductions(node.tilde)) yield { ...node, tilde };
      for (const closeTilde of tildeReductions(node.closeTilde)) yield { ...node, closeTilde };
      return;
  }
}

function* elseReductions(e: ElseBranch): Generator<ElseBranch> {
  for (const body of listReductions(e.body)) yield { ...e, body };
  if (e.chain) {
    yield { ...e, chain: undefined };
    for (const chain of callReductions(e.chain)) yield { ...e, chain };
  }
  if (e.word === '^') yield { ...e, word: 'else' };
  for (const tilde of tildeReductions(e.tilde)) yield { ...e, tilde };
}

function* callReductions(call: Call): Generator<Call> {
  if (call.blockParams.length > 0) yield { ...call, blockParams: call.blockParams.slice(0, -1) };
  for (let i = 0; i < call.hash.length; i++) yield { ...call, hash: [...call.hash.slice(0, i), ...call.hash.slice(i + 1)] };
  for (let i = 0; i < call.params.length; i++) yield { ...call, params: [...call.params.slice(0, i), ...call.params.slice(i + 1)] };
  for (let i = 0; i < call.params.length; i++)
    for (const p of exprReductions(call.params[i]!)) yield { ...call, params: call.params.map((x, j) => (j === i ? p : x)) };
  // A section's head is a path.
  if (call.params.length === 0 && call.hash.length === 0) for (const p of pathReductions(call.helper)) yield { ...call, helper: p };
}

function* exprReductions(e: Expr): Generator<Expr> {
  if (e.kind === 'path') {
    for (const text of pathReductions(e.text)) yield { kind: 'path', text };
    return;
  }
  if (e.kind === 'literal') {
    if (e.text !== '"x"' && e.text.startsWith('"') && e.text.length > 3) yield { kind: 'literal', text: '"x"' };
    return;
  }
  for (const p of e.params) yield p;
  for (let i = 0; i < e.hash.length; i++) yield { ...e, hash: [...e.hash.slice(0, i), ...e.hash.slice(i + 1)] };
  for (let i = 0; i < e.params.length; i++) yield { ...e, params: [...e.params.slice(0, i), ...e.params.slice(i + 1)] };
  for (let i = 0; i < e.params.length; i++) for (const p of exprReductions(e.params[i]!)) yield { ...e, params: e.params.map((x, j) => (j === i ? p : x)) };
  for (let i = 0; i < e.hash.length; i++)
    for (const v of exprReductions(e.hash[i]![1])) yield { ...e, hash: e.hash.map((x, j) => (j === i ? ([x[0], v] as const) : x)) };
}

/** Shorter paths: without a prefix (`../`, `@root.`, `this.`), fewer segments, `/` as `.`. */
function* pathReductions(text: string): Generator<string> {
  const prefix = /^(\.\.\/|\.\/|this\.|this\/|@root\.)/.exec(text);
  if (prefix && text.length > prefix[0].length) yield text.slice(prefix[0].length);
  const body = prefix ? text.slice(prefix[0].length) : text;
  const parts = body.split(/[./](?![^[]*\])/);
  if (parts.length > 1) {
    yield (prefix?.[0] ?? '') + parts.slice(0, -1).join('.');
    yield (prefix?.[0] ?? '') + parts.slice(1).join('.');
  }
  if (body.includes('/') && !body.includes('[')) yield (prefix?.[0] ?? '') + body.replaceAll('/', '.');
}

// ---- the data ----------------------------------------------------------------------------------------------

function* objectReductions(obj: JsonObj): Generator<JsonObj> {
  const entries = obj.entries;
  for (let i = 0; i < entries.length; i++) yield new JsonObj([...entries.slice(0, i), ...entries.slice(i + 1)]);
  for (let i = 0; i < entries.length; i++) {
    const [key, value] = entries[i]!;
    for (const v of valueReductions(value)) yield new JsonObj(entries.map((e, j) => (j === i ? ([key, v] as const) : e)));
  }
}

function* valueReductions(value: Json): Generator<Json> {
  if (value instanceof JsonObj) {
    yield* objectReductions(value);
  } else if (Array.isArray(value)) {
    const list = value as readonly Json[];
    for (let i = 0; i < list.length; i++) yield [...list.slice(0, i), ...list.slice(i + 1)];
    for (let i = 0; i < list.length; i++) for (const v of valueReductions(list[i]!)) yield list.map((x, j) => (j === i ? v : x));
  } else if (typeof value === 'string' && value.length > 1) {
    yield 'a';
  }
  if (value !== null) yield null;
}
