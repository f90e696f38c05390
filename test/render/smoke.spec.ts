import { describe, it } from 'vitest';
import { expectTemplate } from '../support/expect-template.js';

describe('the welcome example (DESIGN.md rule 10, VF golden case)', () => {
  const body = '{"voucher":{"code":"XRsfwLaP","metadata":{"marketing_text":"Get 10% off"}}}';
  it('prints the code through the alias', () => {
    expectTemplate('[[welcome_codes.voucher.code]]').withFeed('welcome_codes', body).toRender('XRsfwLaP');
  });
  it('prints the marketing text', () => {
    expectTemplate('[[welcome_codes.voucher.metadata.marketing_text]]').withFeed('welcome_codes', body).toRender('Get 10% off');
  });
  it('prints the code at the root without an alias', () => {
    expectTemplate('[[voucher.code]]').withUnaliasedFeed(body).toRender('XRsfwLaP');
  });
  it('prints nothing for a missing field', () => {
    expectTemplate('[[welcome_codes.voucher.missing]]').withFeed('welcome_codes', body).toRender('');
  });
});
