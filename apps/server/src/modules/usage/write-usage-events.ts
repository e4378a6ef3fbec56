import crypto from 'node:crypto';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { encodeCopyRow } from './encode-copy-row';
import { mapGroupTraits } from './map-group-traits';
import type { TrackingEvent } from './parse-tracking-event';
import { runIngestTransaction, type IngestTx } from './usage-transaction';

/** A valid event on its way into usage_events. */
export type IngestRow = TrackingEvent & { workspaceId: string; messageKey: string };

/** The de-duplication key: md5 of workspace and messageId, shaped as a uuid (16 bytes). */
export function calculateMessageKey(workspaceId: string, messageId: string): string {
  const hex = crypto.hash('md5', `${workspaceId}:${messageId}`, 'hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const COLUMNS =
  'workspace_id, message_id, type, event, name, user_id, anonymous_id, group_id, previous_id, account_id, ' +
  '"timestamp", original_timestamp, sent_at, received_at, properties, traits, context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function uuidLiteral(value: string): string {
  if (!UUID.test(value)) throw new Error(`Not a uuid: ${value.slice(0, 40)}`);
  return value;
}

const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));
const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);
const pair = (workspaceId: string, id: string) => `${workspaceId}\u0000${id}`;

// Account links change rarely and every event needs one: remember them briefly per process.
// Another process's `group` reaches this one's cache within the TTL.
const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 100_000;

/**
 * The flush: in one transaction, claim each messageId (a retry finds its key taken and is
 * skipped), apply `group`/`identify`/`alias` to accounts and product users, credit each event
 * to an account, COPY the new events. Rows are only answered for after this resolves.
 */
export function createUsageEventWriter({ database, clock }: { database: Database; clock: Clock }) {
  const accountByExternalId = new Map<string, { id: string | null; at: number }>();
  const accountByUser = new Map<string, { id: string | null; at: number }>();
  // What the last group/identify for an id wrote: the same call repeated (libraries send one per
  // session or page load) is skipped within the TTL instead of rewriting the row. The cost:
  // usage_users.last_seen_at is exact only to CACHE_TTL_MS.
  let applied = new Map<string, { fingerprint: string; at: number }>();
  let appliedNow = new Map<string, string>();

  function isUnchanged(key: string, fingerprint: string): boolean {
    const hit = applied.get(key);
    return hit !== undefined && hit.fingerprint === fingerprint && clock.now().getTime() - hit.at <= CACHE_TTL_MS;
  }

  function cached(cache: Map<string, { id: string | null; at: number }>, key: string): string | null | undefined {
    const hit = cache.get(key);
    if (!hit || clock.now().getTime() - hit.at > CACHE_TTL_MS) return undefined;
    return hit.id;
  }

  function remember(cache: Map<string, { id: string | null; at: number }>, entries: Map<string, string | null>): void {
    if (cache.size + entries.size > CACHE_MAX) cache.clear();
    const at = clock.now().getTime();
    for (const [key, id] of entries) cache.set(key, { id, at });
  }

  async function claimNew(tx: IngestTx, rows: IngestRow[]): Promise<IngestRow[]> {
    // Sorted, so two flushers claiming overlapping keys lock them in the same order.
    const sorted = [...rows].sort((a, b) => (a.messageKey < b.messageKey ? -1 : 1));
    // Literal arrays rather than parameters: a statement without parameters can share its round
    // trip with BEGIN. Only uuids are inlined, and each is checked to be one.
    const keys = sorted.map((r) => uuidLiteral(r.messageKey)).join(',');
    const workspaces = sorted.map((r) => uuidLiteral(r.workspaceId)).join(',');
    const { rows: claimed } = await tx.query(
      `INSERT INTO usage_message_ids (message_key, workspace_id)
       SELECT k, w FROM unnest('{${keys}}'::uuid[], '{${workspaces}}'::uuid[]) AS t(k, w)
       ON CONFLICT DO NOTHING RETURNING message_key::text AS k`,
    );
    const fresh = new Set(claimed.map((r) => r.k as string));
    return rows.filter((r) => fresh.has(r.messageKey));
  }

  async function upsertGroupAccounts(tx: IngestTx, rows: IngestRow[], accounts: Map<string, string | null>): Promise<void> {
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

  async function upsertUsers(tx: IngestTx, rows: IngestRow[], accounts: Map<string, string | null>, users: Map<string, string | null>) {
    type UserUpdate = {
      workspaceId: string;
      userId: string;
      accountId: string | null;
      traits: Record<string, unknown>;
      first: Date;
      last: Date;
    };
    const merged = new Map<string, UserUpdate>();
    const aliases: IngestRow[] = [];
    for (const r of rows) {
      if (!r.userId || (r.type !== 'identify' && r.type !== 'group' && r.type !== 'alias')) continue;
      const key = pair(r.workspaceId, r.userId);
      const u = merged.get(key) ?? {
        workspaceId: r.workspaceId,
        userId: r.userId,
        accountId: null,
        traits: {},
        first: r.timestamp,
        last: r.timestamp,
      };
      // A group call's traits describe the account, not the person.
      if (r.type === 'identify') Object.assign(u.traits, r.traits);
      if (r.type === 'group' && r.groupId) u.accountId = accounts.get(pair(r.workspaceId, r.groupId)) ?? u.accountId;
      if (r.type === 'alias') aliases.push(r);
      if (r.timestamp < u.first) u.first = r.timestamp;
      if (r.timestamp > u.last) u.last = r.timestamp;
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
              list.map((u) => u.first.toISOString()),
              list.map((u) => u.last.toISOString()),
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

  /** Sets accountId on every row: the group's, else context.groupId's, else the user's account. */
  async function creditAccounts(tx: IngestTx, rows: IngestRow[], accounts: Map<string, string | null>, users: Map<string, string | null>) {
    const missingAccounts = new Set<string>();
    const missingUsers = new Set<string>();
    for (const r of rows) {
      if (r.groupId) {
        const key = pair(r.workspaceId, r.groupId);
        if (!accounts.has(key)) {
          const hit = cached(accountByExternalId, key);
          if (hit === undefined) missingAccounts.add(key);
          else accounts.set(key, hit);
        }
      } else if (r.userId) {
        const key = pair(r.workspaceId, r.userId);
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
    return rows.map((r) => {
      if (r.groupId) return accounts.get(pair(r.workspaceId, r.groupId)) ?? null;
      return r.userId ? (users.get(pair(r.workspaceId, r.userId)) ?? null) : null;
    });
  }

  function encode(rows: IngestRow[], accountIds: (string | null)[]): string {
    const lines: string[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      lines[i] = encodeCopyRow([
        r.workspaceId,
        r.messageId,
        r.type,
        r.event,
        r.name,
        r.userId,
        r.anonymousId,
        r.groupId,
        r.previousId,
        accountIds[i] ?? null,
        r.timestamp.toISOString(),
        iso(r.originalTimestamp),
        iso(r.sentAt),
        r.receivedAt.toISOString(),
        json(r.properties),
        json(r.traits),
        json(r.context),
      ]);
    }
    return lines.join('');
  }

  /** Writes rows exactly once each (by workspace and messageId); resolves after COMMIT. */
  async function write(rows: IngestRow[]): Promise<void> {
    const unique = new Map<string, IngestRow>();
    for (const r of rows) if (!unique.has(r.messageKey)) unique.set(r.messageKey, r);
    let accounts = new Map<string, string | null>();
    let users = new Map<string, string | null>();
    await runIngestTransaction(database, async (tx) => {
      accounts = new Map();
      users = new Map();
      appliedNow = new Map();
      const fresh = await claimNew(tx, [...unique.values()]);
      if (fresh.length === 0) return;
      await upsertGroupAccounts(tx, fresh, accounts);
      await upsertUsers(tx, fresh, accounts, users);
      const accountIds = await creditAccounts(tx, fresh, accounts, users);
      await tx.copyFrom(`usage_events (${COLUMNS})`, encode(fresh, accountIds));
    });
    remember(accountByExternalId, accounts);
    remember(accountByUser, users);
    if (applied.size + appliedNow.size > CACHE_MAX) applied = new Map();
    const at = clock.now().getTime();
    for (const [key, fingerprint] of appliedNow) applied.set(key, { fingerprint, at });
  }

  return { write };
}
