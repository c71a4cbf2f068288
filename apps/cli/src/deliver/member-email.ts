import { YOU, learnedLine, type Digest, type DigestEntry, type MemberDelivery } from '@labdigest/core';
import { isHttpUrl, oneLine, splitPicks } from '../export/entry-parts.ts';
import {
  HTML_EMAIL_BUDGET, SHORTENED, STYLE, entryHtml, entryRowHtml, escapeHtml, fitParts, htmlDocument, learnedHtml, type Part,
} from '../export/html-email.ts';
import { entryRowText, entryText, underline, wrap } from '../export/plain-text.ts';
import { dayLabel, dayRange, slug } from './names.ts';

/** What every member's e-mail shares: the group, the sender and where the reader is. */
export interface EmailSettings {
  readonly group: string;
  /** The sender's address: Message-IDs and the List-Id are made on its domain. */
  readonly fromAddress: string;
  /** Where "unsubscribe" goes: the group's contact (group.email), else Reply-To, else the sender. */
  readonly contact: string;
  readonly readerUrl?: string | undefined;
}

export interface MemberEmail {
  readonly to: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly html: string;
  readonly text: string;
  /** `<digest-2026-12-05.naibing-wu@lab.example.org>`: the same for a retry, so mail clients show one. */
  readonly messageId: string;
  /** RFC 2919: `deng-group-digest.lab.example.org`, with the group's name as its comment. */
  readonly listId: { readonly id: string; readonly comment: string };
  /** RFC 2369: a mailto to the contact, with a subject that says who and what. */
  readonly unsubscribe: string;
  /** The digests it covers, newest first (one unless weekly). */
  readonly dates: readonly string[];
  readonly forYou: number;
  readonly picks: number;
}

/** Papers for the member shown in full, by fit; the rest of theirs are rows (picks among them stay full). */
export const FOR_YOU_IN_FULL = 5;
/** One-line rows "for you" after those, at most: the rest are counted, with a link to the reader. */
export const FOR_YOU_ROWS = 40;

interface Item {
  readonly entry: DigestEntry;
  readonly sectionId: string;
  readonly sectionName: string;
  readonly date: string;
}

/**
 * A member's e-mail of one digest (daily) or of the digests since their last e-mail (weekly, newest
 * first): first the papers that concern them, by their fit (the best five and any pick in full, the
 * rest in a line each), then the group's picks of each section not shown above, each section with
 * how many more papers it has, then a link to the reader with their filter set. The HTML keeps under
 * the e-mail budget (the lowest-priority papers in full become rows: picks before their own papers),
 * and the text part shows the same papers the same way.
 */
export function composeMemberEmail(input: {
  readonly digests: readonly Digest[];
  /** `formerly`: the names the member had before (config.ts), as older digests list them. */
  readonly member: { readonly name: string; readonly email: string; readonly formerly?: readonly string[] | undefined };
  readonly cadence: Exclude<MemberDelivery, 'off'>;
  readonly settings: EmailSettings;
  readonly budget?: number | undefined;
  /** The member's key among the group's (names.ts `memberKeys`): what the Message-ID names them by. */
  readonly key?: string | undefined;
}): MemberEmail {
  const { digests, member, cadence, settings } = input;
  const dates = digests.map((d) => d.date);
  const newest = digests[0];
  if (!newest) throw new Error('composeMemberEmail: no digest to send');
  const weekly = cadence === 'weekly';
  const items = digests.flatMap((d) => d.sections.flatMap((s) => s.papers.map((entry) => ({ entry, sectionId: s.id, sectionName: s.name, date: d.date }))));

  // The member as each digest lists them: by their name, or a former one in a digest built before the rename.
  const former = new Set((member.formerly ?? []).map((name) => name.toLowerCase()));
  const isThem = (m: { readonly name: string }) => m.name === member.name || former.has(m.name.toLowerCase());
  const fit = (entry: DigestEntry) => entry.members.find(isThem)?.score;
  const seen = new Set<string>();
  const forYou = items
    .filter((it) => fit(it.entry) !== undefined && !seen.has(it.entry.id) && seen.add(it.entry.id))
    .sort((a, b) => (fit(b.entry) ?? 0) - (fit(a.entry) ?? 0) || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) || a.entry.rank - b.entry.rank);
  const shownAbove = new Set(forYou.map((it) => it.entry.id));
  const sections = sectionsOf(digests, items);
  const picks = items.filter((it) => it.entry.pick).length;

  const when = weekly ? dayRange(dates) : dayLabel(newest.date);
  const subject = oneLine(`${settings.group} ${weekly ? 'weekly digest' : 'digest'}, ${when}: `
    + `${forYou.length ? `${forYou.length} for you, ` : ''}${picks} pick${picks === 1 ? '' : 's'}`);
  const title = oneLine(`${settings.group} ${weekly ? 'weekly digest' : 'digest'} — ${when} ${newest.date.slice(0, 4)}`);
  const papers = items.length;
  const considered = digests.reduce((n, d) => n + d.stats.considered, 0);
  const meta = oneLine(`For ${member.name} · ${forYou.length} paper${forYou.length === 1 ? '' : 's'} for you · `
    + `${picks} pick${picks === 1 ? '' : 's'} of ${papers} paper${papers === 1 ? '' : 's'} (${considered} considered)`);
  // The reader filters by the name the digest it opens lists.
  const listed = newest.members.find(isThem)?.name ?? member.name;
  const readerFilter = readerLink(settings.readerUrl, weekly ? { member: member.name } : { d: newest.date, member: listed });

  const blocks: Block[] = [
    fixed(`<h1 style="${STYLE.h1}">${escapeHtml(title)}</h1>`, title),
    fixed(`<p style="${STYLE.meta}">${escapeHtml(meta)}</p>`, meta),
  ];
  if (digests.some((d) => d.sample)) {
    blocks.push(fixed(`<p style="${STYLE.sample}"><strong>Sample data:</strong> built from bundled recorded papers, not from a live fetch.</p>`,
      'Sample data: built from bundled recorded papers, not from a live fetch.'));
  }
  blocks.push(SHORTENED_BLOCK);

  blocks.push(heading('h2', 'For you'));
  // What their own stars and dismissals taught their profile (the newest digest's ranking), when they did.
  const learned = learnedLine(newest.members.find(isThem)?.learned, YOU);
  if (learned) blocks.push(fixed(learnedHtml(learned), wrap(learned, '')));
  if (forYou.length === 0) blocks.push(paragraph(`Nothing ${weekly ? 'this week' : 'this time'} matched your interests or followed areas closely enough: the group's picks are below.`));
  // A weekly e-mail gathers several digests, each numbered from 1: its papers are numbered in the
  // order it lists them, so no two read "1." (a daily one keeps its digest's numbers, as the reader shows them).
  let counted = 0;
  const numbered = (entry: DigestEntry): DigestEntry => (weekly ? { ...entry, number: ++counted } : entry);
  let rows = 0;
  let unlisted = 0;
  forYou.forEach((it, i) => {
    const match = it.entry.members.find(isThem);
    const kicker = [weekly ? dayLabel(it.date) : '', it.sectionName, it.entry.pick ? "one of the group's picks" : '', match?.reasons.join('; ') ?? '']
      .filter(Boolean).join(' · ');
    if (i < FOR_YOU_IN_FULL || it.entry.pick) blocks.push(choice(settings.group, numbered(it.entry), i, kicker));
    // A row in their own e-mail does not end "· for Yanhao Deng": all of these are for them; others it concerns stay.
    else if (rows < FOR_YOU_ROWS) { rows++; blocks.push(row(numbered({ ...it.entry, members: it.entry.members.filter((m) => !isThem(m)) }))); } else unlisted++;
  });
  // A week of a busy field can hold hundreds of papers for one member: past FOR_YOU_ROWS one-line rows
  // the e-mail points to the reader, which has them all (an audit's 320-paper digest made 134 KB of
  // HTML, past what Gmail shows uncut).
  if (unlisted > 0) {
    const label = `${unlisted} more for you`;
    blocks.push(readerFilter
      ? fixed(`<p style="${STYLE.row}"><a href="${escapeHtml(readerFilter)}" style="${STYLE.link}">${escapeHtml(label)} in the reader →</a></p>`, `${label} in the reader:\n${readerFilter}`)
      : paragraph(`${label} in the reader.`));
  }

  blocks.push(heading('h2', "The group's picks"));
  sections.forEach((section, s) => {
    const more = section.others.filter((it) => !shownAbove.has(it.entry.id)).length;
    blocks.push(heading('h4', section.name));
    const shown = section.picks.filter((it) => !shownAbove.has(it.entry.id));
    const above = section.picks.length - shown.length;
    if (section.picks.length === 0) blocks.push(paragraph(`No picks ${weekly ? 'this week' : 'this time'}.`));
    else if (above > 0) blocks.push(paragraph(`${above === section.picks.length ? (above === 1 ? 'Its pick is' : `All ${above} picks are`) : `${above} of its ${section.picks.length} picks ${above === 1 ? 'is' : 'are'}`} above, for you.`));
    for (const it of shown) {
      blocks.push(choice(settings.group, numbered(it.entry), 1000 + it.entry.rank * 100 + s, weekly ? dayLabel(it.date) : undefined));
    }
    if (more > 0) {
      const label = `${more} more in ${oneLine(section.name)}`;
      const link = readerLink(settings.readerUrl, weekly ? { area: section.id } : { d: newest.date, area: section.id });
      blocks.push(link
        ? fixed(`<p style="${STYLE.row}"><a href="${escapeHtml(link)}" style="${STYLE.link}">${escapeHtml(label)} →</a></p>`, `${label}:\n${link}`)
        : paragraph(`${label}.`));
    }
  });

  if (readerFilter) {
    const label = weekly ? 'Open the newest digest in the reader, filtered for you' : 'Open this digest in the reader, filtered for you';
    blocks.push(fixed(`<p style="${STYLE.cta}"><a href="${escapeHtml(readerFilter)}" style="${STYLE.link}">${escapeHtml(label)} →</a></p>`, `${label}:\n${readerFilter}`));
  }
  const footer = [
    `You get this ${weekly ? 'weekly' : 'with every digest'} because ${settings.group}'s digest config lists you (${member.email}) with delivery: ${cadence}.`,
    `To get it ${weekly ? 'with every digest' : 'weekly'} or not at all, write to ${settings.contact} (or set delivery: ${weekly ? 'daily' : 'weekly'} or off for your name in digest.config.yaml).`,
    'Made by labdigest.',
  ];
  blocks.push(fixed(`<p style="${STYLE.footer}">${footer.map(escapeHtml).join('<br>')}</p>`, `--\n${footer.map((l) => wrap(l, '')).join('\n')}`));

  const { html, text } = render(blocks, title, input.budget ?? HTML_EMAIL_BUDGET);
  const host = settings.fromAddress.split('@')[1] ?? 'localhost';
  const who = input.key ?? (slug(member.name) || slug(member.email.split('@')[0] ?? '') || 'member');
  return {
    to: { name: member.name, address: member.email },
    subject, html, text,
    messageId: `<digest-${weekly ? 'weekly-' : ''}${newest.date}.${who}@${host}>`,
    listId: { id: `${slug(settings.group) || 'labdigest'}-digest.${host}`, comment: `${settings.group} digest` },
    unsubscribe: `mailto:${settings.contact}?subject=${encodeURIComponent(`unsubscribe ${member.name} from the ${settings.group} digest`)}`,
    dates, forYou: forYou.length, picks,
  };
}

interface SectionView { readonly id: string; readonly name: string; readonly picks: Item[]; readonly others: Item[] }

/** Sections in the newest digest's order (then any only older digests have), their picks newest digest first. */
function sectionsOf(digests: readonly Digest[], items: readonly Item[]): SectionView[] {
  const order: { id: string; name: string }[] = [];
  for (const d of digests) for (const s of d.sections) if (!order.some((o) => o.id === s.id)) order.push({ id: s.id, name: s.name });
  return order.map(({ id, name }) => {
    const mine = items.filter((it) => it.sectionId === id);
    const picks = digests.flatMap((d) => splitPicks(d.sections.find((s) => s.id === id)?.papers ?? []).picks
      .map((entry) => mine.find((it) => it.entry === entry) as Item));
    return { id, name, picks, others: mine.filter((it) => !picks.includes(it)) };
  });
}

/** A link into the reader with a view's parameters (apps/reader/src/state/url-state.ts), or undefined without a reader. */
export function readerLink(readerUrl: string | undefined, params: { d?: string; member?: string; area?: string }): string | undefined {
  if (!isHttpUrl(readerUrl)) return undefined;
  const url = new URL(readerUrl);
  for (const key of ['d', 'member', 'area'] as const) {
    const value = params[key];
    if (value) url.searchParams.set(key, value);
  }
  return url.toString();
}

// ---- blocks: each piece of the e-mail in HTML and in text, so both parts show the same ----

type Block =
  | { readonly kind: 'fixed'; readonly html: string; readonly text: string }
  | { readonly kind: 'choice'; readonly full: string; readonly row: string; readonly fullText: string; readonly rowText: string; readonly priority: number }
  | { readonly kind: 'shortened' };

const SHORTENED_BLOCK: Block = { kind: 'shortened' };
const SHORTENED_TEXT = 'Some papers are shown in one line to keep this e-mail whole in mail clients that cut long messages; the reader has them in full.';

function fixed(html: string, text: string): Block {
  return { kind: 'fixed', html, text };
}

function paragraph(text: string): Block {
  return fixed(`<p style="${STYLE.text}">${escapeHtml(text)}</p>`, wrap(text, ''));
}

function heading(tag: 'h2' | 'h4', text: string): Block {
  return fixed(`<${tag} style="${tag === 'h2' ? STYLE.h2 : STYLE.more}">${escapeHtml(text)}</${tag}>`, underline(text, tag === 'h2' ? '=' : '-'));
}

function row(entry: DigestEntry): Block {
  return fixed(entryRowHtml(entry), entryRowText(entry));
}

function choice(group: string, entry: DigestEntry, priority: number, kicker?: string): Block {
  const fullText = entryText(group, entry);
  return {
    kind: 'choice', full: entryHtml(group, entry, kicker), row: entryRowHtml(entry), priority,
    fullText: kicker ? `${wrap(`[${oneLine(kicker)}]`, '')}\n${fullText}` : fullText, rowText: entryRowText(entry),
  };
}

function render(blocks: readonly Block[], title: string, budget: number): { html: string; text: string } {
  const parts: Part[] = blocks.map((b) => (b.kind === 'fixed' ? b.html : b.kind === 'shortened' ? SHORTENED : b));
  const { html, full } = fitParts(parts, budget, title, `<p style="${STYLE.note}">${escapeHtml(SHORTENED_TEXT)}</p>`);
  const shortened = full.some((f) => !f);
  let k = 0;
  const text = blocks.flatMap((b) => {
    if (b.kind === 'fixed') return [b.text];
    if (b.kind === 'shortened') return shortened ? [wrap(SHORTENED_TEXT, '')] : [];
    return [full[k++] ? b.fullText : b.rowText];
  });
  return { html: htmlDocument(title, html), text: `${text.join('\n\n')}\n` };
}
