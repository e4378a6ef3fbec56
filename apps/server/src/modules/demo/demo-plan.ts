import type { ChurnReason, ContactRole, Industry, Plan, Region } from './demo-vocabulary';
import type { DemoUsage } from './generate-demo-usage';
import type { DemoWork } from './generate-demo-work';
import type { DemoHealth } from './generate-demo-health';

/** The people who log in to the demo; `key` links accounts to their owner before ids exist. */
export type DemoPerson = {
  key: string;
  name: string;
  email: string;
  role: 'admin' | 'manager' | 'csm';
  /** Bigger accounts go to more senior CSMs. */
  seniority: 'senior' | 'mid' | 'junior' | null;
};

export type DemoAccount = {
  /** Also the account's external id, as a CRM would have it. */
  key: string;
  name: string;
  domain: string;
  industry: Industry;
  employees: number;
  region: Region;
  plan: Plan;
  /** Whole US dollars. */
  arr: number;
  currency: 'USD';
  contractStart: string;
  renewalDate: string | null;
  licensedSeats: number;
  ownerKey: string;
  tier: 'S' | 'A' | 'B' | 'C';
  lifecycleStage: 'handoff' | 'onboarding' | 'rollout' | 'stable' | 'renewal' | 'renewed' | 'churned';
  status: 'active' | 'churned';
  churnDate: string | null;
  churnReason: ChurnReason | null;
  tags: string[];
  /** Facts later steps must agree with; not stored as columns. */
  traits: { isChinese: boolean; hasChampion: boolean; keyPersonLeft: boolean };
};

export type DemoContact = {
  key: string;
  accountKey: string;
  name: string;
  email: string;
  phone: string | null;
  title: string;
  role: ContactRole;
  isKeyPerson: boolean;
  relationshipStrength: number;
  lastContactedAt: string | null;
  leftAt: string | null;
};

/**
 * Everything the demo will write, generated before any I/O. Later issues add their collections
 * here (usage events, touches, tasks) and a step that fills them.
 */
export type DemoPlan = {
  seed: number;
  /** The reference date every relative date is computed from. */
  today: string;
  people: DemoPerson[];
  accounts: DemoAccount[];
  contacts: DemoContact[];
  /** 90 days of product usage: users and events per day for each account. */
  usage: DemoUsage;
  /** Stage history, a year of touches, playbook runs and tasks (absent until the work step has run). */
  work?: DemoWork;
  /** Usage history before the raw window, experience inputs, north-star targets (absent until the health step has run). */
  health?: DemoHealth;
};

export type DemoOptions = { seed: number; today: string; accountCount?: number };

export const DEMO_EMAIL_DOMAIN = 'demo.northstar.dev';
