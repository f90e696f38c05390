/**
 * The preview's HTTP contract as the browser app names it: the types are the server's own (src/preview/contract.ts),
 * so a change on either side is a type error on the other.
 */
import type { CaseView, FeedView, JsonError, ProjectView, StaticData, ViewDiagnostic } from '../contract.js';

export type { CaseView, JsonError, StaticData };
export type ProjectInfo = ProjectView;
export type ProjectTemplate = ProjectView['templates'][number];
export type Finding = ViewDiagnostic;
export type FeedData = FeedView;
