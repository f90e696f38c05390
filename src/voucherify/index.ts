/** Voucherify: publication and error payload schemas, API regions, and checks of response bodies and recordings. */
export * from './publication.js';
export * from './regions.js';
export { validateRecordingText, validateResponseText, RULES as VOUCHERIFY_RULES } from './validate.js';
