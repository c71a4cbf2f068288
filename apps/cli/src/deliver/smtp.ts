import { createTransport, type Transporter } from 'nodemailer';
import type { DeliveryEmail } from '@labdigest/core';
import { oneLine } from '../export/entry-parts.ts';
import type { MemberEmail } from './member-email.ts';
import { AttemptFailed, withRetries, type DeliveryError, type RetryOptions } from './retry.ts';
import { scrub } from './secrets.ts';

/** The SMTP password's environment variable: never in the config, never printed, never stored. */
export const SMTP_PASSWORD_ENV = 'LABDIGEST_SMTP_PASSWORD';

/** Per connection step: connecting, the greeting, and silence on an open connection. */
export const SMTP_TIMEOUT_MS = 30_000;

const DEFAULT_PORTS = { tls: 465, starttls: 587, none: 25 } as const;

/**
 * A transport that opens a new connection per message, so a connection one message breaks does not
 * take the next one down. `starttls` requires the upgrade (a server that does not offer STARTTLS
 * fails rather than carrying the password in clear); `none` never upgrades.
 */
export function smtpTransport(email: DeliveryEmail, password: string | undefined, timeoutMs = SMTP_TIMEOUT_MS): Transporter {
  const { host, port, security, user } = email.smtp;
  return createTransport({
    host, port: port ?? DEFAULT_PORTS[security],
    secure: security === 'tls', requireTLS: security === 'starttls', ignoreTLS: security === 'none',
    ...(user ? { auth: { user, pass: password ?? '' } } : {}),
    // The greeting's wait ends before the socket's, so silence before any greeting is told apart
    // from silence after the message went out (`mayHaveArrived`): with both at 30 s either fired first.
    connectionTimeout: timeoutMs, greetingTimeout: Math.min(GREETING_TIMEOUT_MS, timeoutMs / 2), socketTimeout: timeoutMs,
    disableFileAccess: true, disableUrlAccess: true,
  });
}

/** The message as nodemailer sends it: both parts, the list headers, and marked as automatic (RFC 3834). */
export function mailOptions(email: MemberEmail, settings: Pick<DeliveryEmail, 'from' | 'replyTo'>, now: Date) {
  return {
    from: settings.from,
    ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
    to: { name: email.to.name, address: email.to.address },
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
    date: now,
    list: { id: { url: email.listId.id, comment: email.listId.comment }, unsubscribe: { url: email.unsubscribe, comment: 'Unsubscribe' } },
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}

interface SmtpError extends Error { code?: string; command?: string; responseCode?: number; response?: string; permanent?: boolean; timeoutType?: string }

/** A TLS handshake against a port that speaks plain SMTP: OpenSSL's "wrong version number". */
const PLAIN_PORT = /wrong version number|packet length too long|unknown protocol/i;

/**
 * Silence once connected (nodemailer's SOCKET_TIMEOUT) may come after the server took the message:
 * trying again in the run sent a slow server the digest three times. It is not tried again until the next run.
 */
const mayHaveArrived = (e: SmtpError) => e.code === 'ETIMEDOUT' && e.timeoutType === 'SOCKET_TIMEOUT';
/** A `security` setting that does not fit the server: every try fails the same way. */
const noStartTls = (e: SmtpError) => e.command === 'STARTTLS';
const plainPort = (e: SmtpError) => PLAIN_PORT.test(e.message);
const misconfigured = (e: SmtpError) => noStartTls(e) || plainPort(e);

const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED']);

/**
 * Sends one message, retrying what may pass later (connection failures, time-outs, 4xx replies) and
 * failing at once on a permanent rejection (5xx, a failed login, TLS that cannot be had). A failure
 * is a DeliveryError naming the server's reply; the password never appears in it.
 */
export async function sendMail(transport: Transporter, message: ReturnType<typeof mailOptions>, secrets: { password?: string | undefined }, retry: RetryOptions = {}): Promise<{ attempts: number; response: string }> {
  const { value, attempts } = await withRetries(async () => {
    try {
      const info = await transport.sendMail(message) as { response?: string };
      return info.response ?? '';
    } catch (error) {
      const e = error as SmtpError;
      const transient = mayHaveArrived(e) || misconfigured(e) ? false
        : e.responseCode !== undefined ? e.permanent !== true && e.responseCode < 500 : TRANSIENT_CODES.has(e.code ?? '');
      throw new AttemptFailed(scrub(describeSmtpError(e), [secrets.password], '***'), transient, null, { cause: error });
    }
  }, retry);
  return { attempts, response: value };
}

/** How long a server that took the connection has to greet: a live one does within a second or two. */
const GREETING_TIMEOUT_MS = 10_000;

/**
 * Whether a failed delivery never reached a server that speaks SMTP (refused, no such host, no
 * greeting): every later e-mail of the run would wait and fail the same way.
 */
export function isServerUnreachable(error: DeliveryError): boolean {
  const smtp = (error.cause as { cause?: SmtpError } | undefined)?.cause;
  return smtp !== undefined && (smtp.code === 'EDNS' || /ECONNREFUSED/.test(smtp.message) || (smtp.code === 'ETIMEDOUT' && smtp.timeoutType !== 'SOCKET_TIMEOUT'));
}

/**
 * Whether a failed delivery was the SMTP login refused (EAUTH, 530/534/535): every later e-mail of the
 * run would be refused the same way, and each try counts against the account's lockout.
 */
export function isLoginFailure(error: DeliveryError): boolean {
  const smtp = (error.cause as { cause?: SmtpError } | undefined)?.cause;
  return smtp?.code === 'EAUTH' || [530, 534, 535].includes(smtp?.responseCode ?? 0);
}

/** `550 5.1.1 <x@y>: mailbox unavailable`, `connection closed by the server (ECONNECTION)`: one line. */
function describeSmtpError(e: SmtpError): string {
  if (noStartTls(e)) {
    return `the server does not offer STARTTLS${e.response ? ` (${oneLine(e.response).slice(0, 100)})` : ''}: use security: tls on its TLS port (465), or none for a relay on this machine`;
  }
  if (plainPort(e)) return 'the server does not speak TLS on this port: use security: starttls (port 587) or none, or its TLS port (465)';
  const refused = /connect ECONNREFUSED (\S+)/.exec(e.message);
  if (refused) return `connection refused by ${refused[1]}: no mail server listens there`;
  if (e.response) return oneLine(e.response).slice(0, 300);
  if (mayHaveArrived(e)) return 'the server stopped answering (ETIMEDOUT): the message may have arrived, so it is not sent again until the next run';
  if (e.code === 'ETIMEDOUT' && e.timeoutType === 'GREETING_TIMEOUT') return 'the server took the connection but never greeted (ETIMEDOUT): is this its SMTP port?';
  const plain: Record<string, string> = {
    ECONNECTION: 'could not connect or the connection broke', ETIMEDOUT: 'no answer in time', ESOCKET: 'the connection broke',
    EDNS: 'host not found', EAUTH: 'login failed', ETLS: 'TLS failed',
  };
  const what = plain[e.code ?? ''];
  const detail = oneLine(e.message).slice(0, 300);
  return what ? `${what} (${e.code}): ${detail}` : detail;
}
