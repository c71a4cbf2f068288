import { hostname } from 'node:os';
import type { Db } from '../store/open-db.ts';

/**
 * Where `digest serve` last listened, as the store keeps it (one row): `digest members invite` links
 * there when the config sets no `server.publicUrl`, so a server started with `--port 9000` gets
 * links to port 9000, not the default's.
 */
export interface RoomAddress {
  /** What --host said: 0.0.0.0 or :: listen on every address of the machine. */
  readonly host: string;
  readonly port: number;
  readonly startedAt: string;
}

export function recordRoomAddress(db: Db, address: RoomAddress): void {
  db.prepare(`INSERT INTO room_address (id, host, port, started_at) VALUES (1, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port, started_at = excluded.started_at`)
    .run(address.host, address.port, address.startedAt);
}

export function lastRoomAddress(db: Db): RoomAddress | undefined {
  const row = db.prepare('SELECT host, port, started_at AS startedAt FROM room_address WHERE id = 1').get() as RoomAddress | undefined;
  return row && { host: row.host, port: row.port, startedAt: row.startedAt };
}

/**
 * The address a member's device opens for a server listening on `host` and `port`: this machine's
 * name for every address (0.0.0.0, ::), else the address itself. `thisMachineOnly`: the server
 * listens on a loopback address, which no other device reaches.
 */
export function reachableAt(address: Pick<RoomAddress, 'host' | 'port'>): { url: string; thisMachineOnly: boolean } {
  const host = address.host.trim();
  if (host === '' || host === '0.0.0.0' || host === '::') return { url: `http://${hostname()}:${address.port}/`, thisMachineOnly: false };
  const thisMachineOnly = host === 'localhost' || host === '::1' || /^127\./.test(host);
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`, thisMachineOnly };
}
