import type { CustomFieldDefinition } from '@northstar/contracts';
import type { CustomFieldRow } from './custom-fields.repository';

export function toCustomFieldDto(row: CustomFieldRow): CustomFieldDefinition {
  return {
    id: row.id,
    entity: row.entity,
    key: row.key,
    label: row.label,
    type: row.type,
    options: row.options,
    createdAt: row.createdAt.toISOString(),
  };
}
