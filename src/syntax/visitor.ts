/**
 * Walks a template AST in document order, calling `enter` and `exit` handlers per node type with the chain of
 * parents (innermost last), as ESLint's rule visitors do (`MustacheStatement`, `'BlockStatement:exit'`). The
 * linter, the analysis and the testing kit all walk templates through this one function.
 */
import type {
  BlockStatement,
  BooleanLiteral,
  CommentStatement,
  ContentStatement,
  Expression,
  Hash,
  HashPair,
  InlinePartialStatement,
  MustacheStatement,
  NullLiteral,
  NumberLiteral,
  PartialStatement,
  PathExpression,
  Program,
  Statement,
  StringLiteral,
  SubExpression,
  UndefinedLiteral,
} from './ast.js';

export type Node =
  | Program
  | Statement
  | Expression
  | Hash
  | HashPair
  | BooleanLiteral
  | NullLiteral
  | NumberLiteral
  | StringLiteral
  | UndefinedLiteral
  | ContentStatement
  | CommentStatement
  | BlockStatement
  | MustacheStatement
  | PartialStatement
  | InlinePartialStatement
  | PathExpression
  | SubExpression;

export type NodeType = Node['type'];
export type NodeOfType<T extends NodeType> = Extract<Node, { type: T }>;

/** Where the walk is: the parents of the current node, outermost first, and the role the node plays in its parent. */
export interface VisitPath {
  readonly parents: readonly Node[];
  /** The key under which the node hangs from its parent: `path`, `params`, `hash`, `program`, `inverse`, `body`... */
  readonly key: string | undefined;
  /** The node's index when `key` names a list (`params`, `body`, `pairs`). */
  readonly index: number | undefined;
  /** The nearest parent, if any. */
  readonly parent: Node | undefined;
}

type Handler<T extends NodeType> = (node: NodeOfType<T>, path: VisitPath) => void;

export type Visitor = { [T in NodeType]?: Handler<T> } & { [T in NodeType as `${T}:exit`]?: Handler<T> };

/** Visits `root` and everything below it, in document order. */
export function traverse(root: Node, visitor: Visitor | readonly Visitor[]): void {
  const visitors = Array.isArray(visitor) ? (visitor as readonly Visitor[]) : [visitor as Visitor];
  const parents: Node[] = [];
  const visit = (node: Node, key: string | undefined, index: number | undefined): void => {
    const path: VisitPath = { parents: [...parents], key, index, parent: parents[parents.length - 1] };
    for (const v of visitors) (v[node.type] as Handler<NodeType> | undefined)?.(node, path);
    parents.push(node);
    for (const [childKey, child, childIndex] of children(node)) visit(child, childKey, childIndex);
    parents.pop();
    for (const v of visitors) (v[`${node.type}:exit`] as Handler<NodeType> | undefined)?.(node, path);
  };
  visit(root, undefined, undefined);
}

/** A node's children in document order, each with its key and list index. */
export function* children(node: Node): Generator<[string, Node, number | undefined]> {
  switch (node.type) {
    case 'Program':
      for (let i = 0; i < node.body.length; i++) yield ['body', node.body[i]!, i];
      return;
    case 'MustacheStatement':
    case 'SubExpression':
      yield ['path', node.path, undefined];
      yield* callArguments(node.params, node.hash);
      return;
    case 'BlockStatement':
      yield ['path', node.path, undefined];
      yield* callArguments(node.params, node.hash);
      if (node.program) yield ['program', node.program, undefined];
      if (node.inverse) yield ['inverse', node.inverse, undefined];
      return;
    case 'PartialStatement':
      yield ['name', node.name, undefined];
      yield* callArguments(node.params, node.hash);
      return;
    case 'InlinePartialStatement':
      yield ['program', node.program, undefined];
      return;
    case 'Hash':
      for (let i = 0; i < node.pairs.length; i++) yield ['pairs', node.pairs[i]!, i];
      return;
    case 'HashPair':
      yield ['value', node.value, undefined];
      return;
    default:
      return;
  }
}

function* callArguments(params: readonly Expression[], hash: Hash | undefined): Generator<[string, Node, number | undefined]> {
  for (let i = 0; i < params.length; i++) yield ['params', params[i]!, i];
  if (hash) yield ['hash', hash, undefined];
}
