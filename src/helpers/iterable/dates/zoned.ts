/**
 * Zoned date-times: an instant seen in a zone (`ZonedDateTime.ofInstant`), and a wall-clock time placed in a zone
 * (`ZonedDateTime.ofLocal`, with Java's rules for daylight-saving gaps and overlaps).
 */
import { localDateTimeOf, localEpochSecond, type Instant, type LocalDateTime } from './calendar.js';
import type { ZonedFields } from './java-pattern.js';
import type { DateLocale } from './locale.js';
import type { Zone } from './zone.js';

export function zonedFields(instant: Instant, zone: Zone, locale: DateLocale): ZonedFields {
  const offsetSeconds = zone.offsetSeconds(instant);
  return { instant, zone, offsetSeconds, local: localDateTimeOf(instant, offsetSeconds), locale };
}

/**
 * The instant of a wall-clock time in a zone. In an overlap (clocks going back) the `preferredOffset` wins when
 * it is one of the two, else the earlier instant; in a gap (clocks going forward) the time moves later by the
 * gap's length. Both as `ZonedDateTime.ofLocal(local, zone, preferredOffset)`.
 */
export function instantOfLocal(local: LocalDateTime, zone: Zone, preferredOffset?: number): Instant {
  const localSecond = localEpochSecond(local);
  const at = (epochSecond: number): number => zone.offsetSeconds({ epochSecond, nano: 0 });
  // Every offset that could apply near this wall time.
  const candidates = [...new Set([at(localSecond - 2 * 86_400), at(localSecond), at(localSecond + 2 * 86_400)])];
  const valid = candidates.filter((offset) => at(localSecond - offset) === offset);
  let offset: number;
  if (valid.length === 1) offset = valid[0]!;
  else if (valid.length > 1) offset = preferredOffset !== undefined && valid.includes(preferredOffset) ? preferredOffset : Math.max(...valid);
  else offset = at(localSecond - Math.max(...candidates));
  return { epochSecond: localSecond - offset, nano: local.nano };
}
