/**
 * Which rules run, and how severe their findings are: a preset (`recommended`, the default, or `all`), then the
 * project's `"rules": {"unused-feed": "error", "user-field-not-found": "off"}` over it, as ESLint's configs do.
 */
import type { Severity } from '../diagnostics/diagnostic.js';
import type { Rule } from './rule.js';

export type RuleSetting = Severity | 'off';
export type Preset = 'recommended' | 'all';

export interface LintConfig {
  preset?: Preset;
  rules?: Readonly<Record<string, RuleSetting>>;
}

/** The severity of each rule that runs. An unknown rule id in the config is an error the caller reports. */
export function resolveRules(rules: readonly Rule[], config: LintConfig = {}): { active: Map<string, Severity>; unknown: string[] } {
  const preset = config.preset ?? 'recommended';
  const active = new Map<string, Severity>();
  for (const rule of rules) if (preset === 'all' || rule.meta.recommended) active.set(rule.meta.id, rule.meta.severity);
  const known = new Set(rules.map((r) => r.meta.id));
  const unknown: string[] = [];
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!known.has(id)) {
      unknown.push(id);
      continue;
    }
    if (setting === 'off') active.delete(id);
    else active.set(id, setting);
  }
  return { active, unknown };
}
