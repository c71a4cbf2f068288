import { CHAT_TYPES, type Digest } from '@labdigest/core';
import { describe, expect, test } from 'vitest';
import { sampleWeekBriefing, sampleWeekDigest } from '../../../test/fixture-digests.ts';
import { CHAT_SHAPES } from '../../../test/chat-shapes.ts';
import { chatMessages } from './chat-messages.ts';
import { MAX_CHAT_PICKS, chatView } from './chat-view.ts';
import type { DiscordMessage } from './discord.ts';
import type { MatrixMessage } from './matrix.ts';
import type { MattermostMessage } from './mattermost.ts';
import type { SlackMessage } from './slack.ts';
import type { TeamsMessage } from './teams.ts';

// Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
const briefing = sampleWeekBriefing();
const allPicks = sampleWeekDigest();
const reader = 'https://lab.example.org/digest/';

/**
 * The sample week's sections fourteen times over (each copy with its own id and name): 56 sections
 * of real papers, every one a pick, more than any service takes in one message.
 */
const huge: Digest = {
  ...allPicks,
  sections: Array.from({ length: 14 }, (_, k) => allPicks.sections.map((s) => ({ ...s, id: `${s.id}-${k + 1}`, name: `${s.name} (${k + 1})` }))).flat(),
};

describe('chatView: the picks per section, capped, with what more each section has', () => {
  test('the briefing: 3 picks a section, the rest counted, links into the reader', () => {
    const view = chatView(briefing, reader);
    expect(view.title).toBe('DENG.Group digest — 21 Aug 2026');
    expect(view.summary).toBe(`12 picks of 56 papers (${briefing.stats.considered} considered)`);
    expect(view.readerLink).toBe('https://lab.example.org/digest/?d=2026-08-21');
    expect(view.sections.map((s) => [s.name, s.picks.length, s.more, s.moreLink])).toEqual([
      ['ML Interatomic Potentials & Interface Simulations', 3, 1, 'https://lab.example.org/digest/?d=2026-08-21&area=mlip-interfaces'],
      ['Polymer Electrolytes', 3, 17, 'https://lab.example.org/digest/?d=2026-08-21&area=polymer-electrolytes'],
      ['Phase Field / Dendrites & SEI', 3, 24, 'https://lab.example.org/digest/?d=2026-08-21&area=phase-field-sei'],
      ['Halide Solid Electrolytes', 3, 2, 'https://lab.example.org/digest/?d=2026-08-21&area=halide-electrolytes'],
    ]);
    const first = briefing.sections[1]!.papers[0]!;
    expect(view.sections[1]!.picks[0]).toEqual({ title: first.title, url: first.url, detail: `${first.sourceLine} · for Naibing Wu` });
  });

  test('every paper a pick: at most MAX_CHAT_PICKS listed, the others in "and N more"', () => {
    const view = chatView(allPicks);
    expect(view.sections.map((s) => [s.picks.length, s.more])).toEqual([[4, 0], [MAX_CHAT_PICKS, 20 - MAX_CHAT_PICKS], [MAX_CHAT_PICKS, 27 - MAX_CHAT_PICKS], [5, 0]]);
    expect(view.readerLink).toBeUndefined();
  });
});

describe.each(CHAT_TYPES)('%s', (type) => {
  const shape = CHAT_SHAPES[type];

  test('the briefing in one message of the documented shape, every pick\'s link in it', () => {
    const messages = chatMessages(type, briefing, reader);
    expect(messages).toHaveLength(1);
    for (const m of messages) expect(shape.safeParse(m).error?.issues).toBeUndefined();
    const json = JSON.stringify(messages);
    for (const p of briefing.sections.flatMap((s) => s.papers.filter((x) => x.pick))) expect(json).toContain(p.url);
    expect(json).toContain('https://lab.example.org/digest/?d=2026-08-21&area=phase-field-sei');
    expect(json).toContain('24 more in Phase Field');
  });

  test('56 sections of real papers: split into messages that each keep the limits, nothing dropped', () => {
    const messages = chatMessages(type, huge, reader);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(shape.safeParse(m).error?.issues).toBeUndefined();
    const json = JSON.stringify(messages);
    for (const s of huge.sections) expect(json).toContain(type === 'slack' ? s.name.replace('&', '&amp;') : s.name);
  });
});

test('how each service splits the 56 sections', () => {
  expect(CHAT_TYPES.map((type) => `${type} ${chatMessages(type, huge, reader).length}`)).toEqual([
    'slack 2', 'mattermost 6', 'teams 4', 'discord 19', 'matrix 4',
  ]);
});

test('mattermost and teams: a later part says which part it is, and which section it goes on with', () => {
  // Found by an audit: parts 2 and on began mid-list ("- [Paper 36: …"), with no heading.
  const posts = chatMessages('mattermost', huge, reader) as MattermostMessage[];
  posts.forEach((post, k) => {
    const opening = post.text.split('\n')[0]!;
    if (k === 0) expect(opening).toMatch(/^#### /);
    else expect(opening).toMatch(new RegExp(`^(?:\\*\\*.+, continued\\*\\* \\(part ${k + 1} of ${posts.length}\\)|_\\(part ${k + 1} of ${posts.length}\\)_)$`));
  });
  expect(posts.slice(1).some((p) => p.text.includes(', continued**'))).toBe(true);
  const cards = chatMessages('teams', huge, reader) as TeamsMessage[];
  cards.slice(1).forEach((card, k) => {
    expect(card.attachments[0]!.content.body[0]!.text).toMatch(new RegExp(`\\(part ${k + 2} of ${cards.length}\\)$`));
  });
});

describe('text from papers never becomes markup or a ping', () => {
  const hostile = '<script>alert(1)</script> *b* _i_ [x](javascript:alert(2)) @everyone | <!channel> & #h';
  const target = briefing.sections[1]!.papers[0]!;
  const patched: Digest = {
    ...briefing,
    sections: briefing.sections.map((s) => ({ ...s, papers: s.papers.map((p) => (p.id === target.id ? { ...p, title: hostile } : p)) })),
  };

  test('slack: <, > and & escaped, so no <!channel> and no injected link', () => {
    const [m] = chatMessages('slack', patched, reader) as SlackMessage[];
    const text = m!.blocks.map((b) => ('text' in b ? b.text.text : '')).join('\n');
    expect(text).toContain(`• <${target.url}|&lt;script&gt;alert(1)&lt;/script&gt; *b* _i_ [x](javascript:alert(2)) @\u2060everyone ∣ &lt;!channel&gt; &amp; #h> — `);
    expect(text).not.toMatch(/<!channel>|<script/);
  });

  test('mattermost and teams: Markdown escaped', () => {
    const [mm] = chatMessages('mattermost', patched, reader) as MattermostMessage[];
    const escaped = '\\<script\\>alert(1)\\</script\\> \\*b\\* \\_i\\_ \\[x\\](javascript:alert(2)) @\u2060everyone \\| \\<!channel\\> & \\#h';
    expect(mm!.text).toContain(`- [${escaped}](${target.url}) · `);
    const [teams] = chatMessages('teams', patched, reader) as TeamsMessage[];
    expect(teams!.attachments[0].content.body.map((b) => b.text)).toContain(`[${escaped}](${target.url})\n\n${target.sourceLine} · for Naibing Wu`);
  });

  test('discord: Markdown escaped and mentions off', () => {
    const [m] = chatMessages('discord', patched, reader) as DiscordMessage[];
    expect(m!.allowed_mentions).toEqual({ parse: [] });
    expect(m!.embeds[1]!.description.split('\n\n')[0]).toBe(
      `**[<script\\>alert\\(1\\)</script\\> \\*b\\* \\_i\\_ \\[x\\]\\(javascript:alert\\(2\\)\\) @\u2060everyone \\| <!channel\\> & \\#h](${target.url})**\n${target.sourceLine.replace(/[()]/g, '\\$&')} · for Naibing Wu`,
    );
  });

  test('matrix: the HTML escaped, the text as written', () => {
    const [m] = chatMessages('matrix', patched, reader) as MatrixMessage[];
    expect(m!.html).toContain(`<li><a href="${target.url}">&lt;script&gt;alert(1)&lt;/script&gt; *b* _i_ [x](javascript:alert(2)) @\u2060everyone | &lt;!channel&gt; &amp; #h</a><br>`);
    expect(m!.html).not.toContain('<script');
    expect(m!.text).toContain(`- ${hostile.replace('@', '@\u2060')} ${target.url}\n`);
  });

  test('an @-mention or a Teams template in a title or an author is broken by an invisible joiner in every service: "@channel" notifies nobody', () => {
    const pinging: Digest = {
      ...briefing,
      sections: briefing.sections.map((s) => ({ ...s, papers: s.papers.map((p) => (p.id === target.id ? { ...p, title: 'Polymer electrolytes @channel @here {{DATE(2020-01-01T00:00:00Z, LONG)}}', authors: ['@naibing.wu'] } : p)) })),
    };
    for (const type of CHAT_TYPES) {
      const posted = JSON.stringify(chatMessages(type, pinging, reader));
      expect(posted).not.toMatch(/@(?:channel|here|naibing)/);
      expect(posted).toContain('@\u2060channel');
      expect(posted).not.toContain('{{DATE');
    }
  });
});
