import type { Db } from '../../platform/db/database';
import type { DemoOptions, DemoPlan } from './demo-plan';
import type { Random } from './demo-random';
import { generateDemoAccounts } from './generate-demo-accounts';
import { generateDemoContacts } from './generate-demo-contacts';
import { generateDemoUsage } from './generate-demo-usage';
import { countDemoWorkRows, generateDemoWork } from './generate-demo-work';
import { writeDemoAccounts, writeDemoContacts } from './write-demo-rows';
import { countDemoUsageMessages, writeDemoUsage } from './write-demo-usage';
import { writeDemoWork } from './write-demo-work';
import { DEMO_RULES, writeDemoRules } from './demo-rules';
import { countDemoHealthRows, generateDemoHealth } from './generate-demo-health';
import { writeDemoHealth } from './write-demo-health';

/** The product's own ingestion and rollup, for steps that send usage as a customer's app would. */
export type DemoUsagePort = {
  ingestEvents: (workspaceId: string, events: unknown[]) => Promise<{ accepted: number; rejected: { index: number; reason: string }[] }>;
  createFeature: (workspaceId: string, input: { name: string; module: string; eventName: string }) => Promise<unknown>;
  rollUpNewEvents: () => Promise<unknown>;
};

export type DemoWriteContext = {
  /** The transaction every step writes in, so a failed demo leaves no half-built portfolio. */
  db: Db;
  workspaceId: string;
  /** The database id of every plan key written so far: people, accounts, and so on. */
  ids: Map<string, string>;
  /** Reports rows written, for the progress bar. */
  onRows: (rows: number) => void;
  usage: DemoUsagePort;
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
  /**
   * Runs after the transaction commits, outside it: for steps that write through the product's
   * own paths (ingestion commits on its own connections and must see the accounts).
   */
  afterCommit?: boolean;
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
  {
    // Issue #7: stage history, a year of touches, playbook runs, CTAs and tasks.
    name: 'work',
    generate: (plan, random) => ({ work: generateDemoWork(plan, random) }),
    countRows: countDemoWorkRows,
    write: writeDemoWork,
  },
  {
    // Issue #7: the rules that start the SOPs, their past runs as firings.
    name: 'rules',
    generate: () => ({}),
    countRows: () => DEMO_RULES.length,
    write: writeDemoRules,
  },
  {
    name: 'usage',
    generate: (plan, random) => ({ usage: generateDemoUsage({ today: plan.today, accounts: plan.accounts }, random) }),
    countRows: countDemoUsageMessages,
    write: writeDemoUsage,
    afterCommit: true,
  },
  {
    // Issue #5: a year of usage rollups before the raw window, experience inputs and north-star
    // targets, with enough signal (and noise) for a meaningful health backtest.
    name: 'health',
    generate: (plan, random) => ({ health: generateDemoHealth({ today: plan.today, accounts: plan.accounts, usage: plan.usage }, random) }),
    countRows: (plan) => countDemoHealthRows(plan.health),
    write: writeDemoHealth,
  },
];
