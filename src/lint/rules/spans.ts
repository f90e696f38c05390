/** Spans inside a path, so a finding highlights the segment that is wrong, not the whole tag. */
import type { SourceText, Span } from '../../diagnostics/source.js';
import type { PathExpression } from '../../syntax/ast.js';

/**
 * The spans of a path's segments (`parts`), in order. The path's text is `original`, written at `node.loc`:
 * a prefix (`@`, `../`, `this.`, `./`), then segments separated by `.` or `/`, a `[...]` segment holding any text.
 */
export function segmentSpans(node: PathExpression, source: SourceText): Span[] {
  const text = node.original;
  const base = node.loc.start.offset;
  let i = 0;
  if (text.startsWith('@')) i = 1;
  for (;;) {
    if (text.startsWith('../', i)) i += 3;
    else if (text.startsWith('./', i)) i += 2;
    else break;
  }
  if (/^this([./]|$)/.test(text.slice(i))) i += text.length > i + 4 ? 5 : 4;
  const spans: Span[] = [];
  while (i < text.length && spans.length < node.parts.length) {
    const start = i;
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      i = close < 0 ? text.length : close + 1;
    } else {
      while (i < text.length && text[i] !== '.' && text[i] !== '/') i++;
    }
    spans.push(source.span(base + start, base + i));
    i++;
  }
  return spans;
}

/** The first segment's span (the alias of `[[alias.path]]`), or the whole path when it has no segment. */
export function headSpan(node: PathExpression, source: SourceText): Span {
  return segmentSpans(node, source)[0] ?? node.loc;
}

/** The span from segment `index` to the end of the path. */
export function spanFromSegment(node: PathExpression, index: number, source: SourceText): Span {
  const spans = segmentSpans(node, source);
  const first = spans[Math.min(index, spans.length - 1)];
  if (!first) return node.loc;
  return { start: first.start, end: spans[spans.length - 1]!.end };
}
