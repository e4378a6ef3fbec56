import type { CustomFieldType, ErrorDetail } from '@northstar/contracts';

/**
 * A select field needs a closed list of options to check values against; other types have
 * none (an option list on a text field would suggest a check that never happens).
 */
export function validateCustomFieldDefinition(input: { type: CustomFieldType; options?: string[] | undefined }): {
  options: string[];
  details: ErrorDetail[];
} {
  const options = (input.options ?? []).map((o) => o.trim());
  const details: ErrorDetail[] = [];
  const problem = (text: string) => details.push({ field: 'options', location: 'body', problem: text });
  if (input.type === 'select') {
    if (options.length === 0) problem('a select field needs at least one option');
    if (options.some((o) => !o)) problem('options must not be blank');
    if (new Set(options).size !== options.length) problem('options must be unique');
  } else if (options.length > 0) {
    problem(`only select fields have options, not ${input.type} fields`);
  }
  return { options, details };
}
