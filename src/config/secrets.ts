/**
 * Which header values are secrets. The config loader warns when one is written literally instead of as an
 * `${ENV_VAR}` reference; `mergetag record` stores them as `[redacted]`. One rule for both.
 */

/** Header names that carry credentials. */
const SECRET_HEADER_NAME = /token|secret|key|authorization|password|cookie|session|credential/i;

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
