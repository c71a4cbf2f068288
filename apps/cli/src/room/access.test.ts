import { describe, expect, test } from 'vitest';
import { openDb } from '../store/open-db.ts';
import { createInvite, deviceForToken, deviceLabel, joinWithInvite, listAccess, revokeDevice, revokeMember, touchDevice } from './access.ts';
import { hashSecret } from './tokens.ts';

const DAY = 86_400_000;
const now = new Date('2026-06-08T09:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('invites and devices', () => {
  test('an invite binds one device to its member, once, and the store keeps only hashes', () => {
    const db = openDb(':memory:');
    const { code, expiresAt } = createInvite(db, { member: 'Naibing Wu', now, validMs: 7 * DAY });
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe('2026-06-15T09:00:00.000Z');
    const joined = joinWithInvite(db, { code, label: 'Chrome on Android', now: later(60_000) });
    if (!joined.ok) throw new Error(joined.message);
    expect(joined.member).toBe('Naibing Wu');
    expect(joined.device).toEqual({ id: expect.stringMatching(/^d-[a-z2-9]{6}$/) as string, label: 'Chrome on Android' });
    expect(joined.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(deviceForToken(db, joined.token)).toEqual({ ok: true, member: 'Naibing Wu', device: joined.device });
    expect(joinWithInvite(db, { code, label: 'Firefox', now: later(120_000) }))
      .toEqual({ ok: false, message: 'this invite link was already used (2026-06-08 09:01 UTC): ask for a new one' });
    const stored = JSON.stringify([db.prepare('SELECT * FROM invites').all(), db.prepare('SELECT * FROM devices').all()]);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(joined.token);
    expect(stored).toContain(hashSecret(code));
    expect(stored).toContain(hashSecret(joined.token));
  });

  test('an expired or unknown code opens nothing', () => {
    const db = openDb(':memory:');
    const { code } = createInvite(db, { member: 'Yanhao Deng', now, validMs: 3 * DAY });
    expect(joinWithInvite(db, { code, label: 'x', now: later(3 * DAY) }))
      .toEqual({ ok: false, message: 'this invite link expired on 2026-06-11 09:00 UTC: ask for a new one' });
    expect(joinWithInvite(db, { code: `${code}x`, label: 'x', now }))
      .toEqual({ ok: false, message: 'this invite link is not valid: ask for a new one' });
    expect(db.prepare('SELECT count(*) FROM devices').pluck().get()).toBe(0);
  });

  test('revoking a device or a member ends their tokens and closes open invites', () => {
    const db = openDb(':memory:');
    const join = (member: string, label: string) => {
      const result = joinWithInvite(db, { code: createInvite(db, { member, now, validMs: DAY }).code, label, now });
      if (!result.ok) throw new Error(result.message);
      return result;
    };
    const phone = join('Naibing Wu', 'phone');
    const laptop = join('Naibing Wu', 'laptop');
    const other = join('Yanhao Deng', 'tablet');
    createInvite(db, { member: 'Naibing Wu', now, validMs: DAY });
    expect(revokeDevice(db, phone.device.id, later(1000))).toBe(true);
    expect(revokeDevice(db, phone.device.id, later(2000))).toBe(false);
    expect(deviceForToken(db, phone.token)).toEqual({ ok: false, message: 'this device was signed out of the reading room (2026-06-08 09:00 UTC)' });
    expect(deviceForToken(db, laptop.token).ok).toBe(true);
    expect(revokeMember(db, 'Naibing Wu', later(60_000))).toEqual({ devices: 1, invites: 1 });
    expect(deviceForToken(db, laptop.token).ok).toBe(false);
    expect(deviceForToken(db, other.token).ok).toBe(true);
    expect(deviceForToken(db, 'not-a-token')).toEqual({ ok: false, message: 'this device token is not valid: sign in again with an invite link' });
    touchDevice(db, other.device.id, later(5000));
    const access = listAccess(db, later(120_000));
    expect(access.invites).toEqual([]);
    expect(access.devices.map((d) => [d.member, d.label, d.lastSeenAt, d.revokedAt]).sort()).toEqual([
      ['Naibing Wu', 'laptop', null, '2026-06-08T09:01:00.000Z'],
      ['Naibing Wu', 'phone', null, '2026-06-08T09:00:01.000Z'],
      ['Yanhao Deng', 'tablet', '2026-06-08T09:00:05.000Z', null],
    ]);
  });

  test('a label is one line of at most 80 characters', () => {
    expect(deviceLabel('  Chrome\non\tAndroid \u2028 ')).toBe('Chrome on Android');
    expect(deviceLabel('Firefox \u202eon Linux')).toBe('Firefox on Linux'); // a direction override would reorder `members list`
    expect(deviceLabel('é'.repeat(100))).toBe('é'.repeat(80));
    expect([deviceLabel(''), deviceLabel(undefined), deviceLabel('\u0000')]).toEqual(['a device', 'a device', 'a device']);
  });
});
