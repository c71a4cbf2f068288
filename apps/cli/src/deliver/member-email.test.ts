import type { Digest } from '@labdigest/core';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, test } from 'vitest';
import { corpusSliceDigest, sampleWeekBriefing, sampleWeekDigest, withPicks } from '../../test/fixture-digests.ts';
import { HTML_EMAIL_BUDGET } from '../export/html-email.ts';
import { FOR_YOU_IN_FULL, FOR_YOU_ROWS, composeMemberEmail, readerLink, type EmailSettings } from './member-email.ts';
import { dayLabel, dayRange, memberKeys, slug } from './names.ts';

// Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
const briefing: Digest = { ...sampleWeekBriefing(), sample: false };
const allPicks: Digest = { ...sampleWeekDigest(), sample: false };
const slice: Digest = { ...withPicks(corpusSliceDigest()), sample: false };

const settings: EmailSettings = {
  group: 'DENG.Group', fromAddress: 'digest@lab.example.org', contact: 'deng@uni.example.edu', readerUrl: 'https://lab.example.org/digest/',
};
const naibing = { name: 'Naibing Wu', email: 'naibing.wu@uni.example.edu' };

function elements(html: string) {
  return DomUtils.getElementsByTagName(() => true, parseDocument(html).children, true);
}
const texts = (html: string, tag: string) => elements(html).filter((e) => e.name === tag).map((e) => DomUtils.textContent(e));
const bytes = (text: string) => new TextEncoder().encode(text).length;

/** The member's papers in the digests, best fit first: what "For you" must list. */
function papersFor(digests: readonly Digest[], name: string) {
  return digests.flatMap((d) => d.sections.flatMap((s) => s.papers))
    .filter((p) => p.members.some((m) => m.name === name))
    .sort((a, b) => (b.members.find((m) => m.name === name)?.score ?? 0) - (a.members.find((m) => m.name === name)?.score ?? 0));
}

describe('a member\'s daily e-mail of the sample week (3 picks a section)', () => {
  const email = composeMemberEmail({ digests: [briefing], member: naibing, cadence: 'daily', settings });
  const mine = papersFor([briefing], 'Naibing Wu');
  const picks = briefing.sections.flatMap((s) => s.papers.filter((p) => p.pick));

  test('addressed, counted and identified: subject, Message-ID, List-Id, List-Unsubscribe', () => {
    expect(mine).toHaveLength(21);
    expect(email).toMatchObject({
      to: { name: 'Naibing Wu', address: 'naibing.wu@uni.example.edu' },
      subject: 'DENG.Group digest, 21 Aug: 21 for you, 12 picks',
      messageId: '<digest-2026-08-21.naibing-wu@lab.example.org>',
      listId: { id: 'deng-group-digest.lab.example.org', comment: 'DENG.Group digest' },
      unsubscribe: 'mailto:deng@uni.example.edu?subject=unsubscribe%20Naibing%20Wu%20from%20the%20DENG.Group%20digest',
      dates: ['2026-08-21'], forYou: 21, picks: 12,
    });
  });

  test('their papers first, by fit: the best five and every pick in full, the others in a row each', () => {
    const html = email.html;
    expect(texts(html, 'h2')).toEqual(['For you', "The group's picks"]);
    const forYouHtml = html.slice(html.indexOf('>For you</h2>'), html.indexOf('>The group&#39;s picks</h2>'));
    const full = mine.filter((p, i) => i < FOR_YOU_IN_FULL || p.pick);
    expect(texts(forYouHtml, 'h3')).toEqual(full.map((p) => `${p.number}. ${p.title}`));
    // Rows and full entries together: every paper of theirs, once, in order of fit.
    const numbers = [...forYouHtml.matchAll(/<h3 [^>]*>(\d+)\. |<p style="margin:0 0 10px;font-size:15px;line-height:1.4;">(\d+)\. /g)].map((m) => Number(m[1] ?? m[2]));
    expect(numbers).toEqual(mine.map((p) => p.number));
    expect(texts(forYouHtml, 'p')[0]).toBe("Polymer Electrolytes · one of the group's picks · interests: polymer electrolyte, solid polymer electrolyte and ion transport");
    // All of these are for her: no row says so (found by an audit: 25 rows of a member's e-mail ended "· for Yanhao Deng").
    expect(forYouHtml).not.toMatch(/for (?:[^<]*, )?Naibing Wu/);
    const forYouText = email.text.slice(email.text.indexOf('For you'), email.text.indexOf("The group's picks"));
    expect(forYouText.split('\n').filter((l) => /· for .*Naibing Wu/.test(l))).toEqual([]);
  });

  test('then the group\'s picks not shown above, section by section, and what more each section has', () => {
    const picksHtml = email.html.slice(email.html.indexOf('>The group&#39;s picks</h2>'));
    const shown = picks.filter((p) => !mine.some((m) => m.id === p.id));
    expect(texts(picksHtml, 'h3')).toEqual(shown.map((p) => `${p.number}. ${p.title}`));
    expect(texts(picksHtml, 'h4')).toEqual(briefing.sections.map((s) => s.name));
    expect(texts(picksHtml, 'p')).toContain('All 3 picks are above, for you.');
    const more = elements(picksHtml).filter((e) => e.name === 'a' && /more in/.test(DomUtils.textContent(e)));
    expect(more.map((a) => [DomUtils.textContent(a), a.attribs.href])).toEqual([
      ['1 more in ML Interatomic Potentials & Interface Simulations →', 'https://lab.example.org/digest/?d=2026-08-21&area=mlip-interfaces'],
      ['24 more in Phase Field / Dendrites & SEI →', 'https://lab.example.org/digest/?d=2026-08-21&area=phase-field-sei'],
      ['2 more in Halide Solid Electrolytes →', 'https://lab.example.org/digest/?d=2026-08-21&area=halide-electrolytes'],
    ]);
  });

  test('then the reader with their filter set, and a footer that says how to opt out', () => {
    const links = elements(email.html).filter((e) => e.name === 'a');
    expect(links.at(-1)?.attribs.href).toBe('https://lab.example.org/digest/?d=2026-08-21&member=Naibing+Wu');
    expect(DomUtils.textContent(links.at(-1)!)).toBe('Open this digest in the reader, filtered for you →');
    for (const a of links) expect(a.attribs.href).toMatch(/^https:\/\//);
    expect(texts(email.html, 'p').at(-1)).toBe("You get this with every digest because DENG.Group's digest config lists you (naibing.wu@uni.example.edu) with delivery: daily."
      + 'To get it weekly or not at all, write to deng@uni.example.edu (or set delivery: weekly or off for your name in digest.config.yaml).Made by labdigest.');
  });

  test('the text part shows the same papers in the same order and the same links', () => {
    const numbered = (text: string) => [...text.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    const htmlNumbers = [...email.html.matchAll(/<h3 [^>]*>(\d+)\. |<p style="margin:0 0 10px;font-size:15px;line-height:1.4;">(\d+)\. /g)].map((m) => Number(m[1] ?? m[2]));
    expect(numbered(email.text)).toEqual(htmlNumbers);
    expect(email.text.startsWith('DENG.Group digest — 21 Aug 2026\n\nFor Naibing Wu · 21 papers for you · 12 picks of 56 papers (1755 considered)\n\nFor you\n=======\n\n')).toBe(true);
    expect(email.text).toContain('\nOpen this digest in the reader, filtered for you:\nhttps://lab.example.org/digest/?d=2026-08-21&member=Naibing+Wu\n');
    expect(email.text).toContain('\n24 more in Phase Field / Dendrites & SEI:\nhttps://lab.example.org/digest/?d=2026-08-21&area=phase-field-sei\n');
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  test('self-contained and under the budget', () => {
    const names = new Set(elements(email.html).map((e) => e.name));
    for (const banned of ['script', 'style', 'link', 'img', 'iframe', 'form']) expect(names.has(banned), banned).toBe(false);
    expect(bytes(email.html)).toBeLessThan(HTML_EMAIL_BUDGET);
    expect(email.html).not.toContain('Some papers are shown in one line');
  });
});

test('a member who taught their profile is told what it learned, under "For you"; the others are not', () => {
  const learned = { positives: 3, negatives: 1, words: [{ word: 'PEO', weight: 0.6 }, { word: 'aqueous', weight: -0.2 }] };
  const taught: Digest = { ...briefing, members: briefing.members.map((m) => (m.name === naibing.name ? { ...m, learned } : m)) };
  const email = composeMemberEmail({ digests: [taught], member: naibing, cadence: 'daily', settings });
  const line = 'Learned from 3 papers you starred or read and 1 you dismissed: more weight on PEO; less on aqueous.';
  expect(texts(email.html, 'p')).toContain(line);
  expect(email.text.replace(/\s+/g, ' ')).toContain(line);
  expect(email.html.indexOf(line)).toBeGreaterThan(email.html.indexOf('>For you</h2>'));
  const other = composeMemberEmail({ digests: [taught], member: { name: 'Yanhao Deng', email: 'y@uni.example.edu' }, cadence: 'daily', settings });
  expect(other.html).not.toContain('Learned from');
});

test('a member with nothing in the digest gets the picks, and a subject without "for you"', () => {
  const email = composeMemberEmail({ digests: [briefing], member: { name: 'Visiting Student', email: 'v@uni.example.edu' }, cadence: 'daily', settings });
  expect(email.subject).toBe('DENG.Group digest, 21 Aug: 12 picks');
  expect(texts(email.html, 'p')).toContain("Nothing this time matched your interests or followed areas closely enough: the group's picks are below.");
  expect(texts(email.html, 'h3')).toHaveLength(12);
  expect(email.messageId).toBe('<digest-2026-08-21.visiting-student@lab.example.org>');
});

test('a weekly e-mail covers the digests since the last one: their papers across both, each labelled with its day', () => {
  const yanhao = { name: 'Yanhao Deng', email: 'yanhao.deng@uni.example.edu' };
  const email = composeMemberEmail({ digests: [briefing, slice], member: yanhao, cadence: 'weekly', settings });
  const mine = papersFor([briefing, slice], 'Yanhao Deng');
  const picks = [briefing, slice].flatMap((d) => d.sections.flatMap((s) => s.papers.filter((p) => p.pick))).length;
  expect(email.subject).toBe(`DENG.Group weekly digest, 8–21 Aug: ${mine.length} for you, ${picks} picks`);
  expect(email.messageId).toBe('<digest-weekly-2026-08-21.yanhao-deng@lab.example.org>');
  expect(email.dates).toEqual(['2026-08-21', '2026-08-08']);
  const kickers = elements(email.html).filter((e) => e.name === 'p' && e.attribs.style?.startsWith('margin:0 0 2px;font-size:13px')).map((e) => DomUtils.textContent(e).split(' · ')[0]);
  expect(new Set(kickers)).toEqual(new Set(['21 Aug', '8 Aug']));
  expect(elements(email.html).filter((e) => e.name === 'a').at(-1)?.attribs.href).toBe('https://lab.example.org/digest/?member=Yanhao+Deng');
  expect(email.text).toContain('You get this weekly because');
  expect(bytes(email.html)).toBeLessThan(HTML_EMAIL_BUDGET);
  // Two digests each numbered from 1: the e-mail numbers its papers 1, 2, 3… in the order it lists them.
  const numbers = [...email.text.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  expect(numbers.length).toBeGreaterThan(mine.length);
});

test('every paper a pick (today\'s digests): the e-mail is cut to the budget, the same way in both parts', () => {
  const yanhao = { name: 'Yanhao Deng', email: 'yanhao.deng@uni.example.edu' };
  const email = composeMemberEmail({ digests: [allPicks], member: yanhao, cadence: 'daily', settings });
  expect(bytes(email.html)).toBeLessThanOrEqual(HTML_EMAIL_BUDGET);
  expect(bytes(composeMemberEmail({ digests: [allPicks], member: yanhao, cadence: 'daily', settings, budget: Infinity }).html)).toBeGreaterThan(HTML_EMAIL_BUDGET);
  const note = 'Some papers are shown in one line to keep this e-mail whole in mail clients that cut long messages; the reader has them in full.';
  expect(texts(email.html, 'p')).toContain(note);
  expect(email.text).toContain('Some papers are shown in one line to keep this e-mail whole in mail');
  // Each paper is in full in the HTML exactly when its relevance note is in the text.
  const fullInHtml = texts(email.html, 'h3').length;
  expect(email.text.split('\n').filter((l) => /^ {3,4}Relevance to DENG\.Group$/.test(l))).toHaveLength(fullInHtml);
  expect(fullInHtml).toBeGreaterThan(FOR_YOU_IN_FULL);
});

test('hundreds of papers for one member: 40 one-line rows after the best, then a link to the rest in the reader, within the budget', () => {
  // Found by an audit: a 320-paper digest all for one member made 134 KB of HTML; the rows were never cut.
  const yanhao = { name: 'Yanhao Deng', email: 'yanhao.deng@uni.example.edu' };
  const copies = 8;
  const big: Digest = {
    ...briefing,
    sections: Array.from({ length: copies }, (_, k) => briefing.sections.map((s) => ({
      ...s, id: `${s.id}-${k}`, name: `${s.name} (${k + 1})`,
      papers: s.papers.map((p) => ({ ...p, id: `${p.id}-${k}`, members: p.members.some((m) => m.name === 'Yanhao Deng') ? p.members : [...p.members, { name: 'Yanhao Deng', score: 0.5, reasons: ['interests: SEI'] }] })),
    }))).flat(),
  };
  const email = composeMemberEmail({ digests: [big], member: yanhao, cadence: 'daily', settings });
  expect(email.forYou).toBeGreaterThan(FOR_YOU_ROWS + 100);
  expect(bytes(email.html)).toBeLessThanOrEqual(HTML_EMAIL_BUDGET);
  // The best five and the picks (in full or, past the budget, a row each), 40 rows more, and the rest counted.
  const counted = Number(/\n(\d+) more for you in the reader:\nhttps:\/\/lab\.example\.org\//.exec(email.text)?.[1]);
  const picks = big.sections.flatMap((s) => s.papers.filter((p) => p.pick)).length;
  expect(counted).toBeGreaterThanOrEqual(email.forYou - FOR_YOU_IN_FULL - picks - FOR_YOU_ROWS);
  expect(counted).toBeLessThanOrEqual(email.forYou - FOR_YOU_IN_FULL - FOR_YOU_ROWS);
  expect(texts(email.html, 'a')).toContain(`${counted} more for you in the reader →`);
});

describe('text from papers never becomes markup', () => {
  const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> *b* & "q"';
  const target = briefing.sections[1]!.papers[0]!;
  const patched: Digest = {
    ...briefing,
    group: { name: '<b>Lab</b>' },
    sections: briefing.sections.map((s) => ({
      ...s,
      papers: s.papers.map((p) => (p.id === target.id
        ? { ...p, title: hostile, summary: hostile, note: hostile, url: 'javascript:alert(3)', members: p.members.map((m) => ({ ...m, reasons: [hostile] })) }
        : p)),
    })),
  };
  const email = composeMemberEmail({ digests: [patched], member: naibing, cadence: 'daily', settings: { ...settings, group: '<b>Lab</b>' } });

  test('the HTML has no element or link from the paper; the text shows it as written', () => {
    expect(email.html).not.toMatch(/<script|<img|<b>|javascript:/);
    expect(texts(email.html, 'h3')).toContain(`${target.number}. ${hostile}`);
    expect(texts(email.html, 'p')).toContain(`Polymer Electrolytes · one of the group's picks · ${hostile}`);
    expect(email.text).toContain(`${target.number}. <script>alert(1)</script><img src=x onerror=alert(2)> *b* & "q"`);
    expect(email.text).not.toContain('javascript:');
  });
});

test('without a reader URL: no reader links, the counts as plain lines', () => {
  const email = composeMemberEmail({ digests: [briefing], member: naibing, cadence: 'daily', settings: { ...settings, readerUrl: undefined } });
  expect(email.html).not.toContain('lab.example.org/digest');
  expect(texts(email.html, 'p')).toContain('24 more in Phase Field / Dendrites & SEI.');
  expect(email.text).not.toContain('filtered for you');
});

test.each([
  [['2026-12-01', '2026-12-05', '2026-12-03'], '1–5 Dec'],
  [['2026-12-02', '2026-11-28'], '28 Nov – 2 Dec'],
  [['2026-12-05'], '5 Dec'],
])('dayRange(%j) is %s', (dates, label) => {
  expect(dayRange(dates)).toBe(label);
});

test('names and links', () => {
  expect([dayLabel('2026-01-09'), slug('Zoë Müller-Lüdenscheidt'), slug('吴乃兵'), slug(' DENG.Group ')]).toEqual(['9 Jan', 'zoe-muller-ludenscheidt', '', 'deng-group']);
  expect(readerLink('https://lab.example.org/digest/?theme=dark', { d: '2026-12-05', member: 'Zoë Müller' }))
    .toBe('https://lab.example.org/digest/?theme=dark&d=2026-12-05&member=Zo%C3%AB+M%C3%BCller');
  expect(readerLink(undefined, { d: '2026-12-05' })).toBeUndefined();
  expect(composeMemberEmail({ digests: [briefing], member: { name: '吴乃兵', email: 'wu.nb@uni.example.edu' }, cadence: 'daily', settings }).messageId)
    .toBe('<digest-2026-08-21.wu-nb@lab.example.org>');
});

test('two members whose names give the same slug get distinct keys, so distinct Message-IDs and outbox files', () => {
  const keys = memberKeys([{ name: 'Zoë Müller', email: 'zoe@a.org' }, { name: 'Zoe Muller', email: 'zm@b.org' }, { name: '吴乃兵', email: 'wu.nb@uni.example.edu' }, { name: 'Naibing Wu' }]);
  expect([...keys.values()]).toEqual(['zoe-muller', 'zoe-muller-2', 'wu-nb', 'naibing-wu']);
  const member = { name: 'Zoe Muller', email: 'zm@b.org' };
  expect(composeMemberEmail({ digests: [briefing], member, cadence: 'daily', settings, key: keys.get(member.name) }).messageId)
    .toBe('<digest-2026-08-21.zoe-muller-2@lab.example.org>');
});

test('a member renamed in the config (`formerly`) still finds their papers in digests built under the old name', () => {
  const renamed = { name: 'Naibing B. Wu', email: naibing.email, formerly: ['naibing wu'] };
  const email = composeMemberEmail({ digests: [briefing], member: renamed, cadence: 'daily', settings });
  expect(email.forYou).toBe(papersFor([briefing], 'Naibing Wu').length);
  expect(email.to).toEqual({ name: 'Naibing B. Wu', address: naibing.email });
  // The reader link filters by the name the digest lists.
  expect(email.html).toContain('member=Naibing+Wu');
  // Without `formerly`, the new name finds nothing in the old digest.
  expect(composeMemberEmail({ digests: [briefing], member: { ...renamed, formerly: [] }, cadence: 'daily', settings }).forYou).toBe(0);
});
