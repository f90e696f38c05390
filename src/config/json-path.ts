/** JSONPath selectors users write in the config (variants, redaction), checked before anything runs them. */
import { JSONPath } from 'jsonpath-plus';

/** Why a JSONPath cannot be used, or undefined when it can. Script expressions are refused: a config never runs code. */
export function jsonPathProblem(path: string): string | undefined {
  if (!path.startsWith('$')) return 'a JSONPath starts with $';
  if (/\?\s*\(|\[\s*\(/.test(path)) return 'script expressions ?(…) and (…) are disabled: a config never runs code';
  try {
    JSONPath({ path, json: { a: [{ b: 1 }] }, resultType: 'pointer', eval: false, wrap: true });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}
