/**
 * The translated pattern (JavaScript `u`-mode syntax) as a syntax tree, read by regexpp (ESLint's regular
 * expression parser), for the two engines that run it: re2js and the budgeted backtracking matcher.
 */
import { createRequire } from 'node:module';
import type { AST, RegExpParser } from '@eslint-community/regexpp';

// Loaded on the first pattern, not with the helpers: most templates have none, and every CLI run starts here.
const loadPackage = createRequire(import.meta.url);
let parser: RegExpParser | undefined;

export function parseJsPattern(body: string): AST.Pattern {
  parser ??= new (loadPackage('@eslint-community/regexpp') as typeof import('@eslint-community/regexpp')).RegExpParser({ ecmaVersion: 2025 });
  return parser.parsePattern(body, 0, body.length, { unicode: true });
}

/** Every node of the pattern, parents before children, in source order. */
export function* nodesOf(node: AST.Node): Generator<AST.Node> {
  yield node;
  switch (node.type) {
    case 'Pattern':
    case 'Group':
    case 'CapturingGroup':
      for (const alternative of node.alternatives) yield* nodesOf(alternative);
      break;
    case 'Assertion':
      if (node.kind === 'lookahead' || node.kind === 'lookbehind') for (const alternative of node.alternatives) yield* nodesOf(alternative);
      break;
    case 'Alternative':
      for (const element of node.elements) yield* nodesOf(element);
      break;
    case 'Quantifier':
      yield* nodesOf(node.element);
      break;
    default:
      break;
  }
}

export function capturingGroupsOf(pattern: AST.Pattern): AST.CapturingGroup[] {
  const groups: AST.CapturingGroup[] = [];
  for (const node of nodesOf(pattern)) if (node.type === 'CapturingGroup') groups.push(node);
  return groups;
}
