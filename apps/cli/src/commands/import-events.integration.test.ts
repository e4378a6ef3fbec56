import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@northstar/server';
import { createTestEnv, runCli, setupWorkspace, type TestEnv } from '../../test/cli-process';

type Report = {
  format: string;
  records: number;
  accepted: number;
  rejected: number;
  errors: { line: number; reason: string }[];
  rollup: { accountDays: number };
};

const day = (n: number) => new Date(Date.UTC(2026, 2, 2 + n, 10, 30)).toISOString();

// NDJSON: a group call creates the account, the user joins it, then tracked use on past days.
// Lines 4 and 6 are bad: broken JSON, and a track without its event name.
const NDJSON = [
  JSON.stringify({ type: 'group', messageId: 'g-1', userId: 'u-1', groupId: 'acme', traits: { name: 'Acme' }, timestamp: day(0) }),
  JSON.stringify({ type: 'identify', messageId: 'i-1', userId: 'u-1', traits: { email: 'ann@acme.test' }, timestamp: day(0) }),
  JSON.stringify({ type: 'track', messageId: 't-1', userId: 'u-1', event: 'Report Created', timestamp: day(1) }),
  '{"type": "track", "userId": ',
  '',
  JSON.stringify({ type: 'track', messageId: 't-2', userId: 'u-1', timestamp: day(2) }),
  JSON.stringify({ type: 'page', messageId: 'p-1', userId: 'u-1', name: 'Dashboard', timestamp: day(2), sentAt: '2030-01-01T00:00:00Z' }),
].join('\n');

// CSV: groupId on a track row credits the account; row 3 has broken JSON, row 4 a bad time.
const CSV = [
  'type,userId,event,timestamp,messageId,groupId,properties',
  `track,u-2,Order Processed,${day(3)},c-1,acme,"{""amount"": 12}"`,
  `track,u-2,Order Processed,${day(3)},c-2,acme,{not json}`,
  `track,u-2,Order Processed,yesterday,c-3,acme,`,
  `track,u-2,Invite Sent,${day(4)},c-4,acme,`,
].join('\r\n');

describe('northstar import events (real CLI process)', () => {
  let target: TestEnv;
  let slug: string;

  before(async () => {
    target = await createTestEnv();
    slug = (await setupWorkspace(target.env)).workspace.slug;
    fs.writeFileSync(path.join(target.dataDir, 'events.ndjson'), NDJSON);
    fs.writeFileSync(path.join(target.dataDir, 'events.csv'), CSV);
  });
  after(async () => {
    await target.cleanup();
  });

  const importFile = async (file: string, ...extra: string[]) => {
    const result = await runCli(['import', 'events', path.join(target.dataDir, file), '--workspace', slug, ...extra], target.env);
    return { ...result, report: extra.includes('--json') ? (JSON.parse(result.stdout) as Report) : undefined };
  };

  /** Stored events and rolled-up account-days, read after the CLI process has exited. */
  const countStored = async () => {
    const database = await openDatabase({ databaseUrl: target.env.DATABASE_URL, dataDir: target.dataDir, owner: 'import events test' });
    try {
      const q = async (sql: string) => Number((await database.query(sql)).rows[0]!.n);
      return {
        events: await q('SELECT count(*) AS n FROM usage_events'),
        activityDays: await q('SELECT count(*) AS n FROM usage_account_days'),
        pageTimestamp: String((await database.query(`SELECT "timestamp" AS t FROM usage_events WHERE message_id = 'p-1'`)).rows[0]?.t),
      };
    } finally {
      await database.close();
    }
  };

  it('stores the valid NDJSON lines, names the bad ones by line, and rolls them up at once', async () => {
    const { code, report, stderr } = await importFile('events.ndjson', '--json');
    assert.equal(code, 1, 'exit 1 when a record was rejected');
    assert.match(stderr, /events \[/, 'a progress bar on stderr');
    assert.equal(report!.records, 6);
    assert.equal(report!.accepted, 4);
    assert.deepEqual(
      report!.errors.map((e) => [e.line, e.reason]),
      [
        [4, 'not valid JSON'],
        [6, 'event is required for track'],
      ],
    );
    assert.equal(report!.rollup.accountDays, 2, 'two days of activity for acme');
    const stored = await countStored();
    assert.equal(stored.events, 4);
    // sentAt is ignored in a backfill: the page keeps its own timestamp, not one shifted to now.
    assert.equal(new Date(stored.pageTimestamp).toISOString(), day(2));
  });

  it('adds nothing when the same file is imported again', async () => {
    const before = await countStored();
    const { report } = await importFile('events.ndjson', '--json');
    assert.equal(report!.accepted, 4);
    assert.deepEqual(await countStored(), before);
  });

  it('reads the documented CSV columns and prints rejected rows by line', async () => {
    const { code, stdout } = await importFile('events.csv');
    assert.equal(code, 1);
    assert.match(stdout, /accepted\s+2/);
    assert.match(stdout, /line 3: properties is not valid JSON/);
    assert.match(stdout, /line 4: timestamp is not an ISO 8601 date-time/);
    const stored = await countStored();
    assert.equal(stored.events, 6);
    assert.equal(stored.activityDays, 4, 'the CSV rows credited acme through their groupId');
  });

  it('refuses a CSV whose header names an unknown column', async () => {
    fs.writeFileSync(path.join(target.dataDir, 'bad.csv'), 'type,user,event\ntrack,u-1,X\n');
    const { code, stderr } = await importFile('bad.csv');
    assert.equal(code, 1);
    assert.match(stderr, /user: unknown column/);
  });
});
