import { createHash } from 'node:crypto';
/**
 * Iterable's encoding and hashing helpers: toJson, toUrlEncodedJson, #urlEncode, #base64, hexEncode, md5, sha1,
 * sha256, hmacSHA1, hmacSHA256.
 *
 * Golden cases come from Iterable's two articles on them:
 *   - NEW = https://support.iterable.com/hc/en-us/articles/209732326 ("Encoding and Hashing Helpers");
 *   - OLD = https://support.iterable.com/hc/en-us/articles/205480365 ("Personalizing Templates with Handlebars",
 *     sections "URL encoding" to "Generate a SHA256 hash").
 * Both articles mix two sample addresses: some outputs labelled `user@example.com` are really the hashes of
 * `docs@iterable.com` (checked by computing both). Each such case below feeds the address the output belongs to
 * and says so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type RenderResult } from '../../src/iterable/template.js';
import { javaUrlEncode } from '../../src/helpers/iterable/url-encode.js';
import { escapeHtml } from '../../src/values/escape.js';
import { expectTemplate } from '../support/expect-template.js';
import { jacksonText, jsonText as modelJsonText, jsonValue } from '../properties/arbitraries.js';

const NEW = 'https://support.iterable.com/hc/en-us/articles/209732326';
const OLD = 'https://support.iterable.com/hc/en-us/articles/205480365';

function render(template: string, user: unknown, hmacSecret?: string): RenderResult {
  return compile(template, { file: 'test.hbs' }).render({ user, ...(hmacSecret !== undefined ? { hmacSecret } : {}) });
}

function renders(template: string, user: unknown, hmacSecret?: string): string {
  const result = render(template, user, hmacSecret);
  expect(result.skip, result.skip?.message).toBeUndefined();
  return result.output;
}

/** application/x-www-form-urlencoded decoding: `+` is a space, then percent-decoding. */
function formDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

/** Strings of any code points, lone surrogates excepted (Java would send those as `?`). */
const anyText = fc.string({ unit: 'binary', maxLength: 40 });

describe('documented examples', () => {
  describe(`hashing helpers (${NEW})`, () => {
    it("hmacSHA256: userId 123456789 gives 64 lowercase hex characters (the example's secret is not documented)", () => {
      const out = renders('{{hmacSHA256 userId}}', '{"userId": 123456789}', 'some secret');
      expect(out).toMatch(/^[0-9a-f]{64}$/);
      // The documented output, 10ec54aa…68dc, has the same shape.
      expect('10ec54aa2d39e7ba838e3c485b46436d70c5f577f3df20f8ba8c5e7559d568dc').toMatch(/^[0-9a-f]{64}$/);
    });

    it("hmacSHA1: userId 123456789 gives 40 lowercase hex characters (the example's secret is not documented)", () => {
      const out = renders('{{hmacSHA1 userId}}', '{"userId": 123456789}', 'some secret');
      expect(out).toMatch(/^[0-9a-f]{40}$/);
      expect('310cf1d869f57ad61fc46d45fc9496fa1a628162').toMatch(/^[0-9a-f]{40}$/);
    });

    it('sha256 (inline and block): the documented output 3a86c6f0… is the SHA-256 of docs@iterable.com', () => {
      const hash = '3a86c6f084291fda367f24e885c74d2f1d50419eb4028d2b1bb2060d8f45ce0b';
      expectTemplate('{{sha256 email}}').withUser('{"email": "docs@iterable.com"}').toRender(hash);
      expectTemplate('{{#sha256}}{{email}}{{/sha256}}').withUser('{"email": "docs@iterable.com"}').toRender(hash);
    });

    it('sha1 (inline and block): user@example.com → 63a71056…', () => {
      const hash = '63a710569261a24b3766275b7000ce8d7b32e2f7';
      expectTemplate('{{sha1 email}}').withUser('{"email": "user@example.com"}').toRender(hash);
      expectTemplate('{{#sha1}}{{email}}{{/sha1}}').withUser('{"email": "user@example.com"}').toRender(hash);
    });

    it('md5 (inline and block): user@example.com → b58996c5…', () => {
      const hash = 'b58996c504c5638798eb6b511e6f49af';
      expectTemplate('{{md5 email}}').withUser('{"email": "user@example.com"}').toRender(hash);
      expectTemplate('{{#md5}}{{email}}{{/md5}}').withUser('{"email": "user@example.com"}').toRender(hash);
    });
  });

  describe(`hashing helpers (${OLD})`, () => {
    it('sha1: the documented e364ed26… is the SHA-1 of docs@iterable.com', () => {
      expectTemplate('{{sha1 field1}}').withUser('{"field1": "docs@iterable.com"}').toRender('e364ed2661a7b922e5bf670f2a0946977bf63ae7');
    });

    it('md5: the documented 0e13848b… is the MD5 of docs@iterable.com', () => {
      expectTemplate('{{md5 field1}}').withUser('{"field1": "docs@iterable.com"}').toRender('0e13848b1c7e27eb5d88c5d35b70783e');
    });

    it('sha256: user@example.com → b4c9a289…', () => {
      expectTemplate('{{sha256 field1}}')
        .withUser('{"field1": "user@example.com"}')
        .toRender('b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514');
    });

    it('the block forms {{#sha1}}{{userName}}@{{host}}{{/sha1}} (and #md5, #sha256) hash the rendered body', () => {
      const user = '{"userName": "user", "host": "example.com"}';
      expectTemplate('{{#sha1}}{{userName}}@{{host}}{{/sha1}}').withUser(user).toRender('63a710569261a24b3766275b7000ce8d7b32e2f7');
      expectTemplate('{{#md5}}{{userName}}@{{host}}{{/md5}}').withUser(user).toRender('b58996c504c5638798eb6b511e6f49af');
      expectTemplate('{{#sha256}}{{userName}}@{{host}}{{/sha256}}').withUser(user).toRender('b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514');
    });

    it('hmacSHA1 concatenates its params before hashing ({{hmacSHA1 field1 field2}})', () => {
      const both = renders('{{hmacSHA1 field1 field2}}', '{"field1": "user", "field2": "@example.com"}', 'k');
      const joined = renders('{{hmacSHA1 field}}', '{"field": "user@example.com"}', 'k');
      expect(both).toBe(joined);
      expect(both).toMatch(/^[0-9a-f]{40}$/);
    });
  });

  describe(`#base64 (${NEW}, ${OLD})`, () => {
    it('the documented ZG9jc0BpdGVyYWJsZS5jb20= is the Base64 of docs@iterable.com (labelled user@example.com)', () => {
      expectTemplate('{{#base64}}{{email}}{{/base64}}').withUser('{"email": "docs@iterable.com"}').toRender('ZG9jc0BpdGVyYWJsZS5jb20=');
      expectTemplate('{{#base64}}{{myMergeParam}}{{/base64}}').withUser('{"myMergeParam": "docs@iterable.com"}').toRender('ZG9jc0BpdGVyYWJsZS5jb20=');
    });

    it('encodes literal body text: {{#base64}}user@example.com{{/base64}}', () => {
      expectTemplate('{{#base64}}user@example.com{{/base64}}').toRender('dXNlckBleGFtcGxlLmNvbQ==');
      expectTemplate('{{#base64}}docs@iterable.com{{/base64}}').toRender('ZG9jc0BpdGVyYWJsZS5jb20=');
    });
  });

  describe(`toJson (${NEW}, ${OLD})`, () => {
    it('piña colada → "piña colada" (raw {{{ }}}; non-ASCII is not escaped)', () => {
      expectTemplate('{{{toJson drink}}}').withUser('{"drink": "piña colada"}').toRender('"piña colada"');
    });

    it('{{toJson x}} HTML-escapes the quotes, which an HTML page displays as the documented "piña colada"', () => {
      expectTemplate('{{toJson drink}}').withUser('{"drink": "piña colada"}').toRender('&quot;piña colada&quot;');
    });

    it('the data-type table: String, Long, Float, Object, Array', () => {
      expectTemplate('{{{toJson v}}}').withUser('{"v": "Example string"}').toRender('"Example string"');
      expectTemplate('{{{toJson v}}}').withUser('{"v": "My string"}').toRender('"My string"');
      expectTemplate('{{{toJson v}}}').withUser('{"v": 1234}').toRender('1234');
      expectTemplate('{{{toJson v}}}').withUser('{"v": 3.14}').toRender('3.14');
      // The table echoes the object with a space; toUrlEncodedJson's documented output shows the compact form.
      expectTemplate('{{{toJson v}}}').withUser('{"v": {"field1": "value"}}').toRender('{"field1":"value"}');
      expectTemplate('{{{toJson v}}}').withUser('{"v": [1,2,3,4]}').toRender('[1,2,3,4]');
    });
  });

  describe(`toUrlEncodedJson (${NEW}, ${OLD})`, () => {
    it('piña colada → %22pi%C3%B1a+colada%22', () => {
      expectTemplate('{{toUrlEncodedJson drink}}').withUser('{"drink": "piña colada"}').toRender('%22pi%C3%B1a+colada%22');
    });

    it('the data-type table: String, Long, Float, Object, Array', () => {
      expectTemplate('{{toUrlEncodedJson v}}').withUser('{"v": "Example string"}').toRender('%22Example+string%22');
      expectTemplate('{{toUrlEncodedJson v}}').withUser('{"v": "My string"}').toRender('%22My+string%22');
      expectTemplate('{{toUrlEncodedJson v}}').withUser('{"v": 1234}').toRender('1234');
      expectTemplate('{{toUrlEncodedJson v}}').withUser('{"v": 3.14}').toRender('3.14');
      expectTemplate('{{toUrlEncodedJson v}}').withUser('{"v": {"field1": "value"}}').toRender('%7B%22field1%22%3A%22value%22%7D');
      expectTemplate('{{toUrlEncodedJson v}}').withUser('{"v": [1,2,3,4]}').toRender('%5B1%2C2%2C3%2C4%5D');
    });
  });

  describe(`#urlEncode (${NEW}, ${OLD})`, () => {
    it('piña colada → pi%C3%B1a+colada', () => {
      expectTemplate('{{#urlEncode}}{{drink}}{{/urlEncode}}').withUser('{"drink": "piña colada"}').toRender('pi%C3%B1a+colada');
    });

    it('https://www.example.com/search?q={{#urlEncode}}{{myMergeParam}}{{/urlEncode}} with "fall sale"', () => {
      expectTemplate('https://www.example.com/search?q={{#urlEncode}}{{myMergeParam}}{{/urlEncode}}')
        .withUser('{"myMergeParam": "fall sale"}')
        .toRender('https://www.example.com/search?q=fall+sale');
    });
  });

  describe(`hexEncode (${NEW})`, () => {
    it('user@example.com → 75736572406578616d706c652e636f6d (inline and block)', () => {
      const hex = '75736572406578616d706c652e636f6d';
      expectTemplate('{{hexEncode email}}').withUser('{"email": "user@example.com"}').toRender(hex);
      expectTemplate('{{#hexEncode}}{{email}}{{/hexEncode}}').withUser('{"email": "user@example.com"}').toRender(hex);
    });
  });
});

describe('hmacSHA1 / hmacSHA256', () => {
  // RFC 2202 test case 2 (HMAC-SHA1) and RFC 4231 test case 2 (HMAC-SHA-256): key "Jefe".
  const data = JSON.stringify({ msg: 'what do ya want for nothing?' });

  it('hmacSHA1 matches RFC 2202 test case 2', () => {
    expect(renders('{{hmacSHA1 msg}}', data, 'Jefe')).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
  });

  it('hmacSHA256 matches RFC 4231 test case 2', () => {
    expect(renders('{{hmacSHA256 msg}}', data, 'Jefe')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('fails the render with a HelperError naming hmacSecret and --hmac-secret when no secret is configured', () => {
    for (const name of ['hmacSHA1', 'hmacSHA256']) {
      expectTemplate(`a {{${name} msg}} b`)
        .withUser(data)
        .toSkip('HandlebarsExecutionError', /hmacSecret.*--hmac-secret/);
    }
  });

  it('an empty secret is a secret (RFC 4231 has no vector; the key is zero bytes)', () => {
    expect(renders('{{hmacSHA256 msg}}', '{"msg": ""}', '')).toBe('b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad');
  });

  it('a null or missing value prints nothing and warns', () => {
    const result = render('[{{hmacSHA256 nope}}]', '{}', 'k');
    expect(result.output).toBe('[]');
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('helper-missing-input');
  });

  it('the key and the message are UTF-8', () => {
    // HMAC-SHA256(key "clé", message "piña") over UTF-8 bytes, computed with Python's hmac module.
    expect(renders('{{hmacSHA256 s}}', '{"s": "piña"}', 'clé')).toBe('676a5da8d32793e65ca9d9e5a8a72cb1de71e98bcd186151b43152ec48b9e505');
  });
});

describe('toJson beyond the docs', () => {
  it('prints numbers the Java way: 5.0 stays 5.0, 29.90 is 29.9, 1e7 is 1.0E7, big integers stay exact', () => {
    expectTemplate('{{toJson a}} {{toJson b}} {{toJson c}} {{toJson d}}')
      .withUser('{"a": 5.0, "b": 29.90, "c": 1e7, "d": 12345678901234567890}')
      .toRender('5.0 29.9 1.0E7 12345678901234567890');
  });

  it('escapes quotes, backslashes and control characters the Jackson way, and nothing else', () => {
    expectTemplate('{{{toJson s}}}').withUser({ s: 'a"b\\c\nd\te/f<g>\u0001' }).toRender('"a\\"b\\\\c\\nd\\te/f<g>\\u0001"');
  });

  it('prints booleans, null and a missing value as JSON (null for both absent cases)', () => {
    expectTemplate('{{toJson t}} {{toJson n}} {{toJson missing}}').withUser('{"t": true, "n": null}').toRender('true null null');
  });

  it('nested objects keep document order', () => {
    expectTemplate('{{{toJson o}}}').withUser('{"o": {"z": [1.0, {"a": null}], "a": "x"}}').toRender('{"z":[1.0,{"a":null}],"a":"x"}');
  });

  it('without params it writes `this`', () => {
    expectTemplate('{{#each items}}{{{toJson}}};{{/each}}').withUser('{"items": ["a", 2, {"k": 1}]}').toRender('"a";2;{"k":1};');
  });

  it('works on feed values', () => {
    expectTemplate('[[{toJson voucher}]]').withUnaliasedFeed('{"voucher": {"code": "A1", "discount": 10.0}}').toRender('{"code":"A1","discount":10.0}');
  });
});

describe('hashing and hex beyond the docs', () => {
  it('a number is hashed as Java prints it (5.0, not 5)', () => {
    const five = renders('{{md5 n}}', '{"n": 5.0}');
    expect(five).toBe(renders('{{md5 "5.0"}}', '{}'));
    expect(five).not.toBe(renders('{{md5 "5"}}', '{}'));
  });

  it('an empty block hashes the empty string', () => {
    expectTemplate('{{#md5}}{{/md5}}').toRender('d41d8cd98f00b204e9800998ecf8427e');
    expectTemplate('{{#sha1}}{{missing}}{{/sha1}}').toRender('da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });

  it('a null or missing inline value prints nothing and warns', () => {
    for (const name of ['md5', 'sha1', 'sha256', 'hexEncode']) {
      const result = render(`[{{${name} missing}}][{{${name} n}}]`, '{"n": null}');
      expect(result.output, name).toBe('[][]');
      expect(
        result.diagnostics.filter((d) => d.ruleId === 'helper-missing-input'),
        name,
      ).toHaveLength(2);
    }
  });

  it('a block body is HTML-escaped before it is encoded; triple braces are not', () => {
    const user = '{"name": "O\'Brien"}';
    expectTemplate('{{#base64}}{{name}}{{/base64}}').withUser(user).toRender(Buffer.from('O&#x27;Brien').toString('base64'));
    expectTemplate('{{#base64}}{{{name}}}{{/base64}}').withUser(user).toRender(Buffer.from("O'Brien").toString('base64'));
    expectTemplate('{{#hexEncode}}{{name}}{{/hexEncode}}').withUser(user).toRender(Buffer.from('O&#x27;Brien').toString('hex'));
  });

  it('a lone surrogate is encoded as Java encodes it: `?`', () => {
    expectTemplate('{{hexEncode s}}').withUser('{"s": "a\\ud800b"}').toRender('613f62');
  });

  it('base64 inline is not documented: it encodes its param and warns', () => {
    const result = render('{{{base64 s}}}', '{"s": "hi"}');
    expect(result.output).toBe('aGk=');
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('helper-form');
    // Inline results are plain strings, so {{ }} escapes the padding.
    expectTemplate('{{base64 s}}').withUser('{"s": "hi"}').toRender('aGk&#x3D;');
  });

  it('works inside [[ ]] on feed values', () => {
    expectTemplate('[[md5 voucher.code]]').withUnaliasedFeed('{"voucher": {"code": "user@example.com"}}').toRender('b58996c504c5638798eb6b511e6f49af');
  });
});

describe('properties', () => {
  it('#urlEncode: decoding the output as application/x-www-form-urlencoded gives back the rendered body', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(formDecode(renders('{{#urlEncode}}{{{s}}}{{/urlEncode}}', { s }))).toBe(s);
        // With {{s}} the rendered body is the HTML-escaped text (DESIGN.md rule 9).
        expect(formDecode(renders('{{#urlEncode}}<{{s}}>{{/urlEncode}}', { s }))).toBe(`<${escapeHtml(s)}>`);
      }),
    );
  });

  it('javaUrlEncode is URLEncoder.encode(s, UTF-8) byte for byte, lone surrogates included (as `?`)', () => {
    // Java's URLEncoder written the plain way: per code point, unreserved as is, space as +, else its UTF-8 bytes.
    const urlEncoder = (text: string): string =>
      [...text]
        .map((ch) => {
          if (ch === ' ') return '+';
          if (/^[A-Za-z0-9.*_-]$/.test(ch)) return ch;
          const point = ch.codePointAt(0)!;
          const bytes = point >= 0xd800 && point <= 0xdfff ? Buffer.from('?') : Buffer.from(ch, 'utf8');
          return [...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
        })
        .join('');
    expect(javaUrlEncode('ann+vip@example.com')).toBe('ann%2Bvip%40example.com');
    expect(javaUrlEncode('a\ud800b\udc00\ud83d\ude00')).toBe('a%3Fb%3F%F0%9F%98%80');
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('\ud800', '\udfff', ' ', '+', '*'), fc.string({ unit: 'binary', maxLength: 1 })) }), (s) => {
        expect(javaUrlEncode(s)).toBe(urlEncoder(s));
      }),
    );
  });

  it('#urlEncode output uses only the unreserved characters, + and uppercase %XX', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(renders('{{#urlEncode}}{{{s}}}{{/urlEncode}}', { s })).toMatch(/^(?:[A-Za-z0-9.*_+-]|%[0-9A-F]{2})*$/);
      }),
    );
  });

  it('#base64 decodes back to the UTF-8 body', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = renders('{{#base64}}{{{s}}}{{/base64}}', { s });
        expect(out).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
        expect(out.length % 4).toBe(0);
        expect(Buffer.from(out, 'base64').toString('utf8')).toBe(s);
      }),
    );
  });

  it('hexEncode decodes back to the UTF-8 text, inline and block alike', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = renders('{{hexEncode s}}', { s: `x${s}` });
        expect(out).toMatch(/^(?:[0-9a-f]{2})+$/);
        expect(Buffer.from(out, 'hex').toString('utf8')).toBe(`x${s}`);
        expect(renders('{{#hexEncode}}x{{{s}}}{{/hexEncode}}', { s })).toBe(out);
      }),
    );
  });

  it('md5, sha1, sha256: lowercase hex of 32, 40 and 64 characters; the block form equals the inline form', () => {
    const lengths = { md5: 32, sha1: 40, sha256: 64 } as const;
    fc.assert(
      fc.property(anyText, fc.constantFrom('md5', 'sha1', 'sha256') as fc.Arbitrary<keyof typeof lengths>, (s, name) => {
        const inline = renders(`{{${name} s}}`, { s: `x${s}` });
        expect(inline).toMatch(new RegExp(`^[0-9a-f]{${lengths[name]}}$`));
        expect(renders(`{{#${name}}}x{{{s}}}{{/${name}}}`, { s })).toBe(inline);
      }),
    );
  });

  it('hmacSHA1, hmacSHA256: lowercase hex of 40 and 64 characters, depending on the secret', () => {
    fc.assert(
      fc.property(anyText, anyText, (s, secret) => {
        const one = renders('{{hmacSHA1 s}}', { s: `x${s}` }, secret);
        const two = renders('{{hmacSHA256 s}}', { s: `x${s}` }, secret);
        expect(one).toMatch(/^[0-9a-f]{40}$/);
        expect(two).toMatch(/^[0-9a-f]{64}$/);
        expect(renders('{{hmacSHA256 s}}', { s: `x${s}` }, `${secret}!`)).not.toBe(two);
      }),
    );
  });

  it("toJson writes Jackson's compact JSON of any value (numbers spelled the Java way)", () => {
    fc.assert(
      fc.property(jsonValue({ floats: 'any', bigIntegers: true }), (v) => {
        const user = `{"v": ${modelJsonText(v)}}`;
        expect(renders('{{{toJson v}}}', user)).toBe(jacksonText(v));
        expect(renders('{{toJson v}}', user)).toBe(escapeHtml(jacksonText(v)));
      }),
    );
  });

  it('toJson of a string parses back to the string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(JSON.parse(renders('{{{toJson s}}}', { s }))).toBe(s);
      }),
    );
  });

  it("toUrlEncodedJson form-decodes to toJson's text", () => {
    fc.assert(
      fc.property(jsonValue({ floats: 'any', bigIntegers: true }), (v) => {
        const user = `{"v": ${modelJsonText(v)}}`;
        expect(formDecode(renders('{{toUrlEncodedJson v}}', user))).toBe(renders('{{{toJson v}}}', user));
      }),
    );
  });
});

describe('escaping inside encoding blocks (meta.encodesBody)', () => {
  it('warns when HTML escaping changes a value inside #sha256, and hashes the escaped text as Iterable does', () => {
    const escaped = createHash('sha256').update('O&#x27;Brien').digest('hex');
    const result = expectTemplate('{{#sha256}}{{name}}{{/sha256}}').withUser('{"name": "O\'Brien"}').toRender(escaped);
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['escaped-in-url-encode']);
    expect(result.diagnostics[0]!.hint).toBe('write {{{name}}} inside {{#sha256}}');
  });

  it('does not warn when the value has nothing to escape, or with {{{x}}}', () => {
    expectTemplate('{{#base64}}{{name}}{{/base64}}').withUser('{"name": "Ann"}').toReportNothing();
    expectTemplate('{{#base64}}{{{name}}}{{/base64}}').withUser('{"name": "O\'Brien"}').toReportNothing();
  });
});
