/**
 * `mergetag render --all`: every template × user × variant of the project, one at a time (outputs are written as
 * they come, never held), with a progress line on a terminal and a summary of what rendered and what Iterable
 * would skip, and why.
 */
import { mkdirSync } from 'node:fs';
import { basename, extname, join, relative, resolve } from 'node:path';
import { writeFileAtomic } from '../../io/atomic-write.js';
import type { Project } from '../../project/project.js';
import type { CliIO } from '../io.js';
import { displayPath } from '../paths.js';
import { paint } from '../io.js';

export interface SummaryRow {
  template: string;
  user: string;
  variant: string | null;
  status: 'rendered' | 'skipped' | 'not-rendered';
  reason?: string;
  message?: string;
  hint?: string;
  output?: string;
  warnings: number;
}

export function renderAll(project: Project, outDir: string, io: CliIO, services: { now?: Date; hmacSecret?: string }): number {
  const out = resolve(io.cwd, outDir);
  const templates = project.templates();
  const users = [...project.users.values()];
  const variants = Object.entries(project.config.variants);
  const cases = templates.flatMap((template) =>
    users.flatMap((user) => [
      { template, user, variant: undefined as string | undefined },
      ...variants
        .filter(([, v]) => v.feed === undefined || template.settings.feeds.includes(v.feed))
        .map(([name]) => ({ template, user, variant: name as string | undefined })),
    ]),
  );
  const rows: SummaryRow[] = [];
  const progress = io.stderrIsTTY;
  const sharedUrls = new Map<string, Set<string>>();
  cases.forEach(({ template, user, variant }, index) => {
    if (progress) io.stderr(`\r\u001b[K[${index + 1}/${cases.length}] ${template.display} × ${user.id}${variant ? ` (${variant})` : ''}`);
    const result = project.renderCase(template, user, variant, services);
    const row: SummaryRow = { template: template.display, user: user.id, variant: variant ?? null, status: 'rendered', warnings: 0 };
    if (template.settings.cacheDataFeed) {
      for (const request of result.requests) {
        const key = `${template.display}\u0000${request.feedId}\u0000${request.url}`;
        if (!sharedUrls.has(key)) sharedUrls.set(key, new Set());
        sharedUrls.get(key)!.add(user.id);
      }
    }
    if (result.problem) {
      Object.assign(row, { status: 'not-rendered', message: result.problem.message, hint: result.problem.hint });
    } else if (result.result!.skip) {
      Object.assign(row, { status: 'skipped', reason: result.result!.skip.reason, message: result.result!.skip.message });
    } else {
      const dir = join(out, basename(template.file, extname(template.file)));
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${user.id}${variant ? `.${variant}` : ''}${extname(template.file) || '.html'}`);
      writeFileAtomic(file, result.result!.output);
      row.output = relative(io.cwd, file) || file;
    }
    row.warnings = result.result?.diagnostics.filter((d) => d.severity === 'warning').length ?? 0;
    rows.push(row);
  });
  if (progress) io.stderr('\r\u001b[K');
  mkdirSync(out, { recursive: true });
  const cacheNotes = [...sharedUrls]
    .filter(([, ids]) => ids.size > 1)
    .map(([key, ids]) => {
      const [template, feedId, url] = key.split('\u0000');
      return `${template}: with cacheDataFeed, users ${[...ids].join(', ')} share one cached response of feed '${feedId}' (GET ${url}) for an hour: for a Voucherify publication feed, the same voucher`;
    });
  const counts = {
    rendered: rows.filter((r) => r.status === 'rendered').length,
    skipped: rows.filter((r) => r.status === 'skipped').length,
    notRendered: rows.filter((r) => r.status === 'not-rendered').length,
  };
  writeFileAtomic(join(out, 'summary.json'), `${JSON.stringify({ counts, cases: rows, notes: cacheNotes }, null, 2)}\n`);
  const colors = paint(io);
  const shownOut = displayPath(io.cwd, out);
  const lines = [`${counts.rendered} rendered, ${counts.skipped} skipped, ${counts.notRendered} not rendered (of ${rows.length}) → ${shownOut}`];
  for (const row of rows) {
    const label = `${row.template} × ${row.user}${row.variant ? ` (${row.variant})` : ''}`;
    if (row.status === 'skipped') lines.push(`  ${colors.warning('skipped')}  ${label}: ${row.reason}: ${row.message}`);
    if (row.status === 'not-rendered') lines.push(`  ${colors.error('error')}    ${label}: ${row.message}\n           ${row.hint}`);
  }
  for (const note of cacheNotes) lines.push(`  ${colors.warning('note')}     ${note}`);
  io.stdout(`${lines.join('\n')}\n`);
  return counts.skipped + counts.notRendered > 0 ? 1 : 0;
}
