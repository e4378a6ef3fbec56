import YAML from 'yaml';
import { ScorecardDefinitionSchema, type ErrorDetail, type ScorecardDefinition } from '@northstar/contracts';
import { compileValidator, simplifyDetails, toErrorDetails } from '../../platform/http/validation';

export type ScorecardFormat = 'json' | 'yaml';

const validateDefinition = compileValidator({ schema: ScorecardDefinitionSchema, httpPart: 'body' });

/** A scorecard as a file: 2-space JSON or block YAML, fields in the contract's order. */
export function serialiseScorecard(definition: ScorecardDefinition, format: ScorecardFormat): string {
  return format === 'json' ? `${JSON.stringify(definition, null, 2)}\n` : YAML.stringify(definition, { lineWidth: 0 });
}

/**
 * Reads a scorecard file. Problems name the field inside the file (`content.measures.0.weight`),
 * or the line and column of a syntax error, so an admin can fix the file they wrote.
 */
export function parseScorecard(
  content: string,
  format: ScorecardFormat,
): { definition: ScorecardDefinition } | { problems: ErrorDetail[] } {
  let value: unknown;
  try {
    if (format === 'json') value = JSON.parse(content);
    else {
      const document = YAML.parseDocument(content, { prettyErrors: true, uniqueKeys: true });
      const [first] = document.errors;
      if (first) {
        const at = first.linePos?.[0];
        return {
          problems: [
            {
              field: 'content',
              location: 'body',
              problem: `is not valid YAML${at ? ` (line ${at.line}, column ${at.col})` : ''}: ${first.code}`,
            },
          ],
        };
      }
      value = document.toJS();
    }
  } catch (error) {
    return { problems: [{ field: 'content', location: 'body', problem: `is not valid JSON: ${(error as Error).message}` }] };
  }
  if (!validateDefinition(value)) {
    const details = simplifyDetails(toErrorDetails(validateDefinition.errors ?? [], 'body'));
    return { problems: details.map((d) => ({ ...d, field: d.field === 'body' ? 'content' : `content.${d.field}` })) };
  }
  return { definition: value as ScorecardDefinition };
}
