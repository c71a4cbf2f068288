import { redactSecrets } from './redact.ts';
import type { FetchReport } from './run-fetch.ts';

const columns = ['fetched', 'new', 'duplicates', 'rejected', 'errors'] as const;

/**
 * The end-of-run table, one line per source and a total, then what went wrong where:
 *
 *     source        fetched  new  duplicates  rejected  errors
 *     arxiv-mtrl        150  120          30         2       0
 *     total             150  120          30         2       0
 */
export function formatFetchSummary(report: FetchReport, maxRejectedShown = 5): string {
  const rows = report.sources.map((s) => ({
    name: s.source,
    values: [s.fetched, s.new, s.duplicates, s.rejected.length, s.errors.length],
    note: s.crashed ? 'failed: internal error' : s.notModified ? 'not modified since the last run' : s.errors.length > 0 && s.pages === 0 ? 'failed' : '',
  }));
  const total = columns.map((_, i) => rows.reduce((sum, r) => sum + (r.values[i] ?? 0), 0));
  const nameWidth = Math.max(6, 'total'.length, ...rows.map((r) => r.name.length));
  const widths = columns.map((c, i) => Math.max(c.length, String(total[i]).length));
  const line = (name: string, cells: readonly (string | number)[], note = '') =>
    `${name.padEnd(nameWidth)}  ${cells.map((c, i) => String(c).padStart(widths[i] ?? 0)).join('  ')}${note ? `  ${note}` : ''}`.trimEnd();

  const out = [line('source', columns), ...rows.map((r) => line(r.name, r.values, r.note))];
  if (rows.length > 1) out.push(line('total', total));
  for (const s of report.sources) {
    for (const error of s.errors) out.push('', `${s.source}: ${error}`);
  }
  for (const s of report.sources) {
    if (s.rejected.length === 0) continue;
    out.push('', `${s.source}: ${s.rejected.length} record${s.rejected.length === 1 ? '' : 's'} skipped:`);
    for (const r of s.rejected.slice(0, maxRejectedShown)) out.push(`  ${r}`);
    if (s.rejected.length > maxRejectedShown) out.push(`  ... and ${s.rejected.length - maxRejectedShown} more`);
  }
  if (!report.anyFetched) out.push('', 'nothing could be fetched: every source failed');
  return `${redactSecrets(out.join('\n'))}\n`;
}

/**
 * Why a fetch run failed, or null when it did not. A source that failed with an internal error (a
 * bug) fails the run even when the others answered: its papers were not stored, and a cron job
 * must hear of it. A run where every source failed fails too; one where some sources failed for
 * reasons of their own (a 503, a malformed feed) succeeds, and the summary names them.
 */
export function fetchFailure(report: FetchReport): string | null {
  const crashed = report.sources.filter((s) => s.crashed).map((s) => s.source);
  if (crashed.length > 0) {
    const which = crashed.length === 1 ? `source ${crashed[0]}` : `sources ${crashed.join(', ')}`;
    return `${which} failed with an internal error (please report it, with the lines above): ${crashed.length === 1 ? 'its' : 'their'} papers were not stored`;
  }
  return report.anyFetched ? null : 'nothing could be fetched: every source failed (see above)';
}
