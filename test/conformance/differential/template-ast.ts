/**
 * The generated templates as a small tree, printed with one delimiter family. The tree (not the text) is what the
 * generator makes and the minimiser cuts down, so that a reduced template is still well formed where the original
 * was, and the printed text is what both engines read.
 *
 * Tag forms follow Handlebars.java's lexer (HbsLexer.g4): `~` goes right after the open delimiter and right before
 * the close one, also in a triple (`{{~{x}~}}`, `[[~{x}~]]`) and in `{{~&x}}`; a comment is `{{! … }}` or
 * `{{!-- … --}}`.
 */

export type Delims = '{{}}' | '[[]]';

/** `~` right after the open delimiter, right before the close one. */
export interface Tilde {
  open: boolean;
  close: boolean;
}

export const NO_TILDE: Tilde = { open: false, close: false };

export type Expr =
  /** A path as written: `a.b`, `../x`, `@index`, `[a b].c`, `this`. */
  | { kind: 'path'; text: string }
  /** A literal as written: `"x"`, `'x'`, `1.5`, `true`. */
  | { kind: 'literal'; text: string }
  /** A helper call: a tag head, or a sub-expression `( … )` in a param position. */
  | { kind: 'call'; helper: string; params: Expr[]; hash: HashPair[] };

export type HashPair = readonly [key: string, value: Expr];

/** What an opening block tag or an `{{else …}}` calls: `#if x`, `#each xs as |p q|`, `else eq a b`. */
export interface Call {
  helper: string;
  params: Expr[];
  hash: HashPair[];
  blockParams: string[];
}

export interface ElseBranch {
  /** `{{else}}` or `{{^}}`, or `{{else if x}}` / `{{^if x}}` with a call. */
  word: 'else' | '^';
  chain?: Call;
  tilde: Tilde;
  body: Node[];
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'comment'; text: string; long: boolean; tilde: Tilde }
  /** `{{x}}`, `{{{x}}}` (`[[{x}]]`) or `{{&x}}`; the head is a path, a helper call or (a parse error in Java) a literal. */
  | { kind: 'mustache'; form: 'escaped' | 'triple' | 'amp'; head: Expr; tilde: Tilde }
  /** `{{#call}}body{{else…}}…{{/close}}`, or the inverted section `{{^call}}body{{/close}}`. */
  | { kind: 'block'; inverted: boolean; call: Call; tilde: Tilde; body: Node[]; elses: ElseBranch[]; close: string; closeTilde: Tilde };

function delimiters(delims: Delims): [string, string] {
  return delims === '{{}}' ? ['{{', '}}'] : ['[[', ']]'];
}

export function printExpr(expr: Expr, nested: boolean): string {
  if (expr.kind !== 'call') return expr.text;
  const inner = [expr.helper, ...expr.params.map((p) => printExpr(p, true)), ...expr.hash.map(([k, v]) => `${k}=${printExpr(v, true)}`)].join(' ');
  return nested ? `(${inner})` : inner;
}

function printCall(call: Call): string {
  const parts = [call.helper, ...call.params.map((p) => printExpr(p, true)), ...call.hash.map(([k, v]) => `${k}=${printExpr(v, true)}`)];
  if (call.blockParams.length > 0) parts.push(`as |${call.blockParams.join(' ')}|`);
  return parts.join(' ');
}

export function printTemplate(nodes: readonly Node[], delims: Delims): string {
  const [open, close] = delimiters(delims);
  const tag = (tilde: Tilde, inner: string) => `${open}${tilde.open ? '~' : ''}${inner}${tilde.close ? '~' : ''}${close}`;
  const print = (list: readonly Node[]): string => list.map(printNode).join('');
  function printNode(node: Node): string {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'comment':
        return node.long ? tag(node.tilde, `!--${node.text}--`) : tag(node.tilde, `!${node.text}`);
      case 'mustache': {
        const head = printExpr(node.head, false);
        if (node.form === 'triple') return `${open}${node.tilde.open ? '~' : ''}{${head}}${node.tilde.close ? '~' : ''}${close}`;
        return tag(node.tilde, node.form === 'amp' ? `&${head}` : head);
      }
      case 'block': {
        const elses = node.elses.map((e) => tag(e.tilde, e.chain ? `${e.word === '^' ? '^' : 'else '}${printCall(e.chain)}` : e.word) + print(e.body));
        return (
          tag(node.tilde, `${node.inverted ? '^' : '#'}${printCall(node.call)}`) + print(node.body) + elses.join('') + tag(node.closeTilde, `/${node.close}`)
        );
      }
    }
  }
  return print(nodes);
}

/** How many tags and texts a template has: the minimiser's measure of size, with the text length. */
export function templateSize(nodes: readonly Node[]): number {
  let size = 0;
  const exprSize = (e: Expr): number =>
    e.kind === 'call' ? 1 + e.params.reduce((n, p) => n + exprSize(p), 0) + e.hash.reduce((n, [, v]) => n + 1 + exprSize(v), 0) : 1;
  const callSize = (c: Call): number =>
    1 + c.params.reduce((n, p) => n + exprSize(p), 0) + c.hash.reduce((n, [, v]) => n + 1 + exprSize(v), 0) + c.blockParams.length;
  const visit = (list: readonly Node[]) => {
    for (const node of list) {
      size += 1;
      if (node.kind === 'mustache') size += exprSize(node.head);
      if (node.kind === 'block') {
        size += callSize(node.call);
        visit(node.body);
        for (const e of node.elses) {
          size += 1 + (e.chain ? callSize(e.chain) : 0);
          visit(e.body);
        }
      }
    }
  };
  visit(nodes);
  return size;
}
