/**
 * Object keys and path segments as V8 keeps property names: internalized (one copy per content). A `Map` compares
 * two internalized strings by pointer, and any other pair by content, in a call per lookup; the keys of a payload
 * read by jsonc-parser and the segments of a template's paths are substrings of their texts, so without this every
 * path step paid that call (measured: a third of the welcome email's render time, issue 11).
 *
 * The `in` test on an empty object is how: V8 turns its operand into a property name, internalizing the string in
 * place (the string itself now refers to the internalized copy). Its result is not used; the string is unchanged.
 */
const NO_PROPERTIES: object = Object.freeze(Object.create(null) as object);

export function propertyKey(text: string): string {
  void (text in NO_PROPERTIES);
  return text;
}
