/**
 * The template texts of Iterable's documented examples, as the helper tests hold them: every string literal
 * passed to `expectTemplate(...)` inside a `describe` whose title says "documented" in test/helpers/*.spec.ts.
 * Read with the TypeScript parser, so a new documented example is linted without being listed twice.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const helperTests = resolve(import.meta.dirname, '../../helpers');

export interface DocumentedExample {
  file: string;
  describe: string;
  template: string;
}

export function documentedExamples(): DocumentedExample[] {
  const examples: DocumentedExample[] = [];
  for (const name of readdirSync(helperTests).filter((f) => f.endsWith('.spec.ts'))) {
    const file = join(helperTests, name);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, title: string | undefined): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const callee = node.expression.text;
        const first = node.arguments[0];
        if (callee === 'describe' && first) {
          const text = first.getText(source);
          const nested = /(?<!un)documented/i.test(text) ? text : title;
          node.arguments.slice(1).forEach((arg) => visit(arg, nested));
          return;
        }
        if (callee === 'expectTemplate' && title !== undefined && first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          examples.push({ file: name, describe: title, template: first.text });
        }
      }
      ts.forEachChild(node, (child) => visit(child, title));
    };
    visit(source, undefined);
  }
  return examples;
}
