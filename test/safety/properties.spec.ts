/** Properties of the safety checks: they never throw, never let a forbidden segment through, and agree with JSON.parse. */
import fc from 'fast-check';
import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { checkJsonPath, FORBIDDEN_SEGMENTS } from '../../src/config/json-path.js';
import { redactSecretParams } from '../../src/config/secrets.js';
import { applyVariant } from '../../src/project/variants.js';
import { parseJson } from '../../src/values/json.js';
import { prototypeState } from './support.js';

const pathPieces = fc.constantFrom(
  '$',
  '.',
  '..',
  '[',
  ']',
  '*',
  "'",
  '"',
  ',',
  ':',
  '0',
  '-1',
  'a',
  'b',
  '__proto__',
  'constructor',
  'prototype',
  ' ',
  '?',
  '(',
  ')',
  '@',
  '\\',
);
const pathLike = fc.array(pathPieces, { maxLength: 12 }).map((pieces) => pieces.join(''));

describe('checkJsonPath', () => {
  it('never throws; a path it accepts has no forbidden segment and writes nothing to Object.prototype', () => {
    const pristine = prototypeState();
    fc.assert(
      fc.property(fc.oneof(pathLike, fc.string()), (path) => {
        const issue = checkJsonPath(path);
        if (issue) {
          expect(issue.index).toBeGreaterThanOrEqual(0);
          expect(issue.index).toBeLessThanOrEqual(path.length);
          return;
        }
        for (const segment of JSONPath.toPathArray(path)) expect(FORBIDDEN_SEGMENTS.has(String(segment).replace(/^['"]|['"]$/g, ''))).toBe(false);
        const body = parseJson('{"a": {"b": [1, {"c": 2}]}, "__proto__": {"x": 1}}');
        if (!body.ok) throw new Error('fixture');
        applyVariant(body.value, { set: { [path]: 'p0wned' }, unset: [path] });
        expect(prototypeState()).toEqual(pristine);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('redactSecretParams', () => {
  const names = (url: string) =>
    url
      .slice(url.indexOf('?') + 1)
      .split('#')[0]!
      .split('&')
      .map((param) => param.split('=')[0]);
  it('never throws, is idempotent, keeps everything but secret values, and hides those', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true }), fc.stringMatching(/^[A-Za-z0-9._~-]{6,20}$/), (url, secret) => {
        const input = `${url}${url.includes('?') ? '&' : '?'}api_key=${secret}#frag`;
        const once = redactSecretParams(input);
        expect(redactSecretParams(once)).toBe(once);
        expect(once.slice(0, input.indexOf('?'))).toBe(input.slice(0, input.indexOf('?')));
        expect(names(once)).toEqual(names(input));
        expect(once.endsWith('&api_key=[redacted]#frag') || once.endsWith('?api_key=[redacted]#frag')).toBe(true);
      }),
    );
  });
});

describe('the nesting check', () => {
  it('agrees with JSON.parse on which texts are JSON, within the limit', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ depthSize: 'large' }), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(parseJson(text).ok).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });
});
