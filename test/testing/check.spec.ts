/**
 * checkTemplate: each built-in property passes on a correct template and fails, with a shrunk counterexample and a
 * message naming what broke, on one that breaks it; the welcome project passes them all.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildKnowledge, type FeedKnowledge } from '../../src/lint/knowledge.js';
import { openProject } from '../../src/project/open.js';
import { checkTemplate, PROPERTIES, type CheckOptions } from '../../src/testing/index.js';
import { toValue } from '../../src/values/json.js';

const welcomeDir = fileURLToPath(new URL('../../fixtures/welcome/', import.meta.url));
const PUBLISH = 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{#urlEncode}}{{{source_id}}}{{/urlEncode}}&campaign[name]=Welcome';

function feeds(...list: Array<{ id: string; alias?: string; url?: string; samples?: unknown[] }>): readonly FeedKnowledge[] {
  return buildKnowledge({
    feeds: list.map((feed) => ({ id: feed.id, alias: feed.alias, url: feed.url ?? PUBLISH, samples: (feed.samples ?? []).map(toValue) })),
  }).feeds!;
}

const users = [
  { source_id: 'ann+vip@example.com', firstName: 'Ann', website: 'https://ann.example' },
  { source_id: "cust 1/o'brien", firstName: 'Seán' },
];
const welcome = feeds({ id: 'welcome', alias: 'welcome_codes' });

function check(template: string, property: string, options: CheckOptions = {}) {
  return checkTemplate(template, { feeds: welcome, users, runs: 60, seed: 7, properties: [property], ...options });
}

function failure(template: string, property: string, options: CheckOptions = {}) {
  const result = check(template, property, options);
  expect(result.passed).toBe(false);
  expect(result.failures).toHaveLength(1);
  expect(result.failures[0]!.property).toBe(property);
  return result.failures[0]!;
}

describe('the welcome project', () => {
  const project = openProject({ cwd: welcomeDir });
  const entry = project.templates()[0]!;

  it('passes every built-in property, with the seed it ran reported', () => {
    const result = checkTemplate(project.compiledTemplate(entry), { project, templateEntry: entry, runs: 100 });
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.template).toBe('welcome.html');
    expect(Number.isInteger(result.seed)).toBe(true);
    expect(result.runs).toBe(100);
  });

  it('fails prints-scalars on [[welcome_codes.voucher.metadata.marketing_text]] printed without its guard', () => {
    const text = project
      .compiledTemplate(entry)
      .source.text.replace('[[#if welcome_codes.voucher.metadata.marketing_text]]', '[[#if welcome_codes.voucher.code]]');
    const result = checkTemplate(text, { project, templateEntry: entry, seed: 1 });
    expect(result.failures.map((f) => f.property)).toEqual(['prints-scalars']);
    const [failed] = result.failures;
    expect(failed!.message).toContain('[[welcome_codes.voucher.metadata.marketing_text]]');
    expect(failed!.message).toContain('prints nothing');
    expect(failed!.seed).toBe(1);
    expect(failed!.path).toMatch(/^\d+(:\d+)*$/);
    // Shrunk: the publication has no metadata text, and the render shows the blank.
    const [feed] = failed!.counterexample.feeds;
    expect(feed!.alias).toBe('welcome_codes');
    expect((feed!.body as { voucher: { metadata?: { marketing_text?: unknown } } }).voucher.metadata?.marketing_text ?? '').toBe('');
    expect(failed!.counterexample.result.output).toContain('color:#c8793a;"></div>');
  });

  it('takes the template by its path in the project', () => {
    expect(checkTemplate('welcome.html', { project, runs: 20, seed: 3 }).passed).toBe(true);
  });

  it('is reproducible: the same seed gives the same counterexample', () => {
    const text = '[[welcome_codes.voucher.metadata.marketing_text]]';
    const a = checkTemplate(text, { project, templateEntry: entry, seed: 99, properties: ['prints-scalars'] });
    const b = checkTemplate(text, { project, templateEntry: entry, seed: 99, properties: ['prints-scalars'] });
    expect(a.failures[0]!.counterexample).toEqual(b.failures[0]!.counterexample);
  });
});

describe('each built-in property passes on a correct template and fails on one that breaks it', () => {
  it('not-skipped: a comparison on a missing field fails the send', () => {
    expect(check('[[welcome_codes.voucher.code]]', 'not-skipped').passed).toBe(true);
    const failed = failure('[[#ifEq welcome_codes.voucher.metadata.tier "gold"]]Gold[[/ifEq]]', 'not-skipped');
    expect(failed.message).toMatch(/every feed answered 200, yet Iterable would not send the message: HandlebarsExecutionError/);
  });

  it('prints-scalars: a field some sample users lack, printed unguarded', () => {
    expect(check('Hi {{firstName}} {{#if website}}{{website}}{{/if}} [[welcome_codes.voucher.code]]', 'prints-scalars').passed).toBe(true);
    const failed = failure('Visit {{website}}', 'prints-scalars');
    expect(failed.message).toMatch(/^\{\{website\}\} \(line 1\) prints nothing: the value is (missing|null|an empty string)/);
  });

  it('no-garbage: an object printed whole, an empty href', () => {
    expect(check('[[welcome_codes.voucher.discount.type]] <a href="{{unsubscribeUrl}}">x</a>', 'no-garbage').passed).toBe(true);
    expect(failure('[[welcome_codes.voucher.discount]]', 'no-garbage').message).toMatch(/\[\[welcome_codes.voucher.discount\]\] \(line 1\) prints an object/);
    expect(failure('<a href="{{website}}">site</a>', 'no-garbage').message).toMatch(/empty href/);
    // A list of names printed whole: Iterable writes its JSON, nulls and all.
    const listed = feeds({ id: 'list', alias: 'list', url: 'https://example.com/list', samples: [{ names: ['Ann', null] }] });
    expect(failure('[[list.names]]', 'no-garbage', { feeds: listed }).message).toMatch(
      /^\[\[list.names\]\] \(line 1\) prints an array \(\["Ann",null\]\) whole/,
    );
  });

  it('feed-url: a query parameter from a field some users lack', () => {
    expect(check('x', 'feed-url').passed).toBe(true);
    const nickname = feeds({
      id: 'welcome',
      alias: 'welcome_codes',
      url: 'https://api.voucherify.io/v1/publications/create?customer[source_id]={{firstName}}',
    });
    const failed = failure('x', 'feed-url', { feeds: nickname });
    expect(failed.message).toMatch(/feed 'welcome': the query parameter customer\[source_id\] is empty/);
  });

  it('max-size: a message over 102 KB', () => {
    expect(check('x'.repeat(1000), 'max-size').passed).toBe(true);
    expect(failure('[[welcome_codes.voucher.code]]' + 'x'.repeat(110 * 1024), 'max-size').message).toMatch(/over 104448 \(102 KB\)/);
  });

  it('alias-rename: output that depends on the alias name', () => {
    expect(check('[[welcome_codes.voucher.code]] [[#with welcome_codes.voucher]][[code]][[/with]]', 'alias-rename').passed).toBe(true);
    const failed = failure('[[#each this]][[@key]][[/each]]', 'alias-rename');
    expect(failed.message).toMatch(/renaming the alias 'welcome_codes' to 'renamed_welcome_codes'/);
  });

  it('alias-reorder: output that depends on the order of aliased feeds', () => {
    const two = feeds({ id: 'first', alias: 'first' }, { id: 'second', alias: 'second' });
    expect(check('[[first.voucher.code]] [[second.voucher.code]]', 'alias-reorder', { feeds: two }).passed).toBe(true);
    const failed = failure('[[#each this]][[@key]] [[/each]]', 'alias-reorder', { feeds: two });
    expect(failed.message).toMatch(/reversing the order of the aliased feeds \(first, second\) changes the message/);
  });

  it('unaliased-merge: a path only the earlier of two unaliased feeds has', () => {
    const two = feeds(
      { id: 'promo', url: 'https://example.com/promo', samples: [{ voucher: { code: 'A', metadata: { text: 'Hello' } } }] },
      { id: 'codes', url: 'https://example.com/codes', samples: [{ voucher: { code: 'B' } }] },
    );
    expect(check('[[voucher.code]]', 'unaliased-merge', { feeds: two }).passed).toBe(true);
    const failed = failure('[[voucher.metadata.text]]', 'unaliased-merge', { feeds: two });
    expect(failed.message).toMatch(
      /^\[\[voucher.metadata.text\]\] \(line 1\) is in unaliased feed #1, but a later unaliased feed's 'voucher' replaces it whole/,
    );
  });

  it('merge-context: a {{field}} both the user and the feed hold reads the user', () => {
    const unaliased = feeds({ id: 'welcome' });
    const options = { feeds: unaliased, mergeDataFeedContext: true };
    expect(check('{{firstName}} {{voucher.code}} [[voucher.code]]', 'merge-context', options).passed).toBe(true);
    const failed = failure('{{source_id}}', 'merge-context', { ...options, feeds: feeds({ id: 'welcome', samples: [] }) });
    expect(failed.message).toMatch(/^\{\{source_id\}\} \(line 1\) reads the user's 'source_id' .* with mergeDataFeedContext the user field wins/);
  });
});

describe('options', () => {
  it('names every built-in property', () => {
    expect(PROPERTIES.map((p) => p.name)).toEqual([
      'not-skipped',
      'prints-scalars',
      'no-garbage',
      'feed-url',
      'max-size',
      'alias-rename',
      'alias-reorder',
      'unaliased-merge',
      'merge-context',
    ]);
  });

  it('refuses an unknown property name', () => {
    expect(() => checkTemplate('x', { properties: ['prints-scalar'] })).toThrow(/unknown property 'prints-scalar'; the properties are: not-skipped, /);
  });

  it("runs the user's own properties: false or a string fails, with the string as the reason", () => {
    const result = checkTemplate('Code: [[welcome_codes.voucher.code]]', {
      feeds: welcome,
      users,
      seed: 4,
      runs: 50,
      properties: [],
      custom: [
        { name: 'has-code', check: (output, { feeds }) => feeds[0]!.status !== 200 || /Code: \S/.test(output) },
        { name: 'short', check: (output) => (output.length < 8 ? undefined : `the message is ${output.length} characters`) },
      ],
    });
    expect(result.failures.map((f) => f.property)).toEqual(['short']);
    const [failed] = result.failures;
    // Shrunk to the shortest code that still fails: 'Code: ' and two characters.
    expect(failed!.counterexample.result.output).toMatch(/^Code: \S{2}$/);
    expect(failed!.message).toBe('the message is 8 characters');
  });
});
