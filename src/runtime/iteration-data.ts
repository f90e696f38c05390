/**
 * The data variables of one loop iteration, computed when read instead of stored (a loop body rarely reads more
 * than one or two): `@index` (0-based), `@key`, `@first`/`@last` (print `first`/`last`, else nothing),
 * `@odd`/`@even` (print `odd`/`even`), `@index_1` (1-based). Handlebars.java's EachHelper; corpus `each.*`.
 */
import { JsonNumber } from '../values/json-number.js';
import type { Value } from '../values/types.js';
import type { DataVars } from './scope.js';

const NAMES = new Set(['index', 'key', 'first', 'last', 'odd', 'even', 'index_1']);

export class IterationData implements DataVars {
  constructor(
    private readonly index: number,
    private readonly count: number,
    private readonly key: Value,
  ) {}

  has(name: string): boolean {
    return NAMES.has(name);
  }

  get(name: string): Value {
    switch (name) {
      case 'index':
        return JsonNumber.fromNumber(this.index);
      case 'key':
        return this.key;
      case 'first':
        return this.index === 0 ? 'first' : undefined;
      case 'last':
        return this.index === this.count - 1 ? 'last' : undefined;
      case 'odd':
        return this.index % 2 === 1 ? 'odd' : undefined;
      case 'even':
        return this.index % 2 === 0 ? 'even' : undefined;
      case 'index_1':
        return JsonNumber.fromNumber(this.index + 1);
      default:
        return undefined;
    }
  }
}
