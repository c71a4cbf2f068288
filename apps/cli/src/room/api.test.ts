// The reading room's API against the real server (`digest serve`) on 127.0.0.1: every route, and
// every way a request may be refused.
import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { apiErrorSchema, getStateResponseSchema, joinResponseSchema, meResponseSchema, type StateChange } from '@labdigest/core';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { codeOf, startTestRoom, type TestRoom } from '../../test/room-server.ts';
import { createInvite } from './access.ts';

const at = (minute: number) => `2026-06-08T09:${String(minute).padStart(2, '0')}:00.000Z`;
const error = (code: string, message: string) => ({ error: { code, message } });

describe('signing in', () => {
  let room: TestRoom;
  beforeAll(async () => { room = await startTestRoom(); });
  afterAll(async () => { await room.close(); });

  test('an invite link binds one device, once', async () => {
    const link = await room.invite('Naibing Wu');
    expect(link).toMatch(new RegExp(`^${room.url}#join=[A-Za-z0-9_-]{43}$`));
    const code = codeOf(link);
    const joined = await room.request('/api/join', { authorization: `Invite ${code}`, body: { label: 'Chrome on Android' } });
    expect(joined.status).toBe(201);
    const body = joinResponseSchema.parse(joined.json);
    expect(body).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string, member: 'Naibing Wu', device: { id: expect.stringMatching(/^d-/) as string, label: 'Chrome on Android' } });
    const me = await room.request('/api/me', { token: body.token });
    expect([me.status, meResponseSchema.parse(me.json)]).toEqual([200, { member: 'Naibing Wu', device: body.device, members: ['Yanhao Deng', 'Naibing Wu'], private: false }]);
    const again = await room.request('/api/join', { authorization: `Invite ${code}`, body: { label: 'Firefox' } });
    expect(again.status).toBe(401);
    expect(again.json).toEqual(error('UNAUTHORIZED', expect.stringMatching(/^this invite link was already used \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\): ask for a new one$/) as string));
  });

  test('`digest members invite` without --url links to the port the server listens on, and says only this machine reaches it', async () => {
    const { code, out, err } = await room.cli('members', 'invite', 'Yanhao Deng');
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^${room.url}#join=[A-Za-z0-9_-]{43}\n$`));
    expect(err).toContain('(the reading room listens on 127.0.0.1 (since ');
    expect(err).toContain("which only this machine reaches: the link opens here. For members' phones and laptops, serve it with --host 0.0.0.0");
  });

  test('an expired code, an unknown code, or no code is refused with a message saying which', async () => {
    const db = new Database(room.db);
    const { code } = createInvite(db, { member: 'Yanhao Deng', now: new Date('2026-01-01T09:00:00Z'), validMs: 7 * 86_400_000 });
    db.close();
    const expired = await room.request('/api/join', { authorization: `Invite ${code}`, body: {} });
    expect([expired.status, expired.json]).toEqual([401, error('UNAUTHORIZED', 'this invite link expired on 2026-01-08 09:00 UTC: ask for a new one')]);
    const unknown = await room.request('/api/join', { authorization: 'Invite not-a-code', body: {} });
    expect([unknown.status, unknown.json]).toEqual([401, error('UNAUTHORIZED', 'this invite link is not valid: ask for a new one')]);
    const none = await room.request('/api/join', { body: {} });
    expect([none.status, none.json]).toEqual([401, error('UNAUTHORIZED', 'joining takes the code of an invite link: Authorization: Invite <code>')]);
    const { token } = await room.join('Yanhao Deng');
    const bearer = await room.request('/api/join', { token, body: {} });
    expect(bearer.status).toBe(401);
  });

  test('a join without a body, or with a long label, still joins; a body that is not JSON does not', async () => {
    const bare = await room.request('/api/join', { authorization: `Invite ${codeOf(await room.invite('Yanhao Deng'))}`, method: 'POST' });
    expect([bare.status, (bare.json as { device: { label: string } }).device.label]).toEqual([201, 'a device']);
    const long = await room.request('/api/join', { authorization: `Invite ${codeOf(await room.invite('Yanhao Deng'))}`, body: { label: `Phone ${'x'.repeat(200)}` } });
    expect((long.json as { device: { label: string } }).device.label).toBe(`Phone ${'x'.repeat(74)}`);
    const broken = await room.request('/api/join', { authorization: `Invite ${codeOf(await room.invite('Yanhao Deng'))}`, rawBody: '{"label": ' });
    expect([broken.status, apiErrorSchema.parse(broken.json).error.code]).toEqual([400, 'BAD_REQUEST']);
  });

  test('a device signs itself out, and is refused from then on; it may not sign out another', async () => {
    const phone = await room.join('Naibing Wu', 'phone');
    const other = await room.join('Yanhao Deng', 'laptop');
    const forbidden = await room.request(`/api/devices/${other.device.id}`, { method: 'DELETE', token: phone.token });
    expect([forbidden.status, forbidden.json]).toEqual([403, error('FORBIDDEN', 'a device signs only itself out (DELETE /api/devices/self); `digest members revoke` signs out others')]);
    const out = await room.request('/api/devices/self', { method: 'DELETE', token: phone.token });
    expect([out.status, out.text]).toEqual([204, '']);
    const after = await room.request('/api/me', { token: phone.token });
    expect([after.status, apiErrorSchema.parse(after.json).error.message]).toEqual([401, expect.stringMatching(/^this device was signed out of the reading room \(/) as string]);
    expect((await room.request('/api/me', { token: other.token })).status).toBe(200);
  });
});

describe('every /api/ request without a valid token is 401, whatever the path', () => {
  let room: TestRoom;
  let revoked: string;
  let formerMember: string;
  beforeAll(async () => {
    room = await startTestRoom({ members: ['Yanhao Deng', 'Naibing Wu', 'Guest'] });
    revoked = (await room.join('Naibing Wu')).token;
    const { device } = await room.join('Naibing Wu');
    expect((await room.cli('members', 'revoke', device.id)).code).toBe(0);
    expect((await room.cli('members', 'revoke', 'Naibing Wu')).code).toBe(0);
    formerMember = (await room.join('Guest')).token;
  });
  afterAll(async () => { await room.close(); });

  const requests: [string, string, string][] = [
    ['GET', '/api/me', ''], ['GET', '/api/state', ''], ['GET', '/api/state?since=0', ''], ['POST', '/api/state', '{"changes": []}'],
    ['GET', '/api/meeting', ''], ['DELETE', '/api/devices/self', ''], ['DELETE', '/api/devices/d-aaaaaa', ''],
    ['GET', '/api/no-such-route', ''], ['PUT', '/api/me', ''], ['GET', '/api', ''], ['GET', '/api/', ''], ['GET', '/api/join', ''],
  ];
  test.each(requests)('%s %s', async (method, path, body) => {
    const credentials: [string, string | undefined, string][] = [
      ['none', undefined, 'sign in with your invite link first: this request has no device token (Authorization: Bearer <token>)'],
      ['not a token', 'Bearer x', 'this device token is not valid: sign in again with an invite link'],
      ['a revoked token', `Bearer ${revoked}`, 'this device was signed out of the reading room'],
      ['an invite code', 'Invite x', 'sign in with your invite link first: this request has no device token (Authorization: Bearer <token>)'],
      ['a cookie, no header', undefined, 'sign in with your invite link first: this request has no device token (Authorization: Bearer <token>)'],
    ];
    for (const [what, authorization, message] of credentials) {
      const res = await room.request(path, { method, ...(authorization ? { authorization } : {}), ...(body ? { rawBody: body } : {}) });
      expect([what, res.status, res.headers.get('content-type')]).toEqual([what, 401, 'application/json']);
      expect(apiErrorSchema.parse(res.json).error.message.startsWith(message), `${what}: ${res.text}`).toBe(true);
    }
  });

  test('a member renamed in the config (`formerly`) keeps their devices, and their stars show under the new name', async () => {
    const naibing = await room.join('Naibing Wu', 'phone');
    const starred = await room.request('/api/state', { token: naibing.token, body: { changes: [{ paper: 'arxiv:2506.10944', field: 'starred', value: true, at: at(1) }] } });
    expect(starred.status).toBe(200);
    const before = readFileSync(room.config, 'utf8');
    writeFileSync(room.config, before.replace('  - name: Naibing Wu\n', '  - name: Naibing B. Wu\n    formerly: [Naibing Wu]\n'));
    await new Promise((done) => { setTimeout(done, 1100); }); // the server looks at the config once a second
    try {
      const me = await room.request('/api/me', { token: naibing.token });
      expect([me.status, (me.json as { member: string }).member]).toEqual([200, 'Naibing B. Wu']);
      const state = getStateResponseSchema.parse((await room.request('/api/state', { token: naibing.token })).json);
      expect(state.changes.filter((c) => c.paper === 'arxiv:2506.10944').map((c) => c.member)).toEqual(['Naibing B. Wu']);
      // A change that names the old name is still theirs.
      const again = await room.request('/api/state', { token: naibing.token, body: { changes: [{ paper: 'arxiv:2506.10945', field: 'read', value: true, at: at(2), member: 'Naibing Wu' }] } });
      expect(again.status).toBe(200);
    } finally {
      writeFileSync(room.config, before);
      await new Promise((done) => { setTimeout(done, 1100); });
    }
  });

  test('a member taken out of the config is refused at once', async () => {
    expect((await room.request('/api/me', { token: formerMember })).status).toBe(200);
    writeFileSync(room.config, readFileSync(room.config, 'utf8').replace(/ {2}- name: Guest\n {4}interests:\n {6}- electrolyte\n/, ''));
    await new Promise((done) => { setTimeout(done, 1100); }); // the server looks at the config once a second
    const res = await room.request('/api/me', { token: formerMember });
    expect([res.status, res.json]).toEqual([401, error('UNAUTHORIZED', 'Guest is no longer a member of the group')]);
    expect(room.log()).toContain(`${room.config} changed: the reading room now has 2 members\n`);
  });
});

describe('the shared state', () => {
  let room: TestRoom;
  let naibing: { phone: string; laptop: string; laptopId: string };
  let yanhao: string;
  beforeAll(async () => {
    room = await startTestRoom();
    const laptop = await room.join('Naibing Wu', 'laptop');
    naibing = { phone: (await room.join('Naibing Wu', 'phone')).token, laptop: laptop.token, laptopId: laptop.device.id };
    yanhao = (await room.join('Yanhao Deng')).token;
  });
  afterAll(async () => { await room.close(); });

  test('a member writes their own state and reads everyone\'s; two devices of one member converge', async () => {
    const phone = await room.request('/api/state', { token: naibing.phone, body: { changes: [
      { paper: 'arxiv:2506.10944', field: 'starred', value: true, at: at(1) },
      { paper: 'arxiv:2506.10944', field: 'note', value: 'compare with our PEO runs', at: at(1) },
    ] } });
    expect([phone.status, phone.json]).toEqual([200, { accepted: 2, ignored: 0, cursor: expect.any(Number) as number }]);
    const cursor = (res: { json: unknown }) => (res.json as { cursor: number }).cursor;
    // The laptop was offline: its older note loses, its later unstar wins.
    const laptop = await room.request('/api/state', { token: naibing.laptop, body: { changes: [
      { paper: 'arxiv:2506.10944', field: 'note', value: 'old thought', at: at(0) },
      { paper: 'arxiv:2506.10944', field: 'starred', value: false, at: at(2), member: 'Naibing Wu' },
    ] } });
    expect(laptop.json).toEqual({ accepted: 1, ignored: 1, cursor: expect.any(Number) as number });
    expect(cursor(laptop)).toBeGreaterThan(cursor(phone));
    const other = await room.request('/api/state', { token: yanhao, body: { changes: [{ paper: 'arxiv:2506.10944', field: 'starred', value: true, at: at(3) }] } });
    expect(other.json).toEqual({ accepted: 1, ignored: 0, cursor: expect.any(Number) as number });
    expect(cursor(other)).toBeGreaterThan(cursor(laptop));
    const pulled = await room.request('/api/state', { token: naibing.phone });
    const state = getStateResponseSchema.parse(pulled.json);
    expect(state.cursor).toBe(cursor(other));
    expect(state.more).toBe(false);
    expect(state.changes.map(({ device: _d, ...c }) => c)).toEqual([
      { member: 'Naibing Wu', paper: 'arxiv:2506.10944', field: 'note', value: 'compare with our PEO runs', at: at(1) },
      { member: 'Naibing Wu', paper: 'arxiv:2506.10944', field: 'starred', value: false, at: at(2) },
      { member: 'Yanhao Deng', paper: 'arxiv:2506.10944', field: 'starred', value: true, at: at(3) },
    ] satisfies Omit<StateChange, 'device'>[]);
    expect(state.changes[1]?.device).toBe(naibing.laptopId);
    const since = await room.request(`/api/state?since=${cursor(laptop)}`, { token: yanhao });
    expect(since.json).toEqual({ cursor: cursor(other), more: false, changes: [state.changes[2]] });
  });

  test('a body that names another member is refused, and nothing of it is written', async () => {
    const res = await room.request('/api/state', { token: naibing.phone, body: { changes: [
      { paper: 'arxiv:1', field: 'read', value: true, at: at(5) },
      { paper: 'arxiv:1', field: 'starred', value: true, at: at(5), member: 'Yanhao Deng' },
    ] } });
    expect([res.status, res.json]).toEqual([403, error('FORBIDDEN', 'changes[1].member: a device writes only its own member\'s state (Naibing Wu), saw "Yanhao Deng"')]);
    const state = getStateResponseSchema.parse((await room.request('/api/state', { token: yanhao })).json);
    expect(state.changes.filter((c) => c.paper === 'arxiv:1')).toEqual([]);
  });

  test('bad JSON and bad values are 400s that say where', async () => {
    // The parser's own words follow the colon (they differ between Node versions).
    const cases: [string | object, string | RegExp][] = [
      ['{"changes": [1 2]}', /^the body is not valid JSON: .*position 15/],
      ['', /^the body is not valid JSON: Unexpected end of JSON input/],
      [{ changes: [{ paper: 'arxiv:1', field: 'read', value: 'yes', at: at(1) }] }, 'changes[0].value: expected boolean, received string, saw "yes"'],
      [{ changes: [{ paper: 'arxiv:1', field: 'note', value: 'x'.repeat(501), at: at(1) }] }, 'changes[0].value: expected a note of at most 500 characters, saw "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."'],
      [{ changes: [{ paper: 'arxiv:1', field: 'nominated', value: { reason: 'a\nb' }, at: at(1) }] }, 'changes[0].value.reason: expected a one-line reason, saw "a\\u000ab"'],
      [{ changes: [] }, 'changes: expected at least one change, saw a list'],
      [{ change: [] }, 'changes: missing required field; unknown field "change"'],
      [[1, 2], 'expected object, received array, saw a list'],
    ];
    for (const [body, message] of cases) {
      const res = await room.request('/api/state', { token: naibing.phone, ...(typeof body === 'string' ? { rawBody: body, method: 'POST' } : { body }) });
      expect([res.status, res.json]).toEqual([400, error('BAD_REQUEST', typeof message === 'string' ? message : expect.stringMatching(message) as string)]);
    }
    const since = await room.request('/api/state?since=abc', { token: naibing.phone });
    expect([since.status, since.json]).toEqual([400, error('BAD_REQUEST', 'since: expected the cursor of an earlier answer (a whole number), saw "abc"')]);
  });

  test('a body over 64 KB is refused with 413, whether its length is declared or chunked', async () => {
    const note = 'x'.repeat(400);
    const big = JSON.stringify({ changes: Array.from({ length: 200 }, (_, i) => ({ paper: `arxiv:${i}`, field: 'note', value: note, at: at(1) })) });
    expect(big.length).toBeGreaterThan(64 * 1024);
    const declared = await room.request('/api/state', { token: naibing.phone, rawBody: big });
    expect([declared.status, declared.json]).toEqual([413, error('TOO_LARGE', 'the body is larger than 64 KB: send fewer changes at once (at most 500, and 64 KB, a request)')]);
    const chunked = await new Promise<{ status: number; body: string }>((done, fail) => {
      const req = httpRequest(new URL('/api/state', room.url), { method: 'POST', headers: { Authorization: `Bearer ${naibing.phone}`, 'Transfer-Encoding': 'chunked' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => { body += c.toString(); }).on('end', () => done({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', fail);
      for (let i = 0; i < big.length; i += 8192) req.write(big.slice(i, i + 8192));
      req.end();
    });
    expect([chunked.status, JSON.parse(chunked.body)]).toEqual([413, error('TOO_LARGE', 'the body is larger than 64 KB: send fewer changes at once (at most 500, and 64 KB, a request)')]);
    // A join carries no changes: it is not told to send fewer (found by an audit).
    const join = await room.request('/api/join', { authorization: 'Invite not-a-code', rawBody: big });
    expect([join.status, join.json]).toEqual([413, error('TOO_LARGE', 'the body is larger than 64 KB, more than this request ever needs')]);
  });

  test('a note with markup is stored as text and comes back as the same JSON text', async () => {
    const note = '<img src=x onerror="alert(1)"> **bold** [x](javascript:alert(1)) & </script>';
    await room.request('/api/state', { token: yanhao, body: { changes: [{ paper: 'arxiv:9', field: 'note', value: note, at: at(9) }] } });
    const res = await room.request('/api/state?since=0', { token: naibing.phone });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(getStateResponseSchema.parse(res.json).changes.find((c) => c.paper === 'arxiv:9')?.value).toBe(note);
    const db = new Database(room.db, { readonly: true });
    expect(db.prepare("SELECT value FROM paper_state WHERE paper_id = 'arxiv:9'").pluck().get()).toBe(JSON.stringify(note));
    db.close();
  });

  test('a long pull is compressed for clients that take it; the answer to a write is not', async () => {
    const changes = Array.from({ length: 40 }, (_, i) => ({ paper: `arxiv:2606.${i}`, field: 'note', value: `note ${i} on the PEO runs`, at: at(10) }));
    const write = await fetch(new URL('api/state', room.url), {
      method: 'POST', headers: { Authorization: `Bearer ${yanhao}`, 'Content-Type': 'application/json', 'Accept-Encoding': 'br, gzip' }, body: JSON.stringify({ changes }),
    });
    expect([write.status, write.headers.get('content-encoding')]).toEqual([200, null]);
    const pull = await fetch(new URL('api/state', room.url), { headers: { Authorization: `Bearer ${yanhao}`, 'Accept-Encoding': 'br, gzip' } });
    expect([pull.status, pull.headers.get('content-encoding'), pull.headers.get('cache-control')]).toEqual([200, 'br', 'no-store']);
    expect(getStateResponseSchema.parse(await pull.json()).changes.filter((c) => c.paper.startsWith('arxiv:2606.'))).toHaveLength(40);
  });

  test('unknown routes are 404 and wrong methods 405, for a signed-in device', async () => {
    const missing = await room.request('/api/papers', { token: yanhao });
    expect([missing.status, missing.json]).toEqual([404, error('NOT_FOUND', 'no API route GET /api/papers')]);
    const wrong = await room.request('/api/me', { token: yanhao, method: 'POST', body: {} });
    expect([wrong.status, wrong.headers.get('allow'), wrong.json]).toEqual([405, 'GET, HEAD', error('METHOD_NOT_ALLOWED', '/api/me takes GET, not POST')]);
    // A trailing slash names the route without it (it was a 405 that said "/api/me takes GET, not GET").
    const slashed = await room.request('/api/me/', { token: yanhao });
    expect([slashed.status, slashed.json]).toEqual([404, error('NOT_FOUND', 'no API route GET /api/me/: the route is /api/me, without the trailing slash')]);
  });
});

describe('rate limits, per device', () => {
  let room: TestRoom;
  beforeAll(async () => { room = await startTestRoom({ server: { rateLimit: { perMinute: 6, burst: 5 } } }); });
  afterAll(async () => { await room.close(); });

  test('past its burst a device gets 429 with Retry-After; other devices go on', async () => {
    const busy = (await room.join('Naibing Wu')).token;
    const calm = (await room.join('Naibing Wu')).token;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await room.request('/api/me', { token: busy })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await room.request('/api/state', { token: busy });
    expect([limited.status, limited.headers.get('retry-after'), limited.json]).toEqual([429, '10', error('RATE_LIMITED', 'too many requests from this device: try again in 10 s')]);
    expect((await room.request('/api/me', { token: calm })).status).toBe(200);
  });
});

describe('the request log', () => {
  let room: TestRoom;
  beforeAll(async () => { room = await startTestRoom(); });
  afterAll(async () => { await room.close(); });

  test('one line per request, with the member, and never a token, a code or a query string', async () => {
    const link = await room.invite('Naibing Wu');
    const code = codeOf(link);
    const joined = await room.request('/api/join', { authorization: `Invite ${code}`, body: { label: 'phone' } });
    const { token } = joinResponseSchema.parse(joined.json);
    await room.request('/api/state?since=0', { token });
    await room.request(`/api/state?token=${token}`, { token: 'wrong' });
    await room.request('/assets/index-AbCdEf12.js');
    const lines = room.log().trim().split('\n');
    expect(lines.map((l) => l.replace(/^\S+ /, '').replace(/ \d+ms /, ' Nms '))).toEqual([
      'POST /api/join 201 Nms Naibing Wu',
      'GET /api/state 200 Nms Naibing Wu',
      'GET /api/state 401 Nms -',
      'GET /assets/index-AbCdEf12.js 200 Nms -',
    ]);
    expect(lines.every((l) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z /.test(l))).toBe(true);
    expect(room.log()).not.toContain(token);
    expect(room.log()).not.toContain(code);
  });

  test('a path that decodes to a line break or spaces cannot write a line of its own', async () => {
    const before = room.log().split('\n').length;
    await room.request('/x%0A2026-12-06T09:00:00.000Z%20DELETE%20/api/devices/self%20204%201ms%20Yanhao%20Deng');
    const added = room.log().split('\n').slice(before - 1).filter(Boolean);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/ GET \/x%0A2026-12-06T09:00:00\.000Z%20DELETE%20\/api\/devices\/self%20204%201ms%20Yanhao%20Deng \d{3} \d+ms -$/);
  });
});

describe('the digests and the reader', () => {
  test('public: the reader and the digests need no token; hashed assets are immutable and compressed', async () => {
    const room = await startTestRoom();
    try {
      writeIndex(room);
      expect((await room.request('/digests/index.json')).status).toBe(200);
      const page = await room.request('/');
      expect([page.status, page.headers.get('cache-control')]).toEqual([200, 'no-cache']);
      const asset = await fetch(new URL('assets/index-AbCdEf12.js', room.url), { headers: { 'accept-encoding': 'br' } });
      expect([asset.status, asset.headers.get('cache-control'), asset.headers.get('content-encoding')]).toEqual([200, 'public, max-age=31536000, immutable', 'br']);
    } finally {
      await room.close();
    }
  });

  test('private: the digests need a device token; the reader still loads without one', async () => {
    const room = await startTestRoom({ server: { private: true } });
    try {
      writeIndex(room);
      const anonymous = await room.request('/digests/index.json');
      expect([anonymous.status, anonymous.json]).toEqual([401, error('UNAUTHORIZED', 'sign in with your invite link first: this request has no device token (Authorization: Bearer <token>)')]);
      expect((await room.request('/digests/2026-06-08.json')).status).toBe(401);
      expect((await room.request('/')).status).toBe(200);
      expect((await room.request('/assets/index-AbCdEf12.js')).status).toBe(200);
      expect((await room.request('/sw.js')).status).toBe(200);
      const { token } = await room.join('Yanhao Deng');
      const signedIn = await room.request('/digests/index.json', { token });
      expect([signedIn.status, signedIn.headers.get('cache-control'), signedIn.json]).toEqual([200, 'private, no-cache', { digests: [] }]);
      expect(meResponseSchema.parse((await room.request('/api/me', { token })).json).private).toBe(true);
    } finally {
      await room.close();
    }
  });
});

/** An archive index: all these tests read of the archive (`digest build` writes the real one). */
function writeIndex(room: TestRoom): void {
  writeFileSync(`${room.digests}/index.json`, '{"digests": []}');
}
