import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Digest } from '@labdigest/core';
import { readDefaultConfigText } from '@labdigest/fixtures';
import { DomUtils, parseDocument } from 'htmlparser2';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { corpusSliceDigest, sampleWeekBriefing, withPicks } from '../../test/fixture-digests.ts';
import { CHAT_SHAPES } from '../../test/chat-shapes.ts';
import { startDroppingProxy, startSmtpServer, startWebhookServer, type DroppingProxy, type TestSmtpServer, type WebhookServer } from '../../test/mail-servers.ts';
import { runCli, tempDir } from '../../test/run-cli.ts';
import { loadConfig } from '../config/load-config.ts';
import { writeDigest } from '../digest/archive.ts';
import { InputError } from '../errors.ts';
import { openDb } from '../store/open-db.ts';
import { deliveriesOf, recordDelivery } from './deliveries.ts';
import { sendCommand, SendFailedError, type SendOptions } from './send-command.ts';
import { deliverAfterBuild } from './start-step.ts';

// Ranked once, at import: ranking the sample week takes seconds, more than a test's timeout.
const briefing: Digest = { ...sampleWeekBriefing(), sample: false };
const slice: Digest = { ...withPicks(corpusSliceDigest()), sample: false };

const NAIBING = 'naibing.wu@uni.example.edu';
const YANHAO = 'yanhao.deng@uni.example.edu';
const VISITOR = 'visitor@uni.example.edu';
const FRIDAY = new Date(2026, 7, 21, 7, 0); // the sample week's digest day, in the machine's time zone
const MONDAY = new Date(2026, 7, 24, 7, 0);
/** A webhook path as Slack's carry a secret: it must never be printed or stored. */
const SLACK_PATH = '/services/T0LAB/B0DIGEST/s3cr3tT0k3n';
const DISCORD_PATH = '/api/webhooks/123/d1sc0rdT0k3n';

let dir: { path: string; remove: () => void };
let smtp: TestSmtpServer;
let proxy: DroppingProxy;
let hooks: WebhookServer;

beforeEach(async () => {
  dir = tempDir('labdigest-send-');
  smtp = await startSmtpServer();
  proxy = await startDroppingProxy(smtp.port);
  hooks = await startWebhookServer();
  writeDigest(join(dir.path, 'digests'), briefing);
  // The store `digest build` made: send records what it sent there, and never makes one.
  openDb(join(dir.path, 'store.sqlite')).close();
});
afterEach(async () => {
  await Promise.all([smtp.close(), proxy.close(), hooks.close()]);
  dir.remove();
});

/** The default config, its two members given addresses (Yanhao's delivery as asked), a third member off, and a delivery block. */
function writeConfig(options: { yanhao?: string; smtpPort?: number; user?: string; chats?: boolean; readerUrl?: boolean } = {}): string {
  const text = readDefaultConfigText()
    .replace('    authors: [Naibing Wu]\n', `    authors: [Naibing Wu]\n    email: ${NAIBING}\n`
      + `  - name: Visiting Student\n    areas: [polymer-electrolytes]\n    email: ${VISITOR}\n    delivery: off\n`)
    .replace('    authors: [Yanhao Deng]\n', `    authors: [Yanhao Deng]\n    email: ${YANHAO}\n    delivery: ${options.yanhao ?? 'daily'}\n`);
  const chats = options.chats === false ? '' : [
    '  chat:', '    - type: slack', '      webhookEnv: TEST_SLACK_WEBHOOK', '    - type: discord', '      webhookEnv: TEST_DISCORD_WEBHOOK', '      name: lab-discord', '',
  ].join('\n');
  const file = join(dir.path, 'digest.config.yaml');
  writeFileSync(file, `${text}\ndelivery:\n${options.readerUrl === false ? '' : '  readerUrl: https://lab.example.org/digest/\n'}  email:\n    from: DENG.Group digest <digest@lab.example.org>\n`
    + `    smtp: { host: 127.0.0.1, port: ${options.smtpPort ?? proxy.port}, security: none${options.user ? `, user: ${options.user}` : ''} }\n${chats}`);
  return file;
}

function sendOptions(overrides: Partial<SendOptions> = {}): SendOptions {
  return {
    config: join(dir.path, 'digest.config.yaml'), db: join(dir.path, 'store.sqlite'), digests: join(dir.path, 'digests'),
    outbox: join(dir.path, 'outbox'), now: FRIDAY, retry: { attempts: 3, baseMs: 1 }, timeoutMs: 5000,
    env: { TEST_SLACK_WEBHOOK: `${hooks.origin}${SLACK_PATH}`, TEST_DISCORD_WEBHOOK: `${hooks.origin}${DISCORD_PATH}` },
    ...overrides,
  };
}

/** Runs sendCommand; returns what it printed and the error it threw, if any. */
async function send(overrides: Partial<SendOptions> = {}) {
  let err = '';
  const io = { out: () => undefined, err: (t: string) => { err += t; } };
  try {
    const results = await sendCommand(sendOptions(overrides), io);
    return { err, error: undefined, results };
  } catch (error) {
    return { err, error: error as Error, results: [] };
  }
}

const parse = (raw: Buffer): Promise<ParsedMail> => simpleParser(raw);
const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const rows = () => {
  const db = openDb(join(dir.path, 'store.sqlite'));
  try {
    return deliveriesOf(db, briefing.date).map((r) => `${r.channel} ${r.recipient} ${r.status} ${r.attempts}${r.lastError ? ` ${r.lastError}` : ''}`);
  } finally {
    db.close();
  }
};

describe('a first run: every member their own e-mail, every chat its picks', () => {
  test('sends, records, and ends with a per-recipient summary', async () => {
    writeConfig();
    const { err, error } = await send();
    expect(error).toBeUndefined();
    expect(err).toBe([
      'recipient                    channel  digest      status  attempts',
      'naibing.wu@uni.example.edu   email    2026-08-21  sent           1',
      'yanhao.deng@uni.example.edu  email    2026-08-21  sent           1',
      'lab-discord                  discord  2026-08-21  sent           1',
      'slack                        slack    2026-08-21  sent           1',
      'visitor@uni.example.edu      email    -           off               delivery: off',
      '',
      '4 sent, 1 off',
      '',
    ].join('\n'));
    expect(smtp.received.map((m) => m.to)).toEqual([[YANHAO], [NAIBING]]); // in the config's order
    expect(rows()).toEqual([
      'discord lab-discord sent 1', `email ${NAIBING} sent 1`, `email ${YANHAO} sent 1`, 'slack slack sent 1',
    ]);
  });

  test('the e-mail: both parts, the headers, the reader link with the member filter', async () => {
    writeConfig();
    await send();
    const mail = await parse(mailsTo(NAIBING)[0]!.raw);
    expect(mail.subject).toBe('DENG.Group digest, 21 Aug: 21 for you, 12 picks');
    expect(mail.from?.value).toEqual([{ name: 'DENG.Group digest', address: 'digest@lab.example.org' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : null).toEqual([{ name: 'Naibing Wu', address: NAIBING }]);
    expect(mail.messageId).toBe('<digest-2026-08-21.naibing-wu@lab.example.org>');
    // mailparser reads List-ID and List-Unsubscribe into `list`.
    expect(mail.headers.get('list')).toEqual({
      id: { name: 'DENG.Group digest', id: 'deng-group-digest.lab.example.org' },
      unsubscribe: { name: 'Unsubscribe', mail: 'digest@lab.example.org?subject=unsubscribe%20Naibing%20Wu%20from%20the%20DENG.Group%20digest' },
    });
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.html).toEqual(expect.stringContaining('<h2 style="'));
    expect(mail.text).toEqual(expect.stringContaining('For you\n=======\n'));
    const filter = 'https://lab.example.org/digest/?d=2026-08-21&member=Naibing+Wu';
    expect(mail.html).toContain(`<a href="${filter.replace('&', '&amp;')}"`);
    expect(mail.text).toContain(`\n${filter}\n`);
    expect(new TextEncoder().encode(mail.html as string).length).toBeLessThan(100_000);
    expect(mailsTo(YANHAO)).toHaveLength(1);
    expect((await parse(mailsTo(YANHAO)[0]!.raw)).html).toContain('href="https://lab.example.org/digest/?d=2026-08-21&amp;member=Yanhao+Deng"');
  });

  test('the chats: one post each, of the shape their documentation gives', async () => {
    writeConfig();
    await send();
    const slack = hooks.posts.get(SLACK_PATH) ?? [];
    const discord = hooks.posts.get(DISCORD_PATH) ?? [];
    expect([slack.length, discord.length]).toEqual([1, 1]);
    expect(CHAT_SHAPES.slack.safeParse(slack[0]).error?.issues).toBeUndefined();
    expect(CHAT_SHAPES.discord.safeParse(discord[0]).error?.issues).toBeUndefined();
    expect(JSON.stringify(slack[0])).toContain('<https://lab.example.org/digest/?d=2026-08-21|Open in the reader>');
  });

  test('a store that is not there is refused, nothing sent: a new one would send every digest again', async () => {
    // Found by an audit: a mistyped --db made an empty store and e-mailed and posted everything again.
    writeConfig();
    const missing = join(dir.path, 'typo', 'store.sqlite');
    const { error } = await send({ db: missing });
    expect(error).toBeInstanceOf(InputError);
    expect(error!.message).toBe(`${missing}: no paper store here: \`digest send\` records in the store what it sent, and a new one would send every digest again; `
      + 'pass the --db of the store `digest build` wrote (default data/labdigest.sqlite)');
    expect(existsSync(missing)).toBe(false);
    expect(smtp.received).toHaveLength(0);
    expect(hooks.posts.size).toBe(0);
  });

  test('a second run sends nothing again', async () => {
    writeConfig();
    await send();
    const { err, error } = await send();
    expect(error).toBeUndefined();
    expect(err.split('\n').slice(-3)).toEqual(['', '4 already sent, 1 off', '']);
    expect(smtp.received).toHaveLength(2);
    expect((hooks.posts.get(SLACK_PATH) ?? []).length).toBe(1);
  });
});

describe('failures stay local, are recorded, and are sent once on a later run', () => {
  test('a server that rejects one recipient with 550: the others get theirs', async () => {
    writeConfig();
    smtp.reject.add(YANHAO);
    const first = await send();
    expect(first.error).toBeInstanceOf(SendFailedError);
    expect(first.error?.message).toBe('1 of 4 deliveries failed; they are tried again on the next run');
    expect(first.err).toContain('\nyanhao.deng@uni.example.edu  email    2026-08-21  failed         1\n');
    expect(first.err).toContain(`\nemail ${YANHAO}: 550 5.1.1 mailbox unavailable (after 1 attempt)\n`);
    expect(smtp.received.map((m) => m.to)).toEqual([[NAIBING]]);
    expect(rows()).toContain(`email ${YANHAO} failed 1 550 5.1.1 mailbox unavailable`);

    smtp.reject.clear();
    const second = await send();
    expect(second.error).toBeUndefined();
    expect(second.err).toContain('\nyanhao.deng@uni.example.edu  email    2026-08-21  sent                 1\n');
    expect(second.err).toContain('\nnaibing.wu@uni.example.edu   email    2026-08-21  already sent\n');
    expect(await send()).toMatchObject({ error: undefined });
    expect(smtp.received.map((m) => m.to)).toEqual([[NAIBING], [YANHAO]]);
    expect(rows()).toContain(`email ${YANHAO} sent 2`);
  });

  test('a failure of a digest given as a file outside the archive says how to try again: a plain run does not know it', async () => {
    writeConfig({ chats: false });
    smtp.reject.add(YANHAO);
    const elsewhere = join(dir.path, 'elsewhere');
    writeDigest(elsewhere, { ...briefing, date: '2026-08-20', title: 'Research Digest — 2026-08-20' });
    const { error } = await send({ digest: join(elsewhere, '2026-08-20.json') });
    expect(error).toBeInstanceOf(SendFailedError);
    expect(error!.message).toBe('1 of 2 deliveries failed; 2026-08-20 is not in the archive: run this `digest send --digest` again to try them again');
    // The archive's own digest still says the next run tries again.
    const archived = await send();
    expect(archived.error!.message).toBe('1 of 2 deliveries failed; they are tried again on the next run');
  });

  test('a connection dropped mid-session: tried three times, recorded as failed, sent once on the next run', async () => {
    writeConfig();
    proxy.drop.add(NAIBING);
    const first = await send();
    expect(first.error).toBeInstanceOf(SendFailedError);
    expect(proxy.dropped()).toBe(3);
    expect(first.err).toMatch(new RegExp(`\\nemail ${NAIBING}: .*\\(after 3 attempts\\)\\n`));
    expect(smtp.received.map((m) => m.to)).toEqual([[YANHAO]]);
    expect(rows().find((r) => r.includes(NAIBING))).toMatch(new RegExp(`^email ${NAIBING} failed 3 `));

    proxy.drop.clear();
    expect((await send()).error).toBeUndefined();
    expect((await send()).error).toBeUndefined();
    expect(mailsTo(NAIBING)).toHaveLength(1);
    expect(rows()).toContain(`email ${NAIBING} sent 4`);
  });

  test('a server that takes the connection and never greets: said so, and the next member is not kept waiting too', async () => {
    // Found by an audit: with the greeting's and the socket's waits alike, either fired first; it was
    // called "the message may have arrived", and every member waited out three tries.
    const silent = createServer(() => undefined);
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    try {
      writeConfig({ smtpPort: (silent.address() as AddressInfo).port, chats: false });
      const { err, error } = await send({ timeoutMs: 400 });
      expect(error).toBeInstanceOf(SendFailedError);
      const emails = rows().filter((r) => r.startsWith('email '));
      const tried = emails.find((r) => / failed 3 /.test(r));
      expect(emails).toHaveLength(2);
      expect(tried).toContain('the server took the connection but never greeted (ETIMEDOUT): is this its SMTP port?');
      expect(emails.find((r) => r !== tried)).toMatch(/ failed 0 not tried: the SMTP server could not be reached \(the server took the connection but never greeted/);
      expect(err).not.toContain('may have arrived');
    } finally {
      silent.close();
    }
  });

  test('a webhook answering 500 then 200 is retried within the run; one answering 404 fails, its URL hidden', async () => {
    writeConfig();
    hooks.answers.set(SLACK_PATH, [500, 200]);
    hooks.answers.set(DISCORD_PATH, [404]);
    const { err, error } = await send();
    expect(error).toBeInstanceOf(SendFailedError);
    expect(err).toContain('\nslack                        slack    2026-08-21  sent           2\n');
    expect(err).toContain(`\ndiscord "lab-discord" (${hooks.origin}/…): 404 Not Found: no_service (after 1 attempt)\n`);
    expect(err).not.toContain('d1sc0rdT0k3n');
    expect(rows()).toContain('discord lab-discord failed 1 404 Not Found: no_service');
    expect(JSON.stringify(rows())).not.toContain('T0k3n');
  });

  test('a webhook URL with a user and password in it fails at once, naming the variable, the password nowhere', async () => {
    writeConfig();
    const { err, error } = await send({ env: { TEST_SLACK_WEBHOOK: 'https://bot:hunter2@hooks.example.org/x', TEST_DISCORD_WEBHOOK: `${hooks.origin}${DISCORD_PATH}` } });
    expect(error).toBeInstanceOf(SendFailedError);
    expect(err).toContain('TEST_SLACK_WEBHOOK is not a usable URL: it holds a user name or password (webhooks take their secret in the path or query)');
    expect(err).not.toContain('hunter2');
  });

  test('an unset webhook variable fails that chat alone, naming the variable', async () => {
    writeConfig();
    const { err, error } = await send({ env: { TEST_SLACK_WEBHOOK: `${hooks.origin}${SLACK_PATH}` } });
    expect(error).toBeInstanceOf(SendFailedError);
    expect(err).toContain('\ndiscord "lab-discord": TEST_DISCORD_WEBHOOK is not set\n');
    expect(smtp.received).toHaveLength(2);
    expect((hooks.posts.get(SLACK_PATH) ?? []).length).toBe(1);
  });
});

describe('the SMTP password comes from the environment and goes nowhere else', () => {
  let authed: TestSmtpServer;
  beforeEach(async () => { authed = await startSmtpServer({ auth: { user: 'digest', pass: 'pa55-w0rd!' } }); });
  afterEach(() => authed.close());

  test('with LABDIGEST_SMTP_PASSWORD set, the login passes; the password is in no output, row or file', async () => {
    writeConfig({ smtpPort: authed.port, user: 'digest', chats: false });
    const { err, error } = await send({ env: { LABDIGEST_SMTP_PASSWORD: 'pa55-w0rd!' } });
    expect(error).toBeUndefined();
    expect(authed.received).toHaveLength(2);
    expect(err).not.toContain('pa55-w0rd!');
    expect(readFileSync(join(dir.path, 'store.sqlite')).includes('pa55-w0rd!')).toBe(false);
    expect(authed.received.some((m) => m.raw.includes('pa55-w0rd!'))).toBe(false);
  });

  test('a wrong password fails with the server\'s words and without the password; no later e-mail of the run logs in again', async () => {
    writeConfig({ smtpPort: authed.port, user: 'digest', chats: false });
    let logins = 0;
    authed.server.on('connect', () => { logins++; });
    const { err, error } = await send({ env: { LABDIGEST_SMTP_PASSWORD: 'wrong-pa55' } });
    expect(error?.message).toBe('2 of 2 deliveries failed; they are tried again on the next run');
    // Members go in the config's order: Yanhao Deng's e-mail tries the login, Naibing Wu's does not.
    expect(err).toContain(`\nemail ${YANHAO}: 535 5.7.8 Authentication credentials invalid (after 1 attempt)\n`);
    expect(err).toContain(`\nemail ${NAIBING}: not tried: the SMTP login was refused (535 5.7.8 Authentication credentials invalid)\n`);
    expect(logins).toBe(1);
    expect(err).not.toContain('wrong-pa55');
  });

  test('without it, nothing is tried and the summary names the variable', async () => {
    writeConfig({ smtpPort: authed.port, user: 'digest', chats: false });
    const { err } = await send({ env: {} });
    expect(err).toContain(`\nemail ${NAIBING}: LABDIGEST_SMTP_PASSWORD is not set (delivery.email.smtp.user is)\n`);
    expect(authed.received).toHaveLength(0);
  });
});

describe('weekly members', () => {
  test('on another day: not due, the summary says when', async () => {
    writeConfig({ yanhao: 'weekly' });
    const { err } = await send();
    expect(err).toContain('\nyanhao.deng@uni.example.edu  email    2026-08-21  not due            weekly, next on monday (1 digest waiting)\n');
    expect(mailsTo(YANHAO)).toHaveLength(0);
  });

  test('on their day: one e-mail of the digests since their last one, recorded for each digest it covers', async () => {
    writeConfig({ yanhao: 'weekly' });
    writeDigest(join(dir.path, 'digests'), slice);
    const db = openDb(join(dir.path, 'store.sqlite'));
    recordDelivery(db, { digestDate: '2026-08-01', channel: 'email', recipient: YANHAO }, { status: 'sent', attempts: 1, now: new Date('2026-08-03T07:00:00Z') });
    db.close();
    const { err, error } = await send({ now: MONDAY });
    expect(error).toBeUndefined();
    expect(err).toContain(`\n${YANHAO}  email    2026-08-21 (+1)  sent           1\n`);
    const mail = await parse(mailsTo(YANHAO)[0]!.raw);
    const picks = [briefing, slice].flatMap((d) => d.sections.flatMap((x) => x.papers.filter((p) => p.pick))).length;
    const forYanhao = [briefing, slice].flatMap((d) => d.sections.flatMap((x) => x.papers.filter((p) => p.members.some((m) => m.name === 'Yanhao Deng')))).length;
    expect(mail.subject).toBe(`DENG.Group weekly digest, 8–21 Aug: ${forYanhao} for you, ${picks} picks`);
    expect([forYanhao, picks]).toEqual([38, 20]);
    expect(mail.messageId).toBe('<digest-weekly-2026-08-21.yanhao-deng@lab.example.org>');
    expect(mail.text).toContain('\nhttps://lab.example.org/digest/?member=Yanhao+Deng\n');
    const check = openDb(join(dir.path, 'store.sqlite'));
    expect([...deliveriesOf(check, '2026-08-08'), ...deliveriesOf(check, '2026-08-21')].filter((r) => r.recipient === YANHAO).map((r) => [r.digestDate, r.status, r.messageId]))
      .toEqual([['2026-08-08', 'sent', '<digest-weekly-2026-08-21.yanhao-deng@lab.example.org>'], ['2026-08-21', 'sent', '<digest-weekly-2026-08-21.yanhao-deng@lab.example.org>']]);
    check.close();
    expect(mailsTo(NAIBING)).toHaveLength(1);
  });
});

describe('--dry-run and sample data', () => {
  test('--dry-run writes .eml and .json files, sends nothing and records nothing', async () => {
    writeConfig();
    const { err, error } = await send({ dryRun: true });
    expect(error).toBeUndefined();
    const outbox = join(dir.path, 'outbox', '2026-08-21');
    expect(readdirSync(outbox).sort()).toEqual(['chat-lab-discord.json', 'chat-slack.json', 'email-naibing-wu.eml', 'email-yanhao-deng.eml']);
    expect(err).toContain(`\nnaibing.wu@uni.example.edu   email    2026-08-21  written            ${join(outbox, 'email-naibing-wu.eml')}\n`);
    expect(err.endsWith(`messages written to ${join(dir.path, 'outbox')}; nothing sent, nothing recorded\n`)).toBe(true);
    const mail = await parse(readFileSync(join(outbox, 'email-naibing-wu.eml')));
    expect(mail.subject).toBe('DENG.Group digest, 21 Aug: 21 for you, 12 picks');
    const slack = JSON.parse(readFileSync(join(outbox, 'chat-slack.json'), 'utf8')) as unknown[];
    expect(CHAT_SHAPES.slack.safeParse(slack[0]).success).toBe(true);
    expect(smtp.received).toHaveLength(0);
    expect(hooks.posts.size).toBe(0);
    expect(rows()).toEqual([]);
    // After everything went out, a dry run has nothing to write, and does not say it wrote something.
    expect((await send()).error).toBeUndefined();
    const after = await send({ dryRun: true });
    expect(after.err.endsWith('no message to write: nothing sent, nothing recorded\n')).toBe(true);
  });

  test('--dry-run with an outbox that is a file, or a link to nothing, says so before writing anything', async () => {
    writeConfig();
    const file = join(dir.path, 'outbox-file');
    writeFileSync(file, 'notes\n');
    const onFile = await send({ dryRun: true, outbox: file });
    expect(onFile.error?.message).toBe(`--outbox ${file}: is a file, not a folder`);
    expect(readFileSync(file, 'utf8')).toBe('notes\n');
    const link = join(dir.path, 'outbox-link');
    symlinkSync(join(dir.path, 'gone'), link);
    const dangling = await send({ dryRun: true, outbox: link });
    expect(dangling.error?.message).toBe(`--outbox ${link}: is a link to ${join(dir.path, 'gone')}, which does not exist`);
  });

  test('without delivery.readerUrl the run says the messages carry no link to the reader', async () => {
    writeConfig({ readerUrl: false });
    const { err } = await send({ dryRun: true });
    expect(err).toContain('delivery.readerUrl is not set: the e-mails and chat posts carry no link to the reader (docs/delivery.md)\n');
    writeConfig();
    expect((await send({ dryRun: true })).err).not.toContain('readerUrl');
  });

  test('a sample-data digest is never sent', async () => {
    writeConfig();
    writeDigest(join(dir.path, 'digests'), { ...briefing, sample: true });
    const { err, error } = await send();
    expect(error).toBeUndefined();
    expect(err).toBe('digest 2026-08-21 is sample data (built from bundled recorded papers): nothing sent. --dry-run writes the messages to look at.\n');
    expect(smtp.received).toHaveLength(0);
    // As it says: a dry run writes them (it said "already sent" and wrote nothing).
    const dry = await send({ dryRun: true });
    expect(dry.err).toContain(`naibing.wu@uni.example.edu   email    2026-08-21  written`);
    expect(readdirSync(join(dir.path, 'outbox', '2026-08-21'))).toContain('email-naibing-wu.eml');
    expect(rows()).toEqual([]);
  });
});

describe('text from papers never reaches the HTML as markup', () => {
  test('a hostile title arrives escaped in the HTML part and as written in the text part', async () => {
    writeConfig({ chats: false });
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>';
    const target = briefing.sections[1]!.papers[0]!;
    writeDigest(join(dir.path, 'digests'), {
      ...briefing,
      sections: briefing.sections.map((s) => ({ ...s, papers: s.papers.map((p) => (p.id === target.id ? { ...p, title: hostile, summary: hostile } : p)) })),
    });
    await send();
    const mail = await parse(mailsTo(NAIBING)[0]!.raw);
    const nodes = DomUtils.getElementsByTagName(() => true, parseDocument(String(mail.html)).children, true);
    expect(nodes.filter((e) => ['script', 'img', 'iframe', 'object'].includes(e.name))).toEqual([]);
    expect(nodes.filter((e) => e.name === 'a' && !/^https:\/\//.test(e.attribs.href ?? '')).map((e) => e.attribs.href)).toEqual([]);
    expect(nodes.filter((e) => e.name === 'h3').map((e) => DomUtils.textContent(e))).toContain(`${target.number}. ${hostile}`);
    expect(mail.text).toContain('<script>alert(1)</script><img src=x');
  });
});

test('the command line: `digest send` exits 1 when a delivery failed, 0 when all were sent or nothing was to send', async () => {
  writeConfig({ chats: false });
  smtp.reject.add(NAIBING);
  const args = ['send', '--config', join(dir.path, 'digest.config.yaml'), '--db', join(dir.path, 'store.sqlite'), '--digests', join(dir.path, 'digests')];
  vi.stubEnv('LABDIGEST_SMTP_PASSWORD', '');
  try {
    const failed = await runCli(...args);
    expect(failed.code).toBe(1);
    expect(failed.err.endsWith('digest: 1 of 2 deliveries failed; they are tried again on the next run\n')).toBe(true);
    smtp.reject.clear();
    expect((await runCli(...args)).code).toBe(0);
    expect((await runCli(...args)).code).toBe(0);
  } finally {
    vi.unstubAllEnvs();
  }
  expect(smtp.received.map((m) => m.to)).toEqual([[YANHAO], [NAIBING]]);
}, 120_000);

describe('the step of `digest start`', () => {
  const input = (sample: boolean) => ({
    config: loadConfig(join(dir.path, 'digest.config.yaml')), configFile: join(dir.path, 'digest.config.yaml'),
    db: join(dir.path, 'store.sqlite'), digests: join(dir.path, 'digests'), sample,
  });
  const capture = () => {
    const io = { text: '', out: () => undefined, err: (t: string) => { io.text += t; } };
    return io;
  };

  test('sample data: one line, nothing sent', async () => {
    writeConfig();
    const io = capture();
    await deliverAfterBuild(input(true), io, sendOptions());
    expect(io.text).toBe('sample data: nothing sent (e-mail and chat delivery is for digests of a live fetch)\n');
    expect(smtp.received).toHaveLength(0);
  });

  test('a live digest is sent; a failure is reported and the run goes on', async () => {
    writeConfig();
    smtp.reject.add(NAIBING);
    const io = capture();
    await deliverAfterBuild(input(false), io, sendOptions());
    expect(io.text.endsWith('digest: 1 of 4 deliveries failed; they are tried again on the next run\n')).toBe(true);
    expect(smtp.received.map((m) => m.to)).toEqual([[YANHAO]]);
  });

  test('without a delivery block: nothing at all', async () => {
    writeFileSync(join(dir.path, 'digest.config.yaml'), readDefaultConfigText());
    const io = capture();
    await deliverAfterBuild(input(false), io, sendOptions());
    expect(io.text).toBe('');
  });
});
