import type { Contact, CreateContact, ErrorDetail, UpdateContact } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/is-unique-violation';
import { AppError } from '../../platform/errors';
import { recordDomainEvents } from '../domain-events';
import { cleanText } from './calculate-account-values';
import { createContactsRepository, type ContactPatch, type ContactRow } from './contacts.repository';
import { createCustomFieldsRepository } from './custom-fields.repository';
import { assertCustomFieldValues } from './custom-fields.service';
import { toContactDto } from './to-contact-dto';
import { mergeCustomFieldValues } from './validate-custom-field-values';

type Deps = {
  database: Database;
  clock: Clock;
  /** Throws ACCOUNT_NOT_FOUND unless the account is live in this workspace. */
  getAccountRow: (workspaceId: string, accountId: string) => Promise<unknown>;
  /** Runs after a contact of the account was added, changed or removed (the handoff checklist reads key people). */
  afterContactsChanged?: (workspaceId: string, accountId: string) => Promise<unknown>;
};

const TEXT_FIELDS = ['email', 'phone', 'title', 'externalId'] as const;

function externalIdTaken(externalId: string): AppError {
  return new AppError('CONTACT_EXTERNAL_ID_TAKEN', `External id "${externalId}" is already used by another contact`, [
    { field: 'externalId', location: 'body', problem: 'already used in this workspace' },
  ]);
}

/** The columns a contact input writes, leaving out what it did not mention. */
function toContactColumns(input: UpdateContact): { columns: ContactPatch; details: ErrorDetail[] } {
  const columns: ContactPatch = {};
  const details: ErrorDetail[] = [];
  if (input.name !== undefined) {
    columns.name = input.name.trim();
    if (!columns.name) details.push({ field: 'name', location: 'body', problem: 'must not be blank' });
  }
  for (const field of TEXT_FIELDS) {
    const value = cleanText(input[field]);
    if (value !== undefined) columns[field] = value;
  }
  if (input.role !== undefined) columns.role = input.role;
  if (input.isKeyPerson !== undefined) columns.isKeyPerson = input.isKeyPerson;
  if (input.relationshipStrength !== undefined) columns.relationshipStrength = input.relationshipStrength;
  if (input.leftAt !== undefined) columns.leftAt = input.leftAt;
  if (input.lastContactedAt !== undefined)
    columns.lastContactedAt = input.lastContactedAt === null ? null : new Date(input.lastContactedAt);
  return { columns, details };
}

/** The people at an account; a contact lives and is hidden with its account. */
export function createContactsUseCases({ database, clock, getAccountRow, afterContactsChanged = async () => {} }: Deps) {
  const repo = createContactsRepository(database.db);
  const customFieldsRepo = createCustomFieldsRepository(database.db);

  async function getContactRow(workspaceId: string, id: string): Promise<ContactRow> {
    const row = await repo.findContact(workspaceId, id);
    if (!row) throw new AppError('CONTACT_NOT_FOUND', 'Contact not found');
    return row;
  }

  async function assertExternalIdFree(workspaceId: string, externalId: string | null | undefined, contactId?: string) {
    if (!externalId) return;
    const holder = await repo.findIdByExternalId(workspaceId, externalId);
    if (holder && holder !== contactId) throw externalIdTaken(externalId);
  }

  async function guardExternalId<T>(externalId: string | null | undefined, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (externalId && isUniqueViolation(error, 'contacts_workspace_external_id_key')) throw externalIdTaken(externalId);
      throw error;
    }
  }

  return {
    /** The account's contacts, key people first, then by name. */
    async listContacts(workspaceId: string, accountId: string): Promise<Contact[]> {
      await getAccountRow(workspaceId, accountId);
      return (await repo.listContacts(workspaceId, accountId)).map(toContactDto);
    },

    async getContact(workspaceId: string, id: string): Promise<Contact> {
      return toContactDto(await getContactRow(workspaceId, id));
    },

    async createContact(workspaceId: string, accountId: string, input: CreateContact): Promise<Contact> {
      await getAccountRow(workspaceId, accountId);
      const { columns, details } = toContactColumns(input);
      if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid body: name must not be blank', details);
      await assertCustomFieldValues(customFieldsRepo, workspaceId, 'contact', input.customFields ?? {});
      await assertExternalIdFree(workspaceId, columns.externalId);
      const now = clock.now();
      const row = await guardExternalId(columns.externalId, () =>
        repo.insertContact({
          ...columns,
          workspaceId,
          accountId,
          name: columns.name!,
          customFields: mergeCustomFieldValues({}, input.customFields ?? {}),
          createdAt: now,
          updatedAt: now,
        }),
      );
      await afterContactsChanged(workspaceId, accountId);
      return toContactDto(row);
    },

    /** Changes the fields given; custom fields merge key by key (null removes one). */
    async updateContact(workspaceId: string, id: string, patch: UpdateContact): Promise<Contact> {
      const current = await getContactRow(workspaceId, id);
      const { columns, details } = toContactColumns(patch);
      if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'Invalid body: name must not be blank', details);
      if (patch.customFields) {
        await assertCustomFieldValues(customFieldsRepo, workspaceId, 'contact', patch.customFields);
        columns.customFields = mergeCustomFieldValues(current.customFields, patch.customFields);
      }
      await assertExternalIdFree(workspaceId, columns.externalId, id);
      // A person leaving is a `contact.left` event (a rule trigger), written with the change.
      const left = !current.leftAt && Boolean(columns.leftAt);
      const row = await guardExternalId(columns.externalId, () =>
        database.db.transaction(async (tx) => {
          const now = clock.now();
          const updated = await createContactsRepository(tx).updateContact(workspaceId, id, { ...columns, updatedAt: now });
          if (updated && left) {
            const payload = { contactId: id, name: updated.name, isKeyPerson: updated.isKeyPerson, leftAt: updated.leftAt };
            await recordDomainEvents(tx, workspaceId, [{ type: 'contact.left', accountId: updated.accountId, payload, occurredAt: now }]);
          }
          return updated;
        }),
      );
      if (!row) throw new AppError('CONTACT_NOT_FOUND', 'Contact not found');
      await afterContactsChanged(workspaceId, row.accountId);
      return toContactDto(row);
    },

    /** Removes the contact for good (people data is not kept after deletion). */
    async deleteContact(workspaceId: string, id: string): Promise<void> {
      const contact = await getContactRow(workspaceId, id);
      await repo.deleteContact(workspaceId, id);
      await afterContactsChanged(workspaceId, contact.accountId);
    },
  };
}
