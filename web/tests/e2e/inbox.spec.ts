import { createHmac } from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import { logInAsDemoOwner, newCustomer, openPhoneAs, writeFromPhone } from './demo';
import { expect, test } from './fixtures';
import { takeScreenshot } from './screenshots';

/** A 1×1 PNG. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('a customer writes from the simulator phone; the agent sees it live, replies, and the ticks turn blue', async ({ page, browser, baseURL }) => {
  await logInAsDemoOwner(page);
  await expect(page.getByTestId('conversation-item').first()).toBeVisible();
  await takeScreenshot(page, 'desktop-20-inbox');

  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true });
  const phone = await phoneContext.newPage();
  const customer = newCustomer('Zawadi Achieng');
  await openPhoneAs(phone, customer);
  await writeFromPhone(phone, 'Habari! Mnauza unga wa ngano?');
  await expect(phone.locator('#messages')).toContainText('Mnauza unga wa ngano');
  await takeScreenshot(phone, 'phone-20-simulator-customer-writes');

  // No reload: the conversation arrives over the inbox's event stream.
  const item = page.getByTestId('conversation-item').filter({ hasText: customer.name });
  await expect(item).toContainText('Mnauza unga wa ngano');
  await expect(item.getByLabel('1 unread message')).toBeVisible();
  await takeScreenshot(page, 'desktop-21-conversation-arrives');

  await item.click();
  await expect(page).toHaveURL(/\/inbox\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('conversation-title')).toHaveText(customer.name);
  const inbound = page.getByTestId('message').filter({ hasText: 'Mnauza unga wa ngano' });
  await expect(inbound).toHaveAttribute('data-direction', 'inbound');
  await expect(item.getByLabel('1 unread message')).toHaveCount(0);

  const reply = 'Ndiyo! Kilo 2 ni KSh 180. Tunaleta leo.';
  const composer = page.getByTestId('composer-input');
  await composer.fill(reply);
  await composer.press('Control+Enter');
  await expect(composer).toHaveValue('');
  const sent = page.getByTestId('message').filter({ hasText: reply });
  await expect(sent).toHaveAttribute('data-direction', 'outbound');
  await expect(sent.getByTestId('message-ticks')).toBeVisible();

  await expect(phone.locator('#messages')).toContainText(reply, { timeout: 20_000 });
  await takeScreenshot(phone, 'phone-21-simulator-gets-reply');
  // The phone page on screen marks the reply read: the ticks turn blue in the inbox.
  await expect(sent.getByTestId('message-ticks')).toHaveAttribute('data-state', 'read', { timeout: 20_000 });
  await takeScreenshot(page, 'desktop-22-reply-read');

  // An internal note stays in the team.
  await page.getByRole('radio', { name: 'Internal note' }).click();
  await composer.fill('Asked about unga prices; call back on Friday.');
  await composer.press('Control+Enter');
  const note = page.getByTestId('message').filter({ hasText: 'call back on Friday' });
  await expect(note).toHaveAttribute('data-direction', 'note');
  await expect(note).toContainText('Note');

  // A price list as a photo, with a caption; the upload shows its progress.
  await page.getByRole('radio', { name: 'Reply' }).click();
  await page.getByTestId('attachment-input').setInputFiles({ name: 'bei.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(page.getByTestId('attachment-chip')).toContainText('bei.png');
  await composer.fill('Bei zetu za wiki hii');
  await composer.press('Control+Enter');
  const sentPhoto = page.locator('[data-testid="message"][data-direction="outbound"][data-type="image"]');
  await expect(sentPhoto).toContainText('Bei zetu za wiki hii');
  await expect(sentPhoto.locator('img')).toBeVisible();
  await expect(page.getByTestId('attachment-chip')).toHaveCount(0);
  await expect(sentPhoto.getByTestId('message-ticks')).toHaveAttribute('data-state', /^(sent|delivered|read)$/, { timeout: 20_000 });

  // More from the customer while the agent looks: a photo and a location, live.
  await phone.getByRole('button', { name: 'Attach or share' }).click();
  await phone.getByRole('menuitem', { name: 'Photo' }).click();
  await phone.getByRole('button', { name: 'Attach or share' }).click();
  await phone.getByRole('menuitem', { name: 'Location' }).click();
  const photo = page.locator('[data-testid="message"][data-direction="inbound"][data-type="image"]');
  await expect(photo.locator('img')).toBeVisible({ timeout: 20_000 });
  const location = page.locator('[data-testid="message"][data-type="location"]');
  await expect(location.getByRole('link')).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/\?mlat=/);
  await expect(phone.locator('#messages')).not.toContainText('call back on Friday');
  // What arrives while the conversation is on screen counts as read.
  await expect(item.getByLabel(/unread message/)).toHaveCount(0);
  await takeScreenshot(page, 'desktop-23-note-photo-location');

  // The contact pane: rename and tag the customer.
  const details = page.getByTestId('details-panel');
  await details.getByLabel('Name', { exact: true }).fill('Zawadi A.');
  await details.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('conversation-title')).toHaveText('Zawadi A.');
  await details.getByLabel('Contact tags').fill('wholesale');
  await details.getByLabel('Contact tags').press('Enter');
  await expect(details.getByRole('button', { name: 'Remove tag wholesale' })).toBeVisible();

  // Resolve: it leaves the open list, and shows under Resolved.
  await details.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByTestId('conversation-status')).toHaveText('Resolved');
  await expect(page.getByTestId('conversation-item').filter({ hasText: 'Zawadi A.' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Resolved' }).click();
  await expect(page.getByTestId('conversation-item').filter({ hasText: 'Zawadi A.' })).toBeVisible();
  await takeScreenshot(page, 'desktop-24-resolved');

  // The customer writes again: the conversation reopens by itself.
  await writeFromPhone(phone, 'Asante sana 🙏');
  await expect(page.getByTestId('conversation-status')).toHaveText('Open');
  await expect(page.getByTestId('message').filter({ hasText: 'Asante sana' })).toBeVisible();
  await phoneContext.close();
});

test('a reply that WhatsApp cannot deliver is marked in red with the reason', async ({ page, browser, baseURL }) => {
  await logInAsDemoOwner(page);
  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true });
  const phone = await phoneContext.newPage();
  // Kofi is one of the simulator's customers whose number is not on WhatsApp: sends to him fail (131026).
  await phone.goto('/simulator/#233201234567');
  await expect(phone.locator('#customer-select')).toHaveValue('233201234567');
  await writeFromPhone(phone, 'Hello, do you deliver to Kumasi?');

  await page.getByTestId('conversation-item').filter({ hasText: 'deliver to Kumasi' }).click();
  const composer = page.getByTestId('composer-input');
  await composer.fill('Yes, in two days.');
  await composer.press('Control+Enter');
  const ticks = page.getByTestId('message').filter({ hasText: 'Yes, in two days.' }).getByTestId('message-ticks');
  await expect(ticks).toHaveAttribute('data-state', 'failed', { timeout: 20_000 });
  await ticks.hover();
  const details = page.getByTestId('failure-details');
  await expect(details).toBeVisible();
  await expect(details).toContainText(/131026/);
  await takeScreenshot(page, 'desktop-28-failed-with-reason');
  // A click (a tap on a phone) keeps the reason open after the pointer leaves.
  await ticks.click();
  await page.mouse.move(10, 10);
  await expect(details).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await phoneContext.close();
});

/** A signed webhook like the simulator sends, for a message the customer wrote two days ago. */
async function customerWroteTwoDaysAgo(request: APIRequestContext, customer: { name: string; waId: string }, text: string): Promise<void> {
  const config = (await (await request.get('/simulator/_sim/config')).json()) as {
    waba_id: string;
    numbers: { phone_number_id: string; display_phone_number: string }[];
  };
  const number = config.numbers[0]!;
  const timestamp = String(Math.floor(Date.now() / 1000) - 2 * 24 * 3600);
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: config.waba_id,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: number.display_phone_number.replace(/\D/g, ''), phone_number_id: number.phone_number_id },
              contacts: [{ profile: { name: customer.name }, wa_id: customer.waId }],
              messages: [{ from: customer.waId, id: `wamid.e2e.${Date.now()}`, timestamp, type: 'text', text: { body: text } }],
            },
          },
        ],
      },
    ],
  });
  // The simulator's app secret is a fixed, public, simulator-only value (imaradesk/config.py).
  const signature = createHmac('sha256', 'SIMULATOR-ONLY-app-secret').update(body).digest('hex');
  const response = await request.post('/webhooks/whatsapp', {
    data: body,
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': `sha256=${signature}` },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test('more than 24 hours after the customer wrote, only an approved template can be sent', async ({ page }) => {
  test.setTimeout(150_000); // the webhook may queue behind other specs' jobs on a busy machine
  await logInAsDemoOwner(page);

  await page.getByRole('link', { name: 'WhatsApp' }).click();
  await expect(page.getByTestId('numbers-list')).toContainText('+254 700 000 100');
  await page.getByRole('button', { name: 'Sync from WhatsApp' }).click();
  const templates = page.getByTestId('templates-table');
  await expect(templates.getByRole('row').filter({ hasText: 'weekly_promo' })).toContainText('Approved');
  await takeScreenshot(page, 'desktop-25-whatsapp-settings');

  const customer = newCustomer('Baraka Otieno');
  await customerWroteTwoDaysAgo(page.request, customer, 'Nilituma pesa juzi, oda yangu iko wapi?');
  // The webhook is acknowledged before it is processed; wait for the job queue to get to it.
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/conversations?q=${customer.waId}`)).json()).items.length, { timeout: 90_000 })
    .toBe(1);
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByTestId('conversation-item').filter({ hasText: customer.name }).click();

  const composer = page.getByTestId('composer');
  await expect(composer.getByTestId('window-closed')).toHaveText(
    'More than 24 h since the customer wrote — WhatsApp only allows an approved template.',
  );
  await expect(page.getByTestId('composer-input')).toHaveCount(0);
  const picker = composer.getByTestId('template-picker');
  await picker.getByLabel('Template').click();
  // order_update's "Open order" button links to a URL with a variable: the picker asks for it (composer.spec.ts).
  await expect(page.getByRole('option', { name: 'order_update · en_US' })).not.toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('option', { name: 'weekly_promo · en' }).click();
  await picker.getByRole('button', { name: 'Send template' }).click();
  await expect(picker.getByRole('alert').first()).toHaveText('Required.');
  await picker.getByLabel('Variable {{1}}').fill('Baraka');
  await picker.getByLabel('Variable {{2}}').fill('shoes');
  await expect(picker.getByTestId('template-preview')).toContainText('Hi Baraka, everything in shoes is 20% off until Sunday.');
  await takeScreenshot(page, 'desktop-26-template-picker');
  await picker.getByRole('button', { name: 'Send template' }).click();

  const sent = page.getByTestId('message').filter({ hasText: 'Hi Baraka, everything in shoes is 20% off until Sunday.' });
  await expect(sent).toHaveAttribute('data-type', 'template');
  await expect(sent.getByTestId('message-ticks')).toHaveAttribute('data-state', /^(sent|delivered|read)$/, { timeout: 20_000 });
  await takeScreenshot(page, 'desktop-27-template-sent');
});

test('keyboard and filters: / searches, j and k move, Esc closes the contact panel', async ({ page }) => {
  await logInAsDemoOwner(page);
  const items = page.getByTestId('conversation-item');
  await expect(items.first()).toBeVisible();

  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search conversations' });
  await expect(search).toBeFocused();
  await search.fill('namba A1023');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Wanjiru');
  await expect(page).toHaveURL(/q=namba/);
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(items).not.toHaveCount(1);

  const ids = await items.evaluateAll((links) => links.map((link) => link.getAttribute('data-conversation-id')));
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`/inbox/${ids[0]}$`));
  await page.keyboard.press('j');
  await expect(page).toHaveURL(new RegExp(`/inbox/${ids[1]}$`));
  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`/inbox/${ids[0]}$`));

  // Demo chats were auto-assigned to the two agents: none is the owner's, none is unassigned.
  await page.getByRole('radio', { name: 'Mine' }).click();
  await expect(page.getByText('No conversations match')).toBeVisible();
  await page.getByRole('radio', { name: 'Unassigned' }).click();
  await expect(page.getByText('No conversations match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(items.first()).toBeVisible();
  await page.getByRole('button', { name: 'More filters' }).click();
  await page.getByRole('switch', { name: 'Unread only' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'More filters (1 active)' })).toBeVisible();
  await expect(page).toHaveURL(/unread=1/);

  // Narrower screens show the contact as a panel over the conversation; Esc closes it.
  await page.setViewportSize({ width: 1100, height: 768 });
  await page.getByTestId('toggle-details').click();
  await expect(page.getByTestId('details-panel')).toBeVisible();
  await takeScreenshot(page, 'desktop-29-details-over-conversation');
  await page.locator('body').press('Escape');
  await expect(page.getByTestId('details-panel')).toBeHidden();
});

test('the agent assigns, tags and snoozes a conversation', async ({ page }) => {
  await logInAsDemoOwner(page);
  await page.getByTestId('conversation-item').filter({ hasText: 'Amadou' }).click();
  const details = page.getByTestId('details-panel');

  await details.getByLabel('Assigned agent').click();
  await page.getByRole('option', { name: 'Demo Owner' }).click();
  await expect(details.getByLabel('Assigned agent')).toHaveText('Demo Owner');
  await details.getByLabel('Conversation tags').fill('Delivery');
  await details.getByLabel('Conversation tags').press('Enter');
  await expect(details.getByRole('button', { name: 'Remove tag delivery' })).toBeVisible();
  await page.getByRole('radio', { name: 'Mine' }).click();
  const amadou = page.getByTestId('conversation-item').filter({ hasText: 'Amadou' });
  await expect(amadou).toContainText('delivery');
  await expect(page.getByTestId('conversation-item')).toHaveCount(1);

  await details.getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('button', { name: /^Tomorrow morning/ }).click();
  await expect(page.getByTestId('conversation-status')).toHaveText('Snoozed');
  await expect(details).toContainText(/until .*9:00/);
  await expect(amadou).toHaveCount(0);
  await page.getByRole('tab', { name: 'Snoozed' }).click();
  await expect(amadou).toBeVisible();
  await takeScreenshot(page, 'desktop-29a-snoozed-mine');

  await details.getByRole('button', { name: 'Reopen' }).click();
  await expect(page.getByTestId('conversation-status')).toHaveText('Open');
});

test('an unsent reply waits in its conversation: across other conversations and a reload, until it is sent', async ({ page }) => {
  await logInAsDemoOwner(page);
  const items = page.getByTestId('conversation-item');
  const input = page.getByTestId('composer-input');
  const draft = 'Pole kwa kuchelewa, tunaangalia oda yako sasa hivi.';
  await items.filter({ hasText: 'Wanjiru' }).click();
  await input.fill(draft);

  await items.filter({ hasText: 'Amadou' }).click();
  await expect(page.getByTestId('conversation-title')).toContainText('Amadou');
  await expect(input).toHaveValue('');
  // The list says which conversation holds an unsent reply.
  await expect(items.filter({ hasText: 'Wanjiru' }).getByTestId('conversation-preview')).toHaveText(`Draft: ${draft}`);
  await takeScreenshot(page, 'desktop-29b-draft-in-list');
  await items.filter({ hasText: 'Wanjiru' }).click();
  await expect(input).toHaveValue(draft);

  await page.reload();
  await expect(input).toHaveValue(draft);
  await takeScreenshot(page, 'desktop-29c-draft-kept');

  // Sent (here as an internal note, so the customer is not written to): the draft is gone.
  await page.getByRole('radio', { name: 'Internal note' }).click();
  await input.press('Control+Enter');
  await expect(page.getByTestId('message').filter({ hasText: draft })).toHaveAttribute('data-direction', 'note');
  await expect(input).toHaveValue('');
  await page.reload();
  await expect(page.getByTestId('message').filter({ hasText: draft })).toBeVisible();
  await expect(input).toHaveValue('');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the panes become pages with a back button', async ({ page }) => {
    await logInAsDemoOwner(page);
    await expect(page.getByTestId('conversation-item').first()).toBeVisible();
    await takeScreenshot(page, 'phone-22-inbox-list');

    await page.getByTestId('conversation-item').filter({ hasText: 'Wanjiru' }).click();
    await expect(page.getByTestId('conversation-view')).toBeVisible();
    await expect(page.getByTestId('conversation-list')).toBeHidden();
    await expect(page.getByTestId('message').first()).toBeVisible();
    await takeScreenshot(page, 'phone-23-conversation');

    // A reply started, then the agent goes back to the list: it is still there on return.
    await page.getByTestId('composer-input').fill('Nitakupigia simu baadaye');
    await page.getByTestId('back-to-list').click();
    await page.getByTestId('conversation-item').filter({ hasText: 'Wanjiru' }).click();
    await expect(page.getByTestId('composer-input')).toHaveValue('Nitakupigia simu baadaye');
    await page.getByTestId('composer-input').fill('');

    await page.getByTestId('toggle-details').click();
    await expect(page.getByTestId('details-panel')).toBeVisible();
    await expect(page.getByTestId('conversation-view')).toBeHidden();
    await takeScreenshot(page, 'phone-24-contact');
    await page.getByRole('button', { name: 'Back to the conversation' }).click();
    await expect(page.getByTestId('conversation-view')).toBeVisible();

    await page.getByTestId('back-to-list').click();
    await expect(page).toHaveURL(/\/inbox$/);
    await expect(page.getByTestId('conversation-list')).toBeVisible();
  });
});
