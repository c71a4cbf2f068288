import { afterEach, describe, expect, test } from 'vitest';
import { drop, sequence, slow, startServer, status, type TestServer } from '../../test/fixture-server.ts';
import { describeWebhook, postWebhook } from './post-webhook.ts';
import { DeliveryError } from './retry.ts';
import { redactWebhookUrl, scrub } from './secrets.ts';

const servers: TestServer[] = [];
afterEach(async () => { for (const s of servers.splice(0)) await s.close(); });
const serve = async (routes: Parameters<typeof startServer>[0]) => {
  const server = await startServer(routes);
  servers.push(server);
  return server;
};
const SECRET = '/hooks/T0LAB/s3cr3t';
const waits: number[] = [];
const fast = { sleep: async (ms: number) => { waits.push(ms); }, random: () => 0.5, baseMs: 100 };
afterEach(() => { waits.length = 0; });

describe('postWebhook', () => {
  test('429 with Retry-After, then 503, then 200: waits as told, then backs off, three attempts', async () => {
    const server = await serve({ [SECRET]: sequence(status(429, { 'retry-after': '2' }), status(503), status(200)) });
    expect(await postWebhook(`${server.origin}${SECRET}`, { text: 'x' }, fast)).toEqual({ attempts: 3, status: 200 });
    expect(waits).toEqual([2000, 150]);
  });

  test('a 400 fails at once with the service\'s words', async () => {
    const server = await serve({ [SECRET]: (_req, res) => { res.writeHead(400).end('invalid_blocks\n'); } });
    const error = await postWebhook(`${server.origin}${SECRET}`, {}, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect([(error as DeliveryError).message, (error as DeliveryError).attempts]).toEqual(['400 Bad Request: invalid_blocks', 1]);
  });

  test('a Retry-After past a minute is not waited for: the next run tries again', async () => {
    const server = await serve({ [SECRET]: status(429, { 'retry-after': '3600' }) });
    const error = await postWebhook(`${server.origin}${SECRET}`, {}, fast).catch((e: unknown) => e) as DeliveryError;
    expect([error.message, error.attempts, waits]).toEqual(['429 Too Many Requests: status 429 (asked to wait 3600 s)', 1, []]);
  });

  test('a dropped connection is retried; a slow answer is not (the post may have arrived), and neither names the URL', async () => {
    const server = await serve({ [SECRET]: drop(), '/slow/s3cr3t': slow(2000) });
    const dropped = await postWebhook(`${server.origin}${SECRET}`, {}, fast).catch((e: unknown) => e) as DeliveryError;
    expect([dropped.message, dropped.attempts]).toEqual(['connection closed before an answer', 3]);
    const late = await postWebhook(`${server.origin}/slow/s3cr3t`, {}, { ...fast, attempts: 2, timeoutMs: 200 }).catch((e: unknown) => e) as DeliveryError;
    expect([late.message, late.attempts]).toEqual(['no answer within 0.2 s: the post may have arrived, so it is not sent again until the next run', 1]);
    expect(server.hits(SECRET)).toBe(3);
    // The slow service got the post once, not once per try.
    expect(server.hits('/slow/s3cr3t')).toBe(1);
  });

  test('a redirect (a moved or mistyped webhook) fails at once: a later try meets it again', async () => {
    const server = await serve({ [SECRET]: (_req, res) => { res.writeHead(302, { location: '/elsewhere' }).end(); } });
    const error = await postWebhook(`${server.origin}${SECRET}`, {}, fast).catch((e: unknown) => e) as DeliveryError;
    expect([error.message, error.attempts]).toEqual(['unexpected redirect', 1]);
  });

  test('an https URL on a plain HTTP port: TLS failed, in one line, not tried again', async () => {
    // Found by an audit: OpenSSL's "…:SSL routines:ssl3_get_record:wrong version number:…" and a line
    // break went into the summary and the store, and it was tried three times.
    const server = await serve({ [SECRET]: (_req, res) => { res.end('ok'); } });
    const error = await postWebhook(`${server.origin.replace('http:', 'https:')}${SECRET}`, {}, fast).catch((e: unknown) => e) as DeliveryError;
    expect([error.message, error.attempts]).toEqual(['TLS failed: the URL is https but the server does not speak TLS there, or its certificate is not trusted', 1]);
  });

  test('nothing listening: connection refused', async () => {
    const server = await serve({});
    const origin = server.origin;
    await server.close();
    servers.length = 0;
    const error = await postWebhook(`${origin}${SECRET}`, {}, { ...fast, attempts: 1 }).catch((e: unknown) => e) as DeliveryError;
    expect(error.message).toBe('connection refused');
  });
});

test('webhook URLs are shown by host only, and scrubbed from any text', () => {
  const url = 'https://hooks.slack.com/services/T0/B0/s3cr3t?x=1';
  expect(redactWebhookUrl(url)).toBe('https://hooks.slack.com/…');
  expect(redactWebhookUrl('not a url')).toBe('(not a URL)');
  expect(describeWebhook('slack', 'lab-slack', url)).toBe('slack "lab-slack" (https://hooks.slack.com/…)');
  expect(scrub(`POST ${url} failed; path /services/T0/B0/s3cr3t`, [url])).toBe('POST … failed; path …');
  expect(scrub('535 bad login for pa55', ['pa55', undefined], '***')).toBe('535 bad login for ***');
  // A service's error that quotes the token alone (Mattermost: "Invalid webhook: hooks/<id>"; a Teams
  // signature) loses it too; short path words ("hooks", "services") stay.
  const mattermost = 'https://chat.lab.example.org/hooks/xqzt7k1m9b3f5p8d2w6r4y0a';
  expect(scrub('403 Forbidden: Invalid webhook: hooks/xqzt7k1m9b3f5p8d2w6r4y0a', [mattermost])).toBe('403 Forbidden: Invalid webhook: hooks/…');
  const teams = 'https://lab.webhook.office.com/webhookb2/abc?sig=Zm9vYmFyYmF6cXV4cXV1eA%3D%3D&api-version=1';
  expect(scrub('400: sig Zm9vYmFyYmF6cXV4cXV1eA== is invalid', [teams])).toBe('400: sig … is invalid');
  // The service's own words in the path are no secret: an error keeps them (found by an audit, where
  // "unexpected redirect" became "unexpected …" and a Teams error lost "workflows" and its api-version).
  const workflows = 'https://prod.westeurope.logic.azure.com/workflows/0a1b2c3d4e5f/triggers/manual/paths/invoke?api-version=2016-06-01&sig=Zm9vYmFyYmF6cXV4cXV1eA';
  expect(scrub('400 from workflows triggers (api-version 2016-06-01): sig Zm9vYmFyYmF6cXV4cXV1eA bad; unexpected redirect', [workflows, 'https://x.example/redirect/T0k3nT0k3n']))
    .toBe('400 from workflows triggers (api-version 2016-06-01): sig … bad; unexpected redirect');
  expect(scrub('invalid hook abcdefghijklmnopqrstuvwxyz', ['https://chat.example.org/hooks/abcdefghijklmnopqrstuvwxyz'])).toBe('invalid hook …');
});
