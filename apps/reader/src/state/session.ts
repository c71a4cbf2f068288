// Where the device keeps its reading-room session (the store's meta, so the service worker reads it
// too), and the one thing the page's first script must know before it asks for a digest: whether the
// room is private, so the digests need the device token (localStorage: read synchronously, not a secret).

export const META = {
  /** The device token (secret: sent only in the Authorization header). */
  token: 'roomToken',
  member: 'roomMember',
  /** Every member of the group (JSON list), from GET /api/me. */
  members: 'roomMembers',
  /** 'true' when the digests need a token. */
  private: 'roomPrivate',
  /** ISO time of the last sync that went through. */
  syncedAt: 'roomSyncedAt',
  /** Set (to the member's name) when the device was signed out; the reader says so until it signs in again. */
  signedOut: 'roomSignedOut',
  /** The device's name in the room ("Chrome on Android"), for the footer when the room cannot be asked. */
  deviceLabel: 'roomDeviceLabel',
} as const;

const PRIVATE_FLAG = 'labdigest:private-room';

/** True when this device signed in to a private reading room: the first requests wait for the token. */
export function privateFlag(): boolean {
  try {
    return localStorage.getItem(PRIVATE_FLAG) === '1';
  } catch {
    return false;
  }
}

export function setPrivateFlag(on: boolean): void {
  try {
    if (on) localStorage.setItem(PRIVATE_FLAG, '1');
    else localStorage.removeItem(PRIVATE_FLAG);
  } catch {
    // Storage refused (a private window): the first request is then made without the token and retried with it.
  }
}

/**
 * The code of an invite link (`…/#join=<code>`), taken out of the address bar at once
 * (history.replaceState), so it is neither bookmarked, shared nor left in the history. Null without one.
 */
export function takeInviteCode(loc: Pick<Location, 'hash' | 'pathname' | 'search'> = location, replace = (url: string) => history.replaceState(history.state, '', url)): string | null {
  const match = /^#join=([A-Za-z0-9_-]+)$/.exec(loc.hash);
  if (!loc.hash.startsWith('#join=')) return null;
  replace(`${loc.pathname}${loc.search}`);
  return match?.[1] ?? '';
}
