/** Knowledge with hand-written users and feed bodies, for the data rules' tests. */
import { buildKnowledge, type TemplateKnowledge } from '../../src/lint/knowledge.js';
import { parseJson } from '../../src/values/json.js';
import type { Value } from '../../src/values/types.js';

export function json(text: string): Value {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error(`not JSON: ${text}`);
  return parsed.value;
}

/** Sample users (JSON texts, ids u1, u2...) and, optionally, one aliased feed with sample bodies. */
export function dataKnowledge(options: { users?: string[]; feed?: { alias: string; bodies: string[] }; mergeDataFeedContext?: boolean }): TemplateKnowledge {
  return buildKnowledge({
    users: (options.users ?? []).map((text, i) => ({ id: `u${i + 1}`, profile: json(text) })),
    feeds: options.feed ? [{ id: options.feed.alias, alias: options.feed.alias, url: 'https://example.com/feed', samples: options.feed.bodies.map(json) }] : [],
    mergeDataFeedContext: options.mergeDataFeedContext ?? false,
  });
}
