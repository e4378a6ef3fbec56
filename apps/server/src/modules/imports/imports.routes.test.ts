import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { Account, ImportReport } from '@northstar/contracts';
import { createTestApp, createTestWorkspace, type TestApp, type TestWorkspace } from '../../testing/test-app';

const ACCOUNTS_HEADER = 'external_id,name,arr,renewal_date,tier\n';

describe('CSV import and export of accounts and contacts', () => {
  let t: TestApp;
  let ws: TestWorkspace;

  before(async () => {
    t = await createTestApp();
    ws = await createTestWorkspace(t.services, 'Import Co');
  });
  after(() => t.close());

  function postCsv(kind: 'accounts' | 'contacts', csv: string, query = '', workspace: TestWorkspace = ws) {
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${kind}${query ? `?${query}` : ''}`,
      headers: { ...workspace.admin.headers, 'content-type': 'text/csv' },
      payload: csv,
    });
  }

  async function accountsOf(workspace: TestWorkspace, filter: Record<string, string> = {}): Promise<Account[]> {
    const all: Account[] = [];
    for await (const page of t.services.accounts.iterateAccounts(workspace.id, filter)) all.push(...page);
    return all;
  }
  const byExternalId = async (workspace: TestWorkspace, externalId: string) => (await accountsOf(workspace, { externalId }))[0];

  it('refuses a file with one bad row, writes nothing and names the row and column', async () => {
    const w = await createTestWorkspace(t.services);
    const csv = ACCOUNTS_HEADER + 'a-1,Alpha,1000,2025-03-31,S\na-2,Beta,2000,31/02/2025,A\na-3,Gamma,3000,,B\n';
    const res = await postCsv('accounts', csv, '', w);
    assert.equal(res.statusCode, 422, res.body);
    const body = res.json() as { error: { code: string; details: { field: string; location: string; problem: string }[] }; report: ImportReport };
    assert.equal(body.error.code, 'IMPORT_FAILED');
    assert.deepEqual(body.report.errors, [{ row: 3, column: 'renewal_date', value: '31/02/2025', message: '"31/02/2025" is not a date' }]);
    assert.deepEqual(body.error.details, [{ field: 'renewal_date', location: 'row 3', problem: '"31/02/2025" is not a date' }]);
    assert.equal(body.report.written, false);
    assert.equal(body.report.refused, true);
    assert.equal((await accountsOf(w)).length, 0);
  });

  it('writes the good rows and reports the bad ones with skipBadRows', async () => {
    const w = await createTestWorkspace(t.services);
    const csv = ACCOUNTS_HEADER + 'a-1,Alpha,"1,000.50",2025-03-31,S\na-2,Beta,lots,2025-03-31,A\na-3,Gamma,3000,,Gold\na-4,,4000,,\n';
    const res = await postCsv('accounts', csv, 'skipBadRows=true', w);
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json() as ImportReport;
    assert.equal(report.written, true);
    assert.equal(report.created, 1);
    assert.equal(report.skipped, 3);
    assert.deepEqual(
      report.errors.map((e) => `row ${e.row}, column ${e.column}: ${e.message}`),
      [
        'row 3, column arr: "lots" is not a number',
        'row 4, column tier: "Gold" is not one of S, A, B or C',
        'row 5, column name: is required for a new account',
      ],
    );
    const accounts = await accountsOf(w);
    assert.deepEqual(accounts.map((a) => [a.externalId, a.arr, a.renewalDate, a.tier]), [['a-1', 1000.5, '2025-03-31', 'S']]);
  });

  it('writes nothing in a dry run and reports what would change', async () => {
    const w = await createTestWorkspace(t.services);
    await t.services.accounts.createAccount(w.id, { name: 'Alpha', externalId: 'a-1', arr: 1000, tier: 'S' });
    await t.services.accounts.createAccount(w.id, { name: 'Beta', externalId: 'a-2', arr: 2000 });
    const csv = ACCOUNTS_HEADER + 'a-1,Alpha,1500,2026-01-31,S\na-2,Beta,2000,,\na-3,Gamma,3000,,C\n';
    const res = await postCsv('accounts', csv, 'dryRun=true', w);
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json() as ImportReport;
    assert.deepEqual(
      { dryRun: report.dryRun, written: report.written, created: report.created, updated: report.updated, unchanged: report.unchanged },
      { dryRun: true, written: false, created: 1, updated: 1, unchanged: 1 },
    );
    assert.deepEqual(report.changes, [
      { row: 2, action: 'update', externalId: 'a-1', fields: ['arr', 'renewal_date'] },
      { row: 3, action: 'unchanged', externalId: 'a-2', fields: [] },
      { row: 4, action: 'create', externalId: 'a-3', fields: [] },
    ]);
    const stored = await accountsOf(w);
    assert.equal(stored.length, 2);
    assert.equal((await byExternalId(w, 'a-1'))!.arr, 1000);
  });

  it('updates by external id instead of duplicating, leaves empty cells alone and restores deleted accounts', async () => {
    const w = await createTestWorkspace(t.services);
    const alpha = await t.services.accounts.createAccount(w.id, { name: 'Alpha', externalId: 'a-1', arr: 1000, tier: 'S', renewalDate: '2025-06-30' });
    const beta = await t.services.accounts.createAccount(w.id, { name: 'Beta', externalId: 'a-2' });
    await t.services.accounts.deleteAccount(w.id, beta.id);
    const res = await postCsv('accounts', 'External ID,ARR,Renewal Date,Tier\na-1,"$2,500",,A\na-2,10,,\n', '', w);
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json() as ImportReport;
    assert.equal(report.updated, 2);
    assert.deepEqual(report.changes[1]!.fields, ['arr', 'restored']);
    const accounts = await accountsOf(w);
    assert.equal(accounts.length, 2);
    const updated = accounts.find((a) => a.id === alpha.id)!;
    assert.deepEqual([updated.name, updated.arr, updated.renewalDate, updated.tier], ['Alpha', 2500, '2025-06-30', 'A']);
    assert.equal(accounts.find((a) => a.id === beta.id)!.deletedAt, null);
  });

  it('keeps CJK text and multi-line quoted cells intact and counts rows as a spreadsheet does', async () => {
    const w = await createTestWorkspace(t.services);
    const csv = '\ufeff外部ID,客户名称,行业,年度经常性收入,续费日期\ncn-1,"北极星科技\n（上海）有限公司",制造业,"¥1,200,000",2025年3月31日\ncn-2,"Quote ""Co""",零售,abc,2025-01-01\n';
    const res = await postCsv('accounts', csv, 'skipBadRows=true', w);
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json() as ImportReport;
    // The multi-line cell keeps row 2 one row, so the bad amount is on row 3.
    assert.deepEqual(report.errors.map((e) => [e.row, e.column]), [[3, '年度经常性收入']]);
    const account = (await byExternalId(w, 'cn-1'))!;
    assert.deepEqual([account.name, account.industry, account.arr, account.renewalDate], ['北极星科技\n（上海）有限公司', '制造业', 1200000, '2025-03-31']);
  });

  it('refuses unknown columns by name until they are mapped or ignored', async () => {
    const w = await createTestWorkspace(t.services);
    await t.services.accounts.createCustomField(w.id, { key: 'segment', label: 'Segment', type: 'select', options: ['SMB', 'Enterprise'] });
    const csv = 'Kundennummer,Firma,Notes,Seg\nk-1,Acme,ignore me,enterprise\n';
    const refused = await postCsv('accounts', csv, '', w);
    assert.equal(refused.statusCode, 422);
    const unknown = (refused.json() as { report: ImportReport }).report.errors.map((e) => e.column);
    assert.deepEqual(unknown, ['Kundennummer', 'Firma', 'Notes', 'Seg']);
    const mapped = await postCsv('accounts', csv, 'map=Kundennummer%3Dexternal_id&map=Firma%3Dname&map=Notes%3D-&map=Seg%3Dcustom.segment', w);
    assert.equal(mapped.statusCode, 200, mapped.body);
    const account = (await byExternalId(w, 'k-1'))!;
    assert.deepEqual([account.name, account.customFields], ['Acme', { segment: 'Enterprise' }]);
  });

  it('asks for a date format when a slash date is ambiguous and follows the one given', async () => {
    const w = await createTestWorkspace(t.services);
    const csv = ACCOUNTS_HEADER + 'd-1,Delta,0,03/04/2025,\n';
    const ambiguous = await postCsv('accounts', csv, '', w);
    assert.equal(ambiguous.statusCode, 422);
    assert.match((ambiguous.json() as { report: ImportReport }).report.errors[0]!.message, /ambiguous.*--date-format/);
    const dmy = await postCsv('accounts', csv, 'dateFormat=dmy', w);
    assert.equal(dmy.statusCode, 200, dmy.body);
    assert.equal((await byExternalId(w, 'd-1'))!.renewalDate, '2025-04-03');
  });

  it('resolves owners by email and refuses emails of non-members', async () => {
    const w = await createTestWorkspace(t.services);
    const csm = await w.addUser('csm');
    const res = await postCsv('accounts', `external_id,name,owner_email\no-1,Omega,${csm.email.toUpperCase()}\no-2,Psi,stranger@example.com\n`, 'skipBadRows=true', w);
    const report = res.json() as ImportReport;
    assert.deepEqual(report.errors.map((e) => `row ${e.row}, column ${e.column}: ${e.message}`), [
      'row 3, column owner_email: "stranger@example.com" is not an active member of this workspace',
    ]);
    assert.equal((await byExternalId(w, 'o-1'))!.ownerId, csm.id);
  });

  it('refuses a file that names the same external id twice', async () => {
    const w = await createTestWorkspace(t.services);
    const res = await postCsv('accounts', ACCOUNTS_HEADER + 'x-1,One,,,\nx-1,Two,,,\n', '', w);
    assert.equal(res.statusCode, 422);
    assert.deepEqual((res.json() as { report: ImportReport }).report.errors.map((e) => [e.row, e.message]), [[3, 'external id "x-1" already appeared on row 2']]);
  });

  it('imports contacts linked to accounts by external id and upserts them by their own', async () => {
    const w = await createTestWorkspace(t.services);
    const account = await t.services.accounts.createAccount(w.id, { name: 'Alpha', externalId: 'a-1' });
    const csv =
      'Contact External ID,Account External ID,Name,Email,Role,Key Person\n' +
      'c-1,a-1,Li Wei,li.wei@example.com,Decision Maker,yes\n' +
      ',a-1,No Id,,champion,\n' +
      'c-3,missing,Ghost,ghost@example,admin,\n';
    const refused = await postCsv('contacts', csv, '', w);
    assert.equal(refused.statusCode, 422);
    assert.deepEqual((refused.json() as { report: ImportReport }).report.errors.map((e) => [e.row, e.column]), [
      [4, 'Email'],
      [4, 'Account External ID'],
    ]);
    const first = await postCsv('contacts', csv, 'skipBadRows=true', w);
    assert.equal((first.json() as ImportReport).created, 2);
    const again = await postCsv('contacts', 'external_id,title\nc-1,CEO\n', '', w);
    assert.equal((again.json() as ImportReport).updated, 1, again.body);
    const contacts = await t.services.accounts.listContacts(w.id, account.id);
    assert.deepEqual(
      contacts.map((c) => [c.externalId, c.name, c.role, c.isKeyPerson, c.title]).sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
      [
        ['c-1', 'Li Wei', 'decision_maker', true, 'CEO'],
        [null, 'No Id', 'champion', false, null],
      ],
    );
  });

  it('never touches another workspace’s rows with the same external id', async () => {
    const a = await createTestWorkspace(t.services, 'A');
    const b = await createTestWorkspace(t.services, 'B');
    const theirs = await t.services.accounts.createAccount(b.id, { name: 'B Alpha', externalId: 'shared-1', arr: 5 });
    const res = await postCsv('accounts', ACCOUNTS_HEADER + 'shared-1,A Alpha,100,,\n', '', a);
    assert.equal((res.json() as ImportReport).created, 1, res.body);
    const untouched = (await accountsOf(b))[0]!;
    assert.deepEqual([untouched.id, untouched.name, untouched.arr, untouched.updatedAt], [theirs.id, 'B Alpha', 5, theirs.updatedAt]);
    // Nor may workspace A's import reach B's account through its Northstar id.
    const byId = await postCsv('accounts', `id,name\n${theirs.id},Hijacked\n`, '', a);
    assert.equal(byId.statusCode, 422);
    assert.equal((await accountsOf(b))[0]!.name, 'B Alpha');
  });

  it('exports the filtered list as formula-safe CSV with a BOM that re-imports as a no-op', async () => {
    const w = await createTestWorkspace(t.services);
    const csm = await w.addUser('csm');
    await t.services.accounts.createCustomField(w.id, { key: 'balance', label: 'Balance', type: 'number' });
    await t.services.accounts.createAccount(w.id, {
      name: '=HYPERLINK("http://evil")',
      externalId: 'e-1',
      arr: 1200.5,
      tier: 'S',
      ownerId: csm.id,
      tags: ['-risk', '续费'],
      renewalDate: '2026-01-31',
      customFields: { balance: -42.5 },
    });
    await t.services.accounts.createAccount(w.id, { name: '北极星客户', tier: 'S', churnReason: null, domain: 'beijixing.cn' });
    await t.services.accounts.createAccount(w.id, { name: 'Other tier', externalId: 'e-3', tier: 'B' });

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/exports/accounts?tier=S', headers: w.admin.headers });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    const raw = res.rawPayload.toString('utf8');
    assert.ok(raw.startsWith('\ufeff'), 'starts with a UTF-8 BOM');
    const rows = parse(raw, { bom: true, columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 2);
    const evil = rows.find((r) => r.external_id === 'e-1')!;
    assert.equal(evil.name, `'=HYPERLINK("http://evil")`);
    assert.equal(evil.tags, `'-risk; 续费`);
    assert.equal(evil['custom.balance'], '-42.5', 'a negative number stays a number');
    assert.equal(evil.arr, '1200.5');
    assert.equal(evil.owner_email, csm.email.toLowerCase());
    assert.ok(rows.some((r) => r.name === '北极星客户' && r.external_id === ''));

    const before = await accountsOf(w);
    const reimport = await postCsv('accounts', raw, '', w);
    assert.equal(reimport.statusCode, 200, reimport.body);
    const report = reimport.json() as ImportReport;
    assert.deepEqual([report.created, report.updated, report.unchanged], [0, 0, 2], JSON.stringify(report.changes));
    assert.deepEqual(await accountsOf(w), before);
  });

  it('refuses a body that is not CSV', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/accounts', headers: ws.admin.headers, payload: { name: 'x' } });
    assert.equal(res.statusCode, 415);
  });

  it('forbids imports to CSMs and exports to nobody in the workspace', async () => {
    const csm = await ws.addUser('csm');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/imports/accounts', headers: { ...csm.headers, 'content-type': 'text/csv' }, payload: 'name\nx\n' });
    assert.equal(res.statusCode, 403);
    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/exports/accounts', headers: csm.headers });
    assert.equal(exported.statusCode, 200);
  });
});
