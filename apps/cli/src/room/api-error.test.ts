import { Hono } from 'hono';
import { expect, test } from 'vitest';
import { handleError } from './api-error.ts';

/** An app whose one route throws `error`, its errors answered as the room answers them. */
function throwing(error: Error) {
  const logged: string[] = [];
  const app = new Hono();
  app.post('/api/state', () => { throw error; });
  app.onError((e, c) => handleError(e, c, (text) => logged.push(text), '/srv/labdigest/data/labdigest.sqlite'));
  return { app, logged };
}

test('a full disk is a 503 the device waits out, and one log line naming the store, not a stack trace', async () => {
  const { app, logged } = throwing(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
  const res = await app.request('/api/state', { method: 'POST' });
  expect(res.status).toBe(503);
  expect(res.headers.get('Retry-After')).toBe('60');
  expect(await res.json()).toEqual({ error: { code: 'BUSY', message: 'the server\'s disk is full: your changes wait on this device; try again later' } });
  expect(logged).toEqual(['could not answer POST /api/state: /srv/labdigest/data/labdigest.sqlite: the disk is full (database or disk is full): '
    + 'free some space and run again; the store keeps everything it held before this step\n']);
});

test('a bug is still a 500 with its stack in the log only', async () => {
  const { app, logged } = throwing(new TypeError('cannot read x of undefined'));
  const res = await app.request('/api/state', { method: 'POST' });
  expect(res.status).toBe(500);
  expect(await res.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error: the server\'s log says more' } });
  expect(logged[0]).toMatch(/^internal error answering POST \/api\/state:\nTypeError: cannot read x of undefined\n\s+at /);
});
