/** Helpers by name. The renderer looks helpers up here at compile time; the linter reads their `meta`. */
import { editDistance } from '../diagnostics/suggest.js';
import type { HelperDefinition } from './types.js';
import { ownEntry } from '../values/own.js';

export class HelperRegistry {
  private readonly helpers = new Map<string, HelperDefinition>();

  constructor(definitions: Iterable<HelperDefinition> = []) {
    for (const definition of definitions) this.register(definition);
  }

  register(definition: HelperDefinition): this {
    this.helpers.set(definition.meta.name, definition);
    return this;
  }

  get(name: string): HelperDefinition | undefined {
    return this.helpers.get(name);
  }

  has(name: string): boolean {
    return this.helpers.has(name);
  }

  names(): string[] {
    return [...this.helpers.keys()];
  }

  /** A copy with more helpers, so callers can extend the defaults without changing them. */
  with(definitions: Iterable<HelperDefinition>): HelperRegistry {
    const copy = new HelperRegistry(this.helpers.values());
    for (const definition of definitions) copy.register(definition);
    return copy;
  }

  /** The closest known name, for "did you mean" hints: a name from another template language, or a near spelling. */
  suggest(name: string): string | undefined {
    const familiar = ownEntry(FAMILIAR_NAMES, name.toLowerCase());
    if (familiar && this.helpers.has(familiar)) return familiar;
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of this.helpers.keys()) {
      const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    const allowed = Math.max(2, Math.floor(name.length / 3));
    return bestDistance <= allowed ? best : undefined;
  }
}

/** What authors coming from Liquid, handlebars.js helper packs or JavaScript reach for, and Iterable's name for it. */
const FAMILIAR_NAMES: Record<string, string> = {
  upcase: 'upper',
  uppercase: 'upper',
  touppercase: 'upper',
  downcase: 'lower',
  lowercase: 'lower',
  tolowercase: 'lower',
  truncate: 'abbreviate',
  default: 'defaultIfEmpty',
  json: 'toJson',
  tojson: 'toJson',
  url_encode: 'urlEncode',
  urlencode: 'urlEncode',
  encodeuricomponent: 'urlEncode',
  escape: 'urlEncode',
  date: 'dateFormat',
  date_format: 'dateFormat',
  formatdate: 'dateFormat',
  number: 'numberFormat',
  currency: 'numberFormat',
  round: 'numberFormat',
  plus: 'math',
  minus: 'math',
  times: 'math',
  divided_by: 'math',
  add: 'math',
  equals: 'eq',
  contains: 'ifContainsStr',
  includes: 'ifContainsStr',
  strip_html: 'stripTags',
  striptags: 'stripTags',
  newline_to_br: 'breaklines',
  size: 'size',
  length: 'length',
  sort: 'sortBy',
  group_by: 'groupBy',
  base64_encode: 'base64',
  md5hash: 'md5',
};
