import type { ImportReport } from '@northstar/contracts';

const SHOWN_ERRORS = 20;
const SHOWN_CHANGES = 20;

/** The human summary printed after `northstar import`: outcome, counts, first errors and changes. */
export function formatImportReport(report: ImportReport, file: string): string {
  const lines: string[] = [];
  if (report.refused) {
    lines.push(report.dryRun ? `Dry run of ${file}: this import would be refused.` : `Import of ${file} refused: nothing was written.`);
  } else if (report.dryRun) {
    lines.push(`Dry run of ${file}: nothing was written. This is what the import would do:`);
  } else {
    lines.push(`Imported ${file} (${report.rowCount} ${report.kind === 'accounts' ? 'account' : 'contact'} rows).`);
  }
  const width = String(Math.max(report.created, report.updated, report.unchanged, report.skipped)).length;
  const count = (label: string, n: number) => `  ${label.padEnd(10)}${String(n).padStart(width)}`;
  if (!report.refused || report.dryRun) {
    lines.push(count('created', report.created), count('updated', report.updated), count('unchanged', report.unchanged), count('skipped', report.skipped));
  }
  if (report.errorCount > 0) {
    lines.push('', `${report.errorCount} problem(s) (row 1 is the header, so the first data row is row 2):`);
    for (const e of report.errors.slice(0, SHOWN_ERRORS)) {
      lines.push(`  ${e.column === null ? `row ${e.row}` : `row ${e.row}, column ${e.column}`}: ${e.message}`);
    }
    if (report.errorCount > SHOWN_ERRORS) lines.push(`  … and ${report.errorCount - SHOWN_ERRORS} more (use --json for the first 1000)`);
  }
  if (report.dryRun) {
    const changes = report.changes.filter((c) => c.action !== 'unchanged').slice(0, SHOWN_CHANGES);
    if (changes.length > 0) {
      lines.push('', 'Changes:');
      for (const c of changes) {
        const who = c.externalId ?? '(no external id)';
        lines.push(`  row ${c.row}: ${c.action} ${who}${c.fields.length > 0 ? ` (${c.fields.join(', ')})` : ''}`);
      }
      if (report.created + report.updated > changes.length) lines.push(`  … and ${report.created + report.updated - changes.length} more`);
    }
  }
  if (report.refused && report.errors.some((e) => e.row > 1)) {
    lines.push('', 'Fix these rows, or pass --skip-bad-rows to import the good rows and skip the bad ones.');
  }
  return `${lines.join('\n')}\n`;
}
