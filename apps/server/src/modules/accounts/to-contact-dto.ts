import type { Contact } from '@northstar/contracts';
import type { ContactRow } from './contacts.repository';

export function toContactDto(row: ContactRow): Contact {
  return {
    id: row.id,
    accountId: row.accountId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    title: row.title,
    role: row.role,
    isKeyPerson: row.isKeyPerson,
    relationshipStrength: row.relationshipStrength,
    lastContactedAt: row.lastContactedAt ? row.lastContactedAt.toISOString() : null,
    leftAt: row.leftAt,
    externalId: row.externalId,
    customFields: row.customFields,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
