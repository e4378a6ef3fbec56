import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaValidationError } from 'fastify/types/schema';
import type { ErrorDetail } from '@northstar/contracts';

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // Unknown fields are an error, never silently removed (see StrictObject in contracts).
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    strict: false,
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'example' });
  return ajv;
}

// Bodies are JSON and must carry the right types; query strings and path params are text by
// nature, so only they are coerced ("?limit=10" → 10, "?tag=a&tag=b" → ["a","b"]).
const strictAjv = makeAjv(false);
const coercingAjv = makeAjv('array');

export function compileValidator({ schema, httpPart }: { schema: object; httpPart?: string }) {
  const ajv = httpPart === 'body' ? strictAjv : coercingAjv;
  return ajv.compile(schema);
}

type AjvError = FastifySchemaValidationError | ErrorObject;
const DISCRIMINATOR_MISS = /^(.*\/anyOf)\/(\d+)\/properties\/(\w+)\/const$/;

/**
 * A tagged union (`{ type: 'a', … } | { type: 'b', … }`) makes ajv report the errors of every
 * branch. Keep only the branches whose tag matched; when none did, one "must be one of" line
 * for the tag itself.
 */
export function keepMatchingUnionBranches(errors: AjvError[]): AjvError[] {
  const misses = new Map<string, { branches: Set<string>; errors: AjvError[] }>();
  for (const e of errors) {
    const m = DISCRIMINATOR_MISS.exec(e.schemaPath ?? '');
    if (!m) continue;
    const union = misses.get(m[1]!) ?? { branches: new Set<string>(), errors: [] };
    union.branches.add(m[2]!);
    union.errors.push(e);
    misses.set(m[1]!, union);
  }
  let kept = errors;
  for (const [prefix, union] of misses) {
    const branchOf = (e: AjvError) =>
      (e.schemaPath ?? '').startsWith(`${prefix}/`) ? (e.schemaPath ?? '').slice(prefix.length + 1).split('/')[0] : undefined;
    const matched = kept.some((e) => {
      const branch = branchOf(e);
      return branch !== undefined && !union.branches.has(branch);
    });
    if (matched) kept = kept.filter((e) => !union.branches.has(branchOf(e) ?? ''));
    else {
      const first = union.errors[0]!;
      const allowed = union.errors.map((e) => (e.params as { allowedValue?: unknown }).allowedValue);
      const summary = { ...first, keyword: 'enum', params: { allowedValues: allowed } } as AjvError;
      kept = [...kept.filter((e) => branchOf(e) === undefined), summary];
    }
  }
  return kept;
}

/** Turns ajv errors into one detail per bad field, named the way the caller sent it. */
export function toErrorDetails(errors: (FastifySchemaValidationError | ErrorObject)[], location: string): ErrorDetail[] {
  return keepMatchingUnionBranches(errors).map((e) => {
    const base = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '';
    const params = e.params as Record<string, unknown>;
    if (e.keyword === 'additionalProperties') {
      const field = joinPath(base, String(params.additionalProperty));
      return { field, location, problem: `unknown field "${field}"` };
    }
    if (e.keyword === 'required') {
      const field = joinPath(base, String(params.missingProperty));
      return { field, location, problem: 'is required' };
    }
    if (e.keyword === 'enum') {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { field: base || location, location, problem: `must be one of ${allowed}` };
    }
    return { field: base || location, location, problem: e.message ?? 'is invalid' };
  });
}

function joinPath(base: string, leaf: string): string {
  return base ? `${base}.${leaf}` : leaf;
}

/** Collapses anyOf noise (one error per union branch) into the most useful lines. */
export function simplifyDetails(details: ErrorDetail[]): ErrorDetail[] {
  const seen = new Set<string>();
  const out: ErrorDetail[] = [];
  const unionFields = new Set(details.filter((d) => d.problem === 'must match a schema in anyOf').map((d) => d.field));
  for (const d of details) {
    if (d.problem === 'must match a schema in anyOf') continue;
    const key = `${d.location}|${d.field}|${d.problem}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  // Merge "must be string" / "must be null" of one nullable field into one line.
  const merged = new Map<string, ErrorDetail>();
  for (const d of out) {
    const k = `${d.location}|${d.field}`;
    const prev = merged.get(k);
    if (prev && unionFields.has(d.field) && prev.problem.startsWith('must be ') && d.problem.startsWith('must be ')) {
      prev.problem = `${prev.problem} or ${d.problem.slice('must be '.length)}`;
    } else if (!prev) merged.set(k, { ...d });
    else merged.set(`${k}|${merged.size}`, { ...d });
  }
  return [...merged.values()];
}
