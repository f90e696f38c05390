/**
 * Pieces of JavaScript syntax the Java translation writes and the engines recognise: the input anchors (which the
 * engines run in constant time, or as RE2's `\A` and `\z`) and the marker of Java's atomic groups.
 */
export const LINE_TERMINATORS = '\\n\\r\\u0085\\u2028\\u2029';

/** `\A`: the start of the input, whatever the flags. */
export const INPUT_START = '(?<![\\s\\S])';
/** `\z`: the end of the input, whatever the flags. */
export const INPUT_END = '(?![\\s\\S])';
/** `\Z`, and `$` without MULTILINE: the end of the input, or before a line terminator that ends it. */
export const INPUT_END_BEFORE_TERMINATOR = `(?=(?:\\r\\n|[${LINE_TERMINATORS}])?${INPUT_END})`;
/** Prefix of the group names that mark Java's atomic groups and possessive quantifiers (Java names cannot hold `$`). */
export const ATOMIC_GROUP_PREFIX = '$atomic';
