import { resolve } from 'node:path';
import type { Page } from '@playwright/test';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');

/** Screenshots of the key steps, kept in test-results/screenshots to be looked at. */
export async function takeScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}
