import { createHash, randomBytes, randomInt } from 'node:crypto';

// Device tokens and invite codes are 32 random bytes, base64url (43 characters). The store keeps
// only their sha256: a copy of the store (a backup) cannot be used to sign in. A lookup by hash
// compares nothing character by character, so timing tells nothing about a stored token.

/** A new secret: a device token or an invite code. Shown once, never stored or logged. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a secret: sha256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

// Lower-case letters and digits without the look-alikes (0 o 1 l i): ids are read aloud and typed.
const ID_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A short id for admins to name a device by (`d-7k2m9q`); not a secret. */
export function newDeviceId(): string {
  let id = 'd-';
  for (let i = 0; i < 6; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}
