import { Hono } from 'hono';
import { authenticate, roomApi, type RoomEnv, type RoomOptions } from '../room/api.ts';
import { handleError } from '../room/api-error.ts';
import { requestLog } from './request-log.ts';
import { staticSite } from './static-server.ts';

export interface ServerAppOptions {
  /** The built reader. */
  readonly reader: string;
  /** The archive, served at /digests/. */
  readonly digests?: string | undefined;
  /** The reading room: its API at /api/ and, in private mode, the digests behind a device token. */
  readonly room?: RoomOptions | undefined;
  /** Where the request log goes, a line per request. */
  readonly log?: ((line: string) => void) | undefined;
}

/**
 * What `digest serve` answers, as one Hono app: the reading room's API at /api/, then the reader and
 * the archive. Without a room (a static copy), /api/ answers 404 in JSON.
 */
export function serverApp(options: ServerAppOptions): Hono<RoomEnv> {
  const app = new Hono<RoomEnv>();
  if (options.log) app.use(requestLog(options.log));
  const { room } = options;
  if (room) {
    const now = room.now ?? (() => new Date());
    const auth = authenticate(room, now); // one rate limit per device, for the API and the digests alike
    app.route('/', roomApi(room, auth));
    app.use('/digests/*', async (c, next) => {
      if (!room.config().server.private) return next();
      await auth(c, next);
      // A private digest is no business of a shared cache.
      c.res.headers.set('Cache-Control', 'private, no-cache');
      c.res.headers.set('Vary', 'Authorization');
      return undefined;
    });
    app.onError((error, c) => handleError(error, c, room.log, room.store.db.name));
  } else {
    app.all('/api/*', (c) => c.json({ error: { code: 'NOT_FOUND', message: 'this server has no reading room (it was started without a config)' } }, 404));
  }
  app.route('/', staticSite({ root: options.reader, digestsDir: options.digests }));
  return app;
}
