import { DEMO_EMAIL_DOMAIN, type DemoPerson } from './demo-plan';

// A fixed roster rather than a random one: people remember "log in as Chen Jing", and the login
// instructions stay the same whatever the seed.
const ROSTER: readonly (Omit<DemoPerson, 'email'> & { local: string })[] = [
  { key: 'admin', local: 'admin', name: 'Demo Admin', role: 'admin', seniority: null },
  { key: 'manager', local: 'grace.liu', name: 'Grace Liu 刘佳', role: 'manager', seniority: null },
  { key: 'csm-1', local: 'chen.jing', name: 'Chen Jing 陈静', role: 'csm', seniority: 'senior' },
  { key: 'csm-2', local: 'maya.patel', name: 'Maya Patel', role: 'csm', seniority: 'senior' },
  { key: 'csm-3', local: 'daniel.okafor', name: 'Daniel Okafor', role: 'csm', seniority: 'mid' },
  { key: 'csm-4', local: 'wang.lei', name: 'Wang Lei 王磊', role: 'csm', seniority: 'mid' },
  { key: 'csm-5', local: 'sofia.martins', name: 'Sofia Martins', role: 'csm', seniority: 'junior' },
  { key: 'csm-6', local: 'zhou.min', name: 'Zhou Min 周敏', role: 'csm', seniority: 'junior' },
];

/** The demo's admin, CS manager and six CSMs. */
export function generateDemoPeople(): DemoPerson[] {
  return ROSTER.map(({ local, ...person }) => ({ ...person, email: `${local}@${DEMO_EMAIL_DOMAIN}` }));
}
