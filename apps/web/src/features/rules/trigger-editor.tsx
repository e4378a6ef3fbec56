import { useTranslation } from 'react-i18next';
import {
  HEALTH_BANDS,
  LIFECYCLE_STAGES,
  TIERS,
  type FilterFieldInfo,
  type LifecycleStage,
  type RuleTrigger,
  type RuleTriggerType,
  type Segment,
} from '@northstar/contracts';
import { Field, Input } from '../../ui/field';
import { Select } from '../../ui/select';
import { defaultTrigger, RULE_TRIGGER_KINDS, RULE_TRIGGER_TYPES } from './rule-draft-model';

const clampInt = (text: string, min: number, max: number) => Math.max(min, Math.min(max, Math.trunc(Number(text) || 0)));

/** The trigger picker and, beside it, the parameters that trigger type takes. */
export function TriggerEditor({
  trigger,
  segments,
  fields,
  onChange,
}: {
  trigger: RuleTrigger;
  segments: Segment[];
  fields: FilterFieldInfo[];
  onChange: (trigger: RuleTrigger) => void;
}) {
  const { t } = useTranslation();
  const number = (label: string, id: string, value: number, min: number, max: number, apply: (n: number) => RuleTrigger) => (
    <Field label={label} htmlFor={id}>
      <Input
        id={id}
        type="number"
        min={min}
        max={max}
        value={String(value)}
        onChange={(e) => onChange(apply(clampInt(e.target.value, min, max)))}
      />
    </Field>
  );
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="trigger-editor">
      <Field label={t('rules.fields.trigger')} htmlFor="rule-trigger" hint={t(`rules.triggerKinds.${RULE_TRIGGER_KINDS[trigger.type]}`)}>
        <Select
          id="rule-trigger"
          value={trigger.type}
          options={RULE_TRIGGER_TYPES.map((type) => ({ value: type, label: t(`rules.triggers.${type}`) }))}
          onChange={(e) => onChange(defaultTrigger(e.target.value as RuleTriggerType))}
        />
      </Field>
      {(trigger.type === 'segment_entered' || trigger.type === 'segment_left') && (
        <Field label={t('rules.params.segment')} htmlFor="trigger-segment">
          <Select
            id="trigger-segment"
            value={trigger.segmentId}
            placeholder={t('rules.params.chooseSegment')}
            options={segments.map((s) => ({ value: s.id, label: s.name }))}
            onChange={(e) => onChange({ ...trigger, segmentId: e.target.value })}
          />
        </Field>
      )}
      {trigger.type === 'stage_entered' && (
        <Field label={t('rules.params.stage')} htmlFor="trigger-stage">
          <Select
            id="trigger-stage"
            value={trigger.stage}
            options={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
            onChange={(e) => onChange({ ...trigger, stage: e.target.value as LifecycleStage })}
          />
        </Field>
      )}
      {(trigger.type === 'health_band_changed' || trigger.type === 'tier_changed') && (
        <fieldset className="col-span-2 flex flex-col gap-1">
          <legend className="mb-1 text-xs font-medium text-zinc-600">{t('rules.params.to')}</legend>
          <div className="flex flex-wrap gap-3">
            {(trigger.type === 'health_band_changed' ? HEALTH_BANDS : TIERS).map((value) => {
              const selected: string[] = trigger.to ?? [];
              return (
                <label key={value} className="flex items-center gap-1.5 text-xs">
                  <input
                    type="checkbox"
                    checked={selected.includes(value)}
                    onChange={() => {
                      const next = selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value];
                      onChange({ ...trigger, to: next } as RuleTrigger);
                    }}
                  />
                  {trigger.type === 'health_band_changed' ? t(`rules.bands.${value}`) : t(`tiers.${value}`)}
                </label>
              );
            })}
          </div>
          <p className="text-xs text-zinc-500">{t('rules.params.toHint')}</p>
        </fieldset>
      )}
      {trigger.type === 'health_score_dropped' && (
        <>
          {number(t('rules.params.points'), 'trigger-points', trigger.points, 1, 100, (points) => ({ ...trigger, points }))}
          {number(t('rules.params.withinDays'), 'trigger-within', trigger.withinDays, 1, 365, (withinDays) => ({ ...trigger, withinDays }))}
        </>
      )}
      {trigger.type === 'renewal_in_days' &&
        number(t('rules.params.days'), 'trigger-days', trigger.days, 0, 730, (days) => ({ ...trigger, days }))}
      {trigger.type === 'no_key_contact_touch' &&
        number(t('rules.params.days'), 'trigger-days', trigger.days, 1, 730, (days) => ({ ...trigger, days }))}
      {trigger.type === 'usage_dropped' && (
        <>
          {number(t('rules.params.percent'), 'trigger-percent', trigger.percent, 1, 100, (percent) => ({ ...trigger, percent }))}
          <Field label={t('rules.params.metric')} htmlFor="trigger-metric">
            <Select
              id="trigger-metric"
              value={trigger.metric ?? 'active_users'}
              options={(['active_users', 'events'] as const).map((m) => ({ value: m, label: t(`rules.metrics.${m}`) }))}
              onChange={(e) => onChange({ ...trigger, metric: e.target.value as 'active_users' | 'events' })}
            />
          </Field>
        </>
      )}
      {trigger.type === 'field_changed' && (
        <>
          <Field label={t('rules.params.field')} htmlFor="trigger-field" hint={t('rules.params.fieldHint')}>
            <Input
              id="trigger-field"
              list="trigger-fields"
              value={trigger.field}
              onChange={(e) => onChange({ ...trigger, field: e.target.value.trim() })}
            />
            <datalist id="trigger-fields">
              {fields
                .filter((f) => f.source !== 'metric')
                .map((f) => (
                  <option key={f.name} value={f.name} />
                ))}
            </datalist>
          </Field>
          <Field label={t('rules.params.toValue')} htmlFor="trigger-to" hint={t('rules.params.toValueHint')}>
            <Input
              id="trigger-to"
              value={trigger.to === undefined || trigger.to === null ? '' : String(trigger.to)}
              onChange={(e) => onChange({ ...trigger, to: e.target.value })}
            />
          </Field>
        </>
      )}
      {trigger.type === 'schedule' && (
        <>
          <Field label={t('rules.params.cron')} htmlFor="trigger-cron" hint={t('rules.params.cronHint')}>
            <Input
              id="trigger-cron"
              className="font-mono"
              value={trigger.cron}
              onChange={(e) => onChange({ ...trigger, cron: e.target.value })}
            />
          </Field>
          <Field label={t('rules.params.timezone')} htmlFor="trigger-tz" hint={t('rules.params.timezoneHint')}>
            <Input
              id="trigger-tz"
              placeholder="Asia/Shanghai"
              value={trigger.timezone ?? ''}
              onChange={(e) => onChange({ ...trigger, timezone: e.target.value })}
            />
          </Field>
        </>
      )}
    </div>
  );
}
