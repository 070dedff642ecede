import { expect, test } from './fixtures';
import { logInAsDemoOwner, newCustomer, openPhoneAs, writeFromPhone } from './demo';
import { takeScreenshot } from './screenshots';

test('a Swahili message from the phone shows its language, intent and sentiment in the inbox, offline', async ({ page, browser, baseURL }) => {
  await logInAsDemoOwner(page);
  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true });
  const phone = await phoneContext.newPage();
  const customer = newCustomer('Neema Kiptoo');
  await openPhoneAs(phone, customer);
  const text = 'Habari, oda yangu iko wapi? Nimesubiri siku tano sasa.';
  await writeFromPhone(phone, text);

  const item = page.getByTestId('conversation-item').filter({ hasText: customer.name });
  await item.click();
  const message = page.getByTestId('message').filter({ hasText: 'oda yangu iko wapi' });
  // The labels arrive over the event stream once the enrichment job has run: no reload.
  const insight = message.getByTestId('message-insight');
  await expect(insight.getByTestId('insight-language')).toHaveAttribute('data-language', 'sw', { timeout: 60_000 });
  await expect(insight.getByTestId('insight-language')).toHaveText('Swahili');
  await expect(insight.getByTestId('insight-intent')).toHaveAttribute('data-intent', 'order_status');
  await expect(insight.getByTestId('insight-intent')).toContainText('Order status');
  await expect(insight.getByTestId('insight-sentiment')).toBeVisible();
  // Offline there is no translation model, and the inbox says so rather than pretending.
  await expect(insight.getByTestId('translation-unavailable')).toContainText('offline provider cannot translate');
  await takeScreenshot(page, 'desktop-80-message-insight');

  // Writing back in the customer's language needs a provider; offline the composer says so plainly.
  await page.getByTestId('composer-input').fill('Your order leaves today.');
  await page.getByRole('button', { name: 'Translate to Swahili' }).click();
  await expect(page.getByTestId('draft-translation-error')).toContainText('offline provider cannot translate');
  await expect(page.getByTestId('composer-input')).toHaveValue('Your order leaves today.');
  await takeScreenshot(page, 'desktop-81-draft-translation-offline');

  const summary = page.getByTestId('conversation-summary');
  await summary.getByRole('button', { name: 'Summarise for a ticket' }).click();
  await expect(summary.getByTestId('summary-title')).not.toBeEmpty();
  await expect(summary).toContainText('Quoted from the conversation');
  await takeScreenshot(page, 'desktop-82-summary');
  await phoneContext.close();
});
