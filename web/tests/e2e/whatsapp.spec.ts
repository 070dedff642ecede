import { logInAsDemoOwner, newCustomer, openPhoneAs, writeFromPhone } from './demo';
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
  await expect(templateDialog.getByText('{{2}} is missing: number the variables {{1}}, {{2}}, … in order, without gaps.')).toBeVisible();
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

test('a template with named variables is written in the dialog, approved, then picked and sent from the inbox', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000); // the approval arrives by webhook after a simulated review
  // Unique per run: the demo workspace is shared by every spec of a run.
  const templateName = `pickup_ready_${Date.now().toString(36)}`;
  await logInAsDemoOwner(page);
  await page.getByRole('link', { name: 'WhatsApp' }).click();
  await page.getByRole('button', { name: 'New template' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill(templateName);
  await dialog.getByRole('radio', { name: 'Named ({{customer_name}})' }).click();
  await expect(dialog.getByText("Write {{customer_name}}, {{order_id}}… where each customer's details go")).toBeVisible();
  const message = dialog.getByLabel('Message');

  // Each wrong variable is named in the error, as the agent types.
  await message.fill('Hi {{Customer Name}}, your order is ready at {{pickup_point}}.');
  await expect(dialog.getByText('{{Customer Name}} is not a valid name: use lower-case letters, digits and underscores, e.g. {{customer_name}}.')).toBeVisible();
  await expect(message).toHaveAttribute('aria-invalid', 'true');
  await takeScreenshot(page, 'desktop-34-named-template-invalid');
  await message.fill('Hi {{1}}, your order is ready at {{pickup_point}}.');
  await expect(dialog.getByText('{{1}} is a number: give it a name such as {{customer_name}}, or choose numbered variables.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(dialog).toBeVisible();

  // Example fields follow the variables written in the header and the message.
  await dialog.getByLabel('Header (optional)').fill('Order {{order_id}}');
  await message.fill('Hi {{customer_name}}, your order {{order_id}} is ready at {{pickup_point}}.');
  await expect(message).not.toHaveAttribute('aria-invalid', 'true');
  const examples = dialog.getByTestId('template-examples');
  await expect(examples.getByRole('textbox')).toHaveCount(3);
  await examples.getByLabel('Example for {{order_id}}').fill('A1023');
  await examples.getByLabel('Example for {{customer_name}}').fill('Amina');
  await examples.getByLabel('Example for {{pickup_point}}').fill('Duka la CBD');
  const preview = dialog.getByTestId('template-preview');
  await expect(preview).toContainText('Order A1023');
  await expect(preview).toContainText('Hi Amina, your order A1023 is ready at Duka la CBD.');
  // The cursor is at the end: the inserted name is selected, so typing replaces it.
  await dialog.getByRole('button', { name: 'Insert variable {{variable_1}}' }).click();
  await page.keyboard.type('shop_phone');
  await expect(message).toHaveValue('Hi {{customer_name}}, your order {{order_id}} is ready at {{pickup_point}}. {{shop_phone}}');
  await expect(examples.getByLabel('Example for {{shop_phone}}')).toBeVisible();
  await expect(preview).toContainText('{{shop_phone}}');
  await message.fill('Hi {{customer_name}}, your order {{order_id}} is ready at {{pickup_point}}.');
  await expect(examples.getByLabel('Example for {{shop_phone}}')).toHaveCount(0);
  await expect(examples.getByLabel('Example for {{customer_name}}')).toHaveValue('Amina');
  await takeScreenshot(page, 'desktop-35-named-template-dialog');
  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(dialog).toBeHidden();

  // Submitted to the (simulated) WhatsApp Business Account; the list shows the approval when it comes.
  const row = page.getByTestId('templates-table').getByRole('row').filter({ hasText: templateName });
  await expect(row).toContainText('Pending review');
  await expect(row).toContainText('Hi {{customer_name}}, your order {{order_id}} is ready at {{pickup_point}}.');
  // Live (the inbox's event stream), not by asking again: the simulator approves after 2 s.
  await expect(row).toContainText('Approved', { timeout: 8_000 });
  await takeScreenshot(page, 'desktop-36-named-template-listed');

  // The same name again is refused by the server; the error lands on the name.
  await page.getByRole('button', { name: 'New template' }).click();
  await dialog.getByLabel('Name').fill(templateName);
  await dialog.getByLabel('Message').fill('Hello again.');
  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText(`Template '${templateName}' already exists in en.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // An agent picks it in the inbox: one field per name, and the customer gets the filled-in text.
  const phoneContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, hasTouch: true });
  const phone = await phoneContext.newPage();
  const customer = newCustomer('Zawadi Otieno');
  await openPhoneAs(phone, customer);
  await writeFromPhone(phone, 'Oda yangu iko tayari?');
  await page.getByRole('link', { name: 'Inbox' }).click();
  await page.getByTestId('conversation-item').filter({ hasText: customer.name }).click();
  const composer = page.getByTestId('composer');
  await composer.getByRole('radio', { name: 'Template' }).click();
  const picker = composer.getByTestId('template-picker');
  await picker.getByLabel('Template').click();
  await page.getByRole('option', { name: `${templateName} · en` }).click();
  await expect(picker.getByLabel('order_id')).toHaveAttribute('placeholder', 'e.g. A1023');
  await picker.getByLabel('order_id').fill('B2040');
  await picker.getByLabel('customer_name').fill('Zawadi');
  await picker.getByLabel('pickup_point').fill('Westlands');
  await expect(picker.getByTestId('template-preview')).toContainText('Order B2040');
  await expect(picker.getByTestId('template-preview')).toContainText('Hi Zawadi, your order B2040 is ready at Westlands.');
  await takeScreenshot(page, 'desktop-37-named-template-picked');
  await picker.getByRole('button', { name: 'Send template' }).click();
  const sent = page.getByTestId('message').filter({ hasText: 'Hi Zawadi, your order B2040 is ready at Westlands.' });
  await expect(sent).toHaveAttribute('data-type', 'template');
  await expect(phone.locator('#messages')).toContainText('Hi Zawadi, your order B2040 is ready at Westlands.', { timeout: 20_000 });
  await takeScreenshot(phone, 'phone-37-named-template-received');
  await phoneContext.close();
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

  test('the template dialog with named variables fits a phone screen', async ({ page }) => {
    await signUpThroughApi(page, newOwnerAccount('Kibanda cha Mama'));
    await page.goto('/settings/whatsapp');
    await page.getByRole('button', { name: 'New template' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Named ({{customer_name}})' }).click();
    await dialog.getByLabel('Message').fill('Habari {{customer_name}}, oda {{order_id}} iko tayari.');
    await dialog.getByLabel('Example for {{customer_name}}').fill('Amina');
    await expect(dialog.getByTestId('template-preview')).toContainText('Habari Amina, oda {{order_id}} iko tayari.');
    expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await takeScreenshot(page, 'phone-31-named-template-dialog');
  });
});
