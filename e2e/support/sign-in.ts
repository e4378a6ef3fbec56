import type { Page } from 'playwright-core';
import type { TestServer } from './server';

/** Signs in as the setup admin through the login form and waits for the signed-in shell. */
export async function signIn(page: Page, server: TestServer, path = '/accounts'): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(server.adminEmail);
  await page.getByLabel('Password').fill(server.adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('workspace-name').waitFor();
}
