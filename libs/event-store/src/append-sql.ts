/**
 * One statement appends to one or more streams: all of it or nothing.
 *
 * - `input` unpacks the parallel arrays (a multi-row insert without building SQL text per row);
 * - `current` finds each stream's version through the (stream_id, version) index;
 * - `mismatch` is non-empty when any stream is not at its expected version: then nothing is written;
 * - `idem` claims the idempotency key in the same statement, so a retried request can never append twice;
 * - a concurrent writer that wins the race makes ours fail on UNIQUE (stream_id, version).
 * Running as a single statement makes it one round trip and one implicit transaction.
 */
export const APPEND_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])
    WITH ORDINALITY AS t(stream_id, expected, ord, event_id, type, data, metadata, n)
),
current AS (
  SELECT s.stream_id,
         coalesce((SELECT e.version FROM events e WHERE e.stream_id = s.stream_id ORDER BY e.version DESC LIMIT 1), 0) AS version
  FROM (SELECT DISTINCT stream_id FROM input) s
),
mismatch AS (
  SELECT 1 FROM input i JOIN current c USING (stream_id)
  WHERE i.expected <> -1 AND i.expected <> c.version
  LIMIT 1
),
idem AS (
  INSERT INTO idempotency_keys (key, fingerprint, response)
  SELECT $8::text, $9::text, $10::jsonb
  WHERE $8::text IS NOT NULL AND NOT EXISTS (SELECT 1 FROM mismatch)
  ON CONFLICT (key) DO NOTHING
  RETURNING key
)
INSERT INTO events (stream_id, version, event_id, type, data, metadata)
SELECT i.stream_id, c.version + i.ord, i.event_id, i.type, i.data, i.metadata
FROM input i JOIN current c USING (stream_id)
WHERE NOT EXISTS (SELECT 1 FROM mismatch)
  AND ($8::text IS NULL OR EXISTS (SELECT 1 FROM idem))
ORDER BY i.n
RETURNING global_position, transaction_id, stream_id, version, recorded_at`;

/**
 * APPEND_SQL for the commands a combiner decided together (see command-combiner.ts): one statement, all of it or
 * nothing. Rows of one stream continue each other (`ord` runs on across the commands), each row carries its
 * command's metadata, and every command's idempotency key is claimed by a plain INSERT: a key already claimed
 * fails the whole statement on UNIQUE (key) instead of leaving the other claims behind without their events.
 * This statement always runs in a transaction of its own, never in a caller's.
 */
export const APPEND_COMMANDS_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[])
    WITH ORDINALITY AS t(stream_id, expected, ord, event_id, type, data, metadata, n)
),
current AS (
  SELECT s.stream_id,
         coalesce((SELECT e.version FROM events e WHERE e.stream_id = s.stream_id ORDER BY e.version DESC LIMIT 1), 0) AS version
  FROM (SELECT DISTINCT stream_id FROM input) s
),
mismatch AS (
  SELECT 1 FROM input i JOIN current c USING (stream_id)
  WHERE i.expected <> -1 AND i.expected <> c.version
  LIMIT 1
),
idem AS (
  INSERT INTO idempotency_keys (key, fingerprint, response)
  SELECT k.key, k.fingerprint, k.response FROM unnest($8::text[], $9::text[], $10::jsonb[]) AS k(key, fingerprint, response)
  WHERE NOT EXISTS (SELECT 1 FROM mismatch)
  RETURNING key
)
INSERT INTO events (stream_id, version, event_id, type, data, metadata)
SELECT i.stream_id, c.version + i.ord, i.event_id, i.type, i.data, i.metadata
FROM input i JOIN current c USING (stream_id)
WHERE NOT EXISTS (SELECT 1 FROM mismatch)
ORDER BY i.n
RETURNING global_position, transaction_id, stream_id, version, recorded_at`;

export const STREAM_VERSIONS_SQL = `
SELECT s AS stream_id,
       coalesce((SELECT e.version FROM events e WHERE e.stream_id = s ORDER BY e.version DESC LIMIT 1), 0) AS version
FROM unnest($1::text[]) s`;

export const EVENT_COLUMNS = `global_position, transaction_id, stream_id, version, type, data, metadata, recorded_at`;

/**
 * Reads in (transaction_id, position) order, and only transactions older than the oldest one still open.
 * Positions are taken from a sequence when a row is inserted, not when its transaction commits, so a
 * plain `position > $after` would skip an event whose transaction took a lower position and committed
 * later. Every transaction below the snapshot's xmin has finished, and any transaction that commits in
 * the future has an id at or above it, so a checkpoint never passes an event that can still appear.
 */
export const READ_ALL_SQL = `
SELECT ${EVENT_COLUMNS} FROM events
WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
  AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY transaction_id, global_position
LIMIT $3`;

/** READ_ALL_SQL restricted to a set of streams (the (stream_id, version) index finds their rows). */
export const READ_STREAMS_AFTER_SQL = `
SELECT ${EVENT_COLUMNS} FROM events
WHERE stream_id = ANY($1::text[])
  AND (transaction_id, global_position) > ($2::xid8, $3::bigint)
  AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY transaction_id, global_position
LIMIT $4`;

/**
 * APPEND_SQL for several independent appends at once (group commit): one statement, one transaction, one WAL
 * flush for all of them, each still all-or-nothing on its own.
 *
 * - every input row carries its append's number (`grp`); a stream appears in one append of a batch only, so
 *   the rows that come back are told apart by stream;
 * - `mismatch` lists the appends with a stream not at its expected version: those write nothing, the rest do;
 * - `claims` are the appends' idempotency keys (distinct within a batch); an append whose key was already
 *   claimed writes nothing;
 * - a concurrent writer outside the batch that wins a race fails the whole statement on UNIQUE
 *   (stream_id, version): the caller then runs the appends one by one.
 */
export const APPEND_BATCH_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[], $8::int[])
    WITH ORDINALITY AS t(stream_id, expected, ord, event_id, type, data, metadata, grp, n)
),
current AS (
  SELECT s.stream_id,
         coalesce((SELECT e.version FROM events e WHERE e.stream_id = s.stream_id ORDER BY e.version DESC LIMIT 1), 0) AS version
  FROM (SELECT DISTINCT stream_id FROM input) s
),
mismatch AS (
  SELECT DISTINCT i.grp FROM input i JOIN current c USING (stream_id)
  WHERE i.expected <> -1 AND i.expected <> c.version
),
claims AS (
  SELECT * FROM unnest($9::int[], $10::text[], $11::text[], $12::jsonb[]) AS k(grp, key, fingerprint, response)
),
idem AS (
  INSERT INTO idempotency_keys (key, fingerprint, response)
  SELECT k.key, k.fingerprint, k.response FROM claims k
  WHERE NOT EXISTS (SELECT 1 FROM mismatch m WHERE m.grp = k.grp)
  ON CONFLICT (key) DO NOTHING
  RETURNING key
)
INSERT INTO events (stream_id, version, event_id, type, data, metadata)
SELECT i.stream_id, c.version + i.ord, i.event_id, i.type, i.data, i.metadata
FROM input i JOIN current c USING (stream_id)
WHERE NOT EXISTS (SELECT 1 FROM mismatch m WHERE m.grp = i.grp)
  AND (NOT EXISTS (SELECT 1 FROM claims k WHERE k.grp = i.grp)
       OR EXISTS (SELECT 1 FROM claims k JOIN idem d ON d.key = k.key WHERE k.grp = i.grp))
ORDER BY i.n
RETURNING global_position, transaction_id, stream_id, version, recorded_at`;
