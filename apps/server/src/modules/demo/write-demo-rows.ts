import { randomUUID } from 'node:crypto';
import { accounts, contacts } from '../accounts/accounts.schema';
import type { DemoPlan } from './demo-plan';
import type { DemoWriteContext } from './demo-steps';

// 500 rows per multi-row INSERT stays far below PostgreSQL's 65,535 bind parameters (accounts
// have ~20 columns) and was the fastest chunk size measured on both engines (STACK.md).
const CHUNK_SIZE = 500;

/** Inserts the plan's accounts; owners must already be in `ids`. */
export async function writeDemoAccounts(context: DemoWriteContext, plan: DemoPlan): Promise<void> {
  const { db, workspaceId, ids } = context;
  const rows = plan.accounts.map((a) => {
    // Ids are made here rather than read back with RETURNING, whose row order is not promised.
    const id = randomUUID();
    ids.set(a.key, id);
    return {
      id,
      workspaceId,
      externalId: a.key,
      name: a.name,
      domain: a.domain,
      industry: a.industry,
      employees: a.employees,
      region: a.region,
      plan: a.plan,
      arr: a.arr.toFixed(2),
      currency: a.currency,
      contractStart: a.contractStart,
      renewalDate: a.renewalDate,
      licensedSeats: a.licensedSeats,
      ownerId: ids.get(a.ownerKey) ?? null,
      tier: a.tier,
      lifecycleStage: a.lifecycleStage,
      status: a.status,
      churnDate: a.churnDate,
      churnReason: a.churnReason,
      tags: a.tags,
    };
  });
  for (const chunk of chunks(rows)) {
    await db.insert(accounts).values(chunk);
    context.onRows(chunk.length);
  }
}

/** Inserts the plan's contacts; their accounts must already be in `ids`. */
export async function writeDemoContacts(context: DemoWriteContext, plan: DemoPlan): Promise<void> {
  const { db, workspaceId, ids } = context;
  const rows = plan.contacts.map((c) => {
    const accountId = ids.get(c.accountKey);
    if (!accountId) throw new Error(`Demo contact ${c.key} refers to unknown account ${c.accountKey}`);
    const id = randomUUID();
    ids.set(c.key, id);
    return {
      id,
      workspaceId,
      accountId,
      externalId: c.key,
      name: c.name,
      email: c.email,
      phone: c.phone,
      title: c.title,
      role: c.role,
      isKeyPerson: c.isKeyPerson,
      relationshipStrength: c.relationshipStrength,
      lastContactedAt: c.lastContactedAt ? new Date(c.lastContactedAt) : null,
      leftAt: c.leftAt,
    };
  });
  for (const chunk of chunks(rows)) {
    await db.insert(contacts).values(chunk);
    context.onRows(chunk.length);
  }
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK_SIZE) out.push(rows.slice(i, i + CHUNK_SIZE));
  return out;
}
