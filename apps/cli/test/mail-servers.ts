import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, connect, type AddressInfo, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * Test support for `digest send`: a real SMTP server (smtp-server) on 127.0.0.1, a TCP proxy that can
 * drop a connection mid-session, and an HTTP server that records webhook posts. Nothing is mocked:
 * nodemailer and fetch talk to these over sockets.
 */

export interface ReceivedMail {
  /** RCPT TO addresses, as the client sent them. */
  readonly to: readonly string[];
  readonly from: string;
  /** The whole message as received (headers and body), for mailparser. */
  readonly raw: Buffer;
}

export interface TestSmtpServer {
  readonly port: number;
  /** The server itself: its 'connect' event counts the sessions clients open. */
  readonly server: SMTPServer;
  readonly received: ReceivedMail[];
  /** Addresses answered `550 5.1.1 mailbox unavailable` at RCPT TO; change it between runs. */
  readonly reject: Set<string>;
  close(): Promise<void>;
}

/**
 * An SMTP server without TLS that keeps every message. With `auth`, it asks for a login over the
 * plain connection (what `security: none` with a `user` does against a local relay) and refuses a
 * wrong password with 535.
 */
export async function startSmtpServer(options: { auth?: { user: string; pass: string } } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const reject = new Set<string>();
  const server = new SMTPServer({
    logger: false, secure: false, disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth, allowInsecureAuth: true, closeTimeout: 100,
    onAuth(auth, _session, callback) {
      if (auth.username === options.auth?.user && auth.password === options.auth?.pass) callback(null, { user: auth.username });
      else callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (reject.has(address.address.toLowerCase())) callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), from: from ? from.address : '', raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, server, received, reject, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface DroppingProxy {
  readonly port: number;
  /** Addresses whose RCPT TO makes the proxy cut both connections; change it between runs. */
  readonly drop: Set<string>;
  /** How many sessions were cut. */
  readonly dropped: () => number;
  close(): Promise<void>;
}

/** A TCP proxy to an SMTP server that cuts the connection in the middle of a session for some recipients. */
export async function startDroppingProxy(targetPort: number): Promise<DroppingProxy> {
  const drop = new Set<string>();
  const sockets = new Set<Socket>();
  let dropped = 0;
  const server = createTcpServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const cut = () => { client.destroy(); upstream.destroy(); };
    client.on('data', (chunk: Buffer) => {
      const text = chunk.toString('latin1').toLowerCase();
      if ([...drop].some((address) => text.includes(`rcpt to:<${address}>`))) {
        dropped++;
        cut();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', cut).on('close', cut);
    upstream.on('error', cut).on('close', cut);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port, drop, dropped: () => dropped,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

export interface WebhookServer {
  readonly origin: string;
  /** JSON bodies posted, by path, in order. */
  readonly posts: Map<string, unknown[]>;
  /** The answer for a path: a status per request (the last repeats), 200 when unset. */
  readonly answers: Map<string, number[]>;
  close(): Promise<void>;
}

/** Records the JSON posted to any path; answers with the statuses set for the path (Slack's words for errors). */
export async function startWebhookServer(): Promise<WebhookServer> {
  const posts = new Map<string, unknown[]>();
  const answers = new Map<string, number[]>();
  const counts = new Map<string, number>();
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      const statuses = answers.get(path) ?? [200];
      const status = statuses[Math.min(n, statuses.length) - 1] ?? 200;
      if (status < 300) {
        const list = posts.get(path) ?? [];
        list.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        posts.set(path, list);
      }
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : status === 404 ? 'no_service' : 'internal_error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`, posts, answers,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
