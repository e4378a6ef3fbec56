import { retryWhenOverloaded } from '../usage';
import type { DemoPlan } from './demo-plan';
import type { DemoWriteContext } from './demo-steps';
import { DEMO_FEATURES, expandDemoUsageEvents, type DemoTrackingMessage } from './expand-demo-usage-events';

/** The demo workspace keeps setup's default zone; its working hours are placed in it. */
export const DEMO_TIMEZONE = 'UTC';
/** Messages per ingestEvents call, as the tracking API's batch endpoint would take them. */
const BATCH_SIZE = 1_000;
/** Batches in flight: keeps PostgreSQL's two ingestion writers busy; PGlite has one. */
const IN_FLIGHT = 4;

/** Every message the usage step sends: identify and group per product user, then the events. */
export function countDemoUsageMessages(plan: DemoPlan): number {
  return plan.usage.accounts.reduce((sum, a) => sum + 2 * a.users + a.dailyEvents.reduce((s, n) => s + n, 0), 0);
}

/**
 * Sends the plan's usage through the tracking API's ingestion path, after the accounts are
 * committed (ingestion runs its own transactions), then maps the features and rolls up, so the
 * usage pages show data as soon as the demo is built. One account's messages are in memory at
 * a time.
 */
export async function writeDemoUsage(context: DemoWriteContext, plan: DemoPlan): Promise<void> {
  const { usage, workspaceId } = context;
  const accounts = new Map(plan.accounts.map((a) => [a.key, a]));
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let batch: DemoTrackingMessage[] = [];

  const send = async (messages: DemoTrackingMessage[]) => {
    const result = await retryWhenOverloaded(() => usage.ingestEvents(workspaceId, messages));
    // The generator makes only valid messages: a rejection is a bug, not data to skip.
    if (result.rejected.length > 0) throw new Error(`Demo usage event rejected: ${result.rejected[0]!.reason}`);
    context.onRows(messages.length);
  };
  const dispatch = async () => {
    const sending = send(batch).catch((error: unknown) => {
      failure ??= error;
    });
    batch = [];
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    if (failure) throw failure;
  };

  for (const u of plan.usage.accounts) {
    const account = accounts.get(u.accountKey);
    if (!account) throw new Error(`Demo usage refers to unknown account ${u.accountKey}`);
    for (const event of expandDemoUsageEvents({ seed: plan.seed, start: plan.usage.start, timeZone: DEMO_TIMEZONE, account, usage: u })) {
      batch.push(event);
      if (batch.length >= BATCH_SIZE) await dispatch();
    }
  }
  if (batch.length > 0) await dispatch();
  await Promise.all(inFlight);
  if (failure) throw failure;

  for (const { name, module, eventName } of DEMO_FEATURES) await usage.createFeature(workspaceId, { name, module, eventName });
  await usage.rollUpNewEvents();
}
