import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { suggest, type GroupConfig } from '@labdigest/core';
import type { Io } from '../io.ts';
import { IngestError, UsageError } from '../errors.ts';
import { loadConfig } from '../config/load-config.ts';
import { openDb, type Db } from '../store/open-db.ts';
import { lastRoomAddress, reachableAt, type RoomAddress } from './address.ts';
import { createInvite, findDevice, listAccess, revokeDevice, revokeMember, shownTime, type DeviceRecord } from './access.ts';

/** A name that is no member of the config (with a suggestion), or a device id the store does not hold. */
export class MemberError extends IngestError {
  override name = 'MemberError';
  override readonly code = 'MEMBER';
}

/** How long an invite link works unless --expires says otherwise: a week. */
export const DEFAULT_INVITE_MS = 7 * 86_400_000;

export interface MembersOptions {
  readonly config: string;
  readonly db: string;
  readonly now?: Date | undefined;
}

// These commands write a row or two while the server may be running: they do not take the batch
// commands' store lock (a fetch could hold it for minutes), and wait for SQLite's write lock instead.
function openStore(path: string): Db {
  const db = openDb(path);
  db.pragma('busy_timeout = 30000');
  return db;
}

/** `digest members invite NAME`: a one-time link that binds a device to the member. The link goes to standard output. */
export function inviteCommand(name: string, options: MembersOptions & { expires?: number | undefined; url?: string | undefined }, io: Io): { link: string; expiresAt: string } {
  const config = loadConfig(options.config);
  const member = memberNamed(config, name, options.config);
  const db = openStore(options.db);
  try {
    const { base, note } = inviteBase(options.url, config, lastRoomAddress(db), options.config);
    const { code, expiresAt } = createInvite(db, { member, now: options.now ?? new Date(), validMs: options.expires ?? DEFAULT_INVITE_MS });
    const link = `${base}#join=${code}`;
    io.err(`invite link for ${member}: it works once, until ${shownTime(expiresAt)}; send it to them only\n`);
    io.out(`${link}\n`);
    if (note) io.err(`(${note})\n`);
    return { link, expiresAt };
  } finally {
    db.close();
  }
}

/** `digest members list`: every member of the config with their devices and open invites, and devices of former members. */
export function listCommand(options: MembersOptions, io: Io): void {
  const config = loadConfig(options.config);
  let access: ReturnType<typeof listAccess> = { devices: [], invites: [] };
  if (existsSync(options.db)) { // listing creates no store
    const db = openStore(options.db);
    try {
      access = listAccess(db, options.now ?? new Date());
    } finally {
      db.close();
    }
  }
  const names = config.members.map((m) => m.name);
  const former = [...new Set(access.devices.map((d) => d.member))].filter((m) => !names.includes(m));
  const lines: string[] = [];
  if (names.length === 0) lines.push(`no members in ${options.config}: add them under members: to invite them`);
  for (const member of [...names, ...former]) {
    lines.push(names.includes(member) ? member : `${member} (no longer in ${options.config})`);
    const devices = access.devices.filter((d) => d.member === member);
    const invites = access.invites.filter((i) => i.member === member);
    if (devices.length === 0 && invites.length === 0) lines.push('  no devices');
    const width = Math.max(0, ...devices.map((d) => d.label.length));
    for (const device of devices) lines.push(`  ${device.id}  ${device.label.padEnd(width)}  ${deviceStatus(device)}`);
    for (const invite of invites) lines.push(`  invite open until ${shownTime(invite.expiresAt)}`);
  }
  io.out(`${lines.join('\n')}\n`);
}

function deviceStatus(device: DeviceRecord): string {
  const seen = device.lastSeenAt ? `last seen ${shownTime(device.lastSeenAt)}` : 'never seen';
  return device.revokedAt ? `${seen}, signed out ${shownTime(device.revokedAt)}` : seen;
}

/** `digest members revoke NAME|DEVICE`: signs out one device, or all of a member's devices and closes their invites, at once. */
export function revokeCommand(target: string, options: MembersOptions, io: Io): void {
  const config = loadConfig(options.config);
  const now = options.now ?? new Date();
  const db = openStore(options.db);
  try {
    if (/^d-[a-z0-9]+$/i.test(target)) {
      const device = findDevice(db, target.toLowerCase());
      if (!device) throw new MemberError(`no device ${target} in ${options.db}: \`digest members list\` shows the devices`);
      if (!revokeDevice(db, device.id, now)) {
        io.err(`${device.id} (${device.label}, ${device.member}) was signed out already, on ${shownTime(device.revokedAt ?? '')}\n`);
        return;
      }
      io.err(`signed out ${device.id} (${device.label}, ${device.member}): its next request is refused\n`);
      return;
    }
    const stored = [...new Set(listAccess(db, now).devices.map((d) => d.member))];
    const member = stored.find((m) => m === target) ?? memberNamed(config, target, options.config);
    const { devices, invites } = revokeMember(db, member, now);
    if (devices === 0 && invites === 0) {
      io.err(`${member} has no devices signed in and no open invites: nothing to sign out\n`);
      return;
    }
    io.err(`signed out ${plural(devices, 'device')} and closed ${plural(invites, 'open invite')} of ${member}\n`);
  } finally {
    db.close();
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The config's member of that name (case aside), or an error with a suggestion. */
function memberNamed(config: GroupConfig, name: string, file: string): string {
  const names = config.members.map((m) => m.name);
  const found = names.find((n) => n.toLowerCase() === name.trim().normalize('NFC').toLowerCase());
  if (found) return found;
  if (names.length === 0) throw new MemberError(`no member "${name}" in ${file}: it has no members yet (add them under members:)`);
  throw new MemberError(`no member "${name}" in ${file}${suggest(name, names)}; its members are ${names.join(', ')}`);
}

/**
 * Where invite links point, always ending in `/`: --url, else server.publicUrl, else where `digest serve`
 * last listened on this store, else this machine on port 8080; and, for the last two, a note on what the
 * link assumes.
 */
function inviteBase(url: string | undefined, config: GroupConfig, served: RoomAddress | undefined, file: string): { base: string; note?: string } {
  const chosen = url ?? config.server.publicUrl;
  if (chosen !== undefined) return { base: checkedBase(chosen) };
  const elsewhere = `set server.publicUrl in ${file}, or pass --url, if members reach the server at another address`;
  if (!served) {
    return { base: checkedBase(`http://${hostname()}:8080/`), note: `the link uses this machine's name and port 8080: no \`digest serve\` has run on this store yet; ${elsewhere}` };
  }
  const { url: reachable, thisMachineOnly } = reachableAt(served);
  const since = `since ${shownTime(served.startedAt)}`;
  if (thisMachineOnly) {
    return {
      base: checkedBase(reachable),
      note: `the reading room listens on ${served.host} (${since}), which only this machine reaches: the link opens here. For members' phones and laptops, `
        + `serve it with --host 0.0.0.0 on the lab network, or set server.publicUrl in ${file} to the address of the proxy in front of it`,
    };
  }
  return { base: checkedBase(reachable), note: `the link uses this machine's name and the port \`digest serve\` listens on (${since}): ${elsewhere}` };
}

function checkedBase(base: string): string {
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new UsageError(`--url: expected an http(s) address like https://digest.lab.example.org/, saw "${base}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--url: expected an http(s) address, saw "${base}"`);
  parsed.hash = '';
  parsed.search = '';
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.href;
}
