/**
 * `checkTemplate`: runs the built-in properties (properties/) and the user's own over generated inputs (a user from
 * arbitraries/user.ts, the template's feeds from arbitraries/feed-set.ts), each property as its own fast-check run
 * with the same seed, so a failure is shrunk for that property alone and replays with the seed and path reported.
 * With a project, the users and feeds are shaped by what the project knows (src/lint/project.ts), as lint sees them,
 * and the render has the project's snippets and catalogs.
 */
import { resolve } from 'node:path';
import fc from 'fast-check';
import { analyze } from '../analysis/analyze.js';
import type { FeedResponse } from '../iterable/feed-context.js';
import { compile, type RenderResult, type Template } from '../iterable/template.js';
import type { FeedKnowledge } from '../lint/knowledge.js';
import { projectKnowledge } from '../lint/project.js';
import type { Project, TemplateEntry } from '../project/project.js';
import { FolderResources } from '../project/resources.js';
import type { RenderServices } from '../render/template.js';
import { feedSet } from './arbitraries/feed-set.js';
import { isPlainObject, toPlain } from './arbitraries/plain.js';
import { user as userArbitrary } from './arbitraries/user.js';
import { BUILTIN_PROPERTIES } from './properties/index.js';
import type { CheckInputs, Property, PropertyContext } from './properties/property.js';

export type { CheckInputs } from './properties/property.js';

export interface CheckOptions {
  /** Its knowledge (src/lint/project.ts projectKnowledge) shapes users and feeds. */
  project?: Project;
  /** Which template of the project (its feeds, mergeDataFeedContext). */
  templateEntry?: TemplateEntry;
  /** Without a project: the feeds (default: none). */
  feeds?: readonly FeedKnowledge[];
  /** Without a project: sample users to shape the user arbitrary. */
  users?: readonly Record<string, unknown>[];
  /** Without a project: the template's mergeDataFeedContext setting (default false). */
  mergeDataFeedContext?: boolean;
  /**
   * For an event-triggered template: sample events (their data fields), one of which each run uses. With a project
   * and a template entry, the template's own sample events (its `"event"` setting).
   */
  events?: readonly Record<string, unknown>[];
  /** Generated inputs per property; default 100. */
  runs?: number;
  /** Default: random, always reported. */
  seed?: number;
  /** Built-in property names to run (default: all); an unknown name is an error. */
  properties?: readonly string[];
  custom?: readonly CustomProperty[];
  /** The clock for date helpers (default: a fixed date, for reproducible runs). */
  now?: Date;
}

export interface CustomProperty {
  name: string;
  /** `false` or a string (the reason) fails; anything else passes. */
  check(output: string, inputs: CheckInputs): boolean | string | void;
}

export interface CheckResult {
  /** The file as shown. */
  template: string;
  seed: number;
  runs: number;
  passed: boolean;
  /** At most one per property, each shrunk. */
  failures: CheckFailure[];
}

export interface CheckFailure {
  property: string;
  /** What failed, naming the path (e.g. [[welcome_codes.voucher.metadata.marketing_text]]). */
  message: string;
  /** Shrunk. */
  counterexample: CheckInputs;
  seed: number;
  /** fast-check's replay path. */
  path: string | undefined;
}

/** The built-in properties' names and descriptions, for `mergetag check --help` and the README. */
export const PROPERTIES: ReadonlyArray<{ name: string; description: string }> = BUILTIN_PROPERTIES.map(({ name, description }) => ({ name, description }));

/** A fixed clock: a run with a seed gives the same messages on any day. */
export const DEFAULT_NOW = new Date('2026-01-15T12:00:00.000Z');

export class UnknownPropertyError extends Error {
  constructor(name: string) {
    super(`unknown property '${name}'; the properties are: ${BUILTIN_PROPERTIES.map((p) => p.name).join(', ')}`);
    this.name = 'UnknownPropertyError';
  }
}

interface Setup {
  template: Template;
  shown: string;
  feeds: readonly FeedKnowledge[];
  users: readonly Record<string, unknown>[];
  /** The config's word on which user fields are always there or may be missing (`check` in mergetag.config.json). */
  userFields: { required?: readonly string[]; optional?: readonly string[] };
  mergeDataFeedContext: boolean;
  services: RenderServices;
  /** The sample events of an event-triggered template; empty for a blast. */
  events: readonly Record<string, unknown>[];
}

function setUp(template: Template | string, options: CheckOptions): Setup {
  const now = options.now ?? DEFAULT_NOW;
  const project = options.project;
  if (!project) {
    const compiled = typeof template === 'string' ? compile(template) : template;
    return {
      template: compiled,
      shown: compiled.file ?? '(template)',
      feeds: options.feeds ?? [],
      users: options.users ?? [],
      userFields: {},
      mergeDataFeedContext: options.mergeDataFeedContext ?? false,
      services: { now },
      events: options.events ?? [],
    };
  }
  // A string names a template of the project (its path) or is a template's text.
  const byPath = typeof template === 'string' && !options.templateEntry && !template.includes('\n') ? project.templateFor(template) : undefined;
  const entry = options.templateEntry ?? byPath;
  const compiled =
    typeof template !== 'string' ? template : byPath ? project.compiledTemplate(byPath) : compile(template, entry ? { file: entry.display } : {});
  const knowledge = projectKnowledge(project);
  const resources = new FolderResources(resolve(project.dir, project.config.snippets), resolve(project.dir, project.config.catalogs), project.cwd, project.dir);
  const forTemplate = entry ? knowledge.forTemplate(entry) : undefined;
  return {
    template: compiled,
    shown: entry?.display ?? compiled.file ?? '(template)',
    feeds: forTemplate?.feeds ?? options.feeds ?? [],
    users: (knowledge.users?.profiles ?? []).map((p) => toPlain(p.profile)).filter(isPlainObject),
    userFields: { required: project.config.check.requiredUserFields, optional: project.config.check.optionalUserFields },
    mergeDataFeedContext: entry?.settings.mergeDataFeedContext ?? options.mergeDataFeedContext ?? false,
    events:
      options.events ??
      (entry
        ? project
            .eventsFor(entry)
            .map((e) => toPlain(e.data))
            .filter(isPlainObject)
        : []),
    services: {
      now,
      snippets: (name) => resources.snippet(name),
      catalogs: (name) => resources.catalog(name),
      collections: (name) => resources.collection(name),
    },
  };
}

/** A custom property as a property: `false` or a string fails; a throw fails with its message (fast-check's way). */
function fromCustom(custom: CustomProperty): Property {
  return {
    name: custom.name,
    description: 'custom',
    check(_context, inputs) {
      const verdict = custom.check(inputs.result.output, inputs);
      if (verdict === false) return `the custom property '${custom.name}' returned false`;
      return typeof verdict === 'string' ? verdict : undefined;
    },
  };
}

export function checkTemplate(template: Template | string, options: CheckOptions = {}): CheckResult {
  const builtins = (options.properties ?? BUILTIN_PROPERTIES.map((p) => p.name)).map((name) => {
    const property = BUILTIN_PROPERTIES.find((p) => p.name === name);
    if (!property) throw new UnknownPropertyError(name);
    return property;
  });
  const properties = [...builtins, ...(options.custom ?? []).map(fromCustom)];
  const setup = setUp(template, options);
  const runs = options.runs ?? 100;
  const seed = options.seed ?? (Math.random() * 0x7fffffff) | 0;

  // Renamed copies of the template (alias-rename) compiled once per text, for this check only.
  const compiled = new Map<string, Template>([[setup.template.source.text, setup.template]]);
  // The event of the inputs being judged: every render of one judgement (the property's re-renders too) sees it.
  let currentEvent: Record<string, unknown> | undefined;
  const context: PropertyContext = {
    template: setup.template,
    analysis: analyze(setup.template),
    feeds: setup.feeds,
    mergeDataFeedContext: setup.mergeDataFeedContext,
    render(which, user, feeds, merge = setup.mergeDataFeedContext): RenderResult {
      let target = typeof which === 'string' ? compiled.get(which) : which;
      if (!target) {
        target = compile(which as string, setup.template.file !== undefined ? { file: setup.template.file } : {});
        compiled.set(which as string, target);
      }
      return target.render({ user, ...(currentEvent ? { event: currentEvent } : {}), feeds, mergeDataFeedContext: merge, ...setup.services });
    },
  };
  const inputs = fc.record({
    user: userArbitrary({ samples: setup.users, ...setup.userFields }),
    event: setup.events.length ? fc.constantFrom(...setup.events) : fc.constant(undefined),
    feeds: feedSet(setup.feeds),
  });
  const judge = (
    property: Property,
    user: Record<string, unknown>,
    event: Record<string, unknown> | undefined,
    feeds: FeedResponse[],
  ): { reason: string | undefined; inputs: CheckInputs } => {
    currentEvent = event;
    const result = context.render(setup.template, user, feeds);
    const checked: CheckInputs = { user, ...(event ? { event } : {}), feeds, result };
    return { reason: property.check(context, checked), inputs: checked };
  };

  const failures: CheckFailure[] = [];
  for (const property of properties) {
    const details = fc.check(
      fc.property(inputs, ({ user, event, feeds }) => judge(property, user, event, feeds).reason === undefined),
      { seed, numRuns: runs },
    );
    if (!details.failed || !details.counterexample) continue;
    const [{ user, event, feeds }] = details.counterexample;
    let message: string;
    let counterexample: CheckInputs;
    try {
      const judged = judge(property, user, event, feeds);
      message = judged.reason ?? 'the property failed';
      counterexample = judged.inputs;
    } catch (error) {
      message = `the property threw: ${error instanceof Error ? error.message : String(error)}`;
      counterexample = { user, ...(event ? { event } : {}), feeds, result: { output: '', diagnostics: [] } };
    }
    failures.push({ property: property.name, message, counterexample, seed, path: details.counterexamplePath ?? undefined });
  }
  return { template: setup.shown, seed, runs, passed: failures.length === 0, failures };
}
