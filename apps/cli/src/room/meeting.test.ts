// The group-meeting list through the real server, and as Markdown from `digest export`.
import { fixturePath } from '@labdigest/fixtures';
import { meetingResponseSchema, paperSourceLine, type DigestEntry, type Paper } from '@labdigest/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { corpusSliceDigest } from '../../test/fixture-digests.ts';
import { startTestRoom, type TestRoom } from '../../test/room-server.ts';
import { runCli } from '../../test/run-cli.ts';
import { readPapers } from '../read-papers.ts';
import { openDb } from '../store/open-db.ts';
import { upsertPapers } from '../store/queries.ts';

const W24 = (day: number, hour: number) => `2026-06-${String(8 + day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe('the group-meeting list', () => {
  let room: TestRoom;
  let inDigest: DigestEntry;
  let inStore: Paper;
  beforeAll(async () => {
    const digest = corpusSliceDigest();
    room = await startTestRoom({ digests: [digest] });
    inDigest = digest.sections.flatMap((s) => s.papers)[0] as DigestEntry;
    const { papers } = await readPapers(fixturePath('papers/corpus-slice.jsonl'));
    const inDigests = new Set(digest.sections.flatMap((s) => s.papers.map((p) => p.id)));
    inStore = papers.find((p) => !inDigests.has(p.id)) as Paper;
    const db = openDb(room.db);
    upsertPapers(db, [inStore], { source: 'test', now: new Date('2026-06-08T00:00:00Z') });
    db.close();
    const naibing = (await room.join('Naibing Wu')).token;
    const yanhao = (await room.join('Yanhao Deng')).token;
    const post = async (token: string, changes: object[]) => {
      const res = await room.request('/api/state', { token, body: { changes } });
      expect(res.status).toBe(200);
    };
    await post(naibing, [
      { paper: inDigest.id, field: 'nominated', value: { reason: 'their <b>SEI</b> model vs *ours*' }, at: W24(1, 10) },
      { paper: 'arxiv:2601.99999', field: 'nominated', value: { reason: 'a preprint a friend sent' }, at: W24(2, 9) },
      { paper: 'arxiv:2601.88888', field: 'nominated', value: { reason: 'withdrawn' }, at: W24(2, 9) },
      { paper: 'arxiv:2601.88888', field: 'nominated', value: null, at: W24(2, 10) },
      { paper: inStore.id, field: 'starred', value: true, at: W24(0, 8) },
      { paper: inStore.id, field: 'starred', value: false, at: W24(0, 9) },
      // After Yanhao Deng's star: the list names him first, as the cards do (first star first).
      { paper: inDigest.id, field: 'starred', value: true, at: W24(4, 9) },
    ]);
    await post(yanhao, [
      { paper: inStore.id, field: 'nominated', value: { reason: '' }, at: W24(0, 12) },
      { paper: inDigest.id, field: 'nominated', value: { reason: 'relevant to the grain-boundary runs' }, at: W24(3, 16) },
      { paper: inDigest.id, field: 'starred', value: true, at: W24(3, 16) },
      { paper: 'arxiv:2601.77777', field: 'nominated', value: { reason: 'next week' }, at: '2026-06-15T08:00:00.000Z' },
    ]);
  });
  afterAll(async () => { await room.close(); });

  test('GET /api/meeting: the week\'s nominated papers, most nominations first, from the store, a digest, or only their id', async () => {
    const token = (await room.join('Naibing Wu')).token;
    const res = await room.request('/api/meeting?week=2026-W24', { token });
    expect(res.status).toBe(200);
    expect(meetingResponseSchema.parse(res.json)).toEqual({ week: '2026-W24', papers: [
      { paper: inDigest.id, title: inDigest.title, url: inDigest.url, sourceLine: inDigest.sourceLine, starredBy: ['Yanhao Deng', 'Naibing Wu'], nominations: [
        { member: 'Naibing Wu', reason: 'their <b>SEI</b> model vs *ours*', at: W24(1, 10) },
        { member: 'Yanhao Deng', reason: 'relevant to the grain-boundary runs', at: W24(3, 16) },
      ] },
      { paper: inStore.id, title: inStore.title, url: inStore.url, sourceLine: paperSourceLine(inStore), starredBy: [], nominations: [
        { member: 'Yanhao Deng', reason: '', at: W24(0, 12) },
      ] },
      { paper: 'arxiv:2601.99999', title: null, url: null, sourceLine: null, starredBy: [], nominations: [
        { member: 'Naibing Wu', reason: 'a preprint a friend sent', at: W24(2, 9) },
      ] },
    ] });
    const next = await room.request('/api/meeting?week=2026-W25', { token });
    expect(meetingResponseSchema.parse(next.json).papers.map((p) => p.paper)).toEqual(['arxiv:2601.77777']);
    const bad = await room.request('/api/meeting?week=2026-W54', { token });
    expect([bad.status, bad.json]).toEqual([400, { error: { code: 'BAD_REQUEST', message: 'week: 2026 has 53 ISO weeks (W01–W53), saw "2026-W54"' } }]);
    const thisWeek = meetingResponseSchema.parse((await room.request('/api/meeting', { token })).json);
    expect(thisWeek.week).toMatch(/^\d{4}-W\d\d$/);
  });

  test('digest export --format meeting prints it as Markdown, members\' text escaped', async () => {
    const { code, out, err } = await runCli('export', '--format', 'meeting', '--week', '2026-W24', '--db', room.db, '--digests', room.digests);
    expect([code, err]).toEqual([0, '']);
    expect(out).toBe([
      '# Group meeting, 2026-W24',
      '',
      '8 June – 14 June 2026 · 3 papers nominated',
      '',
      `## 1. ${inDigest.title}`,
      '',
      `Source: ${inDigest.sourceLine} · [Open paper](${inDigest.url})`,
      '',
      '- **Naibing Wu**: their \\<b\\>SEI\\</b\\> model vs \\*ours\\*',
      '- **Yanhao Deng**: relevant to the grain-boundary runs',
      '',
      'Starred by Yanhao Deng, Naibing Wu',
      '',
      `## 2. ${inStore.title}`,
      '',
      `Source: ${paperSourceLine(inStore)} · [Open paper](${inStore.url})`,
      '',
      '- **Yanhao Deng** (no reason given)',
      '',
      '## 3. arxiv:2601.99999',
      '',
      '_Only its id is known: the paper is in neither the store nor a digest._',
      '',
      '- **Naibing Wu**: a preprint a friend sent',
      '',
    ].join('\n'));
    const empty = await runCli('export', '--format', 'meeting', '--week', '2026-W30', '--db', room.db, '--digests', room.digests);
    expect(empty.out).toBe('# Group meeting, 2026-W30\n\n20 July – 26 July 2026 · 0 papers nominated\n\n_No papers nominated this week._\n');
    const badWeek = await runCli('export', '--format', 'meeting', '--week', 'W24', '--db', room.db);
    expect([badWeek.code, badWeek.err]).toEqual([2, 'digest: --week: expected an ISO week like 2026-W49, saw "W24"\n']);
  });
});
