// Who may use the reading room: one-time invite codes, and the devices they bound to members.
// Every function takes the store and the time, and runs its writes in one short transaction.
import { API_LIMITS, type Device } from '@labdigest/core';
import type { Db } from '../store/open-db.ts';
import { hashSecret, newDeviceId, newSecret } from './tokens.ts';
import { preparedPerConnection } from '../store/prepared.ts';

/** A device as the store holds it, less its token hash. */
export interface DeviceRecord {
  readonly id: string;
  readonly member: string;
  readonly label: string;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  readonly revokedAt: string | null;
}

/** An invite not used yet (it may have expired). */
export interface InviteRecord {
  readonly member: string;
  readonly createdAt: string;
  readonly expiresAt: string;
}

function prepare(db: Db) {
  return {
    addInvite: db.prepare('INSERT INTO invites (code_hash, member, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    invite: db.prepare('SELECT member, expires_at AS expiresAt, used_at AS usedAt FROM invites WHERE code_hash = ?'),
    useInvite: db.prepare('UPDATE invites SET used_at = ?, device_id = ? WHERE code_hash = ?'),
    addDevice: db.prepare('INSERT INTO devices (id, member, token_hash, label, created_at) VALUES (?, ?, ?, ?, ?)'),
    deviceIdTaken: db.prepare('SELECT 1 FROM devices WHERE id = ?').pluck(),
    byToken: db.prepare('SELECT id, member, label, revoked_at AS revokedAt FROM devices WHERE token_hash = ?'),
    touch: db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
    byId: db.prepare(`SELECT id, member, label, created_at AS createdAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt
      FROM devices WHERE id = ?`),
    revokeDevice: db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    revokeMemberDevices: db.prepare('UPDATE devices SET revoked_at = ? WHERE member = ? AND revoked_at IS NULL'),
    closeMemberInvites: db.prepare('UPDATE invites SET expires_at = ? WHERE member = ? AND used_at IS NULL AND expires_at > ?'),
    devices: db.prepare(`SELECT id, member, label, created_at AS createdAt, last_seen_at AS lastSeenAt, revoked_at AS revokedAt
      FROM devices ORDER BY member, created_at, id`),
    openInvites: db.prepare(`SELECT member, created_at AS createdAt, expires_at AS expiresAt FROM invites
      WHERE used_at IS NULL AND expires_at > ? ORDER BY member, expires_at`),
  };
}

const statements = preparedPerConnection(prepare);

/** "2026-06-15 10:00 UTC": how the room's messages show a time. */
export function shownTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A new one-time code for `member`, valid until `now + validMs`. The code is returned once; the store keeps its hash. */
export function createInvite(db: Db, at: { member: string; now: Date; validMs: number }): { code: string; expiresAt: string } {
  const code = newSecret();
  const expiresAt = new Date(at.now.getTime() + at.validMs).toISOString();
  statements(db).addInvite.run(hashSecret(code), at.member, at.now.toISOString(), expiresAt);
  return { code, expiresAt };
}

export type JoinOutcome =
  | { readonly ok: true; readonly token: string; readonly member: string; readonly device: Device }
  | { readonly ok: false; readonly message: string };

/**
 * Exchanges an invite code for a device token, once: the invite is marked used and a device bound to
 * its member, in one transaction (two devices racing with one code: one wins, the other hears "used").
 * With `members`, an invite for a name no longer among them is refused (and stays unused).
 */
export function joinWithInvite(db: Db, at: { code: string; label: string | undefined; now: Date; members?: readonly string[] }): JoinOutcome {
  const s = statements(db);
  const now = at.now.toISOString();
  const codeHash = hashSecret(at.code);
  return db.transaction((): JoinOutcome => {
    const invite = s.invite.get(codeHash) as { member: string; expiresAt: string; usedAt: string | null } | undefined;
    if (!invite) return { ok: false, message: 'this invite link is not valid: ask for a new one' };
    if (invite.usedAt !== null) return { ok: false, message: `this invite link was already used (${shownTime(invite.usedAt)}): ask for a new one` };
    if (invite.expiresAt <= now) return { ok: false, message: `this invite link expired on ${shownTime(invite.expiresAt)}: ask for a new one` };
    if (at.members && !at.members.includes(invite.member)) return { ok: false, message: `this invite link is for ${invite.member}, who is no longer a member of the group` };
    let id = newDeviceId();
    while (s.deviceIdTaken.get(id) !== undefined) id = newDeviceId();
    const token = newSecret();
    const label = deviceLabel(at.label);
    s.addDevice.run(id, invite.member, hashSecret(token), label, now);
    s.useInvite.run(now, id, codeHash);
    return { ok: true, token, member: invite.member, device: { id, label } };
  }).immediate();
}

/** The label a device gave, on one line and cut to 80 characters; "a device" when it gave none. */
export function deviceLabel(label: string | undefined): string {
  // Control characters, line separators and direction overrides (which would reorder `members list`) become spaces.
  const text = (label ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  return [...text].slice(0, API_LIMITS.labelChars).join('').trim() || 'a device';
}

export type DeviceAuth =
  | { readonly ok: true; readonly member: string; readonly device: Device }
  | { readonly ok: false; readonly message: string };

/** The device a token belongs to, or why it does not open the room (unknown, or revoked). */
export function deviceForToken(db: Db, token: string): DeviceAuth {
  const row = statements(db).byToken.get(hashSecret(token)) as { id: string; member: string; label: string; revokedAt: string | null } | undefined;
  if (!row) return { ok: false, message: 'this device token is not valid: sign in again with an invite link' };
  if (row.revokedAt !== null) return { ok: false, message: `this device was signed out of the reading room (${shownTime(row.revokedAt)})` };
  return { ok: true, member: row.member, device: { id: row.id, label: row.label } };
}

/** Notes that the device was seen now. */
export function touchDevice(db: Db, id: string, now: Date): void {
  statements(db).touch.run(now.toISOString(), id);
}

export function findDevice(db: Db, id: string): DeviceRecord | undefined {
  return statements(db).byId.get(id) as DeviceRecord | undefined;
}

/** Signs a device out; false when it was signed out already. */
export function revokeDevice(db: Db, id: string, now: Date): boolean {
  return statements(db).revokeDevice.run(now.toISOString(), id).changes > 0;
}

/** Signs out every device of a member and closes their open invites; how many of each. */
export function revokeMember(db: Db, member: string, now: Date): { devices: number; invites: number } {
  const s = statements(db);
  const time = now.toISOString();
  return db.transaction(() => ({
    devices: s.revokeMemberDevices.run(time, member).changes,
    invites: s.closeMemberInvites.run(time, member, time).changes,
  })).immediate();
}

/** Every device (revoked ones too), by member, and the invites still open at `now`. */
export function listAccess(db: Db, now: Date): { devices: DeviceRecord[]; invites: InviteRecord[] } {
  const s = statements(db);
  return { devices: s.devices.all() as DeviceRecord[], invites: s.openInvites.all(now.toISOString()) as InviteRecord[] };
}
