import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_ROLES, type Contact } from '@northstar/contracts';
import { fieldErrors } from '../../api/client';
import { Button } from '../../ui/button';
import { ErrorBanner } from '../../ui/error-banner';
import { Field, Input } from '../../ui/field';
import { Select } from '../../ui/select';
import { useSaveContact } from './contacts-api';

type Form = {
  name: string;
  title: string;
  email: string;
  phone: string;
  role: string;
  relationshipStrength: string;
  isKeyPerson: boolean;
  leftAt: string;
};

function toForm(contact: Contact | undefined): Form {
  return {
    name: contact?.name ?? '',
    title: contact?.title ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    role: contact?.role ?? '',
    relationshipStrength: contact?.relationshipStrength ? String(contact.relationshipStrength) : '',
    isKeyPerson: contact?.isKeyPerson ?? false,
    leftAt: contact?.leftAt ?? '',
  };
}

/** Body of the POST or PATCH: empty inputs become null, except on create where they are left out. */
export function toContactBody(form: Form, isNew: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = { name: form.name.trim(), isKeyPerson: form.isKeyPerson };
  for (const key of ['title', 'email', 'phone', 'role', 'leftAt'] as const) {
    const value = form[key].trim();
    if (value) body[key] = value;
    else if (!isNew) body[key] = null;
  }
  if (form.relationshipStrength) body.relationshipStrength = Number(form.relationshipStrength);
  else if (!isNew) body.relationshipStrength = null;
  return body;
}

export function ContactForm({ accountId, contact, onDone }: { accountId: string; contact?: Contact; onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => toForm(contact));
  const save = useSaveContact(accountId);
  const errors = fieldErrors(save.error);
  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const id = (key: string) => `contact-${contact?.id ?? 'new'}-${key}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ id: contact?.id, body: toContactBody(form, !contact) }, { onSuccess: onDone });
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-3 rounded-md border border-zinc-200 bg-zinc-50 p-3"
      aria-label={contact ? t('contacts.edit') : t('contacts.add')}
      noValidate
    >
      <ErrorBanner error={save.error} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Field label={t('contacts.fields.name')} htmlFor={id('name')} error={errors.name}>
          <Input id={id('name')} value={form.name} onChange={set('name')} required invalid={Boolean(errors.name)} />
        </Field>
        <Field label={t('contacts.fields.title')} htmlFor={id('title')} error={errors.title}>
          <Input id={id('title')} value={form.title} onChange={set('title')} />
        </Field>
        <Field label={t('contacts.fields.email')} htmlFor={id('email')} error={errors.email}>
          <Input id={id('email')} type="email" value={form.email} onChange={set('email')} invalid={Boolean(errors.email)} />
        </Field>
        <Field label={t('contacts.fields.phone')} htmlFor={id('phone')} error={errors.phone}>
          <Input id={id('phone')} value={form.phone} onChange={set('phone')} />
        </Field>
        <Field label={t('contacts.fields.role')} htmlFor={id('role')} error={errors.role}>
          <Select
            id={id('role')}
            value={form.role}
            onChange={set('role')}
            placeholder={t('common.none')}
            options={CONTACT_ROLES.map((r) => ({ value: r, label: t(`contactRoles.${r}`) }))}
          />
        </Field>
        <Field label={t('contacts.fields.relationshipStrength')} htmlFor={id('strength')} error={errors.relationshipStrength}>
          <Select
            id={id('strength')}
            value={form.relationshipStrength}
            onChange={set('relationshipStrength')}
            placeholder={t('common.none')}
            options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`contacts.strength.${n}`) }))}
          />
        </Field>
        <Field label={t('contacts.fields.leftAt')} htmlFor={id('leftAt')} error={errors.leftAt}>
          <Input id={id('leftAt')} type="date" value={form.leftAt} onChange={set('leftAt')} />
        </Field>
        <label className="flex items-center gap-2 self-end pb-1.5 text-[13px] text-zinc-700">
          <input
            type="checkbox"
            checked={form.isKeyPerson}
            onChange={(e) => setForm((f) => ({ ...f, isKeyPerson: e.target.checked }))}
            className="h-4 w-4 accent-indigo-600"
          />
          {t('contacts.fields.isKeyPerson')}
        </label>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={save.isPending}>
          {t('common.save')}
        </Button>
        <Button size="sm" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
