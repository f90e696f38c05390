/**
 * The test DSL (DESIGN.md §6), after Handlebars.js' `expectTemplate(...).toCompileTo(...)`:
 *
 *   expectTemplate('[[a.b]]').withFeed('a', { b: 1 }).toRender('1');
 *   expectTemplate('{{x}}').withUser('{"x": 5.0}').toRender('5.0');      // JSON text keeps number spelling
 *   expectTemplate('{{#if x}}[[else]]{{/if}}').toReport('mixed-else', '[[else]]');
 *   expectTemplate('{{total}} {{profile.firstName}}').withUser(profile).withEvent(purchase).toRender('25.5 Ann');
 *   expectTemplate('{{foo a}}').toSkip('HandlebarsExecutionError', /could not find helper/);
 */
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { FeedResponse } from '../../src/iterable/feed-context.js';
import type { HelperRegistry } from '../../src/helpers/registry.js';
import type { SkipReason } from '../../src/runtime/errors.js';
import { compile, type RenderInput, type RenderResult } from '../../src/iterable/template.js';
import type { Family } from '../../src/syntax/ast.js';

export class TemplateExpectation {
  private user: unknown;
  private event: unknown;
  private readonly feeds: FeedResponse[] = [];
  private merge = false;
  private helpers: HelperRegistry | undefined;
  private families: Family[] | undefined;
  private now: Date | undefined;
  private services: Pick<RenderInput, 'hmacSecret' | 'snippets' | 'catalogs'> = {};

  constructor(private readonly template: string) {}

  /** The user profile: JSON text (number spelling kept) or a JavaScript value. */
  withUser(user: unknown): this {
    this.user = user;
    return this;
  }

  /** The data fields of the event that triggered the message (an event-triggered campaign). */
  withEvent(event: unknown): this {
    this.event = event;
    return this;
  }

  /** A feed response under an alias. */
  withFeed(alias: string, body: unknown, status?: number): this {
    this.feeds.push(status === undefined ? { alias, body } : { alias, body, status });
    return this;
  }

  /** A feed response without an alias: its keys sit at the root of `[[ ]]`. */
  withUnaliasedFeed(body: unknown, status?: number): this {
    this.feeds.push(status === undefined ? { body } : { body, status });
    return this;
  }

  mergingContexts(): this {
    this.merge = true;
    return this;
  }

  withHelpers(helpers: HelperRegistry): this {
    this.helpers = helpers;
    return this;
  }

  onlyFamily(family: Family): this {
    this.families = [family];
    return this;
  }

  at(now: Date): this {
    this.now = now;
    return this;
  }

  withHmacSecret(secret: string): this {
    this.services.hmacSecret = secret;
    return this;
  }

  withSnippets(snippets: NonNullable<RenderInput['snippets']>): this {
    this.services.snippets = snippets;
    return this;
  }

  withCatalogs(catalogs: NonNullable<RenderInput['catalogs']>): this {
    this.services.catalogs = catalogs;
    return this;
  }

  run(): RenderResult {
    const options = { file: 'test.hbs', ...(this.helpers ? { helpers: this.helpers } : {}), ...(this.families ? { families: this.families } : {}) };
    const input: RenderInput = { feeds: this.feeds, mergeDataFeedContext: this.merge, ...this.services };
    if (this.user !== undefined) input.user = this.user;
    if (this.event !== undefined) input.event = this.event;
    if (this.now) input.now = this.now;
    return compile(this.template, options).render(input);
  }

  toRender(expected: string): RenderResult {
    const result = this.run();
    expect(result.skip, `unexpected skip for ${JSON.stringify(this.template)}: ${result.skip?.message}`).toBeUndefined();
    expect(result.output).toBe(expected);
    return result;
  }

  /** Same as toRender, in Handlebars.js' words. */
  toCompileTo(expected: string): RenderResult {
    return this.toRender(expected);
  }

  toSkip(reason: SkipReason, message?: RegExp): RenderResult {
    const result = this.run();
    expect(result.skip?.reason, `expected a ${reason} skip, got output ${JSON.stringify(result.output)}`).toBe(reason);
    if (message) expect(result.skip?.message).toMatch(message);
    expect(result.output).toBe('');
    return result;
  }

  /** Expects a diagnostic of this rule whose span covers exactly `highlighted` (theme-check's highlight style). */
  toReport(ruleId: string, highlighted?: string): Diagnostic {
    const result = this.run();
    const found = result.diagnostics.filter((d) => d.ruleId === ruleId);
    expect(
      found.map((d) => d.ruleId),
      `diagnostics: ${result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`).join('; ')}`,
    ).toContain(ruleId);
    if (highlighted !== undefined) {
      const spans = found.map((d) => this.template.slice(d.start.offset, d.end.offset));
      expect(spans).toContain(highlighted);
      return found[spans.indexOf(highlighted)]!;
    }
    return found[0]!;
  }

  toReportNothing(): void {
    const result = this.run();
    expect(result.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  }
}

export function expectTemplate(template: string): TemplateExpectation {
  return new TemplateExpectation(template);
}
