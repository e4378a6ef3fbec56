import type { CreateCustomField, CustomFieldDefinition, CustomFieldEntity } from '@northstar/contracts';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/is-unique-violation';
import { AppError } from '../../platform/errors';
import { createCustomFieldsRepository } from './custom-fields.repository';
import { toCustomFieldDto } from './to-custom-field-dto';
import { validateCustomFieldDefinition } from './validate-custom-field-definition';
import { validateCustomFieldValues, type CustomFieldValues } from './validate-custom-field-values';

type CustomFieldsRepository = ReturnType<typeof createCustomFieldsRepository>;

/**
 * Throws VALIDATION_FAILED naming `customFields.<key>` for each value the workspace's
 * definitions for this entity do not allow.
 */
export async function assertCustomFieldValues(
  repo: CustomFieldsRepository,
  workspaceId: string,
  entity: CustomFieldEntity,
  values: CustomFieldValues,
): Promise<void> {
  if (Object.keys(values).length === 0) return;
  const details = validateCustomFieldValues(values, await repo.listCustomFields(workspaceId, entity));
  if (details.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Invalid custom fields: ${details.map((d) => `${d.field} ${d.problem}`).join('; ')}`, details);
  }
}

/** Custom field definitions: the typed extra fields a workspace adds to accounts or contacts. */
export function createCustomFieldsUseCases({ database, clock }: { database: Database; clock: Clock }) {
  const repo = createCustomFieldsRepository(database.db);

  async function getCustomFieldRow(workspaceId: string, id: string) {
    const row = await repo.findCustomField(workspaceId, id);
    if (!row) throw new AppError('CUSTOM_FIELD_NOT_FOUND', 'Custom field not found');
    return row;
  }

  return {
    /** The workspace's definitions, accounts' first, oldest first. */
    async listCustomFields(workspaceId: string, entity?: CustomFieldEntity): Promise<CustomFieldDefinition[]> {
      return (await repo.listCustomFields(workspaceId, entity)).map(toCustomFieldDto);
    },

    async getCustomField(workspaceId: string, id: string): Promise<CustomFieldDefinition> {
      return toCustomFieldDto(await getCustomFieldRow(workspaceId, id));
    },

    /** Defines a field; its key must be free for that entity in this workspace. */
    async createCustomField(workspaceId: string, input: CreateCustomField): Promise<CustomFieldDefinition> {
      const entity = input.entity ?? 'account';
      const label = input.label.trim();
      const { options, details } = validateCustomFieldDefinition(input);
      if (!label) details.push({ field: 'label', location: 'body', problem: 'must not be blank' });
      if (details.length > 0) {
        throw new AppError(
          'CUSTOM_FIELD_INVALID',
          `Invalid custom field: ${details.map((d) => `${d.field} ${d.problem}`).join('; ')}`,
          details,
        );
      }
      const taken = () =>
        new AppError('CUSTOM_FIELD_KEY_TAKEN', `The ${entity} custom field "${input.key}" already exists`, [
          { field: 'key', location: 'body', problem: 'already used by another field' },
        ]);
      if (await repo.findCustomFieldByKey(workspaceId, entity, input.key)) throw taken();
      try {
        const row = await repo.insertCustomField({
          workspaceId,
          entity,
          key: input.key,
          label,
          type: input.type,
          options,
          createdAt: clock.now(),
        });
        return toCustomFieldDto(row);
      } catch (error) {
        if (isUniqueViolation(error, 'custom_field_definitions_key')) throw taken();
        throw error;
      }
    },

    /** Deletes the definition and removes its values from every account or contact. */
    async deleteCustomField(workspaceId: string, id: string): Promise<void> {
      await repo.deleteCustomField(workspaceId, await getCustomFieldRow(workspaceId, id));
    },
  };
}
