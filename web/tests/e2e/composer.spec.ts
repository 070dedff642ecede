import { logInAsDemoOwner, newCustomer, openPhoneAs } from './demo';
import { expect, test } from './fixtures';
import { takeScreenshot } from './screenshots';

/** The composer's richer messages, seen from both ends: the agent's inbox and the simulator's phone page. */

test('templates with named and link variables, reply buttons, a quoted reply and a reaction reach the phone', async ({ page, browser, baseURL }) => {
  await logInAsDemoOwner(page);
  // The demo's templates come from the simulator's WhatsApp Business Account.
  await page.getByRole('link', { name: 'WhatsApp' }).click();
  await page.getByRole('button', { name: 'Sync from WhatsApp' }).click();
  await expect(page.getByTestId('templates-table').getByRole('row').filter({ hasText: 'delivery_reminder' })).toContainText('Approved');
  await page.getByRole('link', { name: 'Inbox' }).click();

  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true });
  const phone = await phoneContext.newPage();
  const customer = newCustomer('Neema Wambui');
  await openPhoneAs(phone, customer);
  await phone.getByLabel('Message', { exact: true }).fill('Habari, oda yangu itafika lini?');
  await phone.getByRole('button', { name: 'Send message' }).click();

  await page.getByTestId('conversation-item').filter({ hasText: customer.name }).click();
  await expect(page.getByTestId('conversation-title')).toHaveText(customer.name);
  const composer = page.getByTestId('composer');

  // The agent starts typing: the customer sees "typing…".
  await page.getByTestId('composer-input').fill('Ng');
  await expect(phone.locator('#biz-status')).toHaveText('typing…', { timeout: 15_000 });
  await takeScreenshot(phone, 'phone-40-business-typing');
  await page.getByTestId('composer-input').fill('');

  // A template with named variables: one field per name, the preview fills in as the agent types.
  await composer.getByRole('radio', { name: 'Template' }).click();
  const picker = composer.getByTestId('template-picker');
  await picker.getByLabel('Template').click();
  await page.getByRole('option', { name: 'delivery_reminder · en' }).click();
  await picker.getByRole('button', { name: 'Send template' }).click();
  await expect(picker.getByLabel('customer_name')).toHaveAttribute('aria-invalid', 'true');
  await picker.getByLabel('customer_name').fill('Neema');
  await picker.getByLabel('date').fill('Ijumaa 28 Nov');
  await expect(picker.getByTestId('template-preview')).toContainText('Hello Neema, your delivery is booked for Ijumaa 28 Nov.');
  await takeScreenshot(page, 'desktop-40-named-template-picker');
  await picker.getByRole('button', { name: 'Send template' }).click();
  const named = page.getByTestId('message').filter({ hasText: 'Hello Neema, your delivery is booked for Ijumaa 28 Nov.' });
  await expect(named).toHaveAttribute('data-type', 'template');
  await expect(phone.locator('#messages')).toContainText('Hello Neema, your delivery is booked for Ijumaa 28 Nov.', { timeout: 20_000 });

  // A template whose link button ends in a variable: the field is labelled with the link's start.
  await composer.getByRole('radio', { name: 'Template' }).click();
  await picker.getByLabel('Template').click();
  await page.getByRole('option', { name: 'order_update · en_US' }).click();
  await picker.getByLabel('Variable {{1}}').fill('Neema');
  await picker.getByLabel('Variable {{2}}').fill('A2077');
  const link = picker.getByLabel('Link: https://shop.example/o/…');
  await link.fill('A 2077');
  await link.blur();
  await expect(picker.getByText('No spaces in a link.')).toBeVisible();
  await link.fill('A2077');
  await takeScreenshot(page, 'desktop-41-link-template-picker');
  await picker.getByRole('button', { name: 'Send template' }).click();
  await expect(page.getByTestId('message').filter({ hasText: 'your order A2077 is on its way' })).toBeVisible();
  const linkButton = phone.locator('.reply-button.link').filter({ hasText: 'Open order' }).last();
  await expect(linkButton).toContainText('https://shop.example/o/A2077', { timeout: 20_000 });
  await takeScreenshot(phone, 'phone-41-templates-received');

  // Reply buttons: limits checked as the agent types, then sent.
  await composer.getByRole('radio', { name: 'Buttons / list' }).click();
  const builder = composer.getByTestId('buttons-builder');
  await builder.getByLabel('Message', { exact: true }).fill('Ungependa tufanye nini?');
  await builder.getByLabel('Button 1', { exact: true }).fill('Fuatilia oda yangu sasa hivi');
  await expect(builder.getByText('At most 20 characters.')).toBeVisible();
  await builder.getByLabel('Button 2', { exact: true }).fill('Ongea na mtu');
  await takeScreenshot(page, 'desktop-42-buttons-builder-invalid');
  await builder.getByLabel('Button 1', { exact: true }).fill('Fuatilia oda');
  await expect(builder.getByText('At most 20 characters.')).toHaveCount(0);
  await builder.getByRole('button', { name: 'Add button' }).click();
  await builder.getByLabel('Button 3', { exact: true }).fill('Ghairi oda');
  await takeScreenshot(page, 'desktop-43-buttons-builder');
  await builder.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('message').filter({ hasText: 'Ungependa tufanye nini?' })).toHaveAttribute('data-type', 'buttons');
  await expect(builder.getByLabel('Message', { exact: true })).toHaveValue('');
  const choices = phone.locator('.actions-list').last();
  await expect(choices.getByRole('button', { name: '↩ Fuatilia oda' })).toBeVisible({ timeout: 20_000 });
  await expect(choices.getByRole('button', { name: '↩ Ghairi oda' })).toBeVisible();
  await takeScreenshot(phone, 'phone-42-reply-buttons');

  // Reply to the customer's question, quoting it, and react to it.
  const question = page.locator('[data-testid="message"][data-direction="inbound"]').filter({ hasText: 'itafika lini?' });
  await question.hover();
  await question.getByRole('button', { name: 'Reply' }).click();
  await expect(composer.getByTestId('reply-preview')).toContainText('itafika lini?');
  await composer.getByRole('radio', { name: 'Reply', exact: true }).click();
  await page.getByTestId('composer-input').fill('Itafika Ijumaa asubuhi.');
  await takeScreenshot(page, 'desktop-44-quoted-reply');
  await page.getByTestId('composer-input').press('Control+Enter');
  await expect(composer.getByTestId('reply-preview')).toHaveCount(0);
  const quoted = page.getByTestId('message').filter({ hasText: 'Itafika Ijumaa asubuhi.' });
  await expect(quoted.locator('blockquote')).toContainText('itafika lini?');
  await question.hover();
  await question.getByRole('button', { name: 'React' }).click();
  await page.getByTestId('reaction-picker').getByRole('button', { name: 'React with 🙏' }).click();
  await expect(question.getByTestId('message-reactions')).toContainText('🙏', { timeout: 20_000 });
  await expect(phone.locator('#messages')).toContainText('Itafika Ijumaa asubuhi.', { timeout: 20_000 });
  await expect(phone.getByLabel('Reaction 🙏')).toBeVisible({ timeout: 20_000 });
  await takeScreenshot(page, 'desktop-45-reply-and-reaction');
  await takeScreenshot(phone, 'phone-43-quoted-reply');
  await phoneContext.close();
});

test('an admin edits a WhatsApp number; the token stays write-only', async ({ page }) => {
  await logInAsDemoOwner(page);
  await page.getByRole('link', { name: 'WhatsApp' }).click();
  const row = page.getByTestId('numbers-list').getByRole('listitem').first();
  await row.getByRole('button', { name: /^Edit / }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Access token')).toHaveValue('');
  await dialog.getByLabel('Label').fill('Duka – Nairobi shop');
  await dialog.getByLabel('Access token').fill('short');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByText('At least 8 characters.')).toBeVisible();
  await takeScreenshot(page, 'desktop-46-edit-number');
  await dialog.getByLabel('Access token').fill('');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Duka – Nairobi shop');
  await expect(row).toContainText('http://simulator.internal');
});

test('on a phone-sized screen an agent sends a list; the customer opens it on the phone page', async ({ page, browser, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logInAsDemoOwner(page);
  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true });
  const phone = await phoneContext.newPage();
  const customer = newCustomer('Juma Mwangi');
  await openPhoneAs(phone, customer);
  await phone.getByLabel('Message', { exact: true }).fill('Mnaleta wapi?');
  await phone.getByRole('button', { name: 'Send message' }).click();

  await page.getByTestId('conversation-item').filter({ hasText: customer.name }).click();
  const composer = page.getByTestId('composer');
  /** Nothing may scroll sideways: not the page, not the builder's page. */
  const expectNoSidewaysScroll = async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await composer.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  };

  // The builder opens as a page of its own over the conversation; back returns to it.
  await composer.getByRole('radio', { name: 'Buttons / list' }).click();
  const sheet = page.getByRole('dialog', { name: 'Buttons / list' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText(`To ${customer.name}`);
  await sheet.getByRole('button', { name: 'Back to the conversation' }).click();
  await expect(sheet).toHaveCount(0);
  await expect(composer.getByRole('radio', { name: 'Reply', exact: true })).toHaveAttribute('aria-checked', 'true');
  await composer.getByRole('radio', { name: 'Buttons / list' }).click();
  await expect(sheet).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await composer.getByRole('radio', { name: 'Buttons / list' }).click();

  await sheet.getByRole('radio', { name: 'List', exact: true }).click();
  const builder = sheet.getByTestId('list-builder');
  const send = builder.getByRole('button', { name: 'Send' });
  await expect(send).toBeInViewport({ ratio: 1 });
  await builder.getByLabel('Message', { exact: true }).fill('Chagua njia ya kupokea oda.');
  await builder.getByLabel('List button label').fill('Njia');
  await builder.getByLabel('Row 1', { exact: true }).fill('Delivery ya nyumbani leo jioni');
  await expect(builder.getByText('At most 24 characters.')).toBeVisible();
  await builder.getByLabel('Row 1', { exact: true }).fill('Nyumbani');
  await builder.getByLabel('Description (optional)').first().fill('Siku 1-2');
  await builder.getByRole('button', { name: 'Add row' }).click();
  await builder.getByLabel('Row 2', { exact: true }).fill('Duka la CBD');
  await builder.getByLabel('Description (optional)').nth(1).fill('Chukua mwenyewe');
  // The whole builder is taller than the screen: it scrolls as a page, the send button stays in reach.
  expect(await composer.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  await expect(send).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysScroll();
  // A focused field is not hidden behind the send bar.
  const lastDescription = builder.getByLabel('Description (optional)').nth(1);
  await lastDescription.focus();
  const [fieldBox, barBox] = await Promise.all([lastDescription.boundingBox(), send.boundingBox()]);
  expect(fieldBox!.y + fieldBox!.height).toBeLessThanOrEqual(barBox!.y);
  await builder.getByRole('button', { name: 'Add row' }).scrollIntoViewIfNeeded();
  await expect(send).toBeInViewport({ ratio: 1 });
  await takeScreenshot(page, 'mobile-40-list-builder');
  await composer.evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(builder.getByLabel('Message', { exact: true })).toBeInViewport();
  await expect(send).toBeInViewport({ ratio: 1 });
  await takeScreenshot(page, 'mobile-41-list-builder-top');
  await send.click();

  // Sent: back on the conversation, the list is in the thread.
  await expect(sheet).toHaveCount(0);
  const sent = page.getByTestId('message').filter({ hasText: 'Chagua njia ya kupokea oda.' });
  await expect(sent).toHaveAttribute('data-type', 'list');
  await expect(sent).toBeVisible();
  await expectNoSidewaysScroll();
  await takeScreenshot(page, 'mobile-42-list-sent');
  await phone.getByRole('button', { name: /Njia/ }).last().click({ timeout: 20_000 });
  await expect(phone.getByText('Duka la CBD')).toBeVisible();
  await takeScreenshot(phone, 'phone-44-list-opened');
  await phoneContext.close();
});
