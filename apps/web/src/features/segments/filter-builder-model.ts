import type { FilterFieldInfo } from '@northstar/contracts';
import type { AccountListState } from '../accounts/account-query';

/** A condition as the builder edits it: the value stays the text typed until it is sent. */
export type DraftCondition = { kind: 'condition'; field: string; operator: string; value: string };
export type DraftGroup = { kind: 'group'; op: 'and' | 'or'; items: DraftNode[] };
export type DraftNode = DraftCondition | DraftGroup;

/** The API's expression shape (validated by the server). */
export type FilterJson = { op: 'and' | 'or'; conditions: (FilterJson | { field: string; operator: string; value?: unknown })[] };

const LIST_OPERATORS = new Set(['in', 'nin', 'hasAny', 'hasAll']);
const NO_VALUE = new Set(['isEmpty', 'isNotEmpty']);
const DAY_OPERATORS = new Set(['withinNextDays', 'withinLastDays']);

export const emptyGroup = (op: 'and' | 'or' = 'and'): DraftGroup => ({ kind: 'group', op, items: [] });

export function newCondition(field: FilterFieldInfo): DraftCondition {
  return { kind: 'condition', field: field.name, operator: field.operators[0] ?? 'eq', value: '' };
}

export function operatorTakesValue(operator: string): boolean {
  return !NO_VALUE.has(operator);
}

function parseScalar(text: string, type: string | undefined): unknown {
  const trimmed = text.trim();
  if (type === 'number') return trimmed === '' ? trimmed : Number(trimmed);
  if (type === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
  return trimmed;
}

/** The draft as the API's expression: lists split on commas, numbers parsed, no-value operators bare. */
export function toFilterJson(group: DraftGroup, fields: ReadonlyMap<string, FilterFieldInfo>): FilterJson {
  return {
    op: group.op,
    conditions: group.items.map((item) => {
      if (item.kind === 'group') return toFilterJson(item, fields);
      const type = fields.get(item.field)?.type;
      if (!operatorTakesValue(item.operator)) return { field: item.field, operator: item.operator };
      if (DAY_OPERATORS.has(item.operator)) return { field: item.field, operator: item.operator, value: Number(item.value.trim()) };
      if (LIST_OPERATORS.has(item.operator) || item.operator === 'between') {
        const parts = item.value
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p !== '');
        return { field: item.field, operator: item.operator, value: parts.map((p) => parseScalar(p, type)) };
      }
      return { field: item.field, operator: item.operator, value: parseScalar(item.value, type) };
    }),
  };
}

/** An expression back into a draft, for editing a saved segment. */
export function fromFilterJson(json: FilterJson): DraftGroup {
  return {
    kind: 'group',
    op: json.op,
    items: json.conditions.map((node): DraftNode => {
      if ('op' in node) return fromFilterJson(node);
      const value = node.value;
      const text = Array.isArray(value) ? value.join(', ') : value === undefined || value === null ? '' : String(value);
      return { kind: 'condition', field: node.field, operator: node.operator, value: text };
    }),
  };
}

/** The accounts list's filters as an expression, so the list can be saved as a segment. */
export function listStateToFilterJson(
  state: Pick<AccountListState, 'q' | 'tier' | 'stage' | 'status' | 'ownerId' | 'renewalFrom' | 'renewalTo'> &
    Partial<Pick<AccountListState, 'healthBand'>>,
): FilterJson {
  const conditions: FilterJson['conditions'] = [];
  const q = state.q.trim();
  // The list's search matches name or domain, which is an OR group here.
  if (q)
    conditions.push({
      op: 'or',
      conditions: [
        { field: 'name', operator: 'contains', value: q },
        { field: 'domain', operator: 'contains', value: q },
      ],
    });
  if (state.tier.length) conditions.push({ field: 'tier', operator: 'in', value: [...state.tier] });
  if (state.stage.length) conditions.push({ field: 'lifecycleStage', operator: 'in', value: [...state.stage] });
  if (state.status.length) conditions.push({ field: 'status', operator: 'in', value: [...state.status] });
  if (state.ownerId.length) conditions.push({ field: 'ownerId', operator: 'in', value: [...state.ownerId] });
  if (state.renewalFrom) conditions.push({ field: 'renewalDate', operator: 'gte', value: state.renewalFrom });
  if (state.renewalTo) conditions.push({ field: 'renewalDate', operator: 'lte', value: state.renewalTo });
  if (state.healthBand?.length) conditions.push({ field: 'metric.healthBand', operator: 'in', value: [...state.healthBand] });
  return { op: 'and', conditions };
}

/** Replaces the node at `path` (indexes from the root group) with the result of `change`. */
export function updateAt(group: DraftGroup, path: readonly number[], change: (node: DraftNode) => DraftNode | null): DraftGroup {
  const [head, ...rest] = path;
  if (head === undefined) return change(group) as DraftGroup;
  const items = group.items.flatMap((item, index) => {
    if (index !== head) return [item];
    if (rest.length === 0) {
      const next = change(item);
      return next ? [next] : [];
    }
    return item.kind === 'group' ? [updateAt(item, rest, change)] : [item];
  });
  return { ...group, items };
}
