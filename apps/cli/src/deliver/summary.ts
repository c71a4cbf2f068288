import type { Skipped } from './plan.ts';

/** One recipient's line in the summary: what this run did for them. */
export interface SendResult {
  readonly channel: string;
  readonly recipient: string;
  /** The newest digest the message is of (null: none concerned). */
  readonly date: string | null;
  /** Every digest it covers (a weekly e-mail's several). */
  readonly dates?: readonly string[] | undefined;
  readonly status: 'sent' | 'failed' | 'written' | Skipped['status'];
  /** Tries in this run. */
  readonly attempts: number;
  /** Why it failed, why it was skipped, or where --dry-run wrote it. */
  readonly note: string;
  /** How error lines name it: a chat's type, name and host (`slack "lab-slack" (https://hooks.slack.com/…)`). */
  readonly label?: string | undefined;
}

/**
 * The end-of-run table, one line per recipient and digest, then what went wrong where:
 *
 *     recipient                   channel  digest      status  attempts
 *     naibing.wu@uni.example.edu  email    2026-12-05  sent           1
 *     lab-slack                   slack    2026-12-05  failed         3
 *
 *     slack "lab-slack" (https://hooks.slack.com/…): 404 Not Found: no_service (after 1 attempt)
 */
export function formatSendSummary(results: readonly SendResult[]): string {
  if (results.length === 0) return 'nothing to send: no member with an e-mail and no chat in the delivery config\n';
  const rows = [...results].sort((a, b) => rank(a) - rank(b) || Number(a.channel !== 'email') - Number(b.channel !== 'email')
    || a.channel.localeCompare(b.channel) || a.recipient.localeCompare(b.recipient) || (a.date ?? '').localeCompare(b.date ?? ''));
  const cells = rows.map((r) => [
    r.recipient, r.channel, digestCell(r), r.status, r.attempts ? String(r.attempts) : '',
    r.status === 'not due' || r.status === 'off' || r.status === 'written' ? r.note : '',
  ]);
  const head = ['recipient', 'channel', 'digest', 'status', 'attempts', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) => c.map((v, i) => (i === 4 ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const out = [line(head), ...cells.map(line)];
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  out.push('', [...counts].map(([status, n]) => `${n} ${status}`).join(', '));
  for (const r of rows.filter((x) => x.status === 'failed')) {
    out.push(`${r.label ?? `${r.channel} ${r.recipient}`}: ${r.note}${r.attempts ? ` (after ${r.attempts} attempt${r.attempts === 1 ? '' : 's'})` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

const ORDER = ['failed', 'sent', 'written', 'already sent', 'not due', 'off'];
const rank = (r: SendResult) => ORDER.indexOf(r.status);

/** `2026-12-05`, or `2026-12-05 (+3)` for a weekly e-mail covering three more. */
function digestCell(r: SendResult): string {
  if (!r.date) return '-';
  const more = (r.dates?.length ?? 1) - 1;
  return more > 0 ? `${r.date} (+${more})` : r.date;
}
