/**
 * The `{{ }}` root of an event-triggered message (a triggered campaign, a journey step after an event).
 *
 * What Iterable documents (support articles cited by URL):
 *   - `{{x}}` reads "user profile and event data" alike ("Personalizing Templates with Handlebars",
 *     https://support.iterable.com/hc/en-us/articles/205480365, sections "Sample event data" and "Referencing user
 *     profile and event fields"); when the triggering event and the profile both have a field, the **event's value
 *     wins**, and `{{profile.x}}` reads the profile's value instead ("Troubleshooting Handlebars Code",
 *     https://support.iterable.com/hc/en-us/articles/36530857619348: event fields overriding profile fields);
 *   - feed URLs are rendered with the same `{{ }}` fields, events included (the API's template and campaign types,
 *     github.com/Iterable/api-client `src/types/campaigns.ts`), and with "Merge the data feed and user contexts"
 *     feed fields come last: event > profile > feed (iterable-semantics §1).
 *
 * What mergetag infers (docs/differences.md):
 *   - the event's data fields sit at the top level of `{{ }}`, over the profile's (a shallow merge, as the feed
 *     merge is);
 *   - `profile` names the whole profile only when there is an event: in a message without one (a blast), `{{x}}`
 *     already reads the profile and `{{profile.x}}` is an ordinary path, a field named `profile`. With an event,
 *     the `profile` namespace wins over a profile or event field of that name, since the documented
 *     `{{profile.x}}` must reach the profile;
 *   - `[[ ]]` tags never read event fields: they read the feed context only (DESIGN.md rule 1).
 */
import type { JsonObject, Value } from '../values/types.js';

/** The name under which an event-triggered message's `{{ }}` root keeps the whole user profile. */
export const PROFILE_NAMESPACE = 'profile';

/**
 * The `{{ }}` root for a user profile and, when the message is event-triggered, the event's data fields: the
 * profile's fields, the event's over them, and the profile again under `profile`. Without an event, the profile.
 */
export function userContext(profile: Value, event: Value): Value {
  if (event === undefined || event === null) return profile;
  const root: JsonObject = profile instanceof Map ? new Map(profile) : new Map<string, Value>();
  if (event instanceof Map) for (const [key, value] of event) root.set(key, value);
  root.set(PROFILE_NAMESPACE, profile instanceof Map ? profile : new Map<string, Value>());
  return root;
}
