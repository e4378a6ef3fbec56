import { LIFECYCLE_STAGES, TIERS, ACCOUNT_STATUSES } from '@northstar/contracts';

/** Every comparison a filter can make; which ones a field allows depends on its type. */
export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'contains',
  'startsWith',
  'isEmpty',
  'isNotEmpty',
  'hasAny',
  'hasAll',
  'withinNextDays',
  'withinLastDays',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export type FilterScalar = string | number | boolean;
/** A list for in/nin/hasAny/hasAll, a [low, high] pair for between, absent for isEmpty/isNotEmpty. */
export type FilterValue = FilterScalar | FilterScalar[] | null;

/** One comparison: `arr gte 100000`, `custom.support_plan eq "premium"`, `metric.health lt 40`. */
export type FilterCondition = { field: string; operator: FilterOperator; value?: FilterValue };
/** AND/OR over conditions and nested groups; the root of every saved segment and list filter. */
export type FilterGroup = { op: 'and' | 'or'; conditions: FilterNode[] };
export type FilterNode = FilterCondition | FilterGroup;

/**
 * How a field compares: text ignores case, enum and id match exactly, date is 'YYYY-MM-DD',
 * tags is a case-insensitive set.
 */
export type FilterFieldType = 'text' | 'number' | 'date' | 'boolean' | 'enum' | 'id' | 'tags';

/** A filterable field as the field picker, the validator and both engines see it. */
export type FilterField = {
  name: string;
  type: FilterFieldType;
  source: 'column' | 'custom' | 'metric';
  operators: readonly FilterOperator[];
  /** The allowed values of an enum field. */
  options?: readonly string[];
};

/** Which operators make sense for each field type. */
export const OPERATORS_BY_TYPE: Record<FilterFieldType, readonly FilterOperator[]> = {
  text: ['eq', 'neq', 'in', 'nin', 'contains', 'startsWith', 'isEmpty', 'isNotEmpty'],
  number: ['eq', 'neq', 'in', 'nin', 'gt', 'gte', 'lt', 'lte', 'between', 'isEmpty', 'isNotEmpty'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'withinNextDays', 'withinLastDays', 'isEmpty', 'isNotEmpty'],
  boolean: ['eq', 'neq', 'isEmpty', 'isNotEmpty'],
  enum: ['eq', 'neq', 'in', 'nin', 'isEmpty', 'isNotEmpty'],
  id: ['eq', 'neq', 'in', 'nin', 'isEmpty', 'isNotEmpty'],
  tags: ['hasAny', 'hasAll', 'isEmpty', 'isNotEmpty'],
};

/** Account columns a filter may name, with their comparison type. */
export const ACCOUNT_FILTER_COLUMNS = {
  name: { type: 'text' },
  domain: { type: 'text' },
  industry: { type: 'text' },
  region: { type: 'text' },
  plan: { type: 'text' },
  arr: { type: 'number' },
  employees: { type: 'number' },
  licensedSeats: { type: 'number' },
  currency: { type: 'text' },
  renewalDate: { type: 'date' },
  contractStart: { type: 'date' },
  ownerId: { type: 'id' },
  tier: { type: 'enum', options: TIERS },
  lifecycleStage: { type: 'enum', options: LIFECYCLE_STAGES },
  status: { type: 'enum', options: ACCOUNT_STATUSES },
  tags: { type: 'tags' },
} as const satisfies Record<string, { type: FilterFieldType; options?: readonly string[] }>;
export type AccountFilterColumn = keyof typeof ACCOUNT_FILTER_COLUMNS;

/** Computed measures, named `metric.<name>`; their values come from health and usage data. */
export const METRIC_FILTER_FIELDS = {
  daysToRenewal: { type: 'number' },
  health: { type: 'number' },
  // DOMAIN §2: red < 40 ≤ yellow < 70 ≤ green.
  healthBand: { type: 'enum', options: ['red', 'yellow', 'green'] },
  activeUsers30d: { type: 'number' },
  /** Active users over 30 days / licensed seats, in percent (0–100, more when seats are overused). */
  seatUtilisation: { type: 'number' },
  /** Events over the last 30 days. */
  events30d: { type: 'number' },
  /** Days since the account's last active day; empty when never seen. */
  lastSeenDays: { type: 'number' },
} as const satisfies Record<string, { type: FilterFieldType; options?: readonly string[] }>;
export type MetricName = keyof typeof METRIC_FILTER_FIELDS;

/** The part of a workspace's custom field definition that types a `custom.<key>` field. */
export type CustomFieldTyping = { key: string; type: 'text' | 'number' | 'date' | 'boolean' | 'select'; options: readonly string[] };

/** Sizes beyond which an expression is refused: it would be unreadable and slow to run. */
export const FILTER_LIMITS = { maxDepth: 5, maxNodes: 100, maxListValues: 200, maxTextLength: 500, maxDays: 3650 } as const;

/** All fields a workspace can filter on: columns, its account custom fields, and metrics. */
export function buildFilterFieldCatalogue(customFields: readonly CustomFieldTyping[]): Map<string, FilterField> {
  const catalogue = new Map<string, FilterField>();
  const add = (name: string, source: FilterField['source'], type: FilterFieldType, options?: readonly string[]) =>
    catalogue.set(name, { name, source, type, operators: OPERATORS_BY_TYPE[type], ...(options ? { options } : {}) });
  for (const [name, spec] of Object.entries(ACCOUNT_FILTER_COLUMNS))
    add(name, 'column', spec.type, 'options' in spec ? spec.options : undefined);
  for (const field of customFields) {
    if (field.type === 'select') add(`custom.${field.key}`, 'custom', 'enum', field.options);
    else add(`custom.${field.key}`, 'custom', field.type);
  }
  for (const [name, spec] of Object.entries(METRIC_FILTER_FIELDS))
    add(`metric.${name}`, 'metric', spec.type, 'options' in spec ? spec.options : undefined);
  return catalogue;
}

/** Groups have `op`; conditions have `field`. */
export function isFilterGroup(node: FilterNode): node is FilterGroup {
  return 'op' in node;
}

/** An expression that matches every account: the account list with no filter. */
export const MATCH_ALL: FilterGroup = { op: 'and', conditions: [] };
