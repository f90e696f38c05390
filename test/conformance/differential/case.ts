/**
 * One differential case: a template tree, the one delimiter family it is written in, and the data (a user profile
 * for `{{ }}`, one unaliased feed response for `[[ ]]`, as the corpus README says cases run).
 */
import fc from 'fast-check';
import { jsonText, type JsonObj } from '../../properties/arbitraries.js';
import { rootData } from './data-arbitrary.js';
import { nodes } from './template-arbitrary.js';
import { printTemplate, type Delims, type Node } from './template-ast.js';

export interface DiffCase {
  nodes: Node[];
  delims: Delims;
  data: JsonObj;
}

export const diffCase: fc.Arbitrary<DiffCase> = fc.record({
  nodes: nodes(),
  delims: fc.constantFrom<Delims>('{{}}', '[[]]'),
  data: rootData,
});

/** The case as both engines read it: template text and data as JSON text (numbers spelled as generated). */
export interface CaseText {
  template: string;
  delims: Delims;
  data: string;
}

export function caseText(c: DiffCase): CaseText {
  return { template: printTemplate(c.nodes, c.delims), delims: c.delims, data: jsonText(c.data) };
}
