import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CTA_REASONS, type CtaReason, type Rule, type RuleTrigger, type Segment } from '@northstar/contracts';
import { useCan } from '../auth/session';
import { usePlaybookNames, usePlaybooks } from '../playbooks/playbooks-api';
import { SegmentBuilder } from '../segments/segment-builder';
import { useFilterFields, useSegments } from '../segments/segments-api';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input, Textarea } from '../../ui/field';
import { Card, Loading, PageHeader } from '../../ui/page-header';
import { Select } from '../../ui/select';
import { Table, Td, Th, Tr } from '../../ui/table';
import {
  defaultCtaReason,
  draftFromRule,
  emptyRuleDraft,
  findRuleProblems,
  findTriggerProblems,
  RULE_TRIGGER_KINDS,
  toConditions,
  toRuleBody,
  cleanTrigger,
  triggerSummaryValues,
  type RuleDraft,
} from './rule-draft-model';
import { RuleDryRunResult } from './rule-dry-run-result';
import { RuleFirings } from './rule-firings';
import { useDeleteRule, useDryRunRule, useRules, useSaveRule, useSetRuleEnabled } from './rules-api';
import { TriggerEditor } from './trigger-editor';

/** One line for people: "Renewal in 90 days or less", with segment and stage names resolved. */
export function useTriggerSummary(segments: Segment[]) {
  const { t } = useTranslation();
  return (trigger: RuleTrigger) => {
    const values = triggerSummaryValues(trigger, { segment: (id) => segments.find((s) => s.id === id)?.name ?? '?' });
    if (trigger.type === 'stage_entered') values.stage = t(`stages.${trigger.stage}`);
    if (trigger.type === 'usage_dropped') values.metric = t(`rules.metrics.${trigger.metric ?? 'active_users'}`);
    if (trigger.type === 'health_band_changed' && trigger.to?.length) values.to = trigger.to.map((b) => t(`rules.bands.${b}`)).join(', ');
    const anyTo =
      (trigger.type === 'health_band_changed' || trigger.type === 'tier_changed' || trigger.type === 'field_changed') && !values.to;
    return t(`rules.summaries.${trigger.type}${anyTo ? '_any' : ''}`, values);
  };
}

/** Automation rules: trigger + conditions + playbook, each with its firing log; the editor dry-runs. */
export function RulesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const rules = useRules();
  const segments = useSegments();
  const playbookNames = usePlaybookNames();
  const setEnabled = useSetRuleEnabled();
  const summary = useTriggerSummary(segments.data?.items ?? []);
  const selectedId = params.get('id');
  const selected = rules.data?.items.find((r) => r.id === selectedId);
  const select = (id: string | null) => setParams(id ? { id } : {});

  if (rules.isPending) return <Loading />;
  const items = rules.data?.items ?? [];
  return (
    <div className="flex flex-col gap-3">
      <PageHeader
        title={t('rules.title')}
        subtitle={t('rules.subtitle')}
        actions={
          can('rules:manage') && (
            <Button variant="primary" onClick={() => select('new')}>
              {t('rules.create')}
            </Button>
          )
        }
      />
      <ErrorBanner error={rules.error ?? setEnabled.error} />
      {items.length === 0 ? (
        <EmptyState title={t('rules.none')}>{t('rules.noneHint')}</EmptyState>
      ) : (
        <Table label={t('rules.title')}>
          <thead>
            <tr>
              <Th>{t('rules.fields.name')}</Th>
              <Th>{t('rules.fields.trigger')}</Th>
              <Th>{t('rules.fields.playbook')}</Th>
              <Th>{t('rules.fields.enabled')}</Th>
              <Th align="right">{t('rules.fired')}</Th>
              <Th>{t('rules.lastFired')}</Th>
              <Th />
            </tr>
          </thead>
          <tbody>
            {items.map((rule) => (
              <Tr key={rule.id} className={rule.id === selectedId ? 'bg-indigo-50/50' : undefined}>
                <Td className="font-medium">
                  {rule.name}
                  <span className="ml-1 text-[11px] font-normal text-zinc-400">v{rule.version}</span>
                </Td>
                <Td>{summary(rule.trigger)}</Td>
                <Td>{playbookNames.get(rule.playbookId) ?? '—'}</Td>
                <Td>
                  {can('rules:manage') ? (
                    <label className="flex items-center gap-1.5 text-xs">
                      <input
                        type="checkbox"
                        checked={rule.enabled}
                        disabled={setEnabled.isPending}
                        aria-label={t('rules.toggle', { name: rule.name })}
                        onChange={(e) => setEnabled.mutate({ id: rule.id, enabled: e.target.checked })}
                      />
                      {rule.enabled ? t('rules.on') : t('rules.off')}
                    </label>
                  ) : (
                    <Badge tone={rule.enabled ? 'green' : 'neutral'}>{rule.enabled ? t('rules.on') : t('rules.off')}</Badge>
                  )}
                </Td>
                <Td align="right">{format.number(rule.firedCount)}</Td>
                <Td className="whitespace-nowrap">{rule.lastFiredAt ? format.dateTime(rule.lastFiredAt) : '—'}</Td>
                <Td align="right">
                  <Button size="sm" variant="ghost" onClick={() => select(rule.id)}>
                    {can('rules:manage') ? t('common.edit') : t('rules.view')}
                  </Button>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {selectedId === 'new' && <RuleEditor key="new" onDone={(rule) => select(rule?.id ?? null)} />}
      {selected && (
        <>
          <RuleEditor key={`${selected.id}-${selected.version}`} rule={selected} onDone={(rule) => select(rule?.id ?? null)} />
          <RuleFirings ruleId={selected.id} />
        </>
      )}
    </div>
  );
}

function RuleEditor({ rule, onDone }: { rule?: Rule; onDone: (rule: Rule | null) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const readOnly = !can('rules:manage');
  const fields = useFilterFields();
  const segments = useSegments();
  const playbooks = usePlaybooks();
  const save = useSaveRule();
  const remove = useDeleteRule();
  const dryRun = useDryRunRule(rule?.id);
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftFromRule(rule) : emptyRuleDraft()));
  const [lookbackDays, setLookbackDays] = useState(30);
  const [submitted, setSubmitted] = useState(false);
  const fieldMap = useMemo(() => new Map((fields.data?.items ?? []).map((f) => [f.name, f])), [fields.data]);
  const problems = findRuleProblems(draft);
  const isEvent = RULE_TRIGGER_KINDS[draft.trigger.type] === 'event';
  const dryRunBody = useMemo(
    () => ({
      trigger: cleanTrigger(draft.trigger),
      conditions: toConditions(draft.conditions, fieldMap),
      ...(isEvent ? { lookbackDays } : {}),
    }),
    [draft.trigger, draft.conditions, fieldMap, isEvent, lookbackDays],
  );
  // A result shows only while it still answers the editor's current trigger and conditions.
  const dryRunKey = JSON.stringify(dryRunBody);
  const [dryRunFor, setDryRunFor] = useState<string | null>(null);
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const playbookOptions = (playbooks.data?.items ?? []).filter((p) => !p.archivedAt || p.id === draft.playbookId);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (problems.length) return;
    const body = toRuleBody(draft, fieldMap);
    save.mutate({ id: rule?.id, body: rule ? body : { ...body, enabled: draft.enabled } }, { onSuccess: (saved) => onDone(saved) });
  }
  function runDryRun() {
    setDryRunFor(dryRunKey);
    dryRun.mutate(dryRunBody);
  }

  if (fields.isPending || segments.isPending || playbooks.isPending) return <Loading />;
  const triggerProblems = findTriggerProblems(draft.trigger);
  return (
    <Card
      title={rule ? t('rules.editTitle', { name: rule.name }) : t('rules.newTitle')}
      actions={
        rule &&
        !readOnly && (
          <Button
            size="sm"
            variant="danger"
            disabled={remove.isPending}
            onClick={() =>
              window.confirm(t('rules.confirmDelete', { name: rule.name })) && remove.mutate(rule.id, { onSuccess: () => onDone(null) })
            }
          >
            {t('common.delete')}
          </Button>
        )
      }
    >
      <form onSubmit={submit} noValidate aria-label={t('rules.editor')}>
        <fieldset disabled={readOnly} className="flex flex-col gap-4">
          <ErrorBanner error={save.error ?? remove.error ?? fields.error ?? segments.error} />
          {submitted && problems.length > 0 && (
            <ul className="list-disc pl-5 text-xs text-red-700" role="alert">
              {problems.map((p) => (
                <li key={p}>{t(`rules.problems.${p}`)}</li>
              ))}
            </ul>
          )}
          <div className="grid grid-cols-2 gap-3 md:grid-cols-[1fr_1fr]">
            <Field label={t('rules.fields.name')} htmlFor="rule-name">
              <Input id="rule-name" value={draft.name} maxLength={200} onChange={(e) => set('name', e.target.value)} />
            </Field>
            <Field label={t('rules.fields.description')} htmlFor="rule-description">
              <Textarea id="rule-description" rows={1} value={draft.description} onChange={(e) => set('description', e.target.value)} />
            </Field>
          </div>
          <section className="flex flex-col gap-2">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('rules.when')}</h3>
            <TriggerEditor
              trigger={draft.trigger}
              segments={segments.data?.items ?? []}
              fields={fields.data?.items ?? []}
              onChange={(trigger) => set('trigger', trigger)}
            />
          </section>
          <section className="flex flex-col gap-2">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('rules.onlyIf')}</h3>
            {draft.conditions.items.length === 0 && <p className="text-xs text-zinc-500">{t('rules.conditionsHint')}</p>}
            <SegmentBuilder group={draft.conditions} fields={fields.data?.items ?? []} onChange={(group) => set('conditions', group)} />
          </section>
          <section className="flex flex-col gap-2">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{t('rules.then')}</h3>
            <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
              <Field label={t('rules.fields.playbook')} htmlFor="rule-playbook">
                <Select
                  id="rule-playbook"
                  value={draft.playbookId}
                  placeholder={t('rules.choosePlaybook')}
                  options={playbookOptions.map((p) => ({ value: p.id, label: p.name }))}
                  onChange={(e) => set('playbookId', e.target.value)}
                />
              </Field>
              <Field label={t('rules.fields.ctaReason')} htmlFor="rule-reason">
                <Select
                  id="rule-reason"
                  value={draft.ctaReason}
                  placeholder={t('rules.defaultReason', { reason: t(`ctas.reasons.${defaultCtaReason(draft.trigger.type)}`) })}
                  options={CTA_REASONS.map((r) => ({ value: r, label: t(`ctas.reasons.${r}`) }))}
                  onChange={(e) => set('ctaReason', e.target.value as CtaReason | '')}
                />
              </Field>
              <Field label={t('rules.fields.ctaTitle')} htmlFor="rule-cta-title">
                <Input
                  id="rule-cta-title"
                  maxLength={200}
                  placeholder={draft.name}
                  value={draft.ctaTitle}
                  onChange={(e) => set('ctaTitle', e.target.value)}
                />
              </Field>
            </div>
            {!rule && (
              <label className="flex items-center gap-2 text-xs">
                <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.target.checked)} />
                {t('rules.enableOnSave')}
              </label>
            )}
          </section>
        </fieldset>
        <div className="mt-4 flex flex-wrap items-end gap-2 border-t border-zinc-100 pt-3">
          {isEvent && (
            <Field label={t('rules.lookbackDays')} htmlFor="rule-lookback">
              <Input
                id="rule-lookback"
                type="number"
                min={1}
                max={90}
                className="w-24"
                value={String(lookbackDays)}
                onChange={(e) => setLookbackDays(Math.max(1, Math.min(90, Math.trunc(Number(e.target.value) || 1))))}
              />
            </Field>
          )}
          <Button onClick={runDryRun} disabled={dryRun.isPending || triggerProblems.length > 0}>
            {dryRun.isPending ? t('rules.dryRunning') : t('rules.dryRun.run')}
          </Button>
          <span className="flex-1" />
          <Button onClick={() => onDone(null)}>{t('common.cancel')}</Button>
          {!readOnly && (
            <Button type="submit" variant="primary" disabled={save.isPending}>
              {save.isPending ? t('common.saving') : t('rules.save')}
            </Button>
          )}
        </div>
        {dryRunFor === dryRunKey && (
          <div className="mt-3">
            <ErrorBanner error={dryRun.error} />
            {dryRun.data && !dryRun.isPending && <RuleDryRunResult result={dryRun.data} />}
          </div>
        )}
      </form>
    </Card>
  );
}
