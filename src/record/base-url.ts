/**
 * `record --base-url URL`: send the requests to a stand-in server (a local Voucherify mock, a staging proxy)
 * while the recordings stay keyed by the production URL the config names, so render replays them unchanged.
 * The base replaces the scheme, host and port; a path in it is put before the request's path.
 */

/** The base URL, or a sentence saying why it cannot be one. */
export function parseBaseUrl(text: string): URL | string {
  let base: URL;
  try {
    base = new URL(text);
  } catch {
    return `--base-url ${text}: not a URL (write e.g. http://127.0.0.1:4010)`;
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') return `--base-url ${text}: an http or https URL is needed`;
  if (base.search || base.hash) return `--base-url ${text}: a base URL has no query or fragment`;
  if (base.username || base.password) return `--base-url ${text}: credentials in the URL would be stored nowhere but sent everywhere; use the feed's headers`;
  return base;
}

/** The request URL as sent to the stand-in: the base's origin and path, then the request's path and query. */
export function rebase(url: string, base: URL): string {
  const target = new URL(url);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${target.pathname}${target.search}`;
}
