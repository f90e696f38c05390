/**
 * Voucherify's API hosts and the one request a data feed may make to them.
 *
 * Shared regions (OpenAPI `servers`: `https://{cluster}.voucherify.io`, cluster `api` by default, `us1.api`,
 * `as1.api`): Europe `https://api.voucherify.io`, United States `https://us1.api.voucherify.io`, Asia (Singapore)
 * `https://as1.api.voucherify.io`. "If your company has a dedicated region, use its unique URL": any other
 * `*.voucherify.io` host is taken for a dedicated one, except the hosts known not to serve the API (downloads,
 * asset images, the website and docs).
 *
 * The feed request: `GET /v1/publications/create`, which only works with integration keys sent as `X-App-Id` and
 * `X-App-Token` (otherwise `403 integration_api_key_required`); `customer` is required (`400
 * invalid_query_params`), so is `campaign` or `voucher` (`400 missing_vouchers`), and GET publishes one voucher at
 * most (`campaign[count]` > 1: `400 too_many_vouchers_requested`).
 */

export type RegionId = 'eu' | 'us' | 'asia';

export interface Region {
  id: RegionId;
  name: string;
  /** The OpenAPI `cluster` variable. */
  cluster: string;
  host: string;
  baseUrl: string;
}

export const REGIONS: readonly Region[] = [
  { id: 'eu', name: 'Europe', cluster: 'api', host: 'api.voucherify.io', baseUrl: 'https://api.voucherify.io' },
  { id: 'us', name: 'United States', cluster: 'us1.api', host: 'us1.api.voucherify.io', baseUrl: 'https://us1.api.voucherify.io' },
  { id: 'asia', name: 'Asia (Singapore)', cluster: 'as1.api', host: 'as1.api.voucherify.io', baseUrl: 'https://as1.api.voucherify.io' },
];

/** Europe, the spec's default server. */
export const DEFAULT_REGION: Region = REGIONS[0]!;

export const VOUCHERIFY_DOMAIN = 'voucherify.io';
export const PUBLICATION_CREATE_PATH = '/v1/publications/create';

/** Voucherify hosts that are not an API: export downloads (spec `download` clusters), asset images, website, docs. */
const NON_API_HOSTS = new Set([
  'voucherify.io',
  'www.voucherify.io',
  'docs.voucherify.io',
  'support.voucherify.io',
  'download.voucherify.io',
  'us1.download.voucherify.io',
  'as1.download.voucherify.io',
  'dl.voucherify.io',
  'dev.dl.voucherify.io',
]);

export interface RegionMatch {
  /** The shared region, or undefined for a dedicated (or non-API) host. */
  region: Region | undefined;
  /** A `*.voucherify.io` API host that is none of the shared regions. */
  dedicated: boolean;
  /** False for Voucherify hosts that serve no API (downloads, assets, website). */
  api: boolean;
  host: string;
}

function toUrl(url: string | URL): URL | undefined {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** The Voucherify region a URL targets; undefined when it is not a URL on a `voucherify.io` host. */
export function regionOf(url: string | URL): RegionMatch | undefined {
  const parsed = toUrl(url);
  if (!parsed) return undefined;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (host !== VOUCHERIFY_DOMAIN && !host.endsWith(`.${VOUCHERIFY_DOMAIN}`)) return undefined;
  const region = REGIONS.find((r) => r.host === host);
  if (region) return { region, dedicated: false, api: true, host };
  if (NON_API_HOSTS.has(host)) return { region: undefined, dedicated: false, api: false, host };
  return { region: undefined, dedicated: true, api: true, host };
}

/** `true` when the URL's path is the publication endpoint a data feed calls, whatever the host. */
export function isPublicationCreateUrl(url: string | URL): boolean {
  const parsed = toUrl(url);
  return parsed !== undefined && parsed.pathname === PUBLICATION_CREATE_PATH;
}

export interface FeedRequest {
  url: string;
  /** Checked when given. Iterable always sends GET. */
  method?: string;
  /** Checked when given: the request's header names (values are not read, so redacted ones do). */
  headers?: Readonly<Record<string, string>>;
}

export interface EndpointProblem {
  severity: 'error' | 'warning';
  /** Which part of the request the problem is in. */
  part: 'url' | 'method' | 'headers';
  message: string;
  hint?: string;
}

function hasParam(params: URLSearchParams, name: string): boolean {
  for (const key of params.keys()) if (key === name || key.startsWith(`${name}[`)) return true;
  return false;
}

/**
 * What is wrong with a data-feed request meant for Voucherify's publication endpoint. A URL neither on a Voucherify
 * host nor on the publication path is not a Voucherify feed: no problems. A Voucherify URL on another path is one.
 */
export function checkPublicationRequest(request: FeedRequest): EndpointProblem[] {
  const url = toUrl(request.url);
  if (!url) return [{ severity: 'error', part: 'url', message: `not a URL: ${JSON.stringify(request.url)}` }];
  const match = regionOf(url);
  const onPath = url.pathname === PUBLICATION_CREATE_PATH;
  if (!match && !onPath) return [];
  const problems: EndpointProblem[] = [];
  if (match && !match.api) {
    problems.push({
      severity: 'warning',
      part: 'url',
      message: `${match.host} is a Voucherify host that serves no API`,
      hint: `use your project's API endpoint, e.g. ${DEFAULT_REGION.baseUrl}${PUBLICATION_CREATE_PATH}`,
    });
  }
  if (!onPath) {
    const listing = url.pathname.replace(/\/+$/, '') === '/v1/publications';
    problems.push({
      severity: 'warning',
      part: 'url',
      message: `the request goes to ${url.pathname}, not ${PUBLICATION_CREATE_PATH}: it does not publish a voucher`,
      hint: listing
        ? `GET /v1/publications lists publications (POST creates one, but Iterable sends GET): use GET ${PUBLICATION_CREATE_PATH}`
        : `a Voucherify data feed calls GET ${PUBLICATION_CREATE_PATH}?customer[source_id]=...&campaign[name]=...`,
    });
    return problems;
  }
  if (match && url.protocol !== 'https:') {
    problems.push({ severity: 'warning', part: 'url', message: `the Voucherify API is served over https, not ${url.protocol.slice(0, -1)}` });
  }
  if (request.method !== undefined && request.method.toUpperCase() !== 'GET') {
    problems.push({
      severity: 'error',
      part: 'method',
      message: `${PUBLICATION_CREATE_PATH} is called with GET, not ${request.method}`,
      hint: 'Iterable fetches data feeds with GET',
    });
  }
  const params = url.searchParams;
  if (!hasParam(params, 'customer')) {
    problems.push({
      severity: 'warning',
      part: 'url',
      message: 'the query has no customer: Voucherify answers 400 invalid_query_params',
      hint: 'add customer[source_id]={{#urlEncode}}{{...}}{{/urlEncode}} (or customer[id])',
    });
  }
  if (!hasParam(params, 'campaign') && !hasParam(params, 'voucher')) {
    problems.push({
      severity: 'warning',
      part: 'url',
      message: 'the query has neither campaign nor voucher: Voucherify answers 400 missing_vouchers',
      hint: 'add campaign[name]=<campaign name or id>',
    });
  }
  const count = params.get('campaign[count]');
  if (count !== null && Number(count) > 1) {
    problems.push({
      severity: 'warning',
      part: 'url',
      message: `campaign[count]=${count}: GET publishes one voucher at most, Voucherify answers 400 too_many_vouchers_requested`,
    });
  }
  if (request.headers) {
    const names = new Set(Object.keys(request.headers).map((name) => name.toLowerCase()));
    if (!names.has('x-app-id') || !names.has('x-app-token')) {
      const clientKeys = names.has('x-client-application-id') || names.has('x-client-token');
      problems.push({
        severity: 'warning',
        part: 'headers',
        message: clientKeys
          ? `client-side keys do not work for GET ${PUBLICATION_CREATE_PATH}: it needs integration keys in X-App-Id and X-App-Token`
          : `GET ${PUBLICATION_CREATE_PATH} needs integration keys in the X-App-Id and X-App-Token headers`,
        hint: 'without them Voucherify answers 403 integration_api_key_required; create the keys in Project Settings → Integration Keys',
      });
    }
  }
  return problems;
}
