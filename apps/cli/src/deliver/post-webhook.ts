import { retryAfterMs } from '../net/backoff.ts';
import { oneLine } from '../export/entry-parts.ts';
import { AttemptFailed, withRetries, type RetryOptions } from './retry.ts';
import { redactWebhookUrl, scrub } from './secrets.ts';

export interface PostOptions extends RetryOptions {
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** For one attempt, answer included. */
  readonly timeoutMs?: number | undefined;
  /** A Retry-After longer than this is not waited for: the post fails and the next run tries again. */
  readonly maxRetryAfterMs?: number | undefined;
  readonly now?: (() => number) | undefined;
}

export const WEBHOOK_TIMEOUT_MS = 20_000;

/**
 * POSTs one JSON body to a webhook. Network errors, 429 and 5xx are tried again with backoff (a
 * Retry-After is honoured up to a minute); any other answer fails at once, and so does a time-out
 * waiting for the answer, after which the post may have arrived (the next run tries again). A failure is a
 * DeliveryError whose message names the status and the service's words, never the URL's path.
 */
export async function postWebhook(url: string, body: unknown, options: PostOptions = {}): Promise<{ attempts: number; status: number }> {
  const { fetch = globalThis.fetch, timeoutMs = WEBHOOK_TIMEOUT_MS, maxRetryAfterMs = 60_000, now = Date.now } = options;
  const { value, attempts } = await withRetries(async () => {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'labdigest/0.1' },
        body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs), redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      // No answer once connected (fetch's own connect time-out is shorter and says so) may come after the
      // service posted the message: trying again in this run posted a slow webhook's digest three times.
      if ((error as Error).name === 'TimeoutError') {
        throw new AttemptFailed(`no answer within ${timeoutMs / 1000} s: the post may have arrived, so it is not sent again until the next run`, false, null, { cause: error });
      }
      // A redirect (a webhook URL moved or mistyped) or a port fetch refuses will not pass on a later try.
      const reason = networkReason(error);
      throw new AttemptFailed(scrub(reason, [url]), !FOR_GOOD.has(reason), null, { cause: error });
    }
    if (response.ok) return response.status;
    const said = scrub(oneLine(text).slice(0, 200), [url]);
    const problem = `${response.status} ${response.statusText}${said ? `: ${said}` : ''}`.trim();
    const transient = response.status === 429 || response.status === 408 || response.status >= 500;
    const wait = retryAfterMs(response.headers.get('retry-after'), now());
    if (wait !== null && wait > maxRetryAfterMs) throw new AttemptFailed(`${problem} (asked to wait ${Math.round(wait / 1000)} s)`, false);
    throw new AttemptFailed(problem, transient, wait);
  }, options);
  return { attempts, status: value };
}

/** TLS that cannot be had (an https URL on a plain HTTP port, a certificate the machine does not trust). */
const TLS_FAILED = 'TLS failed: the URL is https but the server does not speak TLS there, or its certificate is not trusted';

/** Network failures that a later try will meet again. */
const FOR_GOOD = new Set(['unexpected redirect', 'bad port', TLS_FAILED]);

/** `connection refused`, `host not found`: the cause fetch wraps in "fetch failed". */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  switch (cause?.code) {
    case 'ECONNREFUSED': return 'connection refused';
    case 'ENOTFOUND': case 'EAI_AGAIN': return 'host not found';
    case 'ECONNRESET': case 'UND_ERR_SOCKET': return 'connection closed before an answer';
    default:
      // OpenSSL's own words ("…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:…\n") say
      // nothing a user can act on, span two lines, and a later try meets them again (found by an audit).
      if (/^ERR_SSL_|^ERR_TLS_|CERT|^DEPTH_ZERO|^UNABLE_TO_/.test(cause?.code ?? '') || /SSL routines|wrong version number|certificate/i.test(cause?.message ?? '')) return TLS_FAILED;
      return oneLine(cause?.message ?? (error as Error).message);
  }
}

/** `slack "lab-slack" (https://hooks.slack.com/…)`: how a webhook is named in messages. */
export function describeWebhook(type: string, name: string, url: string | undefined): string {
  return `${type} "${name}"${url ? ` (${redactWebhookUrl(url)})` : ''}`;
}
