/**
 * The static export (`mergetag preview --out DIR`) ships DIR/data.js, which sets window.__MERGETAG_PREVIEW__ =
 * { project, cases }; opened from file:// there is no server, so the app reads cases from that object. Pure: the app
 * passes the global in.
 */
import type { CaseView, StaticData } from './types.js';

/** The key of a case in StaticData.cases: "<template>|<user>|<variant or empty>", and "|<event>" for a sample event. */
export function caseKey(template: string, user: string, variant: string | null, event: string | null = null): string {
  return `${template}|${user}|${variant ?? ''}${event === null ? '' : `|${event}`}`;
}

/** The static data when the global is there and has the expected shape, else null (the app then uses the API). */
export function readStaticData(global: unknown): StaticData | null {
  if (typeof global !== 'object' || global === null) return null;
  const { project, cases } = global as Record<string, unknown>;
  if (typeof project !== 'object' || project === null || !Array.isArray((project as { templates?: unknown }).templates)) return null;
  if (typeof cases !== 'object' || cases === null) return null;
  return global as StaticData;
}

/** A case from the export; an export made before a variant was added simply lacks it, and says so. */
export function staticCase(
  data: StaticData,
  template: string,
  user: string,
  variant: string | null,
  event: string | null = null,
): CaseView | { missing: string } {
  const key = caseKey(template, user, variant, event);
  const found = Object.prototype.hasOwnProperty.call(data.cases, key) ? data.cases[key] : undefined;
  return (
    found ?? {
      missing: `This export has no case for template ${template}, user ${user}${variant === null ? '' : `, variant ${variant}`}${event === null ? '' : `, event ${event}`}.`,
    }
  );
}
