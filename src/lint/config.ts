/**
 * Which rules run, and how severe their findings are: a preset (`recommended`, the default, or `all`), then the
 * project's `"rules": {"unused-feed": "error", "user-field-not-found": "off"}` over it, as ESLint's configs do.
 */
import type { Severity } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';
import type { Rule } from './rule.js';

export type RuleSetting = Severity | 'off';
export type Preset = 'recommended' | 'all';

export interface LintConfig {
  preset?: Preset;
  rules?: Readonly<Record<string, RuleSetting>>;
}

/** The severity of each rule that runs. An unknown rule id in the config is an error the caller reports. */
export function resolveRules(rules: readonly Pick<Rule, 'meta'>[], config: LintConfig = {}): { active: Map<RuleId, Severity>; unknown: string[] } {
  const preset = config.preset ?? 'recommended';
  const active = new Map<RuleId, Severity>();
  for (const rule of rules) if (preset === 'all' || rule.meta.recommended) active.set(rule.meta.id, rule.meta.severity);
  const known = new Map<string, RuleId>(rules.map((r) => [r.meta.id, r.meta.id]));
  const unknown: string[] = [];
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const ruleId = known.get(id);
    if (ruleId === undefined) {
      unknown.push(id);
      continue;
    }
    if (setting === 'off') active.delete(ruleId);
    else active.set(ruleId, setting);
  }
  return { active, unknown };
}
