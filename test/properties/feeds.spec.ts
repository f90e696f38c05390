/**
 * Properties of data-feed resolution (DESIGN.md rules 1, 3, 4, 10 and 11). The expected output is computed in the
 * test, independently of src/: `expectedEscape` and `javaPrint` in ./arbitraries.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedResponse } from '../../src/iterable/feed-context.js';
import { compile, type RenderInput } from '../../src/iterable/template.js';
import { arbitraries } from '../../src/testing/index.js';
import {
  expectedEscape,
  feedAlias,
  htmlString,
  identifierKey,
  javaPrint,
  jsonInt,
  jsonObject,
  jsonScalar,
  jsonText,
  jsonValue,
  KEY_POOL,
  setAt,
  toJs,
  JsonObj,
  type Json,
} from './arbitraries.js';

const NUM_RUNS = 100;
const SEED = process.env.MERGETAG_PROPERTY_SEED === 'random' ? undefined : Number(process.env.MERGETAG_PROPERTY_SEED ?? 20250611);
const options = { numRuns: NUM_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

function run(template: string, input: RenderInput) {
  return compile(template, { file: 'feeds.hbs' }).render(input);
}

/** What `[[x]]` prints for a model value: Java-printed, then HTML-escaped. */
function printed(value: Json | undefined): string {
  return expectedEscape(javaPrint(value));
}

/** A scalar that `[[alias.path]]` can print: a string (HTML specials, unicode), an integer (any size) or a boolean. */
const printableScalar: fc.Arbitrary<Json> = fc.oneof(htmlString, jsonInt({ big: true }), fc.boolean());

/** Objects of scalars over a few shared keys, so that feeds and the user profile clash often. */
const SHARED_KEYS = KEY_POOL.slice(0, 6);
const flatObject: fc.Arbitrary<JsonObj> = jsonObject({ keys: fc.constantFrom(...SHARED_KEYS), maxDepth: 1, bigIntegers: true });

const allKeysTemplate = (open: string, close: string) => SHARED_KEYS.map((k) => `${open}${k}${close}`).join('|');

describe('[[alias.path]] prints the value at that path of the aliased feed', () => {
  it('prints any string, integer or boolean HTML-escaped and Java-printed, wherever it sits in any payload', () => {
    fc.assert(
      fc.property(
        feedAlias,
        jsonObject({ keys: identifierKey, bigIntegers: true, floats: 'any', maxDepth: 3 }),
        fc.array(identifierKey, { minLength: 1, maxLength: 4 }),
        printableScalar,
        (alias, payload, path, value) => {
          const body = setAt(payload, path, value);
          const result = run(`[[${alias}.${path.join('.')}]]`, { feeds: [{ alias, body: jsonText(body) }] });
          expect(result.skip).toBeUndefined();
          expect(result.output).toBe(printed(value));
        },
      ),
      options,
    );
  });

  it('prints the same value unescaped with [[{alias.path}]] and [[&alias.path]]', () => {
    fc.assert(
      fc.property(
        feedAlias,
        jsonObject({ keys: identifierKey, maxDepth: 2 }),
        fc.array(identifierKey, { minLength: 1, maxLength: 3 }),
        printableScalar,
        (alias, payload, path, value) => {
          const body = setAt(payload, path, value);
          const dotted = `${alias}.${path.join('.')}`;
          const result = run(`[[{${dotted}}]]|[[&${dotted}]]`, { feeds: [{ alias, body: jsonText(body) }] });
          expect(result.skip).toBeUndefined();
          expect(result.output).toBe(`${javaPrint(value)}|${javaPrint(value)}`);
        },
      ),
      options,
    );
  });
});

describe('unaliased feeds merge shallowly at the root of [[ ]], in feed order', () => {
  it('[[k]] prints the k of the last feed that has k (B over A), else nothing', () => {
    fc.assert(
      fc.property(fc.array(flatObject, { minLength: 1, maxLength: 4 }), (bodies) => {
        const result = run(allKeysTemplate('[[', ']]'), { feeds: bodies.map((b) => ({ body: jsonText(b) })) });
        const expected = SHARED_KEYS.map((k) =>
          printed(
            [...bodies]
              .reverse()
              .find((b) => b.has(k))
              ?.get(k),
          ),
        );
        expect(result.skip).toBeUndefined();
        expect(result.output).toBe(expected.join('|'));
      }),
      options,
    );
  });

  it('an aliased feed between unaliased ones does not take part in the root merge', () => {
    fc.assert(
      fc.property(
        flatObject,
        flatObject,
        flatObject,
        feedAlias.filter((a) => !(SHARED_KEYS as readonly string[]).includes(a)),
        (a, aliased, b, alias) => {
          const feeds: FeedResponse[] = [{ body: jsonText(a) }, { alias, body: jsonText(aliased) }, { body: jsonText(b) }];
          const result = run(allKeysTemplate('[[', ']]'), { feeds });
          const expected = SHARED_KEYS.map((k) => printed(b.has(k) ? b.get(k) : a.get(k)));
          expect(result.output).toBe(expected.join('|'));
        },
      ),
      options,
    );
  });
});

describe('an unknown alias', () => {
  it('prints nothing, takes the else branch, and does not stop the message', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(feedAlias, jsonObject({ maxDepth: 2 })), { minLength: 0, maxLength: 3, selector: ([alias]) => alias }),
        feedAlias,
        fc.array(identifierKey, { maxLength: 3 }),
        (feeds, unknown, path) => {
          fc.pre(!feeds.some(([alias]) => alias === unknown));
          const dotted = [unknown, ...path].join('.');
          const result = run(`x[[${dotted}]]y[[#if ${dotted}]]T[[else]]F[[/if]][[#each ${dotted}]]E[[/each]]z`, {
            feeds: feeds.map(([alias, body]) => ({ alias, body: jsonText(body) })),
          });
          expect(result.skip).toBeUndefined();
          expect(result.output).toBe('xyFz');
        },
      ),
      options,
    );
  });
});

describe('feed values are data, never template code', () => {
  /** Text full of tags of both families, which must print as text. */
  const tagText = fc
    .array(
      fc.constantFrom(
        '[[x]]',
        '{{y}}',
        '[[#if x]]',
        '[[/if]]',
        '{{#each y}}',
        '{{/each}}',
        '[[',
        ']]',
        '{{{y}}}',
        '[[{x}]]',
        '{{> p}}',
        '[[! c ]]',
        '{{else}}',
        '\\[[x]]',
        ' ',
        'a',
        '<',
        '&',
        '"',
      ),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((parts) => parts.join(''));

  it('prints a string holding {{…}} or [[…]] escaped (or raw) and literally, through [[ ]] and, merged, through {{ }}', () => {
    fc.assert(
      fc.property(tagText, feedAlias, (text, alias) => {
        const payload = jsonText(setAt(setAt(setAt(new JsonObj([]), ['s'], text), ['x'], 'X'), ['y'], 'Y'));
        const user = '{"x":"UX","y":"UY"}';
        const aliased = run(`[[${alias}.s]]|[[{${alias}.s}]]|[[&${alias}.s]]`, { user, feeds: [{ alias, body: payload }] });
        expect(aliased.skip).toBeUndefined();
        expect(aliased.output).toBe(`${expectedEscape(text)}|${text}|${text}`);
        const merged = run('[[s]]|{{s}}|{{{s}}}', { user, feeds: [{ body: payload }], mergeDataFeedContext: true });
        expect(merged.skip).toBeUndefined();
        expect(merged.output).toBe(`${expectedEscape(text)}|${expectedEscape(text)}|${text}`);
      }),
      options,
    );
  });
});

describe('mergeDataFeedContext', () => {
  it('{{k}} prints the user k when the profile has k, else the feed k; [[k]] still prints the feed k', () => {
    fc.assert(
      fc.property(flatObject, fc.array(flatObject, { minLength: 1, maxLength: 2 }), (user, bodies) => {
        const feeds = bodies.map((b) => ({ body: jsonText(b) }));
        const result = run(`${allKeysTemplate('{{', '}}')}#${allKeysTemplate('[[', ']]')}`, { user: jsonText(user), feeds, mergeDataFeedContext: true });
        const feedValue = (k: string) =>
          [...bodies]
            .reverse()
            .find((b) => b.has(k))
            ?.get(k);
        const curly = SHARED_KEYS.map((k) => printed(user.has(k) ? user.get(k) : feedValue(k)));
        const square = SHARED_KEYS.map((k) => printed(feedValue(k)));
        expect(result.skip).toBeUndefined();
        expect(result.output).toBe(`${curly.join('|')}#${square.join('|')}`);
      }),
      options,
    );
  });

  it('without it, {{k}} never sees the feed', () => {
    fc.assert(
      fc.property(flatObject, flatObject, (user, body) => {
        const result = run(allKeysTemplate('{{', '}}'), { user: jsonText(user), feeds: [{ body: jsonText(body) }] });
        expect(result.output).toBe(SHARED_KEYS.map((k) => printed(user.get(k))).join('|'));
      }),
      options,
    );
  });
});

describe('a feed that does not answer a JSON object stops the message (send-skip DataFeedError)', () => {
  const goodFeed = fc
    .tuple(fc.option(feedAlias, { nil: undefined }), jsonObject({ maxDepth: 2 }))
    .map(([alias, body]): FeedResponse => ({ ...(alias ? { alias } : {}), body: jsonText(body) }));
  const anyTemplate = fc.constantFrom('', 'Hello', '[[a]]', '{{a}} [[b.c]]', '[[#if a]]A[[else]]B[[/if]]', '{{#each items}}{{this}}{{/each}}');

  it('any status other than 200, in any position among good feeds', () => {
    fc.assert(
      fc.property(
        fc.array(goodFeed, { maxLength: 3 }),
        fc.nat(3),
        fc.integer({ min: 100, max: 599 }).filter((s) => s !== 200),
        jsonObject({ maxDepth: 2 }),
        anyTemplate,
        (good, position, status, body, template) => {
          const feeds = [...good];
          feeds.splice(Math.min(position, feeds.length), 0, { body: jsonText(body), status });
          const result = run(template, { user: '{"a":1}', feeds });
          expect(result.skip?.reason).toBe('DataFeedError');
          expect(result.output).toBe('');
        },
      ),
      options,
    );
  });

  it('any top-level JSON array body, as JSON text or as a parsed value, aliased or not', () => {
    fc.assert(
      fc.property(
        fc.array(jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
        fc.boolean(),
        fc.option(feedAlias, { nil: undefined }),
        fc.constantFrom('', ' ', '\n\t'),
        fc.array(goodFeed, { maxLength: 2 }),
        anyTemplate,
        (array, asText, alias, space, good, template) => {
          const bad: FeedResponse = { ...(alias ? { alias } : {}), body: asText ? `${space}${jsonText(array)}${space}` : toJs(array) };
          const result = run(template, { feeds: [...good, bad] });
          expect(result.skip?.reason).toBe('DataFeedError');
          expect(result.output).toBe('');
        },
      ),
      options,
    );
  });

  it('a scalar JSON body is refused too', () => {
    fc.assert(
      fc.property(jsonScalar({ bigIntegers: true, floats: 'any' }), (scalar) => {
        const result = run('[[a]]', { feeds: [{ body: jsonText(scalar) }] });
        expect(result.skip?.reason).toBe('DataFeedError');
      }),
      options,
    );
  });
});

describe('Voucherify publication feeds (the public generators of mergetag/testing)', () => {
  it('[[alias.voucher.code]] prints the code of any publication, HTML-escaped, and its discount type', () => {
    fc.assert(
      fc.property(arbitraries.alias(), arbitraries.publication(), (alias, body) => {
        const voucher = body.voucher as { code: string; type: string };
        const result = run(`[[${alias}.voucher.code]]|[[${alias}.voucher.type]]`, { feeds: [{ alias, body }] });
        expect(result.skip).toBeUndefined();
        expect(result.output).toBe(`${expectedEscape(voucher.code)}|${voucher.type}`);
      }),
      options,
    );
  });

  it('every documented error answer skips the message with DataFeedError, whatever the template', () => {
    fc.assert(
      fc.property(arbitraries.publicationError(), ({ status, body }) => {
        const result = run('[[x]]', { feeds: [{ body: {} }, { status, body }] });
        expect(result.output).toBe('');
        expect(result.skip?.reason).toBe('DataFeedError');
        expect(result.skip?.message).toContain(`HTTP ${status}`);
      }),
      options,
    );
  });
});
