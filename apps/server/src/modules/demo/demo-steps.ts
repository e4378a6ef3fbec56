import type { Db } from '../../platform/db/database';
import type { DemoOptions, DemoPlan } from './demo-plan';
import type { Random } from './demo-random';
import { generateDemoAccounts } from './generate-demo-accounts';
import { generateDemoContacts } from './generate-demo-contacts';
import { writeDemoAccounts, writeDemoContacts } from './write-demo-rows';

export type DemoWriteContext = {
  /** The transaction every step writes in, so a failed demo leaves no half-built portfolio. */
  db: Db;
  workspaceId: string;
  /** The database id of every plan key written so far: people, accounts, and so on. */
  ids: Map<string, string>;
  /** Reports rows written, for the progress bar. */
  onRows: (rows: number) => void;
};

/**
 * One stage of the demo: a pure generator over what earlier steps produced, and a writer.
 * Later issues (usage events, health, touches, tasks) append a step here; each step draws from
 * its own random stream, so adding one leaves the data of the others unchanged.
 */
export type DemoStep = {
  name: string;
  generate: (plan: DemoPlan, random: Random, options: Required<DemoOptions>) => Partial<DemoPlan>;
  countRows: (plan: DemoPlan) => number;
  write: (context: DemoWriteContext, plan: DemoPlan) => Promise<void>;
};

export const DEMO_STEPS: readonly DemoStep[] = [
  {
    name: 'accounts',
    generate: (plan, random, options) => ({
      accounts: generateDemoAccounts({ today: plan.today, people: plan.people, count: options.accountCount }, random),
    }),
    countRows: (plan) => plan.accounts.length,
    write: writeDemoAccounts,
  },
  {
    name: 'contacts',
    generate: (plan, random) => ({ contacts: generateDemoContacts({ today: plan.today, accounts: plan.accounts }, random) }),
    countRows: (plan) => plan.contacts.length,
    write: writeDemoContacts,
  },
];
