// Fingerprints of what the main command produces, to show a refactor changed no behaviour:
//   pnpm tsx apps/cli/test/fingerprint.ts [--keep]
// runs `digest start --offline` (the recorded feeds through the real fetch path, the recorded week,
// the build) into a temporary folder, stops it once it serves, and prints
//   fingerprint: digest sha256=… (the digest JSON without generatedAt, window, date and title: the
//                run's clock), papers and sections
//   fingerprint: store sha256=… (every table and the schema, rows sorted, without the timestamp columns)
// Run it before and after a change and compare the lines. It goes through the command line only
// (`pnpm digest`), so it works whatever the code's layout.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TIMESTAMPS = new Set(['first_seen', 'last_seen', 'updated', 'started', 'finished', 'last_fetch']);

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with object keys sorted, so key order never changes a hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('hex'));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Runs `pnpm -s digest start --offline` until it prints the reader's address, then stops it. */
async function runStart(work: string): Promise<void> {
  const reader = join(work, 'reader');
  mkdirSync(reader, { recursive: true });
  writeFileSync(join(reader, 'index.html'), '<!doctype html><title>fingerprint</title>');
  const args = ['-s', 'digest', 'start', '--offline', '--no-build-reader', '--port', '0',
    '--db', join(work, 'store.sqlite'), '--digests', join(work, 'digests'), '--reader', reader,
    '--config', join(repoRoot, 'digest.config.yaml')];
  const child = spawn('pnpm', args, { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  await new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('reader at ')) done();
    });
    child.on('exit', (code) => fail(new Error(`digest start exited ${code} before serving:\n${out}${err}`)));
  });
  process.kill(-(child.pid as number), 'SIGTERM');
}

function digestFingerprint(work: string): string {
  const digest = JSON.parse(readFileSync(join(work, 'digests', 'latest.json'), 'utf8')) as Record<string, unknown> & {
    sections: { id: string; papers: unknown[] }[];
  };
  const rest: Record<string, unknown> = { ...digest };
  for (const clock of ['generatedAt', 'window', 'date', 'title']) delete rest[clock];
  const sections = digest.sections.map((s) => `${s.id} ${s.papers.length}`).join(', ');
  return `fingerprint: digest sha256=${sha(canonical(rest))} (${sections})`;
}

function storeFingerprint(work: string): string {
  const db = new Database(join(work, 'store.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const parts: string[] = [
      `user_version ${String(db.pragma('user_version', { simple: true }))}`,
      ...(db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all() as unknown[]).map(canonical),
    ];
    const counts: string[] = [];
    for (const table of tables) {
      const rows = (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
        .map((row) => canonical(Object.fromEntries(Object.entries(row).filter(([k]) => !TIMESTAMPS.has(k)))))
        .sort();
      counts.push(`${table} ${rows.length}`);
      parts.push(`table ${table}`, ...rows);
    }
    return `fingerprint: store sha256=${sha(parts.join('\n'))} (${counts.join(', ')})`;
  } finally {
    db.close();
  }
}

const work = mkdtempSync(join(tmpdir(), 'labdigest-fingerprint-'));
try {
  await runStart(work);
  console.log(digestFingerprint(work));
  console.log(storeFingerprint(work));
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
