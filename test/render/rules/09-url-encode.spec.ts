/**
 * DESIGN.md rule 9: `{{#urlEncode}}…{{/urlEncode}}` = Java `URLEncoder.encode(body, UTF-8)` of the RENDERED body:
 * unreserved `A-Z a-z 0-9 . - * _`, space → `+`, everything else UTF-8 `%XX` uppercase. The body is rendered
 * normally, so `{{x}}` inside is HTML-escaped first (`O'Brien` → `O%26%23x27%3BBrien`).
 * Documented example: `piña colada` → `pi%C3%B1a+colada`.
 */
import { describe, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

describe('rule 9: what URLEncoder keeps and encodes', () => {
  it("Iterable's documented example: piña colada → pi%C3%B1a+colada", () => {
    expectTemplate('{{#urlEncode}}piña colada{{/urlEncode}}').toRender('pi%C3%B1a+colada');
    expectTemplate('{{#urlEncode}}{{drink}}{{/urlEncode}}').withUser({ drink: 'piña colada' }).toRender('pi%C3%B1a+colada');
  });

  it('letters, digits and . - * _ are kept', () => {
    expectTemplate('{{#urlEncode}}AZaz09.-*_{{/urlEncode}}').toRender('AZaz09.-*_');
  });

  it('~ ! ( ) and other marks are encoded, uppercase hex', () => {
    expectTemplate('{{#urlEncode}}~!(),;:/?#[]@$+%{{/urlEncode}}').toRender('%7E%21%28%29%2C%3B%3A%2F%3F%23%5B%5D%40%24%2B%25');
  });

  it('space becomes +, tab and newlines are encoded', () => {
    expectTemplate('{{#urlEncode}}a b\tc\r\nd{{/urlEncode}}').toRender('a+b%09c%0D%0Ad');
  });

  it('multi-byte UTF-8: 2, 3 and 4 bytes', () => {
    expectTemplate('{{#urlEncode}}é€😀{{/urlEncode}}').toRender('%C3%A9%E2%82%AC%F0%9F%98%80');
  });

  it('an empty body encodes to nothing', () => {
    expectTemplate('[{{#urlEncode}}{{/urlEncode}}]').toRender('[]');
    expectTemplate('[{{#urlEncode}}{{missing}}{{/urlEncode}}]').toRender('[]');
  });
});

describe('rule 9: the body is rendered first, escaping included', () => {
  it("{{x}} inside is HTML-escaped before encoding: O'Brien → O%26%23x27%3BBrien", () => {
    expectTemplate('{{#urlEncode}}{{name}}{{/urlEncode}}').withUser({ name: "O'Brien" }).toRender('O%26%23x27%3BBrien');
  });

  it('{{{x}}} inside is not escaped: O%27Brien', () => {
    expectTemplate('{{#urlEncode}}{{{name}}}{{/urlEncode}}').withUser({ name: "O'Brien" }).toRender('O%27Brien');
  });

  it('& and = in a value: escaped vs raw', () => {
    expectTemplate('{{#urlEncode}}{{q}}{{/urlEncode}}').withUser({ q: 'a&b=c' }).toRender('a%26amp%3Bb%26%23x3D%3Bc');
    expectTemplate('{{#urlEncode}}{{{q}}}{{/urlEncode}}').withUser({ q: 'a&b=c' }).toRender('a%26b%3Dc');
  });

  it('blocks and text inside the body', () => {
    expectTemplate('{{#urlEncode}}Hi {{#if vip}}VIP {{/if}}{{{name}}}!{{/urlEncode}}').withUser({ vip: true, name: 'Zoë' }).toRender('Hi+VIP+Zo%C3%AB%21');
  });

  it('numbers inside keep their Java spelling', () => {
    expectTemplate('{{#urlEncode}}{{p}} {{q}}{{/urlEncode}}').withUser('{"p": 29.90, "q": 1e7}').toRender('29.9+1.0E7');
  });

  it('feed tags inside a {{#urlEncode}} body are rendered from the feed', () => {
    expectTemplate('{{#urlEncode}}[[code]] & {{{name}}}{{/urlEncode}}')
      .withUser({ name: "O'Brien" })
      .withUnaliasedFeed({ code: 'A B' })
      .toRender('A+B+%26+O%27Brien');
  });

  it('[[#urlEncode]] works in the feed family, escaping [[x]] first', () => {
    expectTemplate('[[#urlEncode]][[vf.name]][[/urlEncode]]').withFeed('vf', { name: "O'Brien" }).toRender('O%26%23x27%3BBrien');
    expectTemplate('[[#urlEncode]][[{vf.name}]][[/urlEncode]]').withFeed('vf', { name: "O'Brien" }).toRender('O%27Brien');
  });

  it('the encoded result is not HTML-escaped again', () => {
    expectTemplate('<a href="?q={{#urlEncode}}{{{q}}}{{/urlEncode}}">').withUser({ q: '<&>' }).toRender('<a href="?q=%3C%26%3E">');
  });
});
