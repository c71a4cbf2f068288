import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { inDir, runCli, tempDir } from '../../test/run-cli.ts';
import { openDb } from '../store/open-db.ts';
import { joinWithInvite } from './access.ts';
import { recordRoomAddress } from './address.ts';

let dir: { path: string; remove: () => void };
let config: string;
let db: string;
const members = (...args: string[]) => runCli('members', ...args, '--config', config, '--db', db);

function writeConfig(server?: object): void {
  writeFileSync(config, stringify({
    group: { name: 'Test Lab' },
    areas: [{ id: 'batteries', name: 'Batteries', keywords: ['electrolyte'] }],
    members: [{ name: 'Yanhao Deng', interests: ['SEI'] }, { name: 'Naibing Wu', interests: ['PEO'] }],
    ...(server ? { server } : {}),
  }));
}

beforeEach(() => {
  dir = tempDir();
  config = inDir(dir.path, 'digest.config.yaml');
  db = inDir(dir.path, 'labdigest.sqlite');
  writeConfig();
});
afterEach(() => dir.remove());

/** Joins with the code of a printed link, as the reader would, at `now`. */
function joinWith(link: string, label: string, now = new Date()): string {
  const store = openDb(db);
  try {
    const joined = joinWithInvite(store, { code: new URL(link).hash.slice('#join='.length), label, now });
    if (!joined.ok) throw new Error(joined.message);
    return joined.device.id;
  } finally {
    store.close();
  }
}

describe('digest members invite', () => {
  test('prints a one-time link on standard output, and what it is on standard error', async () => {
    const { code, out, err } = await members('invite', 'Naibing Wu', '--url', 'https://digest.lab.example.org/room');
    expect(code).toBe(0);
    expect(out).toMatch(/^https:\/\/digest\.lab\.example\.org\/room\/#join=[A-Za-z0-9_-]{43}\n$/);
    expect(err).toMatch(/^invite link for Naibing Wu: it works once, until \d{4}-\d\d-\d\d \d\d:\d\d UTC; send it to them only\n$/);
  });

  test('the link starts with server.publicUrl, else this machine on port 8080 when no server has run', async () => {
    const plain = await members('invite', 'naibing wu');
    expect(plain.out).toMatch(new RegExp(`^http://${hostname()}:8080/#join=`));
    expect(plain.err).toContain(`(the link uses this machine's name and port 8080: no \`digest serve\` has run on this store yet; set server.publicUrl in ${config}, or pass --url, if members reach the server at another address)\n`);
    writeConfig({ publicUrl: 'https://digest.lab.example.org/' });
    const configured = await members('invite', 'Yanhao Deng', '--expires', '3d');
    expect(configured.out).toMatch(/^https:\/\/digest\.lab\.example\.org\/#join=/);
    const expires = /until (\S+ \S+) UTC/.exec(configured.err)?.[1];
    expect(Date.parse(`${expires?.replace(' ', 'T')}:00Z`) - Date.now()).toBeGreaterThan(3 * 86_400_000 - 120_000);
  });

  test('else where `digest serve` last listened on this store: its port, and this machine\'s name when it listens on every address', async () => {
    const store = openDb(db);
    recordRoomAddress(store, { host: '0.0.0.0', port: 9000, startedAt: '2026-06-08T09:00:00.000Z' });
    store.close();
    const everywhere = await members('invite', 'Naibing Wu');
    expect(everywhere.out).toMatch(new RegExp(`^http://${hostname()}:9000/#join=`));
    expect(everywhere.err).toContain("(the link uses this machine's name and the port `digest serve` listens on (since 2026-06-08 09:00 UTC): set server.publicUrl");
    writeConfig({ publicUrl: 'https://digest.lab.example.org/' });
    expect((await members('invite', 'Naibing Wu')).out).toMatch(/^https:\/\/digest\.lab\.example\.org\/#join=/);
  });

  test('a name not in the config is an error with a suggestion (exit 1); a bad duration or URL is wrong usage (exit 2)', async () => {
    expect(await members('invite', 'Yanhao Dng')).toEqual({ code: 1, out: '',
      err: `digest: no member "Yanhao Dng" in ${config} (did you mean "Yanhao Deng"?); its members are Yanhao Deng, Naibing Wu\n` });
    expect(await members('invite', 'Someone Else')).toEqual({ code: 1, out: '',
      err: `digest: no member "Someone Else" in ${config}; its members are Yanhao Deng, Naibing Wu\n` });
    const duration = await members('invite', 'Naibing Wu', '--expires', 'a week');
    expect([duration.code, duration.err.split('\n')[0]]).toEqual([2, 'error: option \'--expires <duration>\' argument \'a week\' is invalid. expected a duration like 7d, 12h or 30m, saw "a week"']);
    expect(await members('invite', 'Naibing Wu', '--url', 'ftp://lab')).toEqual({ code: 2, out: '', err: 'digest: --url: expected an http(s) address, saw "ftp://lab"\n' });
  });
});

describe('digest members list and revoke', () => {
  test('list shows every member, their devices and open invites; revoke signs out a device or a member', async () => {
    const phone = joinWith((await members('invite', 'Naibing Wu')).out.trim(), 'Chrome on Android', new Date('2026-06-08T09:00:00Z'));
    const laptop = joinWith((await members('invite', 'Naibing Wu')).out.trim(), 'Firefox');
    await members('invite', 'Naibing Wu');
    const listed = await members('list');
    expect(listed.code).toBe(0);
    expect(listed.out.replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, 'TIME')).toBe([
      'Yanhao Deng',
      '  no devices',
      'Naibing Wu',
      `  ${phone}  Chrome on Android  never seen`,
      `  ${laptop}  Firefox            never seen`,
      '  invite open until TIME',
      '',
    ].join('\n'));

    expect(await members('revoke', phone)).toEqual({ code: 0, out: '', err: `signed out ${phone} (Chrome on Android, Naibing Wu): its next request is refused\n` });
    const again = await members('revoke', phone);
    expect([again.code, again.err]).toEqual([0, expect.stringMatching(new RegExp(`^${phone} \\(Chrome on Android, Naibing Wu\\) was signed out already, on \\d{4}-`)) as string]);
    expect(await members('revoke', 'Naibing Wu')).toEqual({ code: 0, out: '', err: 'signed out 1 device and closed 1 open invite of Naibing Wu\n' });
    expect(await members('revoke', 'Yanhao Deng')).toEqual({ code: 0, out: '', err: 'Yanhao Deng has no devices signed in and no open invites: nothing to sign out\n' });
    const after = await members('list');
    expect(after.out.replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, 'TIME')).toBe([
      'Yanhao Deng',
      '  no devices',
      'Naibing Wu',
      `  ${phone}  Chrome on Android  never seen, signed out TIME`,
      `  ${laptop}  Firefox            never seen, signed out TIME`,
      '',
    ].join('\n'));
  });

  test('list before any store exists shows the members and creates nothing', async () => {
    expect(await members('list')).toEqual({ code: 0, out: 'Yanhao Deng\n  no devices\nNaibing Wu\n  no devices\n', err: '' });
    expect(existsSync(db)).toBe(false);
  });

  test('a device id the store does not hold, or a name typo, is a clear error (exit 1)', async () => {
    expect(await members('revoke', 'd-zzzzzz')).toEqual({ code: 1, out: '', err: `digest: no device d-zzzzzz in ${db}: \`digest members list\` shows the devices\n` });
    expect(await members('revoke', 'Naibing')).toEqual({ code: 1, out: '', err: `digest: no member "Naibing" in ${config} (did you mean "Naibing Wu"?); its members are Yanhao Deng, Naibing Wu\n` });
    expect((await members('revoke', 'Naibng Wu')).err).toBe(`digest: no member "Naibng Wu" in ${config} (did you mean "Naibing Wu"?); its members are Yanhao Deng, Naibing Wu\n`);
  });

  test('devices of a member taken out of the config are listed apart, and can still be revoked', async () => {
    joinWith((await members('invite', 'Naibing Wu')).out.trim(), 'phone');
    writeFileSync(config, stringify({
      group: { name: 'Test Lab' }, areas: [{ id: 'batteries', name: 'Batteries', keywords: ['electrolyte'] }],
      members: [{ name: 'Yanhao Deng', interests: ['SEI'] }],
    }));
    expect((await members('list')).out).toContain(`Naibing Wu (no longer in ${config})\n`);
    expect((await members('revoke', 'Naibing Wu')).err).toBe('signed out 1 device and closed 0 open invites of Naibing Wu\n');
  });

  test('`digest members` alone, or an unknown subcommand, is wrong usage (exit 2)', async () => {
    const alone = await runCli('members');
    expect([alone.code, alone.err]).toEqual([2, expect.stringContaining('Usage: digest members [options] [command]') as string]);
    const unknown = await runCli('members', 'remove', 'Naibing Wu');
    expect([unknown.code, unknown.err.split('\n')[0]]).toEqual([2, "error: unknown command 'remove'"]);
  });
});
