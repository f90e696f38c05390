/**
 * How two outcomes of one case compare. Outputs must be equal byte for byte; an error (a parse error or a failed
 * render in Java, a skipped send in mergetag) must meet an error, whatever its wording (corpus README: "the error
 * text is informational only").
 */
import type { EngineOutcome } from './java-engine.js';
import type { MergetagRun } from './mergetag-engine.js';

export type Verdict = 'agree' | 'java-error-only' | 'mergetag-error-only' | 'output-differs' | 'mergetag-crash';

export function verdict(java: EngineOutcome, mergetag: MergetagRun): Verdict {
  if (mergetag.crash !== undefined) return 'mergetag-crash';
  const m = mergetag.outcome;
  if (java.kind === 'error') return m.kind === 'error' ? 'agree' : 'java-error-only';
  if (m.kind === 'error') return 'mergetag-error-only';
  return java.text === m.text ? 'agree' : 'output-differs';
}

export function describeOutcome(outcome: EngineOutcome): string {
  return outcome.kind === 'output' ? `output ${JSON.stringify(outcome.text)}` : `error ${JSON.stringify(outcome.message)}`;
}
