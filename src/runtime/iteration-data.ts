/**
 * The data variables of one loop iteration, computed when read instead of stored (a loop body rarely reads more
 * than one or two): `@index` (0-based), `@key`, `@first`/`@last` (`first`/`last`, else the empty string, as EachHelper sets them),
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
    /** Over an object's entries Handlebars.java's EachHelper sets no `@odd`/`@even` (fuzz odd-even-over-object). */
    private readonly overObject = false,
  ) {}

  /** Handlebars.java's EachHelper combines 7 variables per array element, 4 per object entry. */
  get size(): number {
    return this.overObject ? 4 : 7;
  }

  has(name: string): boolean {
    if (this.overObject && (name === 'odd' || name === 'even')) return false;
    return NAMES.has(name);
  }

  get(name: string): Value {
    switch (name) {
      case 'index':
        return JsonNumber.fromNumber(this.index);
      case 'key':
        return this.key;
      case 'first':
        return this.index === 0 ? 'first' : '';
      case 'last':
        return this.index === this.count - 1 ? 'last' : '';
      case 'odd':
        return !this.overObject && this.index % 2 === 1 ? 'odd' : '';
      case 'even':
        return !this.overObject && this.index % 2 === 0 ? 'even' : '';
      case 'index_1':
        return JsonNumber.fromNumber(this.index + 1);
      default:
        return undefined;
    }
  }
}
