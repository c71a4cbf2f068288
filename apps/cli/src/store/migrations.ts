/**
 * The store's schema, as numbered migrations: `migrations[n]` takes `PRAGMA user_version` from n to n + 1.
 * Never edit a migration that has shipped; append a new one.
 */
export const migrations: readonly string[] = [
  // 1: papers, their identifiers, per-source fetch state and run summaries, full-text search.
  `
  CREATE TABLE papers (
    pk          INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    abstract    TEXT,
    authors     TEXT NOT NULL DEFAULT '[]',   -- JSON array of names
    published   TEXT,
    doi         TEXT,
    arxiv_id    TEXT,
    url         TEXT,
    venue       TEXT,
    categories  TEXT NOT NULL DEFAULT '[]',   -- JSON array
    source      TEXT NOT NULL,
    tags        TEXT NOT NULL DEFAULT '[]',   -- JSON array
    title_key   TEXT,                         -- normalized title + first author surname: the fallback match
    first_seen  TEXT NOT NULL,
    last_seen   TEXT NOT NULL,
    updated     TEXT NOT NULL
  );
  CREATE INDEX papers_first_seen ON papers (first_seen);
  CREATE INDEX papers_title_key ON papers (title_key) WHERE title_key IS NOT NULL;

  -- Every DOI and arXiv id a paper is known by (a journal version and its preprint share one row),
  -- plus its source ids that are neither ('id'), so a re-fetched feed item finds its row again.
  CREATE TABLE identifiers (
    kind      TEXT NOT NULL CHECK (kind IN ('doi', 'arxiv', 'id')),
    value     TEXT NOT NULL,
    paper_pk  INTEGER NOT NULL REFERENCES papers (pk) ON DELETE CASCADE,
    PRIMARY KEY (kind, value)
  ) WITHOUT ROWID;
  CREATE INDEX identifiers_paper ON identifiers (paper_pk);

  CREATE TABLE source_state (
    source         TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    last_fetch     TEXT,
    cursor         TEXT
  );

  CREATE TABLE fetch_runs (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    started     TEXT NOT NULL,
    finished    TEXT NOT NULL,
    fetched     INTEGER NOT NULL,
    new         INTEGER NOT NULL,
    duplicates  INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    errors      INTEGER NOT NULL,
    message     TEXT
  );

  -- External-content FTS5 index over papers; the triggers below keep it in step with the table.
  CREATE VIRTUAL TABLE papers_fts USING fts5 (
    title, abstract, content = 'papers', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER papers_fts_insert AFTER INSERT ON papers BEGIN
    INSERT INTO papers_fts (rowid, title, abstract) VALUES (new.pk, new.title, new.abstract);
  END;
  CREATE TRIGGER papers_fts_delete AFTER DELETE ON papers BEGIN
    INSERT INTO papers_fts (papers_fts, rowid, title, abstract) VALUES ('delete', old.pk, old.title, old.abstract);
  END;
  CREATE TRIGGER papers_fts_update AFTER UPDATE OF title, abstract ON papers BEGIN
    INSERT INTO papers_fts (papers_fts, rowid, title, abstract) VALUES ('delete', old.pk, old.title, old.abstract);
    INSERT INTO papers_fts (rowid, title, abstract) VALUES (new.pk, new.title, new.abstract);
  END;
  `,
  // 2: a switch for bulk loads. While fts_bulk_load holds a row, the writer that put it there indexes
  // the rows it inserts itself, in one INSERT … SELECT before it commits (insertFresh in queries.ts):
  // FTS5 builds a batch's index that way in about three quarters of the time the per-row trigger takes.
  // Every other insert still goes through the trigger.
  `
  CREATE TABLE fts_bulk_load (id INTEGER PRIMARY KEY CHECK (id = 1));
  DROP TRIGGER papers_fts_insert;
  CREATE TRIGGER papers_fts_insert AFTER INSERT ON papers WHEN NOT EXISTS (SELECT 1 FROM fts_bulk_load) BEGIN
    INSERT INTO papers_fts (rowid, title, abstract) VALUES (new.pk, new.title, new.abstract);
  END;
  `,
  // 3: bulk inserts drop the per-row FTS trigger for the length of their transaction and put it back
  // before they commit (setAside in insert-fresh.ts), so the trigger no longer asks fts_bulk_load on
  // every row: it is the trigger of version 1 again.
  `
  DROP TRIGGER papers_fts_insert;
  DROP TABLE fts_bulk_load;
  CREATE TRIGGER papers_fts_insert AFTER INSERT ON papers BEGIN
    INSERT INTO papers_fts (rowid, title, abstract) VALUES (new.pk, new.title, new.abstract);
  END;
  `,
  // 4: FTS5 keeps a transaction's new terms in memory until they pass `hashsize` bytes (1 MB by
  // default), then writes them out as a segment and merges segments as they pile up: a first import
  // of the 21,872-paper corpus flushed about once a megabyte. With 4 MB the import takes about a tenth
  // less time; 8 MB was no faster. The buffer is per writing connection; the index format is the same.
  // (`hashsize` is a key of fts5_config.c that the FTS5 page does not list.)
  `
  INSERT INTO papers_fts (papers_fts, rank) VALUES ('hashsize', 4194304);
  `,
  // 5: what `digest send` delivered or tried (deliver/deliveries.ts). The key makes a digest go once to
  // an address or a chat; a failed row is tried again on the next run. A weekly e-mail writes one row
  // for each digest it covers, all with its Message-ID.
  `
  CREATE TABLE deliveries (
    digest_date  TEXT NOT NULL,      -- the digest's day, YYYY-MM-DD
    channel      TEXT NOT NULL,      -- email, slack, mattermost, teams, discord, matrix
    recipient    TEXT NOT NULL,      -- the e-mail address (lower case) or the chat's name
    status       TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
    message_id   TEXT,               -- the e-mail's Message-ID
    attempts     INTEGER NOT NULL,   -- over all runs
    last_error   TEXT,               -- one line, secrets redacted
    updated      TEXT NOT NULL,      -- ISO time of the last attempt
    PRIMARY KEY (digest_date, channel, recipient)
  ) WITHOUT ROWID;
  CREATE INDEX deliveries_recipient ON deliveries (channel, recipient, status, digest_date);
  `,
  // 6: the reading room (docs/server.md): one-time invite codes, the devices they bound to members,
  // and each member's state per paper and field (read, starred, dismissed, note, nominated), last
  // writer by `at` wins. Codes and tokens are stored only as sha256 hex. `seq` orders every accepted
  // write for the readers' sync cursor.
  `
  CREATE TABLE invites (
    code_hash   TEXT PRIMARY KEY,
    member      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    used_at     TEXT,
    device_id   TEXT
  );
  CREATE TABLE devices (
    id            TEXT PRIMARY KEY,
    member        TEXT NOT NULL,
    token_hash    TEXT NOT NULL UNIQUE,
    label         TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT,
    revoked_at    TEXT
  );
  CREATE INDEX devices_member ON devices (member);
  CREATE TABLE paper_state (
    member     TEXT NOT NULL,
    paper_id   TEXT NOT NULL,
    field      TEXT NOT NULL CHECK (field IN ('read', 'starred', 'dismissed', 'note', 'nominated')),
    value      TEXT NOT NULL,
    at         TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    PRIMARY KEY (member, paper_id, field)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX paper_state_seq ON paper_state (seq);
  CREATE INDEX paper_state_nominated ON paper_state (at) WHERE field = 'nominated';
  `,
  // 7: what the group teaches the ranking beyond the reading room's own state (docs/learning.md):
  // signals imported from a reader's export or another tool (`digest feedback import`) and the group's
  // own papers (`digest learn --bib`), which carry their text since they need not be in the store.
  // One row per paper, signal, member and area; the latest `at` wins. Each `digest feedback reset`
  // is a row of `learning_resets`: signals of its scope from before it are not learned from (the
  // reading room's stars themselves stay: they are the members' reading state).
  `
  CREATE TABLE feedback (
    paper_id  TEXT NOT NULL,
    signal    TEXT NOT NULL CHECK (signal IN ('star', 'dismiss', 'read', 'nominate')),
    member    TEXT NOT NULL DEFAULT '',   -- a config member, or '' for the group
    area      TEXT NOT NULL DEFAULT '',   -- an area id, or '' when the signal names none
    at        TEXT NOT NULL,              -- ISO time it was given (the import's time when the line had none)
    origin    TEXT NOT NULL,              -- 'import:<file name>' or 'bib:<file name>'
    title     TEXT,                       -- the paper's text, for papers given with it (learn --bib)
    abstract  TEXT,
    PRIMARY KEY (paper_id, signal, member, area)
  ) WITHOUT ROWID;
  CREATE TABLE learning_resets (
    scope  TEXT NOT NULL,                 -- 'all', 'member:<name>' or 'area:<id>'
    at     TEXT NOT NULL
  );
  `,
  // 8: where the reading room last listened (`digest serve`, room/address.ts): the address
  // `digest members invite` puts in its links when the config sets no `server.publicUrl`. One row.
  `
  CREATE TABLE room_address (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    host        TEXT NOT NULL,      -- what --host said: 0.0.0.0 or :: listen on every address
    port        INTEGER NOT NULL,   -- the port it listened on (the one picked, for --port 0)
    started_at  TEXT NOT NULL       -- ISO time
  );
  `,
];
