/**
 * Which header values are secrets. The config loader warns when one is written literally instead of as an
 * `${ENV_VAR}` reference; `mergetag record` stores them as `[redacted]`. One rule for both.
 */

/** Header names that carry credentials. */
const SECRET_HEADER_NAME = /token|secret|key|authorization|password|cookie|session|credential/i;

/**
 * The URL with the value of every query parameter whose name looks secret (`api_key`, `token`, `signature`...)
 * written `[redacted]`, and nothing else changed (no re-encoding): what `record` prints and stores. Render finds
 * a recording by this form too, so it still replays.
 */
export function redactSecretParams(url: string): string {
  const query = url.indexOf('?');
  if (query === -1) return url;
  const hash = url.indexOf('#', query);
  const end = hash === -1 ? url.length : hash;
  const params = url
    .slice(query + 1, end)
    .split('&')
    .map((param) => {
      const eq = param.indexOf('=');
      if (eq === -1) return param;
      let name = param.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: test the name as written
      }
      return isSecretParamName(name) ? `${param.slice(0, eq)}=[redacted]` : param;
    });
  return `${url.slice(0, query + 1)}${params.join('&')}${url.slice(end)}`;
}

/**
 * The values of the query parameters whose name looks secret, as written and decoded (a value can be printed
 * either way): what a printout must scrub besides the URL itself (a message that quotes the URL, say).
 */
export function secretParamValues(url: string): string[] {
  const query = url.indexOf('?');
  if (query === -1) return [];
  const hash = url.indexOf('#', query);
  const values: string[] = [];
  for (const param of url.slice(query + 1, hash === -1 ? url.length : hash).split('&')) {
    const eq = param.indexOf('=');
    if (eq === -1 || !isSecretParamName(decodeOrKeep(param.slice(0, eq)))) continue;
    const value = param.slice(eq + 1);
    if (value === '' || value === '[redacted]') continue;
    values.push(value, decodeOrKeep(value));
  }
  return values;
}

function decodeOrKeep(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // a malformed escape: as written
  }
}

/** Words of a query parameter name that mark a credential: `api_key`, `apiKey`, `X-Amz-Signature`, `auth`. */
const SECRET_PARAM_WORDS = new Set([
  'key',
  'apikey',
  'token',
  'secret',
  'password',
  'passwd',
  'pwd',
  'signature',
  'sig',
  'auth',
  'authorization',
  'credential',
  'credentials',
  'session',
  'hmac',
]);

/** Whether a query parameter's name says its value is a credential (`author` and `monkey` do not). */
export function isSecretParamName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((word) => SECRET_PARAM_WORDS.has(word) || /token|secret|password|apikey/.test(word));
}

/** A whole value that is one `${ENV_VAR}` reference. */
const ENV_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;
const ENV_REFERENCES = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export function isSecretHeaderName(name: string): boolean {
  return SECRET_HEADER_NAME.test(name);
}

export function isEnvReference(value: string): boolean {
  return ENV_REFERENCE.test(value.trim());
}

/** The environment variables a header value refers to, in order. */
export function envReferences(value: string): string[] {
  return [...value.matchAll(ENV_REFERENCES)].map((match) => match[1]!);
}

/** `${VAR}` references in header values, resolved from the environment. Missing variables are reported by name. */
export function resolveEnv(value: string, env: NodeJS.ProcessEnv): { value: string; missing: string[] } {
  const missing: string[] = [];
  const resolved = value.replace(ENV_REFERENCES, (_, name: string) => {
    // Own variables only: `${constructor}` names no variable, not Object's constructor.
    const found = Object.hasOwn(env, name) ? env[name] : undefined;
    if (found === undefined) {
      missing.push(name);
      return '';
    }
    return found;
  });
  return { value: resolved, missing };
}
