/**
 * Voucherify regions and the publication request check (src/voucherify/regions.ts). Facts: the OpenAPI `servers`
 * (`https://{cluster}.voucherify.io`, cluster api | us1.api | as1.api | download | us1.download | as1.download),
 * api-overview.mdx (shared and dedicated regions) and the publication endpoint's documented errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPublicationRequest, DEFAULT_REGION, isPublicationCreateUrl, PUBLICATION_CREATE_PATH, regionOf, REGIONS } from '../../src/voucherify/index.js';

const FEED = 'https://api.voucherify.io/v1/publications/create?customer[source_id]=ann%40example.com&campaign[name]=Welcome%20Codes';
const KEYS = { 'X-App-Id': '[redacted]', 'X-App-Token': '[redacted]' };

describe('regionOf', () => {
  it('knows the three shared regions, Europe by default', () => {
    expect(REGIONS.map((r) => [r.id, r.baseUrl])).toEqual([
      ['eu', 'https://api.voucherify.io'],
      ['us', 'https://us1.api.voucherify.io'],
      ['asia', 'https://as1.api.voucherify.io'],
    ]);
    expect(DEFAULT_REGION.id).toBe('eu');
    expect(regionOf('https://api.voucherify.io/v1/publications/create')).toMatchObject({ region: { id: 'eu' }, dedicated: false, api: true });
    expect(regionOf('https://US1.API.voucherify.io/v1/x')).toMatchObject({ region: { id: 'us' }, dedicated: false });
    expect(regionOf(new URL('https://as1.api.voucherify.io'))).toMatchObject({ region: { id: 'asia' }, dedicated: false });
  });

  it('takes any other *.voucherify.io host for a dedicated region', () => {
    expect(regionOf('https://acme.api.voucherify.io/v1/publications/create')).toEqual({
      region: undefined,
      dedicated: true,
      api: true,
      host: 'acme.api.voucherify.io',
    });
  });

  it('knows the Voucherify hosts that serve no API', () => {
    for (const host of ['download.voucherify.io', 'us1.download.voucherify.io', 'dl.voucherify.io', 'www.voucherify.io', 'voucherify.io']) {
      expect(regionOf(`https://${host}/x`), host).toMatchObject({ region: undefined, dedicated: false, api: false });
    }
  });

  it('is undefined for other hosts and for text that is not a URL', () => {
    for (const url of [
      'https://example.com/v1/publications/create',
      'https://voucherify.io.example.com/',
      'https://notvoucherify.io/',
      'api.voucherify.io',
      '',
    ]) {
      expect(regionOf(url), url).toBeUndefined();
    }
  });

  const dataDir = process.env.MERGETAG_VOUCHERIFY_DATA_DIR ?? fileURLToPath(new URL('../../../shared/reference/data', import.meta.url));
  const spec = `${dataDir.replace(/\/$/, '')}/voucherify-openapi-publications.json`;
  it.skipIf(!existsSync(spec))('covers the api clusters of the OpenAPI servers (skipped when ../shared is absent)', () => {
    const clusters: string[] = JSON.parse(readFileSync(spec, 'utf8')).servers[0].variables.cluster.enum;
    expect(clusters.filter((c) => c.endsWith('api'))).toEqual(REGIONS.map((r) => r.cluster));
    for (const cluster of clusters) expect(regionOf(`https://${cluster}.voucherify.io`)?.api, cluster).toBe(cluster.endsWith('api'));
  });
});

describe('checkPublicationRequest', () => {
  it('accepts the documented feed request', () => {
    expect(isPublicationCreateUrl(FEED)).toBe(true);
    expect(checkPublicationRequest({ url: FEED, method: 'GET', headers: KEYS })).toEqual([]);
    expect(checkPublicationRequest({ url: 'https://us1.api.voucherify.io/v1/publications/create?customer=c_1&voucher=CODE' })).toEqual([]);
  });

  it('says nothing about a feed that is not Voucherify', () => {
    expect(checkPublicationRequest({ url: 'https://example.com/offers?user=1', method: 'POST' })).toEqual([]);
  });

  it('warns about another Voucherify path, with advice for GET /v1/publications', () => {
    const [listing] = checkPublicationRequest({ url: 'https://api.voucherify.io/v1/publications?customer=c_1' });
    expect(listing).toMatchObject({
      severity: 'warning',
      part: 'url',
      message: `the request goes to /v1/publications, not ${PUBLICATION_CREATE_PATH}: it does not publish a voucher`,
    });
    expect(listing!.hint).toContain('lists publications');
    expect(checkPublicationRequest({ url: 'https://api.voucherify.io/v1/publications/create/' })[0]!.message).toContain('/v1/publications/create/');
  });

  it('requires GET', () => {
    expect(checkPublicationRequest({ url: FEED, method: 'POST' })).toEqual([
      { severity: 'error', part: 'method', message: '/v1/publications/create is called with GET, not POST', hint: 'Iterable fetches data feeds with GET' },
    ]);
  });

  it('requires integration keys in X-App-Id and X-App-Token (any case), not client-side keys', () => {
    expect(checkPublicationRequest({ url: FEED, headers: { 'x-app-id': 'a', 'X-APP-TOKEN': 'b' } })).toEqual([]);
    const [missing] = checkPublicationRequest({ url: FEED, headers: {} });
    expect(missing).toMatchObject({
      severity: 'warning',
      part: 'headers',
      message: 'GET /v1/publications/create needs integration keys in the X-App-Id and X-App-Token headers',
    });
    expect(missing!.hint).toContain('403 integration_api_key_required');
    const [client] = checkPublicationRequest({ url: FEED, headers: { 'X-Client-Application-Id': 'a', 'X-Client-Token': 'b' } });
    expect(client!.message).toMatch(/^client-side keys do not work/);
  });

  it('warns about queries Voucherify answers with 400', () => {
    const messages = (url: string) => checkPublicationRequest({ url }).map((p) => p.message);
    expect(messages('https://api.voucherify.io/v1/publications/create?campaign[name]=X')).toEqual([
      'the query has no customer: Voucherify answers 400 invalid_query_params',
    ]);
    expect(messages('https://api.voucherify.io/v1/publications/create?customer[id]=cust_1')).toEqual([
      'the query has neither campaign nor voucher: Voucherify answers 400 missing_vouchers',
    ]);
    expect(messages('https://api.voucherify.io/v1/publications/create?customer[id]=c&campaign[name]=X&campaign[count]=2')).toEqual([
      'campaign[count]=2: GET publishes one voucher at most, Voucherify answers 400 too_many_vouchers_requested',
    ]);
    // Percent-encoded brackets are the same parameter.
    expect(messages('https://api.voucherify.io/v1/publications/create?customer%5Bsource_id%5D=a&campaign%5Bname%5D=X')).toEqual([]);
  });

  it('warns about http and about non-API Voucherify hosts', () => {
    expect(checkPublicationRequest({ url: 'http://api.voucherify.io/v1/publications/create?customer=a&campaign=b' }).map((p) => p.message)).toEqual([
      'the Voucherify API is served over https, not http',
    ]);
    expect(checkPublicationRequest({ url: 'https://download.voucherify.io/v1/publications/create?customer=a&campaign=b' })[0]!.message).toBe(
      'download.voucherify.io is a Voucherify host that serves no API',
    );
  });

  it('checks a mock server on the publication path, and reports text that is not a URL', () => {
    expect(checkPublicationRequest({ url: 'http://localhost:4010/v1/publications/create', method: 'GET' }).map((p) => p.message)).toEqual([
      'the query has no customer: Voucherify answers 400 invalid_query_params',
      'the query has neither campaign nor voucher: Voucherify answers 400 missing_vouchers',
    ]);
    expect(checkPublicationRequest({ url: 'api.voucherify.io/v1/publications/create' })).toEqual([
      { severity: 'error', part: 'url', message: 'not a URL: "api.voucherify.io/v1/publications/create"' },
    ]);
  });
});
