import { isoWeekRange, type MeetingResponse } from '@labdigest/core';
import { isHttpUrl } from './entry-parts.ts';
import { escapeMarkdown, linkDestination } from './markdown.ts';

/**
 * The group-meeting list as Markdown, to print or paste into the meeting's notes: each nominated
 * paper with its source and link, every nomination's reason, and who has it starred. Notes and
 * reasons are members' text: escaped, so `<script>` or `*bold*` in a reason prints as written.
 */
export function meetingToMarkdown(meeting: MeetingResponse): string {
  const count = meeting.papers.length;
  const blocks = [`# Group meeting, ${meeting.week}`, `${weekDays(meeting.week)} · ${count} paper${count === 1 ? '' : 's'} nominated`];
  if (count === 0) blocks.push('_No papers nominated this week._');
  meeting.papers.forEach((paper, i) => {
    blocks.push(`## ${i + 1}. ${escapeMarkdown(paper.title ?? paper.paper)}`);
    const source = paper.sourceLine === null ? ['_Only its id is known: the paper is in neither the store nor a digest._'] : [`Source: ${escapeMarkdown(paper.sourceLine)}`];
    if (isHttpUrl(paper.url)) source.push(`[Open paper](${linkDestination(paper.url)})`);
    blocks.push(source.join(' · '));
    blocks.push(paper.nominations.map((n) => `- **${escapeMarkdown(n.member)}**${n.reason.trim() ? `: ${escapeMarkdown(n.reason)}` : ' (no reason given)'}`).join('\n'));
    if (paper.starredBy.length) blocks.push(`Starred by ${paper.starredBy.map(escapeMarkdown).join(', ')}`);
  });
  return `${blocks.join('\n\n')}\n`;
}

/** "30 November – 6 December 2026", "8 June – 14 June 2026"; the year once unless the week spans two. */
function weekDays(week: string): string {
  const range = isoWeekRange(week);
  if (!range) return week;
  const last = new Date(range.end.getTime() - 86_400_000);
  const day = (d: Date, year: boolean) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' });
  return `${day(range.start, range.start.getUTCFullYear() !== last.getUTCFullYear())} – ${day(last, true)}`;
}
