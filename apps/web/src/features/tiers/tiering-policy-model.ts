import type { TieringPolicyBody } from '@northstar/contracts';

/** The policy form as typed: percentages and counts as text, each optional C rule with its switch. */
export type PolicyDraft = {
  arrShare: string;
  maxAccountShare: string;
  minAccountShare: string;
  cPercentileOn: boolean;
  cPercentile: string;
  cEmployeesOn: boolean;
  cEmployees: string;
  usageThreshold: string;
  healthThreshold: string;
};

// Shares are stored 0–1 and shown as percentages; rounding hides float noise (0.6 * 100).
const toPercent = (share: number) => String(Math.round(share * 1000) / 10);
const fromPercent = (text: string) => (text.trim() === '' ? Number.NaN : Number(text) / 100);
const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function toPolicyDraft(policy: TieringPolicyBody): PolicyDraft {
  return {
    arrShare: toPercent(policy.s.arrShare),
    maxAccountShare: toPercent(policy.s.maxAccountShare),
    minAccountShare: toPercent(policy.s.minAccountShare),
    cPercentileOn: policy.c.arrPercentile !== null,
    cPercentile: policy.c.arrPercentile === null ? '40' : toPercent(policy.c.arrPercentile),
    cEmployeesOn: policy.c.minEmployees !== null,
    cEmployees: policy.c.minEmployees === null ? '50' : String(policy.c.minEmployees),
    usageThreshold: toPercent(policy.engagement.usageThreshold),
    healthThreshold: String(policy.engagement.healthThreshold),
  };
}

/**
 * The draft as the API's policy. Numbers that do not parse go through as NaN → null in JSON,
 * so the server's validation names the field rather than the form guessing.
 */
export function fromPolicyDraft(draft: PolicyDraft): TieringPolicyBody {
  const round = (share: number) => (Number.isFinite(share) ? Math.round(share * 10000) / 10000 : share);
  return {
    s: {
      arrShare: round(fromPercent(draft.arrShare)),
      maxAccountShare: round(fromPercent(draft.maxAccountShare)),
      minAccountShare: round(fromPercent(draft.minAccountShare)),
    },
    c: {
      arrPercentile: draft.cPercentileOn ? round(fromPercent(draft.cPercentile)) : null,
      minEmployees: draft.cEmployeesOn ? toNumber(draft.cEmployees) : null,
    },
    engagement: { usageThreshold: round(fromPercent(draft.usageThreshold)), healthThreshold: toNumber(draft.healthThreshold) },
  };
}

/** Maps the API's field paths (`/s/arrShare`, `s.arrShare`, `body.s.arrShare`) to the form's fields. */
export function policyFieldErrors(details: readonly { field?: string; problem: string }[]): Partial<Record<keyof PolicyDraft, string>> {
  const names: Record<string, keyof PolicyDraft> = {
    's.arrShare': 'arrShare',
    's.maxAccountShare': 'maxAccountShare',
    's.minAccountShare': 'minAccountShare',
    'c.arrPercentile': 'cPercentile',
    'c.minEmployees': 'cEmployees',
    'engagement.usageThreshold': 'usageThreshold',
    'engagement.healthThreshold': 'healthThreshold',
  };
  const out: Partial<Record<keyof PolicyDraft, string>> = {};
  for (const detail of details) {
    const path = (detail.field ?? '')
      .replace(/^body[./]?/, '')
      .replace(/^\//, '')
      .replaceAll('/', '.');
    const name = names[path];
    if (name && !out[name]) out[name] = detail.problem;
  }
  return out;
}
