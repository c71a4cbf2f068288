import { existsSync, lstatSync, mkdirSync, readlinkSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { parseMailbox, type Digest, type GroupConfig } from '@labdigest/core';
import type { Io } from '../io.ts';
import { loadConfig } from '../config/load-config.ts';
import { readIndex } from '../digest/archive.ts';
import { InputError, IngestError } from '../errors.ts';
import { readDigest } from '../export/export-command.ts';
import { withLock } from '../store/lock.ts';
import { withStore, type Db } from '../store/open-db.ts';
import { chatMessages } from './chat/chat-messages.ts';
import { recordDelivery } from './deliveries.ts';
import { composeMemberEmail, type EmailSettings } from './member-email.ts';
import { memberKeys } from './names.ts';
import { planDeliveries, type ChatJob, type EmailJob, type Job } from './plan.ts';
import { describeWebhook, postWebhook } from './post-webhook.ts';
import type { RetryOptions } from './retry.ts';
import { DeliveryError } from './retry.ts';
import { SMTP_PASSWORD_ENV, isLoginFailure, isServerUnreachable, mailOptions, sendMail, smtpTransport } from './smtp.ts';
import { scrub } from './secrets.ts';
import { formatSendSummary, type SendResult } from './summary.ts';

export interface SendOptions {
  readonly config: string;
  readonly db: string;
  readonly digests: string;
  /** A digest day (YYYY-MM-DD) of the archive, or a digest file; default the archive's newest. */
  readonly digest?: string | undefined;
  readonly dryRun?: boolean | undefined;
  /** Where --dry-run writes the messages. */
  readonly outbox: string;
  readonly only?: 'email' | 'chat' | undefined;
  /** Seconds to wait for another run that holds the store's lock. */
  readonly wait?: number | undefined;
  readonly now?: Date | undefined;
  /** Where the secrets are read: the process's environment unless a test passes its own. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  readonly retry?: RetryOptions | undefined;
  /** Per network step, SMTP and webhooks. */
  readonly timeoutMs?: number | undefined;
}

/** Some deliveries failed after their tries; the summary above says which and why (exit 1). */
export class SendFailedError extends IngestError {
  override name = 'SendFailedError';
  override readonly code = 'SEND_FAILED';
}

/**
 * `digest send`: e-mails each member their digest and posts the picks to the configured chats, once
 * per digest and recipient (the deliveries table), retrying failures of earlier runs; ends with a
 * per-recipient summary and fails (exit 1) when any delivery failed. `--dry-run` writes the messages
 * as .eml and .json files instead, and records nothing.
 */
export async function sendCommand(options: SendOptions, io: Io): Promise<SendResult[]> {
  const config = loadConfig(options.config);
  if (!config.delivery) {
    io.err(`${options.config} has no delivery block: nothing to send (docs/delivery.md says how to set it up)\n`);
    return [];
  }
  const now = options.now ?? new Date();
  const { digest, explicit } = targetDigest(options, config);
  if (digest.sample && !options.dryRun) {
    io.err(`digest ${digest.date} is sample data (built from bundled recorded papers): nothing sent. --dry-run writes the messages to look at.\n`);
    return [];
  }
  // What was sent is recorded in the store: one made here (a mistyped --db in a cron line) would
  // remember nothing and send every digest again (found by an audit).
  if (options.db !== ':memory:' && !existsSync(options.db)) {
    throw new InputError(options.db, 'no paper store here: `digest send` records in the store what it sent, and a new one would send every digest again; '
      + 'pass the --db of the store `digest build` wrote (default data/labdigest.sqlite)');
  }
  const run = async (db: Db) => {
    const archive = loadArchive(options.digests, config, digest, explicit);
    // Sample data is never sent; a dry run of it writes its messages, as the refusal above offers.
    const deliverable = [...archive.values()].filter((d) => (!d.sample || (options.dryRun && d.date === digest.date)) && paperCount(d) > 0).map((d) => d.date);
    if (paperCount(digest) === 0) io.err(`digest ${digest.date} has no papers: nothing to send for it\n`);
    const { jobs, skipped } = planDeliveries({ config, db, target: digest.date, explicit, deliverable, now, only: options.only });
    const results: SendResult[] = skipped.map((s) => ({ ...s, attempts: 0 }));
    if (config.delivery?.email === undefined && options.only !== 'chat' && config.members.some((m) => m.email)) {
      io.err('members have e-mail addresses but delivery.email is not set: no e-mail sent\n');
    }
    // Without it the e-mails and posts name their papers but link to no reader: said, not silently left out.
    if (config.delivery?.readerUrl === undefined && jobs.length > 0) {
      io.err('delivery.readerUrl is not set: the e-mails and chat posts carry no link to the reader (docs/delivery.md)\n');
    }
    const deliver = new Deliverer({ config, db, archive, options, now });
    for (const job of jobs) results.push(await deliver.run(job));
    deliver.close();
    return results;
  };
  let results: SendResult[];
  if (options.dryRun) {
    checkOutbox(options.outbox);
    results = await withStore(options.db, {}, run);
  } else {
    results = await withLock(options.db, () => withStore(options.db, {}, run),
      { command: 'digest send', waitMs: (options.wait ?? 0) * 1000, note: io.err });
  }
  io.err(formatSendSummary(results));
  if (options.dryRun) {
    // Said only when there were some: a dry run after everything went out writes none (found by an audit).
    const written = results.filter((r) => r.status === 'written').length;
    io.err(written > 0 ? `messages written to ${resolve(options.outbox)}; nothing sent, nothing recorded\n` : 'no message to write: nothing sent, nothing recorded\n');
  }
  const failed = results.filter((r) => r.status === 'failed').length;
  if (failed > 0) {
    // A digest given as a file outside the archive is not one a later plain run knows of (found by an audit).
    const inArchive = !explicit || readIndex(options.digests, config.group.name).digests.some((d) => d.date === digest.date);
    const again = inArchive ? 'they are tried again on the next run' : `${digest.date} is not in the archive: run this \`digest send --digest\` again to try them again`;
    throw new SendFailedError(`${failed} of ${results.filter((r) => r.status === 'failed' || r.status === 'sent').length} deliveries failed; ${again}`);
  }
  return results;
}

/** The digest asked for, or the archive's newest. */
function targetDigest(options: SendOptions, config: GroupConfig): { digest: Digest; explicit: boolean } {
  if (options.digest) {
    const file = /^\d{4}-\d{2}-\d{2}$/.test(options.digest) ? join(options.digests, `${options.digest}.json`) : options.digest;
    if (!existsSync(file) && file !== options.digest) throw new InputError(file, `no digest of ${options.digest} in the archive (run \`digest build\`, or pass --digests DIR)`);
    return { digest: readDigest(file), explicit: true };
  }
  const newest = readIndex(options.digests, config.group.name).digests[0];
  if (!newest) throw new InputError(join(options.digests, 'index.json'), 'no digest in the archive yet: run `digest build` first (or pass --digests DIR)');
  return { digest: readDigest(join(options.digests, newest.file)), explicit: false };
}

/** The archive's digests by day (the target among them), read as needed for retries and weekly e-mails. */
function loadArchive(dir: string, config: GroupConfig, target: Digest, explicit: boolean): Map<string, Digest> {
  const archive = new Map<string, Digest>([[target.date, target]]);
  if (explicit) return archive;
  for (const entry of readIndex(dir, config.group.name).digests) {
    if (entry.date >= target.date || entry.date < addDaysText(target.date, -15) || entry.sample || entry.papers === 0) continue;
    const file = isAbsolute(entry.file) ? entry.file : join(dir, entry.file);
    if (existsSync(file)) archive.set(entry.date, readDigest(file));
  }
  return archive;
}

const addDaysText = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const paperCount = (d: Digest) => d.sections.reduce((n, s) => n + s.papers.length, 0);

type ResultBase = Pick<SendResult, 'channel' | 'recipient' | 'date' | 'dates' | 'label'>;

/** Runs jobs one at a time; a failure is recorded and reported, and never stops the next job. */
class Deliverer {
  private transport: Transporter | undefined;
  private readonly env: Readonly<Record<string, string | undefined>>;
  /** Each member's key for Message-IDs and outbox files, unique in the group. */
  private readonly keys: Map<string, string>;
  /** The SMTP server's refusal of the login, once it came: no later e-mail of the run tries again. */
  private loginRefused: string | undefined;
  /** Why the SMTP server could not be reached (refused, no such host, no greeting), once it could not: no later e-mail waits for it too. */
  private unreachable: string | undefined;
  /** The time now: the run's given time (tests), else the clock's, read as each delivery is made. */
  private clock(): Date {
    return this.ctx.options.now ?? new Date();
  }

  constructor(private readonly ctx: { config: GroupConfig; db: Db; archive: Map<string, Digest>; options: SendOptions; now: Date }) {
    this.env = ctx.options.env ?? process.env;
    this.keys = memberKeys(ctx.config.members);
  }

  async run(job: Job): Promise<SendResult> {
    return job.kind === 'email' ? this.email(job) : this.chat(job);
  }

  close(): void {
    this.transport?.close();
  }

  private async email(job: EmailJob): Promise<SendResult> {
    const { config, options } = this.ctx;
    const email = config.delivery?.email;
    const base = { channel: 'email', recipient: job.recipient, date: job.dates[0] ?? null, dates: job.dates };
    if (!email) return { ...base, status: 'failed', attempts: 0, note: 'delivery.email is not set' };
    const from = parseMailbox(email.from);
    const settings: EmailSettings = {
      group: config.group.name, fromAddress: from?.address ?? 'localhost',
      contact: config.group.email ?? (email.replyTo ? parseMailbox(email.replyTo)?.address : undefined) ?? from?.address ?? '',
      readerUrl: config.delivery?.readerUrl,
    };
    const digests = job.dates.map((d) => this.ctx.archive.get(d)).filter((d): d is Digest => d !== undefined);
    const key = this.keys.get(job.member.name);
    const message = composeMemberEmail({ digests, member: job.member, cadence: job.cadence, settings, key });
    // Dated when it goes, not when the run began: a run of many members takes minutes (a fixed --now in tests).
    const mail = mailOptions(message, email, this.clock());
    if (options.dryRun) {
      const raw = await createTransport({ streamTransport: true, buffer: true, newline: 'unix' }).sendMail(mail);
      const file = this.outboxFile(job.dates[0] ?? 'digest', `email-${key ?? 'member'}.eml`);
      writeFileSync(file, raw.message as Buffer);
      return { ...base, status: 'written', attempts: 0, note: file };
    }
    const password = this.env[SMTP_PASSWORD_ENV];
    if (email.smtp.user && !password) {
      return this.record(base, job.dates, { status: 'failed', attempts: 0, error: `${SMTP_PASSWORD_ENV} is not set (delivery.email.smtp.user is)` });
    }
    if (this.loginRefused !== undefined) {
      return this.record(base, job.dates, { status: 'failed', attempts: 0, messageId: message.messageId, error: `not tried: the SMTP login was refused (${this.loginRefused})` });
    }
    if (this.unreachable !== undefined) {
      return this.record(base, job.dates, { status: 'failed', attempts: 0, messageId: message.messageId, error: `not tried: the SMTP server could not be reached (${this.unreachable})` });
    }
    this.transport ??= smtpTransport(email, password, options.timeoutMs);
    try {
      const sent = await sendMail(this.transport, mail, { password }, options.retry);
      return this.record(base, job.dates, { status: 'sent', attempts: sent.attempts, messageId: message.messageId });
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      if (isLoginFailure(error)) this.loginRefused = error.message;
      // A server not there for one member is not there for the next: each would wait out its tries.
      else if (isServerUnreachable(error)) this.unreachable = error.message;
      return this.record(base, job.dates, { status: 'failed', attempts: error.attempts, messageId: message.messageId, error: error.message });
    }
  }

  private async chat(job: ChatJob): Promise<SendResult> {
    const { config, options } = this.ctx;
    const base: ResultBase = { channel: job.chat.type, recipient: job.recipient, date: job.date, dates: [job.date] };
    const digest = this.ctx.archive.get(job.date);
    if (!digest) return { ...base, status: 'failed', attempts: 0, note: `digest ${job.date} is not in the archive` };
    const messages = chatMessages(job.chat.type, digest, config.delivery?.readerUrl);
    if (options.dryRun) {
      const file = this.outboxFile(job.date, `chat-${job.recipient}.json`);
      writeFileSync(file, `${JSON.stringify(messages, null, 2)}\n`);
      return { ...base, status: 'written', attempts: 0, note: file };
    }
    const url = this.env[job.chat.webhookEnv];
    Object.assign(base, { label: describeWebhook(job.chat.type, job.recipient, url) });
    if (!url) return this.record(base, [job.date], { status: 'failed', attempts: 0, error: `${job.chat.webhookEnv} is not set` });
    // A URL no request can be made to fails now, naming the variable, not after three tries.
    const unusable = unusableUrl(url);
    if (unusable) return this.record(base, [job.date], { status: 'failed', attempts: 0, error: `${job.chat.webhookEnv} ${unusable}` });
    let attempts = 0;
    try {
      for (const [i, body] of messages.entries()) {
        try {
          attempts += (await postWebhook(url, body, { ...options.retry, timeoutMs: options.timeoutMs })).attempts;
        } catch (error) {
          if (!(error instanceof DeliveryError)) throw error;
          attempts += error.attempts;
          const part = messages.length > 1 ? `message ${i + 1} of ${messages.length}: ` : '';
          throw new DeliveryError(`${part}${error.message}`, attempts, { cause: error });
        }
      }
      return this.record(base, [job.date], { status: 'sent', attempts });
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      return this.record(base, [job.date], { status: 'failed', attempts, error: scrub(error.message, [url]) });
    }
  }

  /** Writes the outcome for each digest the message covers, and the summary row. */
  private record(
    base: ResultBase,
    dates: readonly string[],
    outcome: { status: 'sent' | 'failed'; attempts: number; messageId?: string; error?: string },
  ): SendResult {
    for (const digestDate of dates) {
      recordDelivery(this.ctx.db, { digestDate, channel: base.channel, recipient: base.recipient }, { ...outcome, now: this.clock() });
    }
    return { ...base, status: outcome.status, attempts: outcome.attempts, note: outcome.error ?? '' };
  }

  private outboxFile(date: string, name: string): string {
    const dir = join(this.ctx.options.outbox, date);
    mkdirSync(dir, { recursive: true });
    return join(dir, name);
  }
}

/**
 * A dry run's outbox must be a folder, or nothing yet where a folder can be made: said before any
 * message is written, with the option that names it.
 */
function checkOutbox(outbox: string): void {
  let stats: Stats | undefined;
  try {
    stats = lstatSync(outbox);
  } catch {
    stats = undefined;
  }
  if (stats?.isSymbolicLink() && !existsSync(outbox)) throw new InputError(`--outbox ${outbox}`, `is a link to ${readlinkSync(outbox)}, which does not exist`);
  if (stats && !statSync(outbox).isDirectory()) throw new InputError(`--outbox ${outbox}`, 'is a file, not a folder');
  try {
    mkdirSync(outbox, { recursive: true });
  } catch (error) {
    throw new InputError(`--outbox ${outbox}`, `cannot be made: ${(error as Error).message}`, { cause: error });
  }
}

/** Why no request can be made to a webhook URL (not http(s), not a URL, a user and password in it), or null. */
function unusableUrl(url: string): string | null {
  if (!/^https?:\/\//i.test(url)) return 'is not an http(s) URL';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a usable URL: it does not parse';
  }
  if (parsed.username || parsed.password) return 'is not a usable URL: it holds a user name or password (webhooks take their secret in the path or query)';
  return null;
}
