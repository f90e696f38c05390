/**
 * The config's keyed tables (feeds, headers, variants, a variant's `set`) as null-prototype objects.
 *
 * zod builds them as ordinary `{}` objects, so `config.variants['constructor']` would find Object's constructor
 * and `config.feeds['toString']` a function: a name from the command line or a template must only ever find
 * what the config file wrote.
 */
import type { MergetagConfig } from './schema.js';

export function nullPrototype<T>(record: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, record);
}

export function withoutPrototypes(config: MergetagConfig): MergetagConfig {
  const feeds = nullPrototype(config.feeds);
  for (const id of Object.keys(feeds)) feeds[id] = { ...feeds[id]!, headers: nullPrototype(feeds[id]!.headers) };
  const variants = nullPrototype(config.variants);
  for (const name of Object.keys(variants)) variants[name] = { ...variants[name]!, set: nullPrototype(variants[name]!.set) };
  return { ...config, feeds, variants };
}
