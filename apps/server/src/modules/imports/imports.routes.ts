import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ErrorResponseSchema,
  ExportAccountsQuerySchema,
  IMPORT_KINDS,
  ImportFailedResponseSchema,
  ImportQuerySchema,
  ImportReportSchema,
  type ImportReport,
} from '@northstar/contracts';
import { AppError } from '../../platform/errors';
import { requireActor } from '../../platform/http/route-access';
import type { ImportsService } from './imports.service';
import { spoolToTempFile } from './spool-to-temp-file';

/** Imports stream to disk, so this only bounds disk use: ~1M account rows fit. */
export const IMPORT_BODY_LIMIT = 200 * 1_048_576;

/** The 422 body of a refused import: the usual error envelope plus the report itself. */
export function toImportFailedResponse(report: ImportReport) {
  const headerOnly = report.errors.length > 0 && report.errors.every((e) => e.row === 1);
  const message = headerOnly
    ? `The file cannot be imported: ${report.errors[0]!.message}. Nothing was written.`
    : `${report.errorCount} problem(s) in the file; nothing was written. Fix the rows listed (row 2 is the first data row), or pass skipBadRows=true to import the good rows only.`;
  return {
    error: {
      code: 'IMPORT_FAILED' as const,
      message,
      details: report.errors.map((e) => ({ ...(e.column !== null ? { field: e.column } : {}), location: `row ${e.row}`, problem: e.message })),
    },
    report,
  };
}

export function importsRoutes(service: ImportsService): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Encapsulated to this plugin: a CSV body stays a raw stream, spooled to disk by the handler.
    app.addContentTypeParser(['text/csv', 'application/csv'], { bodyLimit: IMPORT_BODY_LIMIT }, (_request, payload, done) => done(null, payload));

    for (const kind of IMPORT_KINDS) {
      app.post(
        `/imports/${kind}`,
        {
          bodyLimit: IMPORT_BODY_LIMIT,
          config: { access: { permission: 'accounts:import' } },
          schema: {
            tags: ['imports'],
            summary: `Import ${kind} from a CSV file (body: text/csv)`,
            description:
              `Upserts ${kind} by external id, all or nothing: any bad row refuses the file (422 with the report) unless skipBadRows=true. ` +
              'Rows count the header as row 1, so the first data row is row 2. Empty cells leave stored values unchanged.',
            consumes: ['text/csv'],
            querystring: ImportQuerySchema,
            response: { 200: ImportReportSchema, 401: ErrorResponseSchema, 422: ImportFailedResponseSchema },
          },
        },
        async (request, reply) => {
          const actor = requireActor(request);
          const body: unknown = request.body ?? Readable.from([]);
          if (!(body instanceof Readable)) {
            throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the CSV file itself as the body, with Content-Type: text/csv', [
              { field: 'content-type', location: 'headers', problem: 'use text/csv' },
            ]);
          }
          const spool = await spoolToTempFile(body, IMPORT_BODY_LIMIT);
          try {
            const { dryRun, skipBadRows, dateFormat, map } = request.query;
            const report = await service.importCsv(actor.workspaceId, kind, () => fs.createReadStream(spool.file), {
              ...(dryRun !== undefined ? { dryRun } : {}),
              ...(skipBadRows !== undefined ? { skipBadRows } : {}),
              ...(dateFormat ? { dateFormat } : {}),
              ...(map ? { map } : {}),
            });
            if (report.refused) return reply.status(422).send(toImportFailedResponse(report));
            return report;
          } finally {
            await spool.remove();
          }
        },
      );
    }

    app.get(
      '/exports/accounts',
      {
        config: { access: { permission: 'accounts:read' } },
        schema: {
          tags: ['imports'],
          summary: 'Export the account list to CSV (same filters as GET /accounts)',
          description: 'UTF-8 with BOM; text cells that could run as spreadsheet formulas start with a single quote. Re-importing the file changes nothing.',
          produces: ['text/csv'],
          querystring: ExportAccountsQuerySchema,
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const stream = await service.exportAccountsCsv(actor.workspaceId, request.query);
        const day = new Date().toISOString().slice(0, 10);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="accounts-${day}.csv"`)
          .send(stream);
      },
    );
  };
}
