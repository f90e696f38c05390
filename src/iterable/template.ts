/**
 * Iterable's dialect over the engine: `compile()` and `render()` with Iterable's helpers by default, and a
 * `render(input)` that builds the two roots as Iterable does at send time: the user profile (and the triggering
 * event's fields) for `{{ }}`, the data-feed responses for `[[ ]]` (DESIGN.md rules 10 and 11), merged when
 * `mergeDataFeedContext` is on.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { iterableHelpers } from '../helpers/index.js';
import type { HelperRegistry } from '../helpers/registry.js';
import { CompiledTemplate, type EngineOptions, type RenderResult, type RenderServices } from '../render/template.js';
import { readValue } from '../values/json.js';
import type { Value } from '../values/types.js';
import { userContext } from './event-context.js';
import { InputError } from './input-error.js';
import { buildFeedContext, feedLabel, isFeedAlias, mergeUserAndFeed, type FeedResponse } from './feed-context.js';

export type { RenderResult, RenderServices, Skip } from '../render/template.js';

export interface CompileOptions extends Partial<EngineOptions> {
  /** The helpers templates may call; default: Iterable's. */
  helpers?: HelperRegistry;
}

export interface RenderInput extends RenderServices {
  /** The user profile: JSON text, or a value. The root of `{{ }}` lookups. */
  user?: unknown;
  /**
   * The data fields of the event that triggered the message (JSON text of an object, or a value), for an
   * event-triggered campaign: `{{x}}` reads the event's field first, then the profile's; `{{profile.x}}` reads the
   * profile (src/iterable/event-context.ts). Absent for a blast.
   */
  event?: unknown;
  /** The template's data-feed responses, in the template's feed order. */
  feeds?: readonly FeedResponse[];
  /** Iterable's "Merge the data feed and user contexts": feed fields also reachable as `{{ }}`, user wins. */
  mergeDataFeedContext?: boolean;
}

export { InputError } from './input-error.js';

export class Template extends CompiledTemplate {
  constructor(text: string, options: CompileOptions = {}) {
    super(text, { ...options, helpers: options.helpers ?? defaultHelpers() });
  }

  /** Renders the message for one user and the template's feed responses, as Iterable would send it. */
  render(input: RenderInput = {}): RenderResult {
    const user = readInput(input.user, 'user profile');
    const event = readInput(input.event, 'event');
    if (event !== undefined && !(event instanceof Map))
      throw new InputError('the event is a JSON object of the event\'s data fields, e.g. {"orderId": "A1", "total": 25.5}');
    const feeds = input.feeds ?? [];
    const diagnostics = this.diagnostics.slice();
    this.reportAliases(feeds, diagnostics);
    if (!this.ok) return this.notSendable(diagnostics);
    const feedContext = buildFeedContext(feeds);
    if (!feedContext.ok) return { output: '', diagnostics, skip: feedContext.skip };
    // Event over profile over feed (with mergeDataFeedContext): src/iterable/event-context.ts.
    const context = userContext(user, event);
    const userRoot = input.mergeDataFeedContext ? mergeUserAndFeed(context, feedContext.root) : (context ?? new Map());
    return this.renderRoots(userRoot, feedContext.root, diagnostics, input);
  }

  /** Warns of each feed alias Iterable would refuse (a loop: it runs on every render, and it is almost never needed). */
  private reportAliases(feeds: readonly FeedResponse[], diagnostics: Diagnostic[]): void {
    for (let index = 0; index < feeds.length; index++) {
      const feed = feeds[index]!;
      if (feed.alias === undefined || isFeedAlias(feed.alias)) continue;
      diagnostics.push(
        diagnostic('feed-alias', 'warning', `${feedLabel(feed, index)}: Iterable accepts only letters and underscores in an alias`, this.source.span(0, 0), {
          ...this.fileField(),
          hint: 'rename the alias, e.g. welcome_codes',
        }),
      );
    }
  }
}

/** Iterable's helper registry, built once: registries are immutable after construction. */
let sharedHelpers: HelperRegistry | undefined;
function defaultHelpers(): HelperRegistry {
  sharedHelpers ??= iterableHelpers();
  return sharedHelpers;
}

function readInput(input: unknown, what: string): Value {
  if (input === undefined) return undefined;
  const read = readValue(input);
  if (!read.ok && read.error.tooDeep) throw new InputError(`the ${what} is too deeply nested: ${read.error.message}`);
  if (!read.ok) throw new InputError(`the ${what} is not valid JSON: ${read.error.message} at offset ${read.error.offset}`);
  return read.value;
}

export function compile(template: string, options: CompileOptions = {}): Template {
  return new Template(template, options);
}

export function render(template: string, input: RenderInput = {}, options: CompileOptions = {}): RenderResult {
  return compile(template, options).render(input);
}
