import { addDays, atTime, daysBetween } from './demo-dates';
import type { DemoAccount, DemoContact } from './demo-plan';
import type { Random } from './demo-random';
import {
  CHINESE_GIVEN_NAMES,
  CHINESE_SURNAMES,
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  TITLES,
  type ContactRole,
} from './demo-vocabulary';

const CONTACT_COUNT: Record<DemoAccount['tier'], readonly [number, number]> = { S: [4, 6], A: [3, 5], B: [3, 5], C: [2, 4] };
const KEY_ROLES: ReadonlySet<ContactRole> = new Set(['decision_maker', 'executive_sponsor', 'champion']);
const STRENGTH: Record<ContactRole, readonly [number, number]> = {
  champion: [3, 5],
  decision_maker: [2, 5],
  executive_sponsor: [1, 4],
  admin: [2, 4],
  end_user: [1, 3],
};
/** Longest usual gap, in days, since a CSM last spoke to a key person, by tier (high touch → short). */
const TOUCH_GAP: Record<DemoAccount['tier'], number> = { S: 30, A: 45, B: 90, C: 120 };

/**
 * 2–6 people per account. Most accounts have a decision maker; the account's traits decide
 * whether it has a champion and whether a key person has left, so tags like at-risk agree.
 */
export function generateDemoContacts(input: { today: string; accounts: readonly DemoAccount[] }, random: Random): DemoContact[] {
  return input.accounts.flatMap((account) => contactsFor(account, input.today, random));
}

function contactsFor(account: DemoAccount, today: string, random: Random): DemoContact[] {
  const [min, max] = CONTACT_COUNT[account.tier];
  const count = random.int(min, max);
  const roles = rolesFor(account, count, random);
  // Activity stops when the customer leaves.
  const end = account.churnDate ?? today;
  const departedIndex = account.traits.keyPersonLeft ? roles.findIndex((r) => r === 'champion' || r === 'decision_maker') : -1;
  const emails = new Set<string>();

  return roles.map((role, index): DemoContact => {
    const person = personName(account.traits.isChinese, random);
    let email = `${person.local}@${account.domain}`;
    for (let n = 2; emails.has(email); n++) email = `${person.local}${n}@${account.domain}`;
    emails.add(email);

    let leftAt: string | null = null;
    if (index === departedIndex) leftAt = clampDate(addDays(end, -random.int(7, 180)), account.contractStart, end);
    else if (random.chance(0.03)) leftAt = clampDate(addDays(end, -random.int(30, 720)), account.contractStart, end);

    const isKeyPerson = KEY_ROLES.has(role) || (role === 'admin' && random.chance(0.2));
    const [low, high] = STRENGTH[role];
    return {
      key: `${account.key}-c${index + 1}`,
      accountKey: account.key,
      name: person.name,
      email,
      phone: random.chance(0.6) ? phoneFor(account.region, random) : null,
      title: random.pick(TITLES[role][account.traits.isChinese ? 'zh' : 'en']),
      role,
      isKeyPerson,
      relationshipStrength: leftAt ? low : random.int(low, high),
      lastContactedAt: lastContactFor({ account, isKeyPerson, end: leftAt ?? end }, random),
      leftAt,
    };
  });
}

function rolesFor(account: DemoAccount, count: number, random: Random): ContactRole[] {
  const roles: ContactRole[] = [];
  if (random.chance(0.92)) roles.push('decision_maker');
  if (account.traits.hasChampion) roles.push('champion');
  if ((account.tier === 'S' || account.tier === 'A') && random.chance(0.6)) roles.push('executive_sponsor');
  if (random.chance(0.6)) roles.push('admin');
  while (roles.length < count) roles.push('end_user');
  // Decision maker and champion come first, and count is at least 2, so neither is cut.
  return roles.slice(0, count);
}

function lastContactFor(input: { account: DemoAccount; isKeyPerson: boolean; end: string }, random: Random): string | null {
  const { account, isKeyPerson, end } = input;
  if (!isKeyPerson && random.chance(0.4)) return null;
  const gap = TOUCH_GAP[account.tier] * (account.tags.includes('at-risk') ? 2 : 1) * (isKeyPerson ? 1 : 2);
  const date = clampDate(addDays(end, -random.int(0, gap)), account.contractStart, end);
  // Working hours in Asia and Europe fall between 01:00 and 17:00 UTC.
  return atTime(date, random.int(1, 16), random.int(0, 59));
}

function personName(isChinese: boolean, random: Random): { name: string; local: string } {
  if (isChinese) {
    const surname = random.pick(CHINESE_SURNAMES);
    const given = random.pick(CHINESE_GIVEN_NAMES);
    return { name: `${surname.zh}${given.zh}`, local: `${given.py}.${surname.py}` };
  }
  const first = random.pick(ENGLISH_FIRST_NAMES);
  const last = random.pick(ENGLISH_LAST_NAMES);
  return { name: `${first} ${last}`, local: toAscii(`${first}.${last}`) };
}

/** Phone numbers from ranges reserved for fiction or examples where a country has them. */
function phoneFor(region: DemoAccount['region'], random: Random): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  switch (region) {
    case 'China':
      return `+86 1${random.int(30, 89)} ${digits(4)} ${digits(4)}`;
    case 'NA':
      return `+1 ${random.int(201, 989)} 555 01${digits(2)}`;
    case 'EMEA':
      return `+44 20 7946 0${digits(3)}`;
    case 'APAC':
      return `+65 6${digits(3)} ${digits(4)}`;
    case 'LATAM':
      return `+55 11 9${digits(4)} ${digits(4)}`;
  }
}

function toAscii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function clampDate(date: string, min: string, max: string): string {
  if (daysBetween(min, date) < 0) return min;
  if (daysBetween(date, max) < 0) return max;
  return date;
}
