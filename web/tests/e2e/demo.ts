import { randomInt } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, logInThroughUi } from './fixtures';

/** The demo workspace `imaradesk seed-demo` created in global-setup, with a number on the simulator. */
export function demoLogin(): { email: string; password: string } {
  const email = process.env.E2E_DEMO_EMAIL;
  const password = process.env.E2E_DEMO_PASSWORD;
  if (!email || !password) throw new Error('E2E_DEMO_EMAIL is not set; global-setup did not seed the demo');
  return { email, password };
}

export type Customer = { name: string; waId: string };

export function newCustomer(name: string): Customer {
  return { name, waId: `2547${String(randomInt(10_000_000, 99_999_999))}` };
}

export async function logInAsDemoOwner(page: Page): Promise<void> {
  const demo = demoLogin();
  await logInThroughUi(page, demo.email, demo.password);
  await expect(page).toHaveURL(/\/inbox$/);
}

/** The simulator's phone page, used the way a person would: add a customer, pick them, type. */
export async function openPhoneAs(phone: Page, customer: Customer, language = 'Swahili'): Promise<void> {
  await phone.goto('/simulator/');
  await expect(phone.locator('#customer-select option').first()).toBeAttached();
  await phone.getByRole('button', { name: 'More options' }).click();
  await phone.getByRole('menuitem', { name: 'Add a customer…' }).click();
  const dialog = phone.getByRole('dialog', { name: 'Add a simulated customer' });
  await dialog.getByLabel('Name').fill(customer.name);
  await dialog.getByLabel('WhatsApp number').fill(customer.waId);
  await dialog.getByLabel('Language').fill(language);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(phone.locator('#customer-select')).toHaveValue(customer.waId);
}

export async function writeFromPhone(phone: Page, text: string): Promise<void> {
  await phone.getByLabel('Message', { exact: true }).fill(text);
  await phone.getByRole('button', { name: 'Send message' }).click();
}
