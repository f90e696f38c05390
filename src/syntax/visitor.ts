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
  /** Read it in the handler it is given to: it is the parent chain at that point of the walk. */
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

/**
 * Visits `root` and everything below it, in document order. The walk keeps its own stack instead of recursing, so
 * a template nested as deep as the parser allows (or an unclosed one, thousands of blocks deep) cannot overflow
 * the call stack; and `path.parents` is copied only when a handler reads it, so the walk stays linear in the
 * number of nodes however deep they are.
 */
export function traverse(root: Node, visitor: Visitor | readonly Visitor[]): void {
  const visitors = Array.isArray(visitor) ? (visitor as readonly Visitor[]) : [visitor as Visitor];
  const ancestors: Node[] = [];
  // The handlers of each node type, gathered once per walk rather than looked up per node and visitor.
  const handlers = new Map<string, Handler<NodeType>[]>();
  const handlersFor = (key: string): Handler<NodeType>[] => {
    let found = handlers.get(key);
    if (!found) {
      found = visitors.flatMap((v) => {
        const handler = (v as Record<string, Handler<NodeType> | undefined>)[key];
        return handler ? [handler] : [];
      });
      handlers.set(key, found);
    }
    return found;
  };
  const enter = (node: Node, path: VisitPath) => {
    for (const handler of handlersFor(node.type)) handler(node, path);
  };
  const exit = (node: Node, path: VisitPath) => {
    for (const handler of handlersFor(`${node.type}:exit`)) handler(node, path);
  };
  interface Frame {
    node: Node;
    path: VisitPath;
    pending: Generator<[string, Node, number | undefined]>;
  }
  const open = (node: Node, key: string | undefined, index: number | undefined): Frame => {
    const path = visitPath(ancestors, key, index);
    enter(node, path);
    ancestors.push(node);
    return { node, path, pending: children(node) };
  };
  const stack: Frame[] = [open(root, undefined, undefined)];
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    const next = frame.pending.next();
    if (next.done) {
      stack.pop();
      ancestors.pop();
      exit(frame.node, frame.path);
      continue;
    }
    const [key, child, index] = next.value;
    stack.push(open(child, key, index));
  }
}

/** Where the walk is, for one node: the parents as they are now, copied the first time a handler asks. */
function visitPath(ancestors: readonly Node[], key: string | undefined, index: number | undefined): VisitPath {
  const depth = ancestors.length;
  let parents: readonly Node[] | undefined;
  return {
    key,
    index,
    parent: ancestors[depth - 1],
    get parents() {
      parents ??= ancestors.slice(0, depth);
      return parents;
    },
  };
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
