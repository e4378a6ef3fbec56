import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES, MEASURE_KINDS, TIERS, type MeasureKindName, type Segment } from '@northstar/contracts';
import { Button } from '../../ui/button';
import { cx } from '../../ui/cx';
import { Field, Input } from '../../ui/field';
import { Select } from '../../ui/select';
import {
  groupShares,
  measureShareInGroup,
  newMeasureDraft,
  switchTransformType,
  type MeasureDraft,
  type ScorecardDraft,
} from './scorecard-draft';
import { toLanguage } from './health-view-model';

type Props = {
  draft: ScorecardDraft;
  onChange: (draft: ScorecardDraft) => void;
  /** Keys of the saved version: those measures keep their key and kind (a new key is a new measure). */
  savedKeys: readonly string[];
  segments: readonly Segment[];
  readOnly: boolean;
  /** Problems by API path ("measures[2].transform.cuts"), from the editor or the server. */
  problems: Readonly<Record<string, string>>;
};

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** Checkbox chips for a multi-select (tiers, stages, segments). */
function ChipGroup<T extends string>({
  legend,
  values,
  selected,
  label,
  onChange,
  disabled,
}: {
  legend: string;
  values: readonly T[];
  selected: readonly T[];
  label: (value: T) => string;
  onChange: (next: T[]) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-xs font-medium text-zinc-600">{legend}</legend>
      <div className="flex flex-wrap gap-1">
        {values.map((value) => (
          <label
            key={value}
            className={cx(
              'inline-flex cursor-pointer items-center gap-1 rounded border px-2 py-0.5 text-xs',
              selected.includes(value) ? 'border-indigo-400 bg-indigo-50 text-indigo-800' : 'border-zinc-300 bg-white text-zinc-600',
            )}
          >
            <input
              type="checkbox"
              className="sr-only"
              checked={selected.includes(value)}
              disabled={disabled}
              onChange={() => onChange(toggle(selected, value))}
            />
            {label(value)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The scorecard editor's fields: name, CO/CX blend, where it applies, and each measure. */
export function ScorecardForm({ draft, onChange, savedKeys, segments, readOnly, problems }: Props) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const [newKind, setNewKind] = useState<MeasureKindName>('nps');
  const shares = groupShares(draft);
  const set = (change: Partial<ScorecardDraft>) => onChange({ ...draft, ...change });
  const setMeasure = (index: number, change: Partial<MeasureDraft> | ((m: MeasureDraft) => MeasureDraft)) =>
    set({ measures: draft.measures.map((m, i) => (i === index ? (typeof change === 'function' ? change(m) : { ...m, ...change }) : m)) });

  function addMeasure() {
    const measure = newMeasureDraft(
      newKind,
      draft.measures.map((m) => m.key),
      { en: t(`health.kinds.${newKind}`, { lng: 'en' }), zh: t(`health.kinds.${newKind}`, { lng: 'zh-CN' }) },
    );
    set({ measures: [...draft.measures, measure] });
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start gap-3">
        <Field label={t('health.editor.name')} htmlFor="scorecard-name" error={problems.name} className="w-64">
          <Input
            id="scorecard-name"

            value={draft.name}
            disabled={readOnly}
            onChange={(e) => set({ name: e.target.value })}
          />
        </Field>
        <Field
          label={t('health.editor.outcomeWeight')}
          htmlFor="scorecard-outcome"
          error={problems['groups.outcome.weight']}
          className="w-24"
        >
          <Input
            id="scorecard-outcome"

            inputMode="decimal"
            value={draft.outcomeWeight}
            disabled={readOnly}
            onChange={(e) => set({ outcomeWeight: e.target.value })}
          />
        </Field>
        <Field
          label={t('health.editor.experienceWeight')}
          htmlFor="scorecard-experience"
          error={problems['groups.experience.weight'] ?? problems.groups}
          className="w-24"
        >
          <Input
            id="scorecard-experience"

            inputMode="decimal"
            value={draft.experienceWeight}
            disabled={readOnly}
            onChange={(e) => set({ experienceWeight: e.target.value })}
          />
        </Field>
        <p className="self-center pt-4 text-xs text-zinc-600" data-testid="scorecard-blend">
          {shares ? t('health.editor.blend', { outcome: shares.outcome, experience: shares.experience }) : t('health.editor.blendInvalid')}
        </p>
      </div>

      <fieldset className="flex flex-col gap-2 rounded-md border border-zinc-200 p-3">
        <legend className="px-1 text-xs font-semibold text-zinc-700">{t('health.editor.applicability')}</legend>
        <p className="text-xs text-zinc-500">{t('health.editor.applicabilityHint')}</p>
        <div className="flex flex-wrap gap-4">
          <ChipGroup
            legend={t('accounts.fields.tier')}
            values={TIERS}
            selected={draft.tiers}
            label={(v) => v}
            onChange={(tiers) => set({ tiers })}
            disabled={readOnly}
          />
          <ChipGroup
            legend={t('accounts.fields.lifecycleStage')}
            values={LIFECYCLE_STAGES}
            selected={draft.stages}
            label={(v) => t(`stages.${v}`)}
            onChange={(stages) => set({ stages })}
            disabled={readOnly}
          />
          <Field
            label={t('health.editor.priority')}
            htmlFor="scorecard-priority"
            error={problems['applicability.priority']}
            hint={t('health.editor.priorityHint')}
            className="w-24"
          >
            <Input
              id="scorecard-priority"

              inputMode="decimal"
              value={draft.priority}
              disabled={readOnly}
              onChange={(e) => set({ priority: e.target.value })}
            />
          </Field>
        </div>
        {(segments.length > 0 || draft.segmentIds.length > 0) && (
          <ChipGroup
            legend={t('health.editor.segments')}
            values={[...new Set([...segments.map((s) => s.id), ...draft.segmentIds])]}
            selected={draft.segmentIds}
            label={(id) => segments.find((s) => s.id === id)?.name ?? id}
            onChange={(segmentIds) => set({ segmentIds })}
            disabled={readOnly}
          />
        )}
      </fieldset>

      <div className="flex flex-col gap-2">
        <h3 className="text-xs font-semibold text-zinc-700">{t('health.editor.measures')}</h3>
        {problems.measures && (
          <p className="text-xs text-red-700" role="alert">
            {problems.measures}
          </p>
        )}
        {draft.measures.map((m, index) => (
          <MeasureEditor
            key={index}
            measure={m}
            index={index}
            share={measureShareInGroup(draft.measures, index)}
            isSaved={savedKeys.includes(m.key)}
            readOnly={readOnly}
            problems={problems}
            lang={lang}
            onChange={(change) => setMeasure(index, change)}
            onRemove={() => set({ measures: draft.measures.filter((_, i) => i !== index) })}
          />
        ))}
        {!readOnly && (
          <div className="flex items-end gap-2">
            <Field label={t('health.editor.newMeasureKind')} htmlFor="scorecard-new-kind" className="w-56">
              <Select
                id="scorecard-new-kind"

                value={newKind}
                options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`health.kinds.${k}`) }))}
                onChange={(e) => setNewKind(e.target.value as MeasureKindName)}
              />
            </Field>
            <Button onClick={addMeasure}>{t('health.editor.addMeasure')}</Button>
          </div>
        )}
      </div>
    </div>
  );
}

function MeasureEditor({
  measure: m,
  index,
  share,
  isSaved,
  readOnly,
  problems,
  lang,
  onChange,
  onRemove,
}: {
  measure: MeasureDraft;
  index: number;
  share: number | null;
  isSaved: boolean;
  readOnly: boolean;
  problems: Readonly<Record<string, string>>;
  lang: 'en' | 'zh-CN';
  onChange: (change: Partial<MeasureDraft> | ((m: MeasureDraft) => MeasureDraft)) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = (field: string) => `measure-${index}-${field}`;
  const at = `measures[${index}]`;
  const err = (path: string) => problems[`${at}.${path}`];
  const title = (lang === 'zh-CN' ? m.labelZh : m.labelEn) || m.key;
  return (
    <fieldset className="rounded-md border border-zinc-200 p-3" data-testid={`measure-${m.key}`}>
      <legend className="px-1 text-xs font-semibold text-zinc-800">{title}</legend>
      <div className="flex flex-wrap items-start gap-2">
        <Field label={t('health.editor.key')} htmlFor={id('key')} error={err('key')} className="w-52">
          <Input
            id={id('key')}
            className="font-mono text-xs"
            value={m.key}
            disabled={readOnly || isSaved}
            onChange={(e) => onChange({ key: e.target.value })}
          />
        </Field>
        <Field label={t('health.editor.kind')} htmlFor={id('kind')} className="w-56">
          <Select
            id={id('kind')}

            value={m.kind}
            disabled={readOnly || isSaved}
            options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`health.kinds.${k}`) }))}
            onChange={(e) => onChange({ kind: e.target.value as MeasureKindName })}
          />
        </Field>
        <Field label={t('health.editor.labelEn')} htmlFor={id('label-en')} error={err('label.en')} className="w-52">
          <Input
            id={id('label-en')}

            value={m.labelEn}
            disabled={readOnly}
            onChange={(e) => onChange({ labelEn: e.target.value })}
          />
        </Field>
        <Field label={t('health.editor.labelZh')} htmlFor={id('label-zh')} error={err('label.zh-CN')} className="w-44">
          <Input
            id={id('label-zh')}

            value={m.labelZh}
            disabled={readOnly}
            onChange={(e) => onChange({ labelZh: e.target.value })}
          />
        </Field>
        {!readOnly && (
          <Button
            size="sm"
            variant="danger"
            className="ml-auto"
            onClick={onRemove}
            aria-label={t('health.editor.removeMeasure', { name: title })}
          >
            {t('health.editor.remove')}
          </Button>
        )}
      </div>
      <div className="mt-2 flex flex-wrap items-start gap-2">
        <Field label={t('health.group')} htmlFor={id('group')} className="w-44">
          <Select
            id={id('group')}

            value={m.group}
            disabled={readOnly}
            options={[
              { value: 'outcome', label: t('health.outcomeLong') },
              { value: 'experience', label: t('health.experienceLong') },
            ]}
            onChange={(e) => onChange({ group: e.target.value as MeasureDraft['group'] })}
          />
        </Field>
        <Field
          label={t('health.weight')}
          htmlFor={id('weight')}
          error={err('weight')}
          hint={share === null ? undefined : t('health.editor.shareOfGroup', { share })}
          className="w-28"
        >
          <Input
            id={id('weight')}

            inputMode="decimal"
            value={m.weight}
            disabled={readOnly}
            onChange={(e) => onChange({ weight: e.target.value })}
          />
        </Field>
        <Field label={t('health.editor.scoring')} htmlFor={id('transform')} className="w-36">
          <Select
            id={id('transform')}

            value={m.transformType}
            disabled={readOnly}
            options={[
              { value: 'linear', label: t('health.editor.linear') },
              { value: 'thresholds', label: t('health.editor.thresholds') },
            ]}
            onChange={(e) => onChange((current) => switchTransformType(current, e.target.value as MeasureDraft['transformType']))}
          />
        </Field>
        <Field label={t('health.editor.direction')} htmlFor={id('direction')} className="w-44">
          <Select
            id={id('direction')}

            value={m.direction}
            disabled={readOnly}
            options={[
              { value: 'higher_is_better', label: t('health.editor.higherIsBetter') },
              { value: 'lower_is_better', label: t('health.editor.lowerIsBetter') },
            ]}
            onChange={(e) => onChange({ direction: e.target.value as MeasureDraft['direction'] })}
          />
        </Field>
        {m.transformType === 'linear' ? (
          <>
            <Field label={t('health.editor.min')} htmlFor={id('min')} error={err('transform.min')} className="w-24">
              <Input
                id={id('min')}

                inputMode="decimal"
                value={m.min}
                disabled={readOnly}
                onChange={(e) => onChange({ min: e.target.value })}
              />
            </Field>
            <Field label={t('health.editor.max')} htmlFor={id('max')} error={err('transform.max')} className="w-24">
              <Input
                id={id('max')}

                inputMode="decimal"
                value={m.max}
                disabled={readOnly}
                onChange={(e) => onChange({ max: e.target.value })}
              />
            </Field>
          </>
        ) : (
          <>
            <Field
              label={t('health.editor.cuts')}
              htmlFor={id('cuts')}
              error={err('transform.cuts')}
              hint={t('health.editor.cutsHint')}
              className="w-40"
            >
              <Input
                id={id('cuts')}

                value={m.cuts}
                disabled={readOnly}
                onChange={(e) => onChange({ cuts: e.target.value })}
              />
            </Field>
            <Field
              label={t('health.editor.scores')}
              htmlFor={id('scores')}
              error={err('transform.scores')}
              hint={t('health.editor.scoresHint')}
              className="w-40"
            >
              <Input
                id={id('scores')}

                value={m.scores}
                disabled={readOnly}
                onChange={(e) => onChange({ scores: e.target.value })}
              />
            </Field>
          </>
        )}
      </div>
      {m.kind === 'north_star' && (
        <div className="mt-2 flex flex-wrap items-start gap-2">
          <Field label={t('health.editor.northStarEvent')} htmlFor={id('ns-event')} error={err('northStar.event')} className="w-48">
            <Input
              id={id('ns-event')}

              value={m.northStarEvent}
              disabled={readOnly}
              onChange={(e) => onChange({ northStarEvent: e.target.value })}
            />
          </Field>
          <Field label={t('health.editor.northStarAggregate')} htmlFor={id('ns-aggregate')} className="w-32">
            <Select
              id={id('ns-aggregate')}

              value={m.northStarAggregate}
              disabled={readOnly}
              options={[
                { value: 'count', label: t('health.editor.count') },
                { value: 'sum', label: t('health.editor.sum') },
              ]}
              onChange={(e) => onChange({ northStarAggregate: e.target.value as MeasureDraft['northStarAggregate'] })}
            />
          </Field>
          {m.northStarAggregate === 'sum' && (
            <Field
              label={t('health.editor.northStarProperty')}
              htmlFor={id('ns-property')}
              error={err('northStar.property')}
              className="w-40"
            >
              <Input
                id={id('ns-property')}

                value={m.northStarProperty}
                disabled={readOnly}
                onChange={(e) => onChange({ northStarProperty: e.target.value })}
              />
            </Field>
          )}
        </div>
      )}
    </fieldset>
  );
}
