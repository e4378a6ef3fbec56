import type { TouchType } from '@northstar/contracts';
import { addDays, atTime, daysBetween } from './demo-dates';
import type { DemoAccount, DemoContact } from './demo-plan';
import type { Random } from './demo-random';
import type { DemoStay } from './generate-demo-stage-history';

/** How a CSM spreads effort over the lifecycle (DOMAIN §4); the demo shows one of each anti-pattern. */
export type CsmStyle = 'balanced' | 'top_heavy' | 'dumbbell';

/**
 * Chen Jing, Maya Patel, Daniel Okafor and Zhou Min keep in touch all year; Sofia Martins
 * (junior) pours effort into onboarding and then goes quiet (头重脚轻); Wang Lei comes back only
 * for the renewal (哑铃型). Sofia also executes SOPs poorly: the "people problem" beside the risk
 * play's "playbook problem".
 */
export const DEMO_CSM_STYLES: Readonly<Record<string, CsmStyle>> = {
  'csm-1': 'balanced',
  'csm-2': 'balanced',
  'csm-3': 'balanced',
  'csm-4': 'dumbbell',
  'csm-5': 'top_heavy',
  'csm-6': 'balanced',
};
export const DEMO_STRUGGLING_CSM = 'csm-5';

type WorkingStage = 'handoff' | 'onboarding' | 'rollout' | 'stable' | 'renewal' | 'renewed';

/** Touches per 30 days an account spends in the stage, before the tier's multiplier. */
const TOUCH_RATES: Record<CsmStyle, Record<WorkingStage, number>> = {
  balanced: { handoff: 6, onboarding: 3.5, rollout: 2.5, stable: 1.5, renewal: 2.5, renewed: 1.5 },
  top_heavy: { handoff: 6, onboarding: 5, rollout: 0.35, stable: 0.15, renewal: 0.5, renewed: 0.15 },
  dumbbell: { handoff: 5, onboarding: 4.5, rollout: 0.35, stable: 0.2, renewal: 3.5, renewed: 1 },
};
/** High-touch for key accounts, low-touch for the long tail (DOMAIN §3). */
const TIER_MULTIPLIER: Record<DemoAccount['tier'], number> = { S: 1.5, A: 1, B: 0.8, C: 0.6 };

const TYPE_WEIGHTS: Record<WorkingStage, readonly (readonly [TouchType, number])[]> = {
  handoff: [
    ['meeting', 4],
    ['call', 3],
    ['email', 3],
  ],
  onboarding: [
    ['training', 4],
    ['meeting', 3],
    ['call', 3],
    ['email', 2],
    ['note', 1],
  ],
  rollout: [
    ['training', 3],
    ['call', 3],
    ['email', 3],
    ['meeting', 2],
    ['note', 1],
  ],
  stable: [
    ['call', 4],
    ['email', 4],
    ['note', 2],
    ['business_review', 1],
  ],
  renewal: [
    ['meeting', 3],
    ['call', 3],
    ['business_review', 2],
    ['email', 2],
  ],
  renewed: [
    ['call', 2],
    ['email', 2],
    ['note', 1],
  ],
};

const TITLES: Record<TouchType, { en: readonly string[]; zh: readonly string[] }> = {
  note: { en: ['Internal note', 'Account update', 'Observation from the usage data'], zh: ['内部备注', '客户近况', '使用数据观察'] },
  call: {
    en: ['Check-in call', 'Call with the champion', 'Quick call about open questions'],
    zh: ['例行电话沟通', '与业务推动者通话', '电话答疑'],
  },
  meeting: {
    en: ['Kickoff meeting', 'Planning meeting', 'Renewal meeting', 'Working session'],
    zh: ['启动会', '规划会议', '续费沟通会', '工作坊'],
  },
  email: { en: ['Sent best practices', 'Follow-up email', 'Sent the monthly report'], zh: ['发送最佳实践', '跟进邮件', '发送月度报告'] },
  training: {
    en: ['Admin training', 'End-user training', 'Advanced features training'],
    zh: ['管理员培训', '最终用户培训', '高级功能培训'],
  },
  business_review: { en: ['Quarterly business review', 'Executive business review'], zh: ['季度业务回顾', '高层业务回顾'] },
};

export type DemoTouch = {
  key: string;
  accountKey: string;
  authorKey: string;
  type: TouchType;
  /** ISO timestamp. */
  occurredAt: string;
  stage: WorkingStage;
  title: string;
  body: string;
  contactKeys: string[];
};

/** How far back the demo's touches and tasks go. */
export const DEMO_WORK_DAYS = 365;

/**
 * A year of touches: for each stay in a working stage, touches arrive at random (a Poisson
 * process) at the owner's rate for that stage, scaled by tier. Calls and meetings involve one or
 * two people still at the company, key people first.
 */
export function generateDemoTouches(
  input: { today: string; accounts: readonly DemoAccount[]; contacts: readonly DemoContact[]; stays: readonly DemoStay[] },
  random: Random,
): DemoTouch[] {
  const start = addDays(input.today, -DEMO_WORK_DAYS);
  const accountByKey = new Map(input.accounts.map((a) => [a.key, a]));
  const contactsByAccount = new Map<string, DemoContact[]>();
  for (const c of input.contacts) contactsByAccount.set(c.accountKey, [...(contactsByAccount.get(c.accountKey) ?? []), c]);
  const touches: DemoTouch[] = [];
  for (const stay of input.stays) {
    if (!(stay.stage in TOUCH_RATES.balanced)) continue;
    const stage = stay.stage as WorkingStage;
    const account = accountByKey.get(stay.accountKey)!;
    const end = account.churnDate ?? input.today;
    const from = stay.enteredAt > start ? stay.enteredAt : start;
    const to = stay.leftAt && stay.leftAt < end ? stay.leftAt : end;
    const days = daysBetween(from, to);
    if (days <= 0) continue;
    const style = DEMO_CSM_STYLES[account.ownerKey] ?? 'balanced';
    const perDay = (TOUCH_RATES[style][stage] * TIER_MULTIPLIER[account.tier]) / 30;
    // Exponential gaps between touches: a Poisson process at `perDay`.
    for (let t = -Math.log(1 - random.next()) / perDay; t < days; t += -Math.log(1 - random.next()) / perDay) {
      const date = addDays(from, Math.floor(t));
      const type = random.weighted(TYPE_WEIGHTS[stage]);
      const language = account.traits.isChinese ? 'zh' : 'en';
      touches.push({
        key: `${account.key}-t${touches.length}`,
        accountKey: account.key,
        authorKey: account.ownerKey,
        type,
        occurredAt: atTime(date, random.int(1, 16), random.int(0, 59)),
        stage,
        title: random.pick(TITLES[type][language]),
        body: '',
        contactKeys: type === 'note' ? [] : pickContacts(contactsByAccount.get(account.key) ?? [], date, type, random),
      });
    }
  }
  return touches;
}

function pickContacts(contacts: readonly DemoContact[], date: string, type: TouchType, random: Random): string[] {
  const present = contacts.filter((c) => c.leftAt === null || c.leftAt > date);
  if (present.length === 0) return [];
  const key = present.filter((c) => c.isKeyPerson);
  const first = key.length > 0 && random.chance(0.7) ? random.pick(key) : random.pick(present);
  const many = (type === 'meeting' || type === 'training' || type === 'business_review') && present.length > 1 && random.chance(0.5);
  if (!many) return [first.key];
  const second = random.pick(present.filter((c) => c.key !== first.key));
  return [first.key, second.key];
}
