/**
 * The open case lives in the URL hash (`#template=…&user=…&variant=…&event=…`), so a reload, a live-reload re-fetch or a
 * shared link opens the same case. Pure functions over strings: the app reads location.hash and writes it back.
 */
import type { ProjectInfo } from './types.js';

export type Width = 'desktop' | 'mobile';

export interface Selection {
  template: string | null;
  user: string | null;
  /** null: the recordings as they are, no variant. */
  variant: string | null;
  /** The sample event of an event-triggered template; null for a blast. */
  event: string | null;
  /** 'all': the grid of every user's thumbnail for the template. */
  view: 'one' | 'all';
  width: Width;
}

export const EMPTY_SELECTION: Selection = { template: null, user: null, variant: null, event: null, view: 'one', width: 'desktop' };

export function parseHash(hash: string): Selection {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const text = (key: string): string | null => {
    const value = params.get(key);
    return value === null || value === '' ? null : value;
  };
  return {
    template: text('template'),
    user: text('user'),
    variant: text('variant'),
    event: text('event'),
    view: params.get('view') === 'all' ? 'all' : 'one',
    width: params.get('width') === 'mobile' ? 'mobile' : 'desktop',
  };
}

/** The hash for a selection; defaults (no variant, one case, desktop) are left out to keep links short. */
export function formatHash(selection: Selection): string {
  const params = new URLSearchParams();
  if (selection.template !== null) params.set('template', selection.template);
  if (selection.user !== null) params.set('user', selection.user);
  if (selection.variant !== null) params.set('variant', selection.variant);
  if (selection.event !== null) params.set('event', selection.event);
  if (selection.view === 'all') params.set('view', 'all');
  if (selection.width === 'mobile') params.set('width', 'mobile');
  const text = params.toString();
  return text === '' ? '' : `#${text}`;
}

/**
 * The selection made valid for the project: an unknown or missing template, user or variant (a renamed file, a link
 * from another project, a variant deleted from the config) falls back to the first one, or to no variant, instead of
 * asking the server for a case that does not exist.
 */
export function resolveSelection(project: ProjectInfo, wanted: Selection): Selection {
  const template = project.templates.find((t) => t.id === wanted.template) ?? project.templates[0];
  if (template === undefined) return { ...wanted, template: null, user: null, variant: null, event: null };
  const user = wanted.user !== null && template.users.includes(wanted.user) ? wanted.user : (template.users[0] ?? null);
  const variant = wanted.variant !== null && template.variants.includes(wanted.variant) ? wanted.variant : null;
  // An event-triggered template always renders with one of its events: the first unless another is picked.
  const event = wanted.event !== null && template.events.includes(wanted.event) ? wanted.event : (template.events[0] ?? null);
  return { ...wanted, template: template.id, user, variant, event };
}
