import { expect, newOwnerAccount, signUpThroughApi, test } from './fixtures';
import { takeScreenshot } from './screenshots';

test('owner manages WhatsApp numbers and message templates', async ({ page }) => {
  await signUpThroughApi(page, newOwnerAccount('Duka la Simu'));
  await page.goto('/inbox');
  await page.getByRole('link', { name: 'WhatsApp' }).click();
  await expect(page).toHaveURL(/\/settings\/whatsapp$/);
  await expect(page.getByText('No WhatsApp number yet')).toBeVisible();
  await expect(page.getByText('No templates yet')).toBeVisible();
  await takeScreenshot(page, 'desktop-30-whatsapp-empty');

  // A template, written before any number is connected, stays local until synced.
  await page.getByRole('button', { name: 'New template' }).click();
  const templateDialog = page.getByRole('dialog');
  await templateDialog.getByLabel('Name').fill('Order Ready');
  await templateDialog.getByLabel('Message').fill('Hi {{1}}, your order {{3}} is ready.');
  await expect(templateDialog.getByText('Only lower-case letters, digits and underscores.')).toBeVisible();
  await expect(templateDialog.getByText('Number the variables {{1}}, {{2}}, … in order, without gaps.')).toBeVisible();
  await templateDialog.getByLabel('Name').fill('order_ready');
  await templateDialog.getByLabel('Message').fill('Hi {{1}}, your order {{2}} is ready for pickup.');
  await templateDialog.getByLabel('Example for {{1}}').fill('Amina');
  await templateDialog.getByLabel('Example for {{2}}').fill('A1023');
  await templateDialog.getByLabel('Footer (optional)').fill('Duka la Simu');
  await expect(templateDialog.getByTestId('template-preview')).toContainText('Hi Amina, your order A1023 is ready for pickup.');
  await takeScreenshot(page, 'desktop-31-template-dialog');
  await templateDialog.getByRole('button', { name: 'Submit for approval' }).click();
  const templateRow = page.getByTestId('templates-table').getByRole('row').filter({ hasText: 'order_ready' });
  await expect(templateRow).toContainText('Not submitted');
  await expect(templateRow).toContainText('Utility');

  await templateRow.getByRole('button', { name: 'Delete order_ready' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete template' }).click();
  await expect(page.getByText('No templates yet')).toBeVisible();

  // A number; its secrets are write-only.
  await page.getByRole('button', { name: 'Add number' }).click();
  const numberDialog = page.getByRole('dialog');
  await numberDialog.getByLabel('Phone number', { exact: true }).fill('+254 711 222 333');
  await numberDialog.getByLabel('Label').fill('Nairobi shop');
  await numberDialog.getByLabel('Phone-number ID').fill('not-digits');
  await numberDialog.getByLabel('WhatsApp Business Account ID').fill('123456789');
  await expect(numberDialog.getByText('Digits only (3 to 32).')).toBeVisible();
  await numberDialog.getByLabel('Phone-number ID').fill('109876543210');
  await numberDialog.getByLabel('Access token').fill('EAAG-secret-access-token-123');
  await numberDialog.getByLabel('App secret').fill('app-secret-456789');
  await expect(numberDialog.getByLabel('Verify token')).not.toHaveValue('');
  await takeScreenshot(page, 'desktop-32-add-number');
  await numberDialog.getByRole('button', { name: 'Add number' }).click();

  const numbers = page.getByTestId('numbers-list');
  await expect(numbers).toContainText('+254 711 222 333');
  await expect(numbers).toContainText('Nairobi shop');
  await expect(numbers).toContainText('109876543210');
  await expect(numbers.getByTestId('webhook-url')).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/whatsapp$/);
  await expect(page.getByText('EAAG-secret-access-token-123')).toHaveCount(0);
  await expect(page.getByText('app-secret-456789')).toHaveCount(0);

  // Meta does not know this number: the test says so instead of pretending.
  await numbers.getByRole('button', { name: 'Test connection' }).click();
  await expect(numbers.getByRole('status')).toBeVisible({ timeout: 20_000 });
  await takeScreenshot(page, 'desktop-33-number-tested');

  await numbers.getByRole('button', { name: 'Remove +254 711 222 333' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove number' }).click();
  await expect(page.getByText('No WhatsApp number yet')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the WhatsApp settings fit a phone screen', async ({ page }) => {
    await signUpThroughApi(page, newOwnerAccount('Kibanda'));
    await page.goto('/settings/whatsapp');
    await page.getByRole('button', { name: 'Add number' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await takeScreenshot(page, 'phone-30-add-number');
  });
});
