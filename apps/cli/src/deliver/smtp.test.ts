import type { DeliveryEmail } from '@labdigest/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../test/mail-servers.ts';
import { DeliveryError } from './retry.ts';
import { sendMail, smtpTransport } from './smtp.ts';

// A `security` setting that does not fit the server fails at once, saying which setting to use; a real
// SMTP server (smtp-server, plain, no STARTTLS) on 127.0.0.1.
let server: TestSmtpServer;
beforeAll(async () => { server = await startSmtpServer(); });
afterAll(() => server.close());

const message = { from: 'digest@lab.example.org', to: 'naibing.wu@uni.example.edu', subject: 'digest', text: 'papers' };
async function failure(security: DeliveryEmail['smtp']['security'], port = server.port): Promise<DeliveryError> {
  const email = { from: message.from, smtp: { host: '127.0.0.1', port, security } } as DeliveryEmail;
  const error = await sendMail(smtpTransport(email, undefined, 3000), message as never, {}, { attempts: 3, baseMs: 1 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

test('security: tls against a plain port says so, once, without OpenSSL\'s words', async () => {
  const error = await failure('tls');
  expect([error.message, error.attempts]).toEqual(['the server does not speak TLS on this port: use security: starttls (port 587) or none, or its TLS port (465)', 1]);
});

test('security: starttls against a server without STARTTLS says so, once', async () => {
  const error = await failure('starttls');
  expect(error.message).toMatch(/^the server does not offer STARTTLS \(500 .*\): use security: tls on its TLS port \(465\), or none for a relay on this machine$/);
  expect(error.attempts).toBe(1);
  expect(server.received).toHaveLength(0);
});

test('nothing listening: connection refused, naming where', async () => {
  const probe = await startSmtpServer();
  const { port } = probe;
  await probe.close();
  const error = await failure('none', port);
  expect(error.message).toBe(`connection refused by 127.0.0.1:${port}: no mail server listens there`);
});
