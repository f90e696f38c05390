/**
 * One case per class of difference that the random differential against Handlebars.java found after
 * fuzz-classes.jsonl was fixed (test/fixtures/conformance/differential.jsonl, issue 11). Each expected output or
 * error is what a build of Iterable's engine answered (docs/conformance.md, "The engine protocol"); ids name the
 * general rule.
 */
import { fileURLToPath } from 'node:url';
import { describeCaseFile, type KnownDifferences } from './case-file-suite.js';
import { loadCaseFile } from './corpus.js';

const cases = loadCaseFile(fileURLToPath(new URL('../fixtures/conformance/differential.jsonl', import.meta.url)));

/** id → why mergetag renders it differently, and the diagnostic that tells the user (docs/differences.md). */
const KNOWN_DIFFERENCES: KnownDifferences = {};

describeCaseFile('conformance: differential.jsonl (classes the random differential found)', 'differential.jsonl', cases, KNOWN_DIFFERENCES);
