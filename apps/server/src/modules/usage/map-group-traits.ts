/** Account columns a Segment `group` call may fill, from its traits. */
export type GroupAccountFields = {
  name: string | null;
  plan: string | null;
  licensedSeats: number | null;
  employees: number | null;
  industry: string | null;
  domain: string | null;
};

function text(value: unknown, max = 200): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

function count(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  // Seats and head counts are whole numbers that fit PostgreSQL's integer.
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 2_147_483_647 ? n : null;
}

function hostOf(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  try {
    return new URL(raw.includes('://') ? raw : `https://${raw}`).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * Maps Segment's reserved group traits (and the common spellings libraries send) onto account
 * fields: name, plan, seats (`seats`, `licensedSeats`, `licensed_seats`), employees
 * (`employees`, `employee_count`), industry, domain (`domain` or the host of `website`).
 */
export function mapGroupTraits(traits: Record<string, unknown> | null): GroupAccountFields {
  const t = traits ?? {};
  return {
    name: text(t.name),
    plan: text(t.plan),
    licensedSeats: count(t.seats ?? t.licensedSeats ?? t.licensed_seats),
    employees: count(t.employees ?? t.employee_count ?? t.employeeCount),
    industry: text(t.industry),
    domain: hostOf(t.domain) ?? hostOf(t.website),
  };
}
