// The reading room's HTTP API, mounted at /api/ (docs/server.md, "The API"). Every
// request needs credentials in the Authorization header (no cookies, so no CSRF): a device token,
// or an invite code for POST /api/join. Without valid ones the answer is 401, whatever the path.
import {
  API_LIMITS, badIsoWeek, formatIssue, isoWeek, isoWeekSchema, joinRequestSchema, postStateRequestSchema, zodIssues,
  type Device, type GetStateResponse, type GroupConfig, type JoinResponse, type MeResponse, type MeetingResponse, type PostStateResponse,
} from '@labdigest/core';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { compression } from '../serve/compression.ts';
import { ApiError, badRequest, errorResponse, handleError, unauthorized } from './api-error.ts';
import { deviceForToken, joinWithInvite, revokeDevice, touchDevice } from './access.ts';
import { archiveLookup, meetingList } from './meeting.ts';
import { configNames } from '../config/config-names.ts';
import { applyChanges, changesSince, currentSeq, type ServerStart } from './paper-state.ts';
import { tokenBuckets } from './rate-limit.ts';
import type { RoomStore } from './room-store.ts';

/** What a request learns of its sender; the request log names the member. */
export interface RoomEnv {
  Variables: { member: string | undefined; device: Device | undefined };
}

export interface RoomOptions {
  readonly store: RoomStore;
  /** The group's config as it is now (members, `server`). */
  readonly config: () => GroupConfig;
  /** The config file, for messages. */
  readonly configFile: string;
  /** The archive, where the meeting list finds papers the store does not hold. */
  readonly digestsDir?: string | undefined;
  /** Where internal errors are written (the server's log). */
  readonly log: (text: string) => void;
  readonly now?: (() => Date) | undefined;
}

/** A device's last-seen time is written at most this often: a write per request would double the writes. */
const SEEN_EVERY_MS = 60_000;

const ROUTES: Readonly<Record<string, readonly string[]>> = {
  '/api/join': ['POST'], '/api/me': ['GET', 'HEAD'], '/api/state': ['GET', 'HEAD', 'POST'], '/api/meeting': ['GET', 'HEAD'], '/api/devices/self': ['DELETE'],
};

/**
 * The API as a Hono app with its routes under /api/. `auth` is shared with whatever else the server
 * guards (private digests), so a device has one rate limit.
 */
export function roomApi(options: RoomOptions, auth: MiddlewareHandler<RoomEnv> = authenticate(options, options.now ?? (() => new Date()))): Hono<RoomEnv> {
  const now = options.now ?? (() => new Date());
  const { store } = options;
  // Where the store's sequence stood at the start, before any write: how a cursor given before a
  // restore from a backup is told from one given since (paper-state.ts `changesSince`).
  const started: Promise<ServerStart> = store.read((db) => ({ seq: currentSeq(db), at: now().getTime() }));
  const lookup = archiveLookup(options.digestsDir);
  const app = new Hono<RoomEnv>().basePath('/api');
  app.onError((error, c) => handleError(error, c, options.log, store.db.name));
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });
  // Pulls and meeting lists can be long; the answers to writes are a line of JSON.
  app.get('*', compression());
  app.use('*', auth);
  app.use('*', sizeLimit());

  app.post('/join', async (c) => {
    const [, code] = credentials(c);
    const body = await readJson(c, joinRequestSchema, {});
    const members = options.config().members.map((m) => m.name);
    const joined = await store.write((db) => joinWithInvite(db, { code: code ?? '', label: body.label, now: now(), members }));
    if (!joined.ok) throw unauthorized(joined.message);
    c.set('member', joined.member);
    return c.json({ token: joined.token, member: joined.member, device: joined.device } satisfies JoinResponse, 201);
  });

  app.get('/me', (c) => {
    const { member, device } = sender(c);
    const config = options.config();
    return c.json({ member, device, members: config.members.map((m) => m.name), private: config.server.private } satisfies MeResponse);
  });

  app.get('/state', async (c) => {
    sender(c);
    const since = c.req.query('since');
    if (since !== undefined && !/^\d{1,15}$/.test(since)) throw badRequest(`since: expected the cursor of an earlier answer (a whole number), saw "${since.slice(0, 40)}"`);
    const start = await started;
    const answer = await store.read((db) => changesSince(db, Number(since ?? 0), undefined, start));
    // Changes made under a name the config has since changed (`formerly`) show under the new one.
    const names = configNames(options.config());
    const changes = answer.changes.map((change) => ({ ...change, member: names.member(change.member) ?? change.member }));
    return c.json({ ...answer, changes } satisfies GetStateResponse);
  });

  app.post('/state', async (c) => {
    const { member, device } = sender(c);
    const body = await readJson(c, postStateRequestSchema);
    // A change may name its member, by the name the config gives now or a former one (a device that
    // synced before a rename).
    const names = configNames(options.config());
    const other = body.changes.findIndex((change) => change.member !== undefined && names.member(change.member) !== member);
    if (other >= 0) {
      throw new ApiError(403, 'FORBIDDEN', `changes[${other}].member: a device writes only its own member's state (${member}), saw "${body.changes[other]?.member}"`);
    }
    const result = await store.write((db) => applyChanges(db, { member, device: device.id, changes: body.changes, now: now() }));
    return c.json(result satisfies PostStateResponse);
  });

  app.get('/meeting', async (c) => {
    sender(c);
    const week = c.req.query('week') ?? isoWeek(now());
    if (!isoWeekSchema.safeParse(week).success) throw badRequest(`week: ${badIsoWeek(week)}`);
    const list = await store.read((db) => meetingList(db, week, lookup));
    const names = configNames(options.config());
    const named = (name: string) => names.member(name) ?? name;
    const papers = list.papers.map((p) => ({
      ...p, nominations: p.nominations.map((n) => ({ ...n, member: named(n.member) })), starredBy: [...new Set(p.starredBy.map(named))],
    }));
    return c.json({ ...list, papers } satisfies MeetingResponse);
  });

  app.delete('/devices/self', async (c) => {
    const { device } = sender(c);
    await store.write((db) => revokeDevice(db, device.id, now()));
    return c.body(null, 204);
  });

  app.all('*', (c) => {
    const path = c.req.path.replace(/\/+$/, '');
    const allowed = ROUTES[path];
    // A route's method with a trailing slash: the route is right but for the slash.
    if (allowed?.includes(c.req.method) && path !== c.req.path) {
      throw new ApiError(404, 'NOT_FOUND', `no API route ${c.req.method} ${c.req.path}: the route is ${path}, without the trailing slash`);
    }
    if (allowed) {
      throw new ApiError(405, 'METHOD_NOT_ALLOWED', `${path} takes ${allowed.filter((m) => m !== 'HEAD').join(' or ')}, not ${c.req.method}`, { Allow: allowed.join(', ') });
    }
    if (/^\/api\/devices\/[^/]+$/.test(path)) {
      throw new ApiError(403, 'FORBIDDEN', 'a device signs only itself out (DELETE /api/devices/self); `digest members revoke` signs out others');
    }
    throw new ApiError(404, 'NOT_FOUND', `no API route ${c.req.method} ${path}`);
  });
  return app;
}

/**
 * Who is asking. POST /api/join takes `Authorization: Invite <code>` (checked when the code is
 * exchanged); every other request `Authorization: Bearer <device token>` of a device not signed out,
 * whose member is in the config, and within its rate limit.
 */
export function authenticate(options: Pick<RoomOptions, 'store' | 'config' | 'configFile' | 'log'>, now: () => Date): MiddlewareHandler<RoomEnv> {
  const buckets = tokenBuckets();
  const seen = new Map<string, number>();
  return async (c, next) => {
    const [scheme, credential] = credentials(c);
    if (c.req.method === 'POST' && c.req.path.replace(/\/+$/, '') === '/api/join') {
      if (scheme !== 'invite' || !credential) throw unauthorized('joining takes the code of an invite link: Authorization: Invite <code>');
      return next();
    }
    if (scheme !== 'bearer' || !credential) {
      throw unauthorized('sign in with your invite link first: this request has no device token (Authorization: Bearer <token>)');
    }
    const auth = await options.store.read((db) => deviceForToken(db, credential));
    if (!auth.ok) throw unauthorized(auth.message);
    const config = options.config();
    // A device of a member the config has renamed (`formerly`) is theirs under the new name.
    const member = configNames(config).member(auth.member);
    if (member === undefined) throw unauthorized(`${auth.member} is no longer a member of the group`);
    c.set('member', member);
    c.set('device', auth.device);
    const admitted = buckets.take(auth.device.id, config.server.rateLimit);
    if (!admitted.ok) {
      throw new ApiError(429, 'RATE_LIMITED', `too many requests from this device: try again in ${admitted.retryAfterSeconds} s`,
        { 'Retry-After': String(admitted.retryAfterSeconds) });
    }
    const time = now();
    if (time.getTime() - (seen.get(auth.device.id) ?? 0) >= SEEN_EVERY_MS) {
      seen.set(auth.device.id, time.getTime());
      // Not awaited: the request need not wait for a last-seen time, which is all a failure would lose.
      options.store.write((db) => touchDevice(db, auth.device.id, time))
        .catch((error: unknown) => { options.log(`could not note when ${auth.device.id} was last seen: ${(error as Error).message}\n`); });
    }
    return next();
  };
}

/**
 * 413 for a body over 64 KB. A declared Content-Length (Node's parser holds the body to it) is
 * checked from the header, as hono/body-limit does, without touching the body: reading
 * `c.req.raw.body`, as body-limit must for a chunked body, makes the Node adapter build a whole
 * web Request with a stream and an AbortController, which cost a third of a small write's time in
 * the server bench. Chunked bodies go through hono/body-limit, which counts as it reads.
 */
function sizeLimit(): MiddlewareHandler {
  // Only a state change carries many changes: any other request too large is simply too large.
  const tooLarge = (c: Context) => errorResponse(c, new ApiError(413, 'TOO_LARGE', c.req.path.endsWith('/state')
    ? `the body is larger than ${API_LIMITS.bodyBytes / 1024} KB: send fewer changes at once (at most ${API_LIMITS.changesPerPost}, and ${API_LIMITS.bodyBytes / 1024} KB, a request)`
    : `the body is larger than ${API_LIMITS.bodyBytes / 1024} KB, more than this request ever needs`));
  const streamed = bodyLimit({ maxSize: API_LIMITS.bodyBytes, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('Content-Length');
    if (length !== undefined && c.req.header('Transfer-Encoding') === undefined) return Number(length) > API_LIMITS.bodyBytes ? tooLarge(c) : next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return streamed(c, next);
  };
}

/** The Authorization header as [scheme in lower case, credential]. */
function credentials(c: Context): [string, string | undefined] {
  const header = c.req.header('Authorization')?.trim() ?? '';
  const space = header.indexOf(' ');
  return space < 0 ? [header.toLowerCase(), undefined] : [header.slice(0, space).toLowerCase(), header.slice(space + 1).trim() || undefined];
}

function sender(c: Context<RoomEnv>): { member: string; device: Device } {
  const member = c.get('member');
  const device = c.get('device');
  if (member === undefined || device === undefined) throw unauthorized('this request has no device token');
  return { member, device };
}

/** The body as JSON checked by `schema`; a 400 naming the first problems' fields otherwise. An empty body is `empty` when given. */
async function readJson<S extends z.ZodType>(c: Context, schema: S, empty?: z.input<S>): Promise<z.output<S>> {
  const text = await c.req.text();
  let json: unknown = empty;
  if (text.trim() !== '' || empty === undefined) {
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw badRequest(`the body is not valid JSON: ${(error as Error).message}`);
    }
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error.issues, json).map(formatIssue);
  throw badRequest(issues.length > 5 ? `${issues.slice(0, 5).join('; ')}; and ${issues.length - 5} more problems` : issues.join('; '));
}
