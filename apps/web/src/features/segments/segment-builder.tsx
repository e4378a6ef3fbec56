import { useTranslation } from 'react-i18next';
import type { FilterFieldInfo } from '@northstar/contracts';
import { Button } from '../../ui/button';
import { Input } from '../../ui/field';
import { Select } from '../../ui/select';
import {
  emptyGroup,
  newCondition,
  operatorTakesValue,
  updateAt,
  type DraftCondition,
  type DraftGroup,
  type DraftNode,
} from './filter-builder-model';

type Props = { group: DraftGroup; fields: FilterFieldInfo[]; onChange: (group: DraftGroup) => void };

/** AND/OR groups of conditions, nested; every field from the workspace's catalogue. */
export function SegmentBuilder({ group, fields, onChange }: Props) {
  return <GroupEditor group={group} path={[]} root={group} fields={fields} onChange={onChange} depth={0} />;
}

function GroupEditor({
  group,
  path,
  root,
  fields,
  onChange,
  depth,
}: { group: DraftGroup; path: number[]; root: DraftGroup; depth: number } & Omit<Props, 'group'>) {
  const { t } = useTranslation();
  const change = (at: number[], fn: (node: DraftNode) => DraftNode | null) => onChange(updateAt(root, at, fn));
  const first = fields[0];
  return (
    <div
      className={depth > 0 ? 'rounded-md border border-dashed border-zinc-300 p-2' : ''}
      data-testid={`group-${path.join('-') || 'root'}`}
    >
      <div className="mb-2 grid grid-cols-[12rem_auto] items-center justify-start gap-2 text-xs">
        <Select
          aria-label={t('segments.match')}
          value={group.op}
          options={[
            { value: 'and', label: t('segments.all') },
            { value: 'or', label: t('segments.any') },
          ]}
          onChange={(e) => change(path, (node) => ({ ...(node as DraftGroup), op: e.target.value as 'and' | 'or' }))}
        />
        {depth > 0 && (
          <Button size="sm" variant="ghost" onClick={() => change(path, () => null)}>
            {t('segments.removeGroup')}
          </Button>
        )}
      </div>
      <div className="flex flex-col gap-2">
        {group.items.map((item, index) =>
          item.kind === 'group' ? (
            <GroupEditor
              key={index}
              group={item}
              path={[...path, index]}
              root={root}
              fields={fields}
              onChange={onChange}
              depth={depth + 1}
            />
          ) : (
            <ConditionEditor key={index} condition={item} fields={fields} onChange={(fn) => change([...path, index], fn)} />
          ),
        )}
      </div>
      <div className="mt-2 flex gap-2">
        <Button
          size="sm"
          disabled={!first}
          onClick={() =>
            first && change(path, (node) => ({ ...(node as DraftGroup), items: [...(node as DraftGroup).items, newCondition(first)] }))
          }
        >
          {t('segments.addCondition')}
        </Button>
        {depth < 3 && (
          <Button
            size="sm"
            onClick={() =>
              change(path, (node) => ({
                ...(node as DraftGroup),
                items: [...(node as DraftGroup).items, emptyGroup(group.op === 'and' ? 'or' : 'and')],
              }))
            }
          >
            {t('segments.addGroup')}
          </Button>
        )}
      </div>
    </div>
  );
}

function ConditionEditor({
  condition,
  fields,
  onChange,
}: {
  condition: DraftCondition;
  fields: FilterFieldInfo[];
  onChange: (fn: (node: DraftNode) => DraftNode | null) => void;
}) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.name === condition.field);
  const set = (patch: Partial<DraftCondition>) => onChange((node) => ({ ...(node as DraftCondition), ...patch }));
  const fieldLabel = (f: FilterFieldInfo) => {
    const key = f.name.startsWith('metric.') ? `segments.metrics.${f.name.slice('metric.'.length)}` : `accounts.fields.${f.name}`;
    const known = t(key, { defaultValue: '' });
    return known || f.name;
  };
  const singleChoice = field?.options && ['eq', 'neq'].includes(condition.operator);
  return (
    <div className="grid grid-cols-[11rem_10rem_14rem_auto] items-center justify-start gap-2" data-testid="condition">
      <Select
        aria-label={t('segments.field')}
        value={condition.field}
        options={fields.map((f) => ({ value: f.name, label: fieldLabel(f) }))}
        onChange={(e) => {
          const next = fields.find((f) => f.name === e.target.value);
          if (next) set({ field: next.name, operator: next.operators[0] ?? 'eq', value: '' });
        }}
      />
      <Select
        aria-label={t('segments.operator')}
        value={condition.operator}
        options={(field?.operators ?? []).map((op) => ({ value: op, label: t(`segments.operators.${op}`) }))}
        onChange={(e) => set({ operator: e.target.value })}
      />
      {operatorTakesValue(condition.operator) &&
        (singleChoice ? (
          <Select
            aria-label={t('segments.value')}
            value={condition.value}
            placeholder=""
            options={(field?.options ?? []).map((o) => ({ value: o, label: o }))}
            onChange={(e) => set({ value: e.target.value })}
          />
        ) : (
          <Input
            aria-label={t('segments.value')}
            type={
              field?.type === 'date' && !['in', 'nin', 'between', 'withinNextDays', 'withinLastDays'].includes(condition.operator)
                ? 'date'
                : 'text'
            }
            placeholder={['in', 'nin', 'hasAny', 'hasAll', 'between'].includes(condition.operator) ? t('segments.listHint') : ''}
            value={condition.value}
            onChange={(e) => set({ value: e.target.value })}
          />
        ))}
      <Button size="sm" variant="ghost" aria-label={t('segments.removeCondition')} onClick={() => onChange(() => null)}>
        ✕
      </Button>
    </div>
  );
}
