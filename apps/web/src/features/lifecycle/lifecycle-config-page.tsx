import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Input } from '../../ui/field';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { useLifecycleConfig, useUpdateLifecycleConfig } from './lifecycle-api';
import {
  configFieldErrors,
  fromConfigDraft,
  nextChecklistKey,
  toConfigDraft,
  type ConfigDraft,
  type StageDraft,
} from './lifecycle-config-model';

type Lang = 'en' | 'zh-CN';

/** Admins edit the workspace's stages: on/off, names, expected durations, goals, checklists and entry rules. */
export function LifecycleConfigPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const view = useLifecycleConfig();
  const save = useUpdateLifecycleConfig();
  const [draft, setDraft] = useState<ConfigDraft | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (view.data) setDraft(toConfigDraft(view.data.config));
  }, [view.data]);

  if (view.isPending) return <Loading />;
  if (!view.data || !draft) return <ErrorBanner error={view.error} />;
  const errors = save.error instanceof ApiError ? configFieldErrors(save.error.details) : new Map<string, string>();
  const stageLabel = (stage: string) => draft.stages.find((s) => s.stage === stage)?.label[lang] || t(`stages.${stage}`);
  const changeStage = (index: number, change: (stage: StageDraft) => StageDraft) => {
    setSaved(false);
    setDraft((d) => d && { ...d, stages: d.stages.map((s, i) => (i === index ? change(s) : s)) });
  };

  return (
    <form
      className="flex flex-col gap-3"
      data-testid="lifecycle-config"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(fromConfigDraft(draft), { onSuccess: () => setSaved(true) });
      }}
    >
      <PageHeader
        title={t('lifecycle.config.title')}
        subtitle={view.data.isDefault ? t('lifecycle.config.defaults') : t('lifecycle.config.subtitle')}
        actions={
          <>
            <Link to="/lifecycle" className="text-xs text-blue-700 hover:underline">
              {t('lifecycle.config.backToBoard')}
            </Link>
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {save.isPending ? t('lifecycle.config.saving') : t('lifecycle.config.save')}
            </Button>
          </>
        }
      />
      <ErrorBanner error={save.error} />
      {saved && (
        <p role="status" className="text-xs text-green-700">
          {t('lifecycle.config.saved')}
        </p>
      )}
      <label className="flex items-center gap-2 text-[13px]">
        <input
          type="checkbox"
          checked={draft.holdManualStages}
          onChange={(e) => {
            setSaved(false);
            setDraft({ ...draft, holdManualStages: e.target.checked });
          }}
        />
        {t('lifecycle.config.holdManualStages')}
      </label>
      {draft.stages.map((stage, index) => (
        <StageEditor
          key={stage.stage}
          stage={stage}
          at={`stages[${index}]`}
          errors={errors}
          stageLabel={stageLabel}
          onChange={(change) => changeStage(index, change)}
        />
      ))}
    </form>
  );
}

function StageEditor({
  stage,
  at,
  errors,
  stageLabel,
  onChange,
}: {
  stage: StageDraft;
  at: string;
  errors: Map<string, string>;
  stageLabel: (stage: string) => string;
  onChange: (change: (stage: StageDraft) => StageDraft) => void;
}) {
  const { t } = useTranslation();
  const id = (suffix: string) => `${stage.stage}-${suffix}`;
  const isHandoff = stage.stage === 'handoff';
  const update = (patch: Partial<StageDraft>) => onChange((s) => ({ ...s, ...patch }));
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          {t(`stages.${stage.stage}`)}
          <Badge tone={stage.kind === 'outcome' ? 'neutral' : 'blue'}>{t(`lifecycle.config.kinds.${stage.kind}`)}</Badge>
        </span>
      }
      actions={
        <label className="flex items-center gap-1.5 text-xs">
          <input type="checkbox" checked={stage.enabled} onChange={(e) => update({ enabled: e.target.checked })} />
          {t('lifecycle.config.enabled')}
        </label>
      }
    >
      <div className="flex flex-col gap-3" data-testid={`config-stage-${stage.stage}`}>
        <ProblemFor errors={errors} path={`${at}.enabled`} />
        <div className="grid gap-2 md:grid-cols-3">
          <LabelledInput
            id={id('label-en')}
            label={t('lifecycle.config.labelEn')}
            value={stage.label.en}
            error={errors.get(`${at}.label`) ?? errors.get(`${at}.label.en`)}
            onChange={(en) => update({ label: { ...stage.label, en } })}
          />
          <LabelledInput
            id={id('label-zh')}
            label={t('lifecycle.config.labelZh')}
            value={stage.label['zh-CN']}
            error={errors.get(`${at}.label.zh-CN`)}
            onChange={(zh) => update({ label: { ...stage.label, 'zh-CN': zh } })}
          />
          <LabelledInput
            id={id('expected')}
            label={t('lifecycle.config.expectedDays')}
            hint={t('lifecycle.config.expectedHint')}
            value={stage.expectedDurationDays}
            inputMode="numeric"
            error={errors.get(`${at}.expectedDurationDays`)}
            onChange={(expectedDurationDays) => update({ expectedDurationDays })}
          />
        </div>

        <Section title={t('lifecycle.config.goals')}>
          {stage.goals.map((goal, g) => (
            <div key={g} className="flex flex-col gap-0.5">
              <div className="grid grid-cols-[1fr_1fr_auto] items-center gap-2">
                <Input
                  aria-label={t('lifecycle.config.goalEn', { n: g + 1 })}
                  value={goal.en}
                  onChange={(e) => update({ goals: stage.goals.map((x, i) => (i === g ? { ...x, en: e.target.value } : x)) })}
                />
                <Input
                  aria-label={t('lifecycle.config.goalZh', { n: g + 1 })}
                  value={goal['zh-CN']}
                  onChange={(e) => update({ goals: stage.goals.map((x, i) => (i === g ? { ...x, 'zh-CN': e.target.value } : x)) })}
                />
                <Button size="sm" variant="ghost" onClick={() => update({ goals: stage.goals.filter((_, i) => i !== g) })}>
                  {t('lifecycle.config.remove')}
                </Button>
              </div>
              <ProblemFor errors={errors} path={`${at}.goals[${g}]`} />
            </div>
          ))}
          <div>
            <Button size="sm" onClick={() => update({ goals: [...stage.goals, { en: '', 'zh-CN': '' }] })}>
              {t('lifecycle.config.addGoal')}
            </Button>
          </div>
        </Section>

        <Section title={t('lifecycle.config.checklist')} hint={isHandoff ? t('lifecycle.config.handoffHint') : undefined}>
          <ProblemFor errors={errors} path={`${at}.checklist`} />
          {stage.checklist.map((item, c) => (
            <div key={c} className="flex flex-col gap-0.5">
              <div className="grid grid-cols-[9rem_1fr_1fr_auto_auto] items-center gap-2">
                <Input
                  aria-label={t('lifecycle.config.itemKey', { n: c + 1 })}
                  value={item.key}
                  readOnly={isHandoff}
                  className="font-mono text-xs"
                  invalid={errors.has(`${at}.checklist[${c}].key`)}
                  onChange={(e) => update({ checklist: stage.checklist.map((x, i) => (i === c ? { ...x, key: e.target.value } : x)) })}
                />
                <Input
                  aria-label={t('lifecycle.config.itemEn', { n: c + 1 })}
                  value={item.label.en}
                  onChange={(e) =>
                    update({
                      checklist: stage.checklist.map((x, i) => (i === c ? { ...x, label: { ...x.label, en: e.target.value } } : x)),
                    })
                  }
                />
                <Input
                  aria-label={t('lifecycle.config.itemZh', { n: c + 1 })}
                  value={item.label['zh-CN']}
                  onChange={(e) =>
                    update({
                      checklist: stage.checklist.map((x, i) => (i === c ? { ...x, label: { ...x.label, 'zh-CN': e.target.value } } : x)),
                    })
                  }
                />
                <label className="flex items-center gap-1 text-xs">
                  <input
                    type="checkbox"
                    checked={item.required}
                    onChange={(e) =>
                      update({ checklist: stage.checklist.map((x, i) => (i === c ? { ...x, required: e.target.checked } : x)) })
                    }
                  />
                  {t('lifecycle.config.required')}
                </label>
                {!isHandoff && (
                  <Button size="sm" variant="ghost" onClick={() => update({ checklist: stage.checklist.filter((_, i) => i !== c) })}>
                    {t('lifecycle.config.remove')}
                  </Button>
                )}
              </div>
              <ProblemFor errors={errors} path={`${at}.checklist[${c}].key`} />
              <ProblemFor errors={errors} path={`${at}.checklist[${c}].label`} />
            </div>
          ))}
          {!isHandoff && (
            <div>
              <Button
                size="sm"
                onClick={() =>
                  update({
                    checklist: [...stage.checklist, { key: nextChecklistKey(stage), label: { en: '', 'zh-CN': '' }, required: true }],
                  })
                }
              >
                {t('lifecycle.config.addItem')}
              </Button>
            </div>
          )}
        </Section>

        {stage.entryRules.length > 0 && (
          <Section title={t('lifecycle.config.rules')}>
            {stage.entryRules.map((rule, r) => {
              const from = (Array.isArray(rule.from) ? rule.from : [rule.from]).map(stageLabel).join(', ');
              return (
                <div key={r} className="flex flex-col gap-0.5">
                  <div className="flex flex-wrap items-center gap-2 text-[13px]">
                    <label className="flex items-center gap-1.5">
                      <input
                        type="checkbox"
                        aria-label={t('lifecycle.config.ruleToggle', { rule: t(`lifecycle.config.ruleKinds.${rule.kind}`) })}
                        checked={rule.enabled}
                        onChange={(e) =>
                          update({ entryRules: stage.entryRules.map((x, i) => (i === r ? { ...x, enabled: e.target.checked } : x)) })
                        }
                      />
                      {t(`lifecycle.config.ruleKinds.${rule.kind}`)}
                    </label>
                    {rule.kind === 'renewal_within_days' && (
                      <span className="flex items-center gap-1 text-xs">
                        <Input
                          aria-label={t('lifecycle.config.ruleDays')}
                          className="w-16"
                          inputMode="numeric"
                          value={rule.days}
                          invalid={errors.has(`${at}.entryRules[${r}].days`)}
                          onChange={(e) =>
                            update({ entryRules: stage.entryRules.map((x, i) => (i === r ? { ...x, days: e.target.value } : x)) })
                          }
                        />
                        {t('lifecycle.config.days')}
                      </span>
                    )}
                    <span className="text-xs text-zinc-500">{t('lifecycle.config.ruleFrom', { stages: from })}</span>
                  </div>
                  <ProblemFor errors={errors} path={`${at}.entryRules[${r}].from`} />
                  <ProblemFor errors={errors} path={`${at}.entryRules[${r}].days`} />
                </div>
              );
            })}
          </Section>
        )}
      </div>
    </Card>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string | undefined; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-xs font-semibold text-zinc-700">{title}</legend>
      {hint && <p className="text-[11px] text-zinc-500">{hint}</p>}
      {children}
    </fieldset>
  );
}

function LabelledInput({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  inputMode?: 'numeric';
}) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={id} className="text-xs text-zinc-600">
        {label}
      </label>
      <Input id={id} value={value} inputMode={inputMode} invalid={Boolean(error)} onChange={(e) => onChange(e.target.value)} />
      {error ? (
        <p className="text-xs text-red-700" role="alert">
          {error}
        </p>
      ) : (
        hint && <p className="text-[11px] text-zinc-500">{hint}</p>
      )}
    </div>
  );
}

function ProblemFor({ errors, path }: { errors: Map<string, string>; path: string }) {
  const problem = errors.get(path);
  if (!problem) return null;
  return (
    <p className="text-xs text-red-700" role="alert" data-field-error={path}>
      {problem}
    </p>
  );
}
