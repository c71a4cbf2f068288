import { expect, test } from 'vitest';
import { takeInviteCode } from './session.ts';

const at = (hash: string) => {
  const replaced: string[] = [];
  const code = takeInviteCode({ hash, pathname: '/labdigest/', search: '?d=2026-08-24' }, (url) => replaced.push(url));
  return { code, replaced };
};

test('an invite link\'s code is taken, and the address keeps its page and query without it', () => {
  expect(at('#join=Vb3l5xQ0p7m1-_AbCdEfGhIjKlMnOpQrStUvWxYz012')).toEqual({
    code: 'Vb3l5xQ0p7m1-_AbCdEfGhIjKlMnOpQrStUvWxYz012', replaced: ['/labdigest/?d=2026-08-24'],
  });
});

test('a mangled code is still taken out of the address; the room then says the link is not valid', () => {
  expect(at('#join=abc%20def')).toEqual({ code: '', replaced: ['/labdigest/?d=2026-08-24'] });
});

test('any other fragment (a link to a paper) is left alone', () => {
  expect(at('#paper-12')).toEqual({ code: null, replaced: [] });
  expect(at('')).toEqual({ code: null, replaced: [] });
});
