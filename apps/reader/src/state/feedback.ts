// "Export my stars and dismissals for the ranking": the device's signals as JSON lines, which
// the ranking is to learn from (issue 19) where there is no reading room to pull them from.
// One signal a line, keys in this order, unknown ones left out:
//   {"paper": "<paper id>", "signal": "star" | "dismiss" | "read" | "nominate", "member": "<name>", "area": "<area id>", "at": "<ISO time>"}
import type { StateField } from '@labdigest/core';
import type { PaperRecord } from './paper-record.ts';

export type Signal = 'star' | 'dismiss' | 'read' | 'nominate';

const SIGNALS: readonly (readonly [Signal, StateField, (r: PaperRecord) => boolean])[] = [
  ['star', 'starred', (r) => r.starred],
  ['dismiss', 'dismissed', (r) => r.dismissed],
  ['read', 'read', (r) => r.read],
  ['nominate', 'nominated', (r) => r.nominated !== null],
];

/**
 * The file's text: a line per signal the records hold now (a star taken back is no signal), by paper
 * id, then star, dismiss, read, nominate. `member` is the member the device is (or was) signed in as,
 * null to leave it out; `at` is left out when only estimated (a read mark from the first version of the store).
 */
export function feedbackLines(records: readonly PaperRecord[], member: string | null): string {
  const lines: string[] = [];
  for (const record of [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    for (const [signal, field, holds] of SIGNALS) {
      if (!holds(record)) continue;
      const stamp = record.stamps[field];
      lines.push(JSON.stringify({
        paper: record.id, signal,
        ...(member ? { member } : {}),
        ...(record.area ? { area: record.area } : {}),
        ...(stamp && !stamp.estimated ? { at: stamp.at } : {}),
      }));
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** How many signals the records hold: the export is offered when there is one. */
export function signalCount(records: readonly PaperRecord[]): number {
  return records.reduce((n, r) => n + SIGNALS.filter(([, , holds]) => holds(r)).length, 0);
}
