import { test as base, expect, type Page } from '@playwright/test';

export { expect };

/** The port is picked at run time by global-setup, so baseURL is read from its environment variable. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const baseUrl = process.env.E2E_BASE_URL;
    if (!baseUrl) throw new Error('E2E_BASE_URL is not set; global-setup did not run');
    await use(baseUrl);
  },
});

export const PASSWORD = 'correct-horse-battery';

let accountCounter = 0;

export function uniqueEmail(label: string): string {
  accountCounter += 1;
  return `${label}-${Date.now()}-${accountCounter}@example.com`;
}

export type Account = { workspaceName: string; name: string; email: string; password: string };

export function newOwnerAccount(workspaceName = 'Mama Mboga Groceries'): Account {
  return { workspaceName, name: 'Amina Owner', email: uniqueEmail('owner'), password: PASSWORD };
}

export async function signUpThroughUi(page: Page, account: Account): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Workspace name').fill(account.workspaceName);
  await page.getByLabel('Your name').fill(account.name);
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page).toHaveURL(/\/inbox$/);
}

/** Faster than the form when a test is about something else; page.request shares the page's cookies. */
export async function signUpThroughApi(page: Page, account: Account): Promise<void> {
  const response = await page.request.post('/api/v1/auth/signup', {
    data: { workspace_name: account.workspaceName, name: account.name, email: account.email, password: account.password },
  });
  expect(response.status(), await response.text()).toBe(201);
}

export async function logInThroughUi(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function logOutThroughUi(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
}
