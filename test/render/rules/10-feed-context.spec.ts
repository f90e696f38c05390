/**
 * DESIGN.md rule 10: feed context. With an alias → `{alias: response}`; without → the response's own keys at the
 * root; several unaliased feeds → shallow merge in the template's feed order, the later wins (I).
 * `mergeDataFeedContext` adds the feed context under the user context for `{{ }}` lookups; user and event fields
 * win (D).
 */
import { describe, expect, it } from 'vitest';
import { expectTemplate } from '../../support/expect-template.js';

const VOUCHER = '{"voucher":{"code":"XRsfwLaP","discount":{"percent_off":10.0},"metadata":{"marketing_text":"Get 10% off"}}}';

describe('rule 10: aliases', () => {
  it('an aliased feed sits under its alias', () => {
    expectTemplate('[[welcome_codes.voucher.code]] [[welcome_codes.voucher.discount.percent_off]]%')
      .withFeed('welcome_codes', VOUCHER)
      .toRender('XRsfwLaP 10.0%');
  });

  it("an aliased feed's keys are not at the root", () => {
    expectTemplate('[[[voucher.code]]]|').withFeed('welcome_codes', VOUCHER).toRender('|');
    expectTemplate('<[[voucher.code]]>').withFeed('welcome_codes', VOUCHER).toRender('<>');
  });

  it('two aliased feeds sit side by side', () => {
    expectTemplate('[[a.code]]/[[b.code]]').withFeed('a', '{"code": "A"}').withFeed('b', '{"code": "B"}').toRender('A/B');
  });

  it('[[#with alias]] and [[#each alias.list]]', () => {
    expectTemplate('[[#with vf.voucher]][[code]]:[[metadata.marketing_text]][[/with]]').withFeed('vf', VOUCHER).toRender('XRsfwLaP:Get 10% off');
    expectTemplate('[[#each vf.items]][[name]],[[/each]]').withFeed('vf', '{"items":[{"name":"p"},{"name":"q"}]}').toRender('p,q,');
  });

  it('an alias with letters and underscores reports nothing', () => {
    expectTemplate('[[Welcome_Codes.x]]').withFeed('Welcome_Codes', '{"x": 1}').toReportNothing();
  });

  it('an alias with other characters gets a feed-alias warning (Iterable accepts letters and _ only)', () => {
    const d = expectTemplate('[[codes2.x]]').withFeed('codes2', '{"x": 1}').toReport('feed-alias');
    expect(d.severity).toBe('warning');
  });
});

describe('rule 10: unaliased feeds', () => {
  it("an unaliased feed's keys are at the root", () => {
    expectTemplate('[[voucher.code]]').withUnaliasedFeed(VOUCHER).toRender('XRsfwLaP');
  });

  it('several unaliased feeds merge; a key of the later one wins', () => {
    expectTemplate('[[a]] [[b]] [[c]]').withUnaliasedFeed('{"a": "1a", "b": "1b"}').withUnaliasedFeed('{"b": "2b", "c": "2c"}').toRender('1a 2b 2c');
  });

  it('the order of the feeds decides, not the order of the keys', () => {
    expectTemplate('[[b]]').withUnaliasedFeed('{"b": "second-feed-first"}').withUnaliasedFeed('{"z": 0, "b": "later-feed"}').toRender('later-feed');
    expectTemplate('[[b]]').withUnaliasedFeed('{"z": 0, "b": "later-feed"}').withUnaliasedFeed('{"b": "second-feed-first"}').toRender('second-feed-first');
  });

  it('the merge is shallow: a nested object of the later feed replaces the earlier one whole', () => {
    expectTemplate('[[o.x]]|[[o.y]]').withUnaliasedFeed('{"o": {"x": "X", "y": "Y1"}}').withUnaliasedFeed('{"o": {"y": "Y2"}}').toRender('|Y2');
  });

  it('a later null still wins over an earlier value', () => {
    expectTemplate('[[a]]|').withUnaliasedFeed('{"a": "A"}').withUnaliasedFeed('{"a": null}').toRender('|');
  });

  it('the merged root keeps feed order then key order', () => {
    expectTemplate('[[{this}]]').withUnaliasedFeed('{"b": 1, "a": 2}').withUnaliasedFeed('{"c": 3, "b": 4}').toRender('{b=4, a=2, c=3}');
  });

  it('aliased and unaliased feeds together', () => {
    expectTemplate('[[code]]/[[vf.code]]').withFeed('vf', '{"code": "aliased"}').withUnaliasedFeed('{"code": "root"}').toRender('root/aliased');
  });

  it('an unaliased feed key equal to an alias: the later feed wins', () => {
    expectTemplate('[[vf.code]]').withFeed('vf', '{"code": "aliased"}').withUnaliasedFeed('{"vf": {"code": "unaliased"}}').toRender('unaliased');
    expectTemplate('[[vf.code]]').withUnaliasedFeed('{"vf": {"code": "unaliased"}}').withFeed('vf', '{"code": "aliased"}').toRender('aliased');
  });

  it('no feed at all: [[ ]] tags print nothing', () => {
    expectTemplate('<[[x]]>[[#if x]]y[[else]]n[[/if]]').toRender('<>n');
  });
});

describe('rule 10: mergeDataFeedContext', () => {
  it('without it, {{ }} does not see feed fields', () => {
    expectTemplate('<{{code}}>').withUser('{"name": "Ann"}').withUnaliasedFeed('{"code": "C"}').toRender('<>');
  });

  it('with it, {{ }} sees unaliased feed fields at the root', () => {
    expectTemplate('{{name}}:{{code}}').mergingContexts().withUser('{"name": "Ann"}').withUnaliasedFeed('{"code": "C"}').toRender('Ann:C');
  });

  it('with it, {{ }} sees aliased feed fields under the alias', () => {
    expectTemplate('{{welcome_codes.voucher.code}}').mergingContexts().withUser('{}').withFeed('welcome_codes', VOUCHER).toRender('XRsfwLaP');
  });

  it('user fields win on a clash', () => {
    expectTemplate('{{code}}|[[code]]').mergingContexts().withUser('{"code": "user"}').withUnaliasedFeed('{"code": "feed"}').toRender('user|feed');
  });

  it('a user field that is false or "" still wins', () => {
    expectTemplate('<{{a}}|{{b}}>')
      .mergingContexts()
      .withUser('{"a": "", "b": false}')
      .withUnaliasedFeed('{"a": "feed-a", "b": "feed-b"}')
      .toRender('<|false>');
  });

  it('the user wins whole: a user object is not merged with a feed object of the same name', () => {
    expectTemplate('<{{o.u}}|{{o.f}}>').mergingContexts().withUser('{"o": {"u": "U"}}').withUnaliasedFeed('{"o": {"f": "F"}}').toRender('<U|>');
  });

  it('[[ ]] is unchanged by the merge: it does not see user fields', () => {
    expectTemplate('<[[name]]>').mergingContexts().withUser('{"name": "Ann"}').withUnaliasedFeed('{"code": "C"}').toRender('<>');
  });

  it('merged feed fields keep their number spelling and can be iterated with {{#each}}', () => {
    expectTemplate('{{#each items}}{{price}};{{/each}}')
      .mergingContexts()
      .withUser('{}')
      .withUnaliasedFeed('{"items": [{"price": 29.90}, {"price": 5.0}]}')
      .toRender('29.9;5.0;');
  });

  it('a merged feed value holding tag text is printed, never evaluated', () => {
    expectTemplate('{{t}}').mergingContexts().withUser('{"name": "Ann"}').withUnaliasedFeed('{"t": "{{name}} [[t]] <i>"}').toRender('{{name}} [[t]] &lt;i&gt;');
  });

  it('with no user profile, {{ }} sees the feed fields', () => {
    expectTemplate('{{code}}').mergingContexts().withUnaliasedFeed('{"code": "C"}').toRender('C');
  });
});
