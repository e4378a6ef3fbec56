import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { Account, Contact, Playbook, Rule, RuleFiringPage, Task, TimelinePage, User } from '@northstar/contracts';
import { launchBrowser, screenshot } from './support/browser';
import { signIn } from './support/sign-in';
import { startTestServer, type TestServer } from './support/server';

/** A calendar day `days` from today (UTC), as the API takes renewal and due dates. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Issue 7's journeys in Chromium against a real server: log a touch on the account page (it joins
// the timeline and the contact's last-contacted date moves), work the task inbox (complete, skip
// with a reason), and create a rule whose dry-run lists the accounts it would fire for — then,
// once it fired, lists the same account as held back by its open CTA.
describe('work journey: timeline, task inbox, rules', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let harbor: Account;
  let contact: Contact;

  before(async () => {
    server = await startTestServer();
    // Renewal dates relative to today keep the rule's expectations true whenever the test runs.
    const [admin] = (await server.api<{ items: User[] }>('GET', '/users')).items;
    const account = (name: string, arr: number, renewalInDays: number) =>
      server.api<Account>('POST', '/accounts', {
        name,
        arr,
        currency: 'USD',
        renewalDate: dayFromToday(renewalInDays),
        lifecycleStage: 'rollout',
        ownerId: admin!.id,
      });
    harbor = await account('Harbor Analytics', 500000, 40);
    await account('Iris Media', 20000, 40);
    await account('Juniper Labs', 300000, 400);
    contact = await server.api<Contact>('POST', `/accounts/${harbor.id}/contacts`, {
      name: 'Mei Lin',
      role: 'champion',
      isKeyPerson: true,
    });
    await server.api('POST', `/accounts/${harbor.id}/contacts`, { name: 'Tom Baker' });
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } })).newPage();
    page.setDefaultTimeout(15_000);
    await signIn(page, server, `/accounts/${harbor.id}`);
  });
  after(async () => {
    // The last screen, to see where a failed step stopped.
    if (page) await screenshot(page, 'work-99-last').catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('logs a touch on the account page: it joins the timeline and the contact’s last contact moves', async () => {
    const timeline = page.getByTestId('account-timeline');
    await timeline.waitFor();
    assert.equal(contact.lastContactedAt, null);
    await page.getByRole('button', { name: 'Log a touch' }).click();
    const form = page.getByTestId('touch-form');
    await form.getByLabel('Type').selectOption({ label: 'Meeting' });
    await form.getByLabel('Title').fill('Rollout planning with finance');
    await form.getByLabel('Mei Lin').check();
    await form.getByLabel('Notes').fill('Agreed to onboard the finance team in March.');
    await form.getByRole('button', { name: 'Log touch' }).click();
    await form.waitFor({ state: 'detached' });

    const entry = timeline.getByTestId('timeline-touch').filter({ hasText: 'Rollout planning with finance' });
    await entry.waitFor();
    assert.match(await entry.innerText(), /Meeting/);
    assert.match(await entry.innerText(), /with Mei Lin/);

    // The contacts table shows Mei Lin's new last-contacted date; Tom Baker, not involved, has none.
    const contacts = page.getByRole('table', { name: 'Contacts' });
    const meiRow = contacts.getByRole('row', { name: /Mei Lin/ });
    await meiRow.getByRole('cell', { name: /\d{4}/ }).waitFor();
    const [mei, tom] = (await server.api<{ items: Contact[] }>('GET', `/accounts/${harbor.id}/contacts`)).items.sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    assert.ok(mei!.lastContactedAt, 'Mei Lin has a last-contacted date');
    assert.ok(Date.now() - Date.parse(mei!.lastContactedAt) < 10 * 60_000, 'and it is now');
    assert.equal(tom!.lastContactedAt, null);

    // Filtering the timeline by type: calls only leaves nothing, meetings brings it back.
    await timeline.getByRole('button', { name: 'Call', exact: true }).click();
    await timeline.getByText('Nothing of these types.').waitFor();
    await timeline.getByRole('button', { name: 'Meeting', exact: true }).click();
    await entry.waitFor();

    const feed = await server.api<TimelinePage>('GET', `/accounts/${harbor.id}/timeline`);
    const touch = feed.items.find((i) => i.kind === 'touch')?.touch;
    assert.equal(touch?.type, 'meeting');
    assert.deepEqual(touch?.contactIds, [mei!.id]);
    await screenshot(page, 'work-01-timeline');
  });

  it('completes an overdue task from the inbox and skips another with a reason', async () => {
    const overdue = await server.api<Task>('POST', '/tasks', {
      accountId: harbor.id,
      title: 'Send the QBR deck',
      dueDate: dayFromToday(-2),
      priority: 'high',
    });
    const later = await server.api<Task>('POST', '/tasks', {
      accountId: harbor.id,
      title: 'Plan the admin training',
      dueDate: dayFromToday(5),
    });
    assert.equal(overdue.isOverdue, true);

    await page.getByRole('link', { name: 'Tasks', exact: true }).click();
    await page.waitForURL(/\/tasks$/);
    const rows = page.getByTestId('task-row');
    const overdueRow = rows.filter({ hasText: 'Send the QBR deck' });
    await overdueRow.waitFor();
    // Due date order: the overdue task comes first and is marked as such.
    assert.match(await rows.first().innerText(), /Send the QBR deck/);
    assert.equal(await overdueRow.getAttribute('data-overdue'), 'true');
    assert.match(await overdueRow.innerText(), /2 d late/);
    assert.match(await page.getByTestId('inbox-counts').innerText(), /overdue\s*1/i);
    await screenshot(page, 'work-02-inbox');

    await overdueRow.getByRole('button', { name: 'Done' }).click();
    // It leaves the open list and shows under "Recently closed", where it can be reopened.
    const closed = page.getByRole('table', { name: 'Recently closed' });
    await closed.getByTestId('task-row').filter({ hasText: 'Send the QBR deck' }).getByRole('button', { name: 'Reopen' }).waitFor();
    await page.getByRole('table', { name: 'Tasks' }).getByText('Send the QBR deck').waitFor({ state: 'detached' });
    assert.equal((await server.api<Task>('GET', `/tasks/${overdue.id}`)).status, 'done');

    const laterRow = page.getByRole('table', { name: 'Tasks' }).getByTestId('task-row').filter({ hasText: 'Plan the admin training' });
    await laterRow.getByRole('button', { name: 'Skip' }).click();
    await laterRow.getByLabel('Why skip it?').fill('Customer postponed the training');
    await laterRow.getByRole('button', { name: 'Skip' }).click();
    await closed.getByText('Customer postponed the training').waitFor();
    const skipped = await server.api<Task>('GET', `/tasks/${later.id}`);
    assert.equal(skipped.status, 'skipped');
    assert.equal(skipped.skipReason, 'Customer postponed the training');
    await page.getByText('Nothing open. Well done.').waitFor();
  });

  it('creates a rule whose dry run lists the accounts it would fire for, then suppresses them while the CTA is open', async () => {
    const playbook = await server.api<Playbook>('POST', '/playbooks', {
      name: 'Renewal play',
      description: '',
      ctaReason: 'renewal',
      enabled: true,
      steps: [
        {
          key: 'renewal-call',
          kind: 'task',
          title: 'Renewal call',
          description: '',
          dueOffsetDays: 3,
          assignee: { kind: 'account_owner' },
          priority: 'high',
        },
        {
          key: 'tell-owner',
          kind: 'action',
          title: 'Tell the owner',
          action: { type: 'notify', to: { kind: 'account_owner' }, message: 'Renewal coming for {{account.name}}' },
        },
      ],
    });

    await page.getByRole('link', { name: 'Rules', exact: true }).click();
    await page.getByRole('button', { name: 'New rule' }).click();
    const editor = page.getByRole('form', { name: 'Rule editor' });
    await editor.getByLabel('Name', { exact: true }).fill('60-day renewal play');
    await editor.getByLabel('Trigger').selectOption({ label: 'Renewal is near' });
    await editor.getByLabel('Days').fill('60');
    await editor.getByRole('button', { name: 'Add condition' }).click();
    const condition = editor.getByTestId('condition').first();
    await condition.getByLabel('Field').selectOption({ label: 'ARR' });
    await condition.getByLabel('Operator').selectOption({ label: 'at least' });
    await condition.getByLabel('Value').fill('100000');
    await editor.getByLabel('Playbook').selectOption({ label: playbook.name });

    // Iris Media renews in time but is too small; Juniper Labs is big but renews in 400 days.
    await editor.getByRole('button', { name: 'Dry run' }).click();
    await page.getByTestId('dry-run-count').filter({ hasText: 'This rule would fire for 1 accounts now.' }).waitFor();
    assert.deepEqual(await page.getByTestId('dry-run-accounts').getByRole('link').allTextContents(), ['Harbor Analytics']);
    await screenshot(page, 'work-03-rule-dry-run');

    await editor.getByRole('button', { name: 'Save rule' }).click();
    await page
      .getByRole('table', { name: 'Rules' })
      .getByRole('row', { name: /60-day renewal play/ })
      .waitFor();
    const [rule] = (await server.api<{ items: Rule[] }>('GET', '/rules')).items;
    assert.equal(rule?.name, '60-day renewal play');
    assert.deepEqual(rule?.trigger, { type: 'renewal_in_days', days: 60 });
    assert.deepEqual(rule?.conditions, { op: 'and', conditions: [{ field: 'arr', operator: 'gte', value: 100000 }] });
    assert.equal(rule?.playbookId, playbook.id);
    assert.equal(rule?.enabled, true);

    // Evaluate now rather than wait for the scan job; it fires once, for Harbor Analytics. Saving
    // the rule also kicked the scan job: when it claimed the firing first, evaluate answers while
    // the job's firing is still pending, so wait for it to finish.
    await server.api('POST', '/rules/evaluate');
    let firings = await server.api<RuleFiringPage>('GET', `/rules/${rule!.id}/firings`);
    for (const start = Date.now(); firings.items.some((f) => f.outcome === 'pending') && Date.now() - start < 10_000;) {
      await new Promise((r) => setTimeout(r, 100));
      firings = await server.api<RuleFiringPage>('GET', `/rules/${rule!.id}/firings`);
    }
    assert.deepEqual(
      firings.items.map((f) => [f.accountName, f.outcome]),
      [['Harbor Analytics', 'fired']],
    );

    // The saved rule's dry run now holds Harbor Analytics back: its CTA from this rule is open.
    await page.reload();
    await page.getByRole('form', { name: 'Rule editor' }).getByRole('button', { name: 'Dry run' }).click();
    await page.getByTestId('dry-run-count').filter({ hasText: 'would fire for 0 accounts' }).waitFor();
    assert.deepEqual(await page.getByTestId('dry-run-suppressed').getByRole('link').allTextContents(), ['Harbor Analytics']);
    await page
      .getByRole('table', { name: 'Firing log' })
      .getByRole('row', { name: /Harbor Analytics/ })
      .waitFor();
    await screenshot(page, 'work-04-rule-suppressed');

    // The playbook's notify step reached the account owner (the admin): the bell counts it until read.
    await page.getByTestId('notification-count').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('notification-bell').click();
    const notices = page.getByRole('dialog', { name: 'Notifications' });
    await notices.getByText('Renewal coming for Harbor Analytics').waitFor();
    await notices.getByRole('button', { name: 'Mark read' }).click();
    await page.getByTestId('notification-count').waitFor({ state: 'detached' });

    // Under admin, the webhook signing secret is rotated and shown once.
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const secret = await page.getByTestId('secret-value').innerText();
    assert.match(secret, /^whsec_/);
    // The settings refetch after the rotation shows the new secret's prefix.
    const prefix = await page
      .getByTestId('secret-prefix')
      .filter({ hasText: /^whsec_/ })
      .innerText();
    assert.ok(secret.startsWith(prefix.replace('…', '')), `${secret} starts with ${prefix}`);
    await screenshot(page, 'work-04b-webhooks');
  });

  it('edits a playbook into versions, restores one, starts it on an account, and shows the SOP and coverage reports', async () => {
    await page.getByRole('link', { name: 'Playbooks', exact: true }).click();
    await page.getByRole('button', { name: 'New playbook' }).click();
    const editor = page.getByRole('form', { name: 'Playbook editor' });
    await editor.getByLabel('Name', { exact: true }).fill('Onboarding SOP');
    await editor.getByLabel('CTA reason').selectOption({ label: 'Lifecycle' });
    await editor.getByRole('button', { name: 'Add task step' }).click();
    const steps = editor.getByTestId('playbook-step');
    await steps.nth(0).getByLabel('Title').fill('Kick-off call');
    await steps.nth(0).getByLabel('Due after (days)').fill('2');
    await steps.nth(0).getByLabel('Priority').selectOption({ label: 'High' });
    await editor.getByRole('button', { name: 'Add automatic action' }).click();
    await steps.nth(1).getByLabel('Title').fill('Tag onboarding');
    await steps.nth(1).getByLabel('Tag').fill('onboarding');
    await steps.nth(1).getByRole('button', { name: 'Move up' }).click();
    await editor.getByRole('button', { name: 'Create playbook' }).click();
    await page
      .getByTestId('playbook-list')
      .getByRole('button', { name: /Onboarding SOP/ })
      .waitFor();

    const created = (await server.api<{ items: Playbook[] }>('GET', '/playbooks')).items.find((p) => p.name === 'Onboarding SOP')!;
    assert.equal(created.ctaReason, 'lifecycle');
    assert.deepEqual(
      created.steps.map((s) => [s.key, s.kind]),
      [
        ['tag-onboarding', 'action'],
        ['kick-off-call', 'task'],
      ],
    );

    // A second save is version 2; restoring version 1 saves it again as version 3.
    await page.getByRole('form', { name: 'Playbook editor' }).getByTestId('playbook-step').nth(1).getByLabel('Due after (days)').fill('5');
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await page.getByTestId('playbook-versions').getByText('v2').waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .getByTestId('playbook-versions')
      .getByRole('listitem')
      .filter({ hasText: 'v1' })
      .getByRole('button', { name: 'Restore this version' })
      .click();
    await page.getByTestId('playbook-versions').getByText('restored v1').waitFor();
    const restored = await server.api<Playbook>('GET', `/playbooks/${created.id}`);
    assert.equal(restored.version, 3);
    const kickoff = restored.steps.find((s) => s.key === 'kick-off-call');
    assert.equal(kickoff?.kind === 'task' ? kickoff.dueOffsetDays : undefined, 2);
    await screenshot(page, 'work-05-playbook-editor');

    // Started on an account, its task step shows among the account's open work.
    await page.goto(`${server.baseUrl}/accounts/${harbor.id}`);
    await page.getByRole('button', { name: 'Start playbook' }).click();
    await page.getByLabel('Playbook', { exact: true }).selectOption({ label: 'Onboarding SOP' });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const work = page.getByTestId('account-work');
    await work.getByTestId('task-row').filter({ hasText: 'Kick-off call' }).waitFor();
    await work.scrollIntoViewIfNeeded();
    await screenshot(page, 'work-05b-account-work');
    assert.match(await work.innerText(), /Onboarding SOP/);

    await page.getByRole('link', { name: 'SOP execution', exact: true }).click();
    await page.getByRole('heading', { name: 'SOP execution' }).waitFor();
    await page
      .getByRole('table', { name: 'By playbook' })
      .getByRole('row', { name: /Onboarding SOP/ })
      .waitFor();
    await screenshot(page, 'work-06-sop');

    await page.getByRole('link', { name: 'Coverage', exact: true }).click();
    await page.getByRole('heading', { name: 'Lifecycle coverage' }).waitFor();
    await page.getByRole('img', { name: 'Touches per stage (per 30 account-days)' }).waitFor();
    await page
      .getByRole('table', { name: 'Portfolios' })
      .getByRole('row', { name: /Ada Admin/ })
      .waitFor();
    // Juniper Labs, in rollout and never touched, is listed; Harbor Analytics had a meeting today.
    const stale = page.getByTestId('stale-accounts');
    await stale.getByRole('link', { name: 'Juniper Labs' }).waitFor();
    assert.equal(await stale.getByRole('link', { name: 'Harbor Analytics' }).count(), 0);
    await screenshot(page, 'work-07-coverage');

    // The same report in Simplified Chinese, with the pattern names of DOMAIN §4.
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '生命周期覆盖' }).waitFor();
    await page.getByRole('link', { name: '任务', exact: true }).waitFor();
    await screenshot(page, 'work-08-coverage-zh');
  });
});
