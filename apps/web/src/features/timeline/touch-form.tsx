import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TOUCH_TYPES, type Contact, type TouchType } from '@northstar/contracts';
import { fieldErrors } from '../../api/client';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input, Textarea } from '../../ui/field';
import { Select } from '../../ui/select';
import { useLogTouch } from './timeline-api';
import { emptyTouchForm, localDay, toCreateTouch, type TouchForm, type TouchFormProblem } from './touch-form-model';

/** Quick logging: type, day, who took part (the account's contacts), title and notes. */
export function TouchForm({ accountId, contacts, onDone }: { accountId: string; contacts: Contact[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<TouchForm>(() => emptyTouchForm(new Date()));
  const [problem, setProblem] = useState<TouchFormProblem | null>(null);
  const log = useLogTouch(accountId);
  const errors = fieldErrors(log.error);
  const set = <K extends keyof TouchForm>(key: K, value: TouchForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggleContact = (id: string) =>
    set('contactIds', form.contactIds.includes(id) ? form.contactIds.filter((c) => c !== id) : [...form.contactIds, id]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = toCreateTouch(form, new Date());
    if ('problem' in result) return setProblem(result.problem);
    setProblem(null);
    log.mutate(result.body, { onSuccess: onDone });
  }

  const present = contacts.filter((c) => !c.leftAt);
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={t('timeline.logTitle')}
      className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-zinc-50 p-3"
      data-testid="touch-form"
    >
      <ErrorBanner error={log.error} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-[10rem_10rem_1fr]">
        <Field label={t('timeline.fields.type')} htmlFor="touch-type" error={errors.type}>
          <Select
            id="touch-type"
            value={form.type}
            options={TOUCH_TYPES.map((type) => ({ value: type, label: t(`timeline.touchTypes.${type}`) }))}
            onChange={(e) => set('type', e.target.value as TouchType)}
          />
        </Field>
        <Field
          label={t('timeline.fields.date')}
          htmlFor="touch-date"
          error={problem === 'dateInFuture' || problem === 'dateInvalid' ? t(`timeline.problems.${problem}`) : errors.occurredAt}
        >
          <Input id="touch-date" type="date" max={localDay(new Date())} value={form.date} onChange={(e) => set('date', e.target.value)} />
        </Field>
        <Field
          label={t('timeline.fields.title')}
          htmlFor="touch-title"
          className="col-span-2 md:col-span-1"
          error={problem === 'titleRequired' ? t('timeline.problems.titleRequired') : errors.title}
        >
          <Input
            id="touch-title"
            value={form.title}
            maxLength={200}
            invalid={problem === 'titleRequired' || Boolean(errors.title)}
            onChange={(e) => set('title', e.target.value)}
          />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-xs font-medium text-zinc-600">{t('timeline.fields.contacts')}</legend>
        {present.length === 0 ? (
          <p className="text-xs text-zinc-500">{t('timeline.noContacts')}</p>
        ) : (
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {present.map((c) => (
              <label key={c.id} className="flex items-center gap-1.5 text-xs">
                <input type="checkbox" checked={form.contactIds.includes(c.id)} onChange={() => toggleContact(c.id)} />
                {c.name}
                {c.title && <span className="text-zinc-400">· {c.title}</span>}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <Field label={t('timeline.fields.body')} htmlFor="touch-body" error={errors.body}>
        <Textarea id="touch-body" rows={3} value={form.body} onChange={(e) => set('body', e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={log.isPending}>
          {log.isPending ? t('common.saving') : t('timeline.logSubmit')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
