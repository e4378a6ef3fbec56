import { Type, type Static } from 'typebox';
import { ListAccountsQuerySchema } from './accounts';
import { Nullable, StrictObject } from './schema-helpers';

export const IMPORT_KINDS = ['accounts', 'contacts'] as const;
export const ImportKindSchema = Type.Enum(['accounts', 'contacts']);
export type ImportKind = Static<typeof ImportKindSchema>;

/**
 * How slash dates such as 03/04/2025 are read. `auto` takes ISO 8601 and only unambiguous slash
 * dates (31/03/2025, 03/31/2025); an ambiguous one is a row error asking for a format.
 */
export const DATE_FORMATS = ['auto', 'ymd', 'mdy', 'dmy'] as const;
export const DateFormatSchema = Type.Enum(['auto', 'ymd', 'mdy', 'dmy']);
export type DateFormat = Static<typeof DateFormatSchema>;

/** Query of POST /imports/{accounts,contacts}; the body is the CSV file itself (text/csv). */
export const ImportQuerySchema = StrictObject({
  dryRun: Type.Optional(Type.Boolean({ default: false, description: 'validate and report what would change; write nothing' })),
  skipBadRows: Type.Optional(Type.Boolean({ default: false, description: 'write the good rows and report the bad ones instead of refusing the file' })),
  dateFormat: Type.Optional(DateFormatSchema),
  map: Type.Optional(
    Type.Array(Type.String({ minLength: 2, maxLength: 300 }), {
      maxItems: 200,
      description: 'repeatable `column=field` (field `custom.<key>` for a custom field; `column=` or `column=-` ignores the column)',
    }),
  ),
});
export type ImportQuery = Static<typeof ImportQuerySchema>;

/**
 * One problem in the file. `row` counts the header as row 1, so the first data row is row 2 (a
 * quoted multi-line cell stays one row, as in a spreadsheet). `column` is the header as written in
 * the file; null for a problem with the whole row.
 */
export const ImportErrorSchema = StrictObject({
  row: Type.Integer({ minimum: 1 }),
  column: Nullable(Type.String()),
  value: Nullable(Type.String()),
  message: Type.String(),
});
export type ImportError = Static<typeof ImportErrorSchema>;

export const ImportActionSchema = Type.Enum(['create', 'update', 'unchanged']);
export type ImportAction = Static<typeof ImportActionSchema>;

/** What one row did (or, in a dry run, would do); `fields` lists what an update changes. */
export const ImportChangeSchema = StrictObject({
  row: Type.Integer({ minimum: 2 }),
  action: ImportActionSchema,
  externalId: Nullable(Type.String()),
  fields: Type.Array(Type.String()),
});
export type ImportChange = Static<typeof ImportChangeSchema>;

/**
 * The outcome of an import. Counts describe what was written (in a dry run: what would be). A
 * refused import (`refused: true`: bad rows without skipBadRows, or a bad header) writes nothing
 * and reports zero counts, except in a dry run. `errors` and `changes` are capped lists;
 * `errorCount` and the counts are totals.
 */
export const ImportReportSchema = StrictObject({
  kind: ImportKindSchema,
  dryRun: Type.Boolean(),
  /** Data rows read, blank lines excluded. */
  rowCount: Type.Integer({ minimum: 0 }),
  created: Type.Integer({ minimum: 0 }),
  updated: Type.Integer({ minimum: 0 }),
  unchanged: Type.Integer({ minimum: 0 }),
  /** Bad rows left out because skipBadRows was set. */
  skipped: Type.Integer({ minimum: 0 }),
  written: Type.Boolean(),
  refused: Type.Boolean(),
  errors: Type.Array(ImportErrorSchema),
  errorCount: Type.Integer({ minimum: 0 }),
  changes: Type.Array(ImportChangeSchema),
});
export type ImportReport = Static<typeof ImportReportSchema>;

/**
 * 422 answer of a refused import: the usual error envelope (one detail per reported error, with
 * `location` "row N" and `field` the column) plus the full report beside it.
 */
export const ImportFailedResponseSchema = StrictObject({
  error: StrictObject({
    code: Type.Literal('IMPORT_FAILED'),
    message: Type.String(),
    details: Type.Array(StrictObject({ field: Type.Optional(Type.String()), location: Type.Optional(Type.String()), problem: Type.String() })),
  }),
  report: ImportReportSchema,
});

const { limit: _limit, cursor: _cursor, ...listFilters } = ListAccountsQuerySchema.properties;

/** GET /exports/accounts takes the account list's filters, without paging. */
export const ExportAccountsQuerySchema = StrictObject(listFilters);
export type ExportAccountsQuery = Static<typeof ExportAccountsQuerySchema>;
