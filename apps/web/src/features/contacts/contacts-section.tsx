import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { ErrorBanner } from '../../ui/error-banner';
import { Card, Loading } from '../../ui/page-header';
import { Table, Td, Th, Tr } from '../../ui/table';
import { ContactForm } from './contact-form';
import { useContacts, useDeleteContact } from './contacts-api';

export function ContactsSection({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const contacts = useContacts(accountId);
  const remove = useDeleteContact(accountId);
  const [editing, setEditing] = useState<string | 'new' | undefined>();
  const items = contacts.data?.items ?? [];

  return (
    <Card
      title={`${t('contacts.title')} (${items.length})`}
      actions={
        canWrite &&
        editing !== 'new' && (
          <Button size="sm" onClick={() => setEditing('new')}>
            {t('contacts.add')}
          </Button>
        )
      }
    >
      <div className="flex flex-col gap-3">
        <ErrorBanner error={contacts.error ?? remove.error} />
        {editing === 'new' && <ContactForm accountId={accountId} onDone={() => setEditing(undefined)} />}
        {contacts.isPending ? (
          <Loading />
        ) : items.length === 0 ? (
          editing !== 'new' && <EmptyState title={t('contacts.empty')} />
        ) : (
          <Table label={t('contacts.title')}>
            <thead>
              <tr>
                <Th>{t('contacts.fields.name')}</Th>
                <Th>{t('contacts.fields.title')}</Th>
                <Th>{t('contacts.fields.role')}</Th>
                <Th>{t('contacts.fields.email')}</Th>
                <Th>{t('contacts.fields.phone')}</Th>
                <Th>{t('contacts.fields.relationshipStrength')}</Th>
                <Th>{t('contacts.fields.lastContactedAt')}</Th>
                {canWrite && <Th />}
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <Fragment key={c.id}>
                  <Tr className={c.leftAt ? 'text-zinc-400' : undefined}>
                    <Td className="whitespace-nowrap font-medium">
                      {c.name}
                      {c.isKeyPerson && (
                        <Badge tone="violet" className="ml-1.5">
                          {t('contacts.keyPerson')}
                        </Badge>
                      )}
                      {c.leftAt && (
                        <Badge tone="red" className="ml-1.5">
                          {t('contacts.left', { date: format.date(c.leftAt) })}
                        </Badge>
                      )}
                    </Td>
                    <Td>{c.title}</Td>
                    <Td className="whitespace-nowrap">{c.role ? t(`contactRoles.${c.role}`) : ''}</Td>
                    <Td>
                      {c.email && (
                        <a href={`mailto:${c.email}`} className="text-indigo-700 hover:underline">
                          {c.email}
                        </a>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">{c.phone}</Td>
                    <Td>{c.relationshipStrength ? t(`contacts.strength.${c.relationshipStrength}`) : ''}</Td>
                    <Td className="whitespace-nowrap">{format.dateTime(c.lastContactedAt)}</Td>
                    {canWrite && (
                      <Td align="right" className="whitespace-nowrap">
                        <Button size="sm" variant="ghost" onClick={() => setEditing(c.id)}>
                          {t('common.edit')}
                        </Button>
                        <Button
                          size="sm"
                          variant="ghost"
                          className="text-red-700"
                          disabled={remove.isPending}
                          onClick={() => window.confirm(t('contacts.confirmDelete', { name: c.name })) && remove.mutate(c.id)}
                        >
                          {t('common.delete')}
                        </Button>
                      </Td>
                    )}
                  </Tr>
                  {editing === c.id && (
                    <tr>
                      <td colSpan={8} className="p-2">
                        <ContactForm accountId={accountId} contact={c} onDone={() => setEditing(undefined)} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </Card>
  );
}
