/**
 * Looking a string from a template, a payload or the command line up in a table written as an object literal.
 * `table[name]` would also find what every object inherits (`constructor`, `toString`, `__proto__`), so a
 * time zone named "constructor" would resolve to a function; only the table's own entries count.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}
