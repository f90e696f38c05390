/**
 * JSONPath selectors users write in the config (variants, redaction), checked before anything runs them.
 *
 * jsonpath-plus runs them, but it is lenient: `$[` silently means `$` (a redaction of the whole body), and it
 * accepts script expressions. So the config admits a plain subset, checked here segment by segment:
 * `$`, then `.name`, `.*`, `..name`, `..*`, and brackets holding `'name'`, `"name"`, `*`, an index, a slice
 * `start:end:step`, or a comma-separated union of those. Names that lead into JavaScript's object machinery
 * (`__proto__`, `constructor`, `prototype`) are refused: data is never written through them.
 */

/** Why a JSONPath cannot be used, and where in the path (0-based character index). */
export interface JsonPathIssue {
  message: string;
  index: number;
}

/** Property names that are JavaScript machinery, not data. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const EXAMPLES = 'e.g. $.voucher.code, $..assets.qr.url, $.items[0], $["odd key"]';

/** Why a JSONPath cannot be used, or undefined when it can. Script expressions are refused: a config never runs code. */
export function jsonPathProblem(path: string): string | undefined {
  return checkJsonPath(path)?.message;
}

export function checkJsonPath(path: string): JsonPathIssue | undefined {
  if (!path.startsWith('$')) return { message: 'a JSONPath starts with $', index: 0 };
  let i = 1;
  const fail = (message: string, at = i): JsonPathIssue => ({ message, index: at });
  const name = (start: number): JsonPathIssue | { end: number; name: string } => {
    let end = start;
    while (end < path.length && !/[.[\]\s'"()?@,^~`]/.test(path[end]!)) end++;
    if (end === start) return fail(`expected a property name or * after '${path.slice(start - 1, start)}' (${EXAMPLES})`, start);
    return { end, name: path.slice(start, end) };
  };
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '.') {
      const start = path[i + 1] === '.' ? i + 2 : i + 1;
      if (path[start] === '[') {
        if (start === i + 1) return fail("'.' before '[': write $.a[0] or $['a']", i);
        i = start;
        continue; // `..[0]`: recursive descent into a bracket
      }
      const found = name(start);
      if ('message' in found) return found;
      if (found.name !== '*' && !/^[^*]+$/.test(found.name)) return fail(`'${found.name}' is not a property name`, start);
      if (FORBIDDEN_SEGMENTS.has(found.name)) return fail(forbidden(found.name), start);
      i = found.end;
      continue;
    }
    if (ch === '[') {
      const closed = bracket(path, i);
      if ('message' in closed) return closed;
      i = closed.end;
      continue;
    }
    return fail(`unexpected '${ch}' (${EXAMPLES})`);
  }
  return undefined;
}

/**
 * Runs a jsonpath-plus walk. jsonpath-plus recurses once per level (`$..x` a few frames per level), so near
 * MAX_JSON_DEPTH on a small stack it can run out: that becomes a message naming the path, not a RangeError.
 */
export function walkingJsonPath<T>(path: string, walk: () => T): T {
  try {
    return walk();
  } catch (error) {
    if (error instanceof RangeError) throw new Error(`JSONPath ${path}: the payload nests too deeply to walk`, { cause: error });
    throw error;
  }
}

function forbidden(name: string): string {
  return `'${name}' is not allowed in a JSONPath: it names JavaScript's object machinery, not data`;
}

/** One `[ … ]` selector list starting at `open`; returns the index after `]`. */
function bracket(path: string, open: number): JsonPathIssue | { end: number } {
  let i = open + 1;
  const skipSpace = () => {
    while (i < path.length && /\s/.test(path[i]!)) i++;
  };
  for (;;) {
    skipSpace();
    if (i >= path.length) return { message: "unclosed '[': expected a selector and ']'", index: open };
    const ch = path[i]!;
    if (ch === '?' || ch === '(') return { message: 'script expressions ?(…) and (…) are disabled: a config never runs code', index: i };
    if (ch === "'" || ch === '"') {
      const start = i;
      let value = '';
      i++;
      while (i < path.length && path[i] !== ch) {
        if (path[i] === '\\' && i + 1 < path.length) i++;
        value += path[i];
        i++;
      }
      if (i >= path.length) return { message: `unterminated string in '[': close it with ${ch}`, index: start };
      i++;
      if (FORBIDDEN_SEGMENTS.has(value)) return { message: forbidden(value), index: start };
    } else if (ch === '*') {
      i++;
    } else {
      const match = /^-?\d*(?::-?\d*){0,2}/.exec(path.slice(i));
      const text = match?.[0] ?? '';
      if (text === '' || text === '-') return { message: `expected an index, a slice, '*' or a quoted name in '[' (${EXAMPLES})`, index: i };
      i += text.length;
    }
    skipSpace();
    if (path[i] === ',') {
      i++;
      continue;
    }
    if (path[i] === ']') return { end: i + 1 };
    if (i >= path.length) return { message: "unclosed '[': expected ']'", index: open };
    return { message: `unexpected '${path[i]}' in '[': expected ',' or ']'`, index: i };
  }
}
