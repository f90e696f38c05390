/**
 * Event-triggered messages: the `{{ }}` root is the user profile with the triggering event's data fields over it,
 * and `{{profile.x}}` reads the profile (src/iterable/event-context.ts).
 *
 * Sources:
 *   PERSONALIZING https://support.iterable.com/hc/en-us/articles/205480365 ("Personalizing Templates with
 *                 Handlebars": merge tags read user profile and event fields; "Sample event data")
 *   TROUBLESHOOTING https://support.iterable.com/hc/en-us/articles/36530857619348 (event fields override profile
 *                 fields of the same name; {{profile.fieldName}} reads the profile's)
 */
import { describe, expect, it } from 'vitest';
import { compile, InputError } from '../../../src/iterable/template.js';
import { expandFeedUrl } from '../../../src/iterable/feed-url.js';
import { userContext } from '../../../src/iterable/event-context.js';
import { expectTemplate } from '../../support/expect-template.js';

const PERSONALIZING = 'https://support.iterable.com/hc/en-us/articles/205480365';
const TROUBLESHOOTING = 'https://support.iterable.com/hc/en-us/articles/36530857619348';

const profile = '{"firstName": "Ann", "city": "Oslo", "shoppingCartItems": [{"name": "Mug"}]}';
const purchase = '{"firstName": "ANN (from the event)", "total": 25.50, "shoppingCartItems": [{"name": "Cup"}, {"name": "Tea"}]}';

describe(`event data fields (${PERSONALIZING})`, () => {
  it('{{x}} reads an event field; a field only the profile has still reads the profile', () => {
    expectTemplate('{{total}} in {{city}}').withUser(profile).withEvent(purchase).toRender('25.5 in Oslo');
  });

  it(`the event's field wins over the profile's of the same name; {{profile.x}} reads the profile (${TROUBLESHOOTING})`, () => {
    expectTemplate('{{firstName}} / {{profile.firstName}}').withUser(profile).withEvent(purchase).toRender('ANN (from the event) / Ann');
    expectTemplate('{{#each shoppingCartItems}}{{name}} {{/each}}| {{#each profile.shoppingCartItems}}{{name}}{{/each}}')
      .withUser(profile)
      .withEvent(purchase)
      .toRender('Cup Tea | Mug');
  });

  it('an event field that is null still wins (the event sets it), and prints nothing', () => {
    expectTemplate('[{{city}}|{{profile.city}}]').withUser(profile).withEvent('{"city": null}').toRender('[|Oslo]');
  });

  it('without an event, {{profile.x}} is an ordinary path: a profile field named profile', () => {
    expectTemplate('[{{profile.firstName}}]').withUser(profile).toRender('[]');
    expectTemplate('[{{profile.x}}]').withUser('{"profile": {"x": 1}}').toRender('[1]');
  });

  it('with an event, profile names the profile even when the profile or the event has a field of that name', () => {
    expectTemplate('{{profile.firstName}}').withUser('{"firstName": "Ann", "profile": "p"}').withEvent('{"profile": "e"}').toRender('Ann');
  });

  it('[[ ]] never reads event fields; with mergeDataFeedContext the order is event > profile > feed', () => {
    expectTemplate('[[total]]|[[x]]').withUser(profile).withEvent(purchase).withUnaliasedFeed({ x: 'feed' }).toRender('|feed');
    expectTemplate('{{x}} {{y}} {{z}} {{profile.x}}')
      .withUser('{"x": "profile", "y": "profile"}')
      .withEvent('{"x": "event"}')
      .withUnaliasedFeed({ x: 'feed', y: 'feed', z: 'feed' })
      .mergingContexts()
      .toRender('event profile feed profile');
  });

  it("an event that is not a JSON object is the caller's mistake: InputError, as for the user profile", () => {
    expect(() => compile('{{x}}').render({ event: '[1, 2]' })).toThrow(InputError);
    expect(() => compile('{{x}}').render({ event: '{"a": ' })).toThrow(/the event is not valid JSON/);
  });

  it('the event keeps number spelling and key order like every JSON input', () => {
    expectTemplate('{{total}} {{#each this}}{{@key}},{{/each}}').withUser('{"b": 1}').withEvent('{"total": 10.0, "a": 2}').toRender('10.0 b,total,a,profile,');
  });
});

describe('feed URLs of an event-triggered message read the event too', () => {
  it('{{orderId}} in a feed URL is the event field', () => {
    const result = expandFeedUrl(
      'https://api.example.com/orders/{{orderId}}?email={{#urlEncode}}{{email}}{{/urlEncode}}',
      userContext(new Map([['email', 'ann@example.com']]), new Map([['orderId', 'A-17']])),
    );
    expect(result.url).toBe('https://api.example.com/orders/A-17?email=ann%40example.com');
  });
});
