import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { mapGroupTraits } from './map-group-traits';
import { keyOf, type IdentityEvent, type PreparedEvents } from './prepared-events';
import { runIngestTransaction, type IngestTx } from './usage-transaction';

export { calculateMessageKey } from './calculate-message-key';

const COLUMNS =
  'workspace_id, message_id, type, event, name, user_id, anonymous_id, group_id, previous_id, account_id, ' +
  '"timestamp", original_timestamp, sent_at, received_at, properties, traits, context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Keys are our own md5 hex shaped as uuids; the whole list is checked at once before it is inlined.
const KEY_LIST = /^[0-9a-f,-]*$/;
const CLAIM_ROWS = /^[0-9a-f\t\n-]*$/;

const pair = (workspaceId: string, id: string) => `${workspaceId}\u0000${id}`;

// Account links change rarely and every event needs one: remember them briefly per process.
// Another process's `group` reaches this one's cache within the TTL.
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 100_000;

const UNIQUE_VIOLATION = '23505';
const CAREFUL_MS = 10_000;

/** A row of a flush: which prepared request it is in, and where. */
type RowRef = { events: PreparedEvents; row: number };
/** An identify/group/alias call of a flush, with its request's workspace. */
type Identity = IdentityEvent & { workspaceId: string };

/**
 * The flush: in one transaction, claim each row's de-duplication key (a retry finds its key taken
 * and is skipped), apply `group`/`identify`/`alias` to accounts and product users, credit each
 * event to an account, COPY the new events. Requests are only answered after this resolves.
 */
export function createUsageEventWriter({ database, clock }: { database: Database; clock: Clock }) {
  const accountByExternalId = new Map<string, { id: string | null; at: number }>();
  const accountByUser = new Map<string, { id: string | null; at: number }>();
  // What the last group/identify for an id wrote: the same call repeated (libraries send one per
  // session or page load) is skipped within the TTL instead of rewriting the row. The cost:
  // usage_users.last_seen_at is exact only to CACHE_TTL_MS.
  let applied = new Map<string, { fingerprint: string; at: number }>();
  let appliedNow = new Map<string, string>();
  let now = 0;

  function isUnchanged(key: string, fingerprint: string): boolean {
    const hit = applied.get(key);
    return hit !== undefined && hit.fingerprint === fingerprint && now - hit.at <= CACHE_TTL_MS;
  }

  function cached(cache: Map<string, { id: string | null; at: number }>, key: string): string | null | undefined {
    const hit = cache.get(key);
    if (!hit || now - hit.at > CACHE_TTL_MS) return undefined;
    return hit.id;
  }

  function remember(cache: Map<string, { id: string | null; at: number }>, entries: Map<string, string | null>): void {
    if (cache.size + entries.size > CACHE_MAX) cache.clear();
    for (const [key, id] of entries) cache.set(key, { id, at: now });
  }

  /** The rows of a flush, without repeats of a key within it (`repeats` tells whether there were any). */
  function listRows(batches: readonly PreparedEvents[]): { rows: RowRef[]; keys: string[]; workspaces: string[]; repeats: boolean } {
    const seen = new Set<string>();
    const rows: RowRef[] = [];
    const keys: string[] = [];
    const workspaces: string[] = [];
    let repeats = false;
    for (const events of batches) {
      if (!UUID.test(events.workspaceId)) throw new Error(`Not a workspace id: ${events.workspaceId.slice(0, 40)}`);
      for (let row = 0; row < events.count; row++) {
        const key = keyOf(events, row);
        if (seen.has(key)) {
          repeats = true;
          continue;
        }
        seen.add(key);
        rows.push({ events, row });
        keys.push(key);
        workspaces.push(events.workspaceId);
      }
    }
    return { rows, keys, workspaces, repeats };
  }

  /**
   * Claims the rows' keys; returns the rows whose key was new. Optimistically (the usual case: no
   * retries) with a plain COPY, which fails on the first key already taken: the caller then runs
   * the flush again carefully, with INSERT … ON CONFLICT DO NOTHING, which costs PostgreSQL about
   * twice as much per key (array parsing, a speculative insertion each).
   */
  async function claimNew(tx: IngestTx, batches: readonly PreparedEvents[], optimistic: boolean): Promise<RowRef[]> {
    const { rows, keys, workspaces, repeats } = listRows(batches);
    if (optimistic) {
      await tx.copyFrom('usage_message_ids (message_key, workspace_id)', encodeClaims(batches, repeats ? { keys, workspaces } : null));
      return rows;
    }
    // Sorted, so two careful flushers claiming overlapping keys lock them in the same order.
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
    const keyList = order.map((i) => keys[i]).join(',');
    const workspaceList = order.map((i) => workspaces[i]).join(',');
    if (!KEY_LIST.test(keyList)) throw new Error('A de-duplication key is not a uuid');
    // Literal arrays rather than parameters: a statement without parameters can share its round
    // trip with BEGIN. Only checked uuids are inlined. When every key is new the statement answers
    // with a count, not thousands of keys to parse.
    const { rows: result } = await tx.query(
      `WITH claimed AS (
         INSERT INTO usage_message_ids (message_key, workspace_id)
         SELECT k, w FROM unnest('{${keyList}}'::uuid[], '{${workspaceList}}'::uuid[]) AS t(k, w)
         ON CONFLICT DO NOTHING RETURNING message_key)
       SELECT CASE WHEN count(*) = ${keys.length} THEN NULL ELSE COALESCE(array_agg(message_key::text), '{}') END AS fresh FROM claimed`,
    );
    const fresh = result[0]?.fresh as string[] | null | undefined;
    if (!fresh) return rows;
    const freshKeys = new Set(fresh);
    return rows.filter((r) => freshKeys.has(keyOf(r.events, r.row)));
  }

  async function upsertGroupAccounts(tx: IngestTx, rows: readonly Identity[], accounts: Map<string, string | null>): Promise<void> {
    const merged = new Map<string, { workspaceId: string; groupId: string; traits: Record<string, unknown> }>();
    for (const r of rows) {
      if (r.type !== 'group' || !r.groupId) continue;
      const key = pair(r.workspaceId, r.groupId);
      const entry = merged.get(key) ?? { workspaceId: r.workspaceId, groupId: r.groupId, traits: {} };
      Object.assign(entry.traits, r.traits);
      merged.set(key, entry);
    }
    const list: { workspaceId: string; groupId: string; traits: Record<string, unknown> }[] = [];
    for (const [key, g] of merged) {
      const fingerprint = JSON.stringify(mapGroupTraits(g.traits));
      const known = cached(accountByExternalId, key);
      appliedNow.set(`g\u0000${key}`, fingerprint);
      if (known && isUnchanged(`g\u0000${key}`, fingerprint)) accounts.set(key, known);
      else list.push(g);
    }
    if (list.length === 0) return;
    list.sort((a, b) => (pair(a.workspaceId, a.groupId) < pair(b.workspaceId, b.groupId) ? -1 : 1));
    const fields = list.map((g) => mapGroupTraits(g.traits));
    // An unknown groupId creates the account. A known one only gets its empty fields filled, and
    // its placeholder name replaced: the CRM import stays the source of truth for the rest.
    const { rows: upserted } = await tx.query(
      `INSERT INTO accounts (workspace_id, external_id, name, plan, licensed_seats, employees, industry, domain)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[])
       ON CONFLICT (workspace_id, external_id) DO UPDATE SET
         name = CASE WHEN accounts.name = accounts.external_id THEN EXCLUDED.name ELSE accounts.name END,
         plan = COALESCE(accounts.plan, EXCLUDED.plan),
         licensed_seats = COALESCE(accounts.licensed_seats, EXCLUDED.licensed_seats),
         employees = COALESCE(accounts.employees, EXCLUDED.employees),
         industry = COALESCE(accounts.industry, EXCLUDED.industry),
         domain = COALESCE(accounts.domain, EXCLUDED.domain)
       RETURNING workspace_id::text AS w, external_id AS e, id::text AS id`,
      [
        list.map((g) => g.workspaceId),
        list.map((g) => g.groupId),
        fields.map((f, i) => f.name ?? list[i]!.groupId),
        fields.map((f) => f.plan),
        fields.map((f) => f.licensedSeats),
        fields.map((f) => f.employees),
        fields.map((f) => f.industry),
        fields.map((f) => f.domain),
      ],
    );
    for (const r of upserted) accounts.set(pair(r.w as string, r.e as string), r.id as string);
  }

  async function upsertUsers(
    tx: IngestTx,
    rows: readonly Identity[],
    accounts: Map<string, string | null>,
    users: Map<string, string | null>,
  ) {
    type UserUpdate = {
      workspaceId: string;
      userId: string;
      accountId: string | null;
      traits: Record<string, unknown>;
      first: number;
      last: number;
    };
    const merged = new Map<string, UserUpdate>();
    const aliases: Identity[] = [];
    for (const r of rows) {
      if (!r.userId || (r.type !== 'identify' && r.type !== 'group' && r.type !== 'alias')) continue;
      const key = pair(r.workspaceId, r.userId);
      const u = merged.get(key) ?? {
        workspaceId: r.workspaceId,
        userId: r.userId,
        accountId: null,
        traits: {},
        first: r.timestampMs,
        last: r.timestampMs,
      };
      // A group call's traits describe the account, not the person.
      if (r.type === 'identify') Object.assign(u.traits, r.traits);
      if (r.type === 'group' && r.groupId) u.accountId = accounts.get(pair(r.workspaceId, r.groupId)) ?? u.accountId;
      if (r.type === 'alias') aliases.push(r);
      if (r.timestampMs < u.first) u.first = r.timestampMs;
      if (r.timestampMs > u.last) u.last = r.timestampMs;
      merged.set(key, u);
    }
    const list: UserUpdate[] = [];
    for (const [key, u] of merged) {
      const fingerprint = JSON.stringify([u.traits, u.accountId]);
      const known = cached(accountByUser, key);
      appliedNow.set(`u\u0000${key}`, fingerprint);
      if (known !== undefined && isUnchanged(`u\u0000${key}`, fingerprint)) users.set(key, known);
      else list.push(u);
    }
    list.sort((a, b) => (pair(a.workspaceId, a.userId) < pair(b.workspaceId, b.userId) ? -1 : 1));
    const { rows: upserted } =
      list.length === 0
        ? { rows: [] }
        : await tx.query(
            `INSERT INTO usage_users (workspace_id, user_id, account_id, traits, first_seen_at, last_seen_at)
       SELECT w, u, a, t::jsonb, f, l FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::timestamptz[], $6::timestamptz[]) AS x(w, u, a, t, f, l)
       ON CONFLICT (workspace_id, user_id) DO UPDATE SET
         account_id = COALESCE(EXCLUDED.account_id, usage_users.account_id),
         traits = usage_users.traits || EXCLUDED.traits,
         first_seen_at = LEAST(usage_users.first_seen_at, EXCLUDED.first_seen_at),
         last_seen_at = GREATEST(usage_users.last_seen_at, EXCLUDED.last_seen_at)
       RETURNING workspace_id::text AS w, user_id AS u, account_id::text AS a`,
            [
              list.map((u) => u.workspaceId),
              list.map((u) => u.userId),
              list.map((u) => u.accountId),
              list.map((u) => JSON.stringify(u.traits)),
              list.map((u) => new Date(u.first).toISOString()),
              list.map((u) => new Date(u.last).toISOString()),
            ],
          );
    for (const r of upserted) users.set(pair(r.w as string, r.u as string), (r.a as string | null) ?? null);
    // alias: the new id inherits the old id's account when it has none of its own.
    for (const r of aliases) {
      const { rows: linked } = await tx.query(
        `UPDATE usage_users u SET account_id = p.account_id FROM usage_users p
         WHERE u.workspace_id = $1 AND u.user_id = $2 AND u.account_id IS NULL
           AND p.workspace_id = $1 AND p.user_id = $3 AND p.account_id IS NOT NULL
         RETURNING u.account_id::text AS a`,
        [r.workspaceId, r.userId, r.previousId],
      );
      if (linked[0]) users.set(pair(r.workspaceId, r.userId!), linked[0].a as string);
    }
  }

  async function lookUp(tx: IngestTx, sql: string, missing: Set<string>, found: Map<string, string | null>): Promise<void> {
    if (missing.size === 0) return;
    const keys = [...missing].map((k) => k.split('\u0000') as [string, string]);
    const { rows } = await tx.query(sql, [keys.map((k) => k[0]), keys.map((k) => k[1])]);
    for (const key of missing) found.set(key, null);
    for (const r of rows) found.set(pair(r.w as string, r.k as string), (r.id as string | null) ?? null);
  }

  /** The account each row is credited to: its group's, else its user's. */
  async function creditAccounts(
    tx: IngestTx,
    rows: readonly RowRef[],
    accounts: Map<string, string | null>,
    users: Map<string, string | null>,
  ) {
    const missingAccounts = new Set<string>();
    const missingUsers = new Set<string>();
    for (const { events, row } of rows) {
      const groupId = events.groupIds[row];
      if (groupId) {
        const key = pair(events.workspaceId, groupId);
        if (!accounts.has(key)) {
          const hit = cached(accountByExternalId, key);
          if (hit === undefined) missingAccounts.add(key);
          else accounts.set(key, hit);
        }
        continue;
      }
      const userId = events.userIds[row];
      if (userId) {
        const key = pair(events.workspaceId, userId);
        if (!users.has(key)) {
          const hit = cached(accountByUser, key);
          if (hit === undefined) missingUsers.add(key);
          else users.set(key, hit);
        }
      }
    }
    await lookUp(
      tx,
      `SELECT a.workspace_id::text AS w, a.external_id AS k, a.id::text AS id
       FROM unnest($1::uuid[], $2::text[]) AS q(w, e) JOIN accounts a ON a.workspace_id = q.w AND a.external_id = q.e`,
      missingAccounts,
      accounts,
    );
    await lookUp(
      tx,
      `SELECT u.workspace_id::text AS w, u.user_id AS k, u.account_id::text AS id
       FROM unnest($1::uuid[], $2::text[]) AS q(w, u) JOIN usage_users u ON u.workspace_id = q.w AND u.user_id = q.u`,
      missingUsers,
      users,
    );
  }

  /** The COPY data of the rows, each completed with its account: byte copies, no re-encoding. */
  function encode(rows: readonly RowRef[], accounts: Map<string, string | null>, users: Map<string, string | null>): Buffer {
    const ids: string[] = new Array(rows.length);
    let total = 0;
    for (let i = 0; i < rows.length; i++) {
      const { events, row } = rows[i]!;
      const groupId = events.groupIds[row];
      const userId = events.userIds[row];
      const accountId = groupId
        ? accounts.get(pair(events.workspaceId, groupId))
        : userId
          ? users.get(pair(events.workspaceId, userId))
          : null;
      ids[i] = accountId ?? '\\N';
      total += events.slots[2 * row + 1]! - (row === 0 ? 0 : events.slots[2 * row - 1]!) + ids[i]!.length;
    }
    const out = Buffer.allocUnsafe(total);
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      const { events, row } = rows[i]!;
      const bytes = Buffer.from(events.rows.buffer, events.rows.byteOffset, events.rows.byteLength);
      const start = row === 0 ? 0 : events.slots[2 * row - 1]!;
      const gap = events.slots[2 * row]!;
      at += bytes.copy(out, at, start, gap);
      at += out.write(ids[i]!, at, 'latin1');
      at += bytes.copy(out, at, gap, events.slots[2 * row + 1]!);
    }
    return out;
  }

  /** Until then, flushes claim keys carefully: a client retrying is likely to send more repeats. */
  let carefulUntil = 0;

  /** Writes the requests' rows exactly once each (by workspace and messageId); resolves after COMMIT. */
  async function write(batches: PreparedEvents[]): Promise<void> {
    now = clock.now().getTime();
    // Decided per flush: another flush failing meanwhile changes carefulUntil, not this attempt.
    const optimistic = now >= carefulUntil;
    try {
      await writeOnce(batches, optimistic);
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION || !optimistic) throw error;
      // A key was taken: a retry of events already stored. Nothing of this flush was committed.
      carefulUntil = Math.max(carefulUntil, clock.now().getTime() + CAREFUL_MS);
      await writeOnce(batches, false);
    }
  }

  async function writeOnce(batches: PreparedEvents[], optimistic: boolean): Promise<void> {
    let accounts = new Map<string, string | null>();
    let users = new Map<string, string | null>();
    await runIngestTransaction(
      database,
      async (tx) => {
        accounts = new Map();
        users = new Map();
        appliedNow = new Map();
        const fresh = await claimNew(tx, batches, optimistic);
        if (fresh.length === 0) return;
        const identities = listIdentities(fresh);
        await upsertGroupAccounts(tx, identities, accounts);
        await upsertUsers(tx, identities, accounts, users);
        await creditAccounts(tx, fresh, accounts, users);
        await tx.copyFrom(`usage_events (${COLUMNS})`, encode(fresh, accounts, users));
      },
      logFlush(batches),
    );
    remember(accountByExternalId, accounts);
    remember(accountByUser, users);
    if (applied.size + appliedNow.size > CACHE_MAX) applied = new Map();
    for (const [key, fingerprint] of appliedNow) applied.set(key, { fingerprint, at: now });
  }

  return { write };
}

/**
 * COPY rows (key, workspace) for the claim. Without repeats in the flush, straight from each
 * request's comma-joined keys; otherwise from the de-duplicated lists.
 */
function encodeClaims(batches: readonly PreparedEvents[], deduplicated: { keys: string[]; workspaces: string[] } | null): Buffer {
  const text = deduplicated
    ? deduplicated.keys.map((k, i) => `${k}\t${deduplicated.workspaces[i]}\n`).join('')
    : batches.map((b) => `${b.keys.replaceAll(',', `\t${b.workspaceId}\n`)}\t${b.workspaceId}\n`).join('');
  // COPY parses each field as a uuid, but nothing else may reach it: no tab, newline or backslash
  // beyond the separators written here.
  if (!CLAIM_ROWS.test(text)) throw new Error('A de-duplication key is not a uuid');
  return Buffer.from(text, 'latin1');
}

/**
 * The flush's entry in usage_ingest_flushes, written first in its transaction (which it gives an
 * id): where the usage rollup must start reading received_at to find every event of the flush.
 */
function logFlush(batches: readonly PreparedEvents[]): string {
  let from = Infinity;
  for (const b of batches) if (b.receivedAtMs < from) from = b.receivedAtMs;
  if (!Number.isFinite(from)) throw new Error('A flush without events');
  return `INSERT INTO usage_ingest_flushes (xid, received_from) VALUES (pg_current_xact_id()::text::bigint, '${new Date(from).toISOString()}')`;
}

/** The identify/group/alias calls among the fresh rows, in order. */
function listIdentities(fresh: readonly RowRef[]): Identity[] {
  const freshRows = new Map<PreparedEvents, Set<number>>();
  for (const { events, row } of fresh) {
    if (events.identities.length === 0) continue;
    let set = freshRows.get(events);
    if (!set) freshRows.set(events, (set = new Set()));
    set.add(row);
  }
  const out: Identity[] = [];
  for (const [events, rows] of freshRows) {
    for (const identity of events.identities) if (rows.has(identity.row)) out.push({ ...identity, workspaceId: events.workspaceId });
  }
  return out;
}
