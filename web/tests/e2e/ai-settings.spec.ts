import type { Page } from '@playwright/test';
import { expect, logInThroughUi, newOwnerAccount, PASSWORD, signUpThroughApi, test, uniqueEmail } from './fixtures';
import { logInAsDemoOwner } from './demo';
import { takeScreenshot } from './screenshots';

/** The demo workspace is shared with the other specs: put its AI settings back as they were. */
async function resetAiSettings(page: Page): Promise<void> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((cookie) => cookie.name === 'imaradesk_csrf')?.value;
  if (!csrf) return;
  const headers = { 'X-CSRF-Token': decodeURIComponent(csrf) };
  const providers = await page.request.get('/api/v1/ai/providers');
  if (providers.ok()) {
    for (const provider of (await providers.json()) as { id: string }[]) {
      await page.request.delete(`/api/v1/ai/providers/${provider.id}`, { headers });
    }
  }
  await page.request.put('/api/v1/ai/routing', { headers, data: { routing: {}, intent_examples: {} } });
}

async function csrfHeaders(page: Page): Promise<Record<string, string>> {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'imaradesk_csrf')?.value ?? '';
  return { 'X-CSRF-Token': decodeURIComponent(csrf) };
}

/** The seeded messages are classified by a background job; wait until their calls are logged. */
async function waitForLoggedCalls(page: Page): Promise<void> {
  await expect
    .poll(async () => ((await (await page.request.get('/api/v1/ai/calls?limit=1')).json()) as { total: number }).total, { timeout: 90_000 })
    .toBeGreaterThan(0);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

test.describe('AI settings', () => {
  test.afterEach(async ({ page }) => {
    await resetAiSettings(page);
  });

  test('owner adds providers, tests a connection, orders routing, teaches an intent and reads the call log', async ({ page }) => {
    test.setTimeout(180_000);
    await logInAsDemoOwner(page);
    await resetAiSettings(page);
    await page.getByRole('link', { name: 'AI', exact: true }).click();
    await expect(page).toHaveURL(/\/settings\/ai$/);
    await expect(page.getByText('Only the offline provider is in use')).toBeVisible();
    await expect(page.getByTestId('offline-provider')).toContainText('It cannot translate, write replies or run agents.');
    await takeScreenshot(page, 'desktop-70-ai-providers-empty');

    // An OpenAI-compatible endpoint (Ollama, vLLM …) that is not running.
    await page.getByRole('button', { name: 'Add provider' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('Model', { exact: true })).toHaveValue('gemini-2.5-flash');
    await dialog.getByLabel('Provider').click();
    await page.getByRole('option', { name: 'OpenAI-compatible' }).click();
    await expect(dialog.getByLabel('Model', { exact: true })).toHaveValue('llama3.2');
    await expect(dialog.getByLabel('Base URL')).toHaveValue('http://127.0.0.1:11434/v1');
    await dialog.getByLabel('Base URL').fill('not a url');
    await dialog.getByLabel('Model', { exact: true }).click();
    await expect(dialog.getByText('Enter a full address starting with http:// or https://.')).toBeVisible();
    await dialog.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
    await takeScreenshot(page, 'desktop-71-ai-add-provider');
    await dialog.getByRole('button', { name: 'Add provider' }).click();
    await expect(dialog).toBeHidden();

    const compatible = page.getByTestId('ai-provider').filter({ hasText: 'OpenAI-compatible' });
    await expect(compatible).toContainText('llama3.2');
    await expect(compatible).toContainText('http://127.0.0.1:9/v1');
    await expect(compatible).toContainText('No key');

    await compatible.getByRole('button', { name: 'Test connection' }).click();
    const result = compatible.getByTestId('connection-test-result');
    await expect(result).toContainText('Failed.', { timeout: 30_000 });
    await expect(result).toContainText('could not be reached');

    // A cloud kind needs a key; the key is shown only as its last four characters.
    await page.getByRole('button', { name: 'Add provider' }).click();
    await dialog.getByLabel('Provider').click();
    await page.getByRole('option', { name: 'Anthropic' }).click();
    await expect(dialog.getByLabel('Model', { exact: true })).toHaveValue('claude-sonnet-4-20250514');
    await expect(dialog.getByLabel('Embedding model')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Add provider' }).click();
    await expect(dialog.getByText('This provider needs an API key.')).toBeVisible();
    await dialog.getByLabel('Base URL').fill('http://127.0.0.1:9');
    await dialog.getByLabel('API key', { exact: true }).fill('sk-ant-e2e-secret-9876');
    await dialog.getByRole('button', { name: 'Add provider' }).click();
    await expect(dialog).toBeHidden();
    const anthropic = page.getByTestId('ai-provider').filter({ hasText: 'Anthropic' });
    await expect(anthropic).toContainText('•••• 9876');
    await expect(page.getByText('sk-ant-e2e-secret-9876')).toHaveCount(0);
    await takeScreenshot(page, 'desktop-72-ai-providers');

    // Editing keeps the key unless it is replaced.
    await anthropic.getByRole('button', { name: 'Edit Anthropic' }).click();
    await expect(dialog.getByTestId('stored-key')).toHaveText('•••• 9876');
    await expect(dialog.getByRole('button', { name: 'Replace key' })).toBeVisible();
    await dialog.getByLabel('Timeout (seconds)').fill('5');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(anthropic).toContainText('•••• 9876');

    // Routing: the default order is Anthropic, then the endpoint, then offline.
    await openSection(page, 'Routing');
    await expect(page.getByTestId('offline-note')).toContainText('Offline mode cannot translate');
    const classification = page.getByTestId('task-routing').filter({ has: page.getByRole('heading', { name: 'Classification' }) });
    const steps = classification.getByTestId('route-step');
    await expect(steps).toHaveCount(3);
    await expect(steps.nth(0)).toHaveAttribute('data-provider', 'anthropic');
    await expect(steps.nth(2)).toHaveAttribute('data-provider', 'local');
    await classification.getByRole('button', { name: 'Move OpenAI-compatible up for Classification' }).click();
    await expect(steps.nth(0)).toHaveAttribute('data-provider', 'openai_compatible');
    // The keyboard stays on the provider that moved (its "up" is now disabled, so "down").
    await expect(classification.getByRole('button', { name: 'Move OpenAI-compatible down for Classification' })).toBeFocused();
    await expect(classification.getByText('Custom order')).toBeVisible();
    await takeScreenshot(page, 'desktop-73-ai-routing');
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Routing' })).toHaveAttribute('aria-selected', 'true');
    await expect(steps.nth(0)).toHaveAttribute('data-provider', 'openai_compatible');
    await expect(steps.nth(1)).toHaveAttribute('data-provider', 'anthropic');
    const translation = page.getByTestId('task-routing').filter({ has: page.getByRole('heading', { name: 'Translation' }) });
    await expect(translation.getByTestId('route-step').nth(0)).toHaveAttribute('data-provider', 'anthropic');

    // Intent examples: the workspace's own phrase replaces the built-in ones for that intent.
    await openSection(page, 'Intent examples');
    await expect(page.getByText('Built-in multilingual examples', { exact: false }).first()).toBeVisible();
    const greeting = page.getByTestId('intent-editor').filter({ has: page.getByText('Greeting', { exact: true }) });
    await expect(greeting).toContainText('Built-in examples');
    await greeting.getByLabel('Greeting', { exact: true }).fill('Shikamoo mzee\n\nshikamoo MZEE\nSannu da zuwa');
    await greeting.getByRole('button', { name: 'Save examples for Greeting' }).click();
    await expect(greeting).toContainText('2 own phrases');
    await takeScreenshot(page, 'desktop-74-ai-intents');
    await page.reload();
    await expect(greeting.getByLabel('Greeting', { exact: true })).toHaveValue('Shikamoo mzee\nSannu da zuwa');
    await expect(greeting).toContainText('2 own phrases');

    // The call log: the demo's messages were classified by the offline provider.
    await waitForLoggedCalls(page);
    await openSection(page, 'Call log');
    const calls = page.getByTestId('ai-call');
    await expect(calls.first()).toBeVisible();
    await expect(page.getByTestId('ai-calls')).toContainText('Offline (built in)');
    await expect(page.getByTestId('call-range')).toContainText(/^1–\d+ of \d+$/);
    await takeScreenshot(page, 'desktop-75-ai-call-log');
    await page.getByTestId('call-filters').getByLabel('Task').click();
    await page.getByRole('option', { name: 'Agent' }).click();
    await expect(page.getByText('No calls match these filters')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(calls.first()).toBeVisible();

    // Removing asks first.
    await openSection(page, 'Providers');
    await compatible.getByRole('button', { name: 'Remove OpenAI-compatible' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove provider' }).click();
    await expect(compatible).toHaveCount(0);
    await expect(anthropic).toBeVisible();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

    test('every AI settings section fits a phone screen', async ({ page }) => {
      test.setTimeout(120_000);
      await logInAsDemoOwner(page);
      await resetAiSettings(page);
      const created = await page.request.post('/api/v1/ai/providers', {
        headers: await csrfHeaders(page),
        data: { kind: 'openai', api_key: 'sk-phone-e2e-4321', base_url: 'http://127.0.0.1:9/v1' },
      });
      expect(created.status(), await created.text()).toBe(201);
      await waitForLoggedCalls(page);

      await page.goto('/settings/ai');
      await expect(page.getByTestId('ai-provider')).toContainText('•••• 4321');
      await expectNoSidewaysScroll(page);
      await takeScreenshot(page, 'phone-70-ai-providers');
      await page.getByRole('button', { name: 'Add provider' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await takeScreenshot(page, 'phone-71-ai-add-provider');
      await page.keyboard.press('Escape');
      await openSection(page, 'Routing');
      await expect(page.getByTestId('task-routing').first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      await takeScreenshot(page, 'phone-72-ai-routing');
      await openSection(page, 'Intent examples');
      await expect(page.getByTestId('intent-editor').first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      await takeScreenshot(page, 'phone-73-ai-intents');
      await openSection(page, 'Call log');
      await expect(page.getByTestId('ai-call-item').first()).toBeVisible();
      await expect(page.getByTestId('ai-calls')).toBeHidden();
      await expectNoSidewaysScroll(page);
      await takeScreenshot(page, 'phone-74-ai-call-log');
    });
  });

  test('an agent sees the providers and routing but changes nothing, and no call log', async ({ page }) => {
    await signUpThroughApi(page, newOwnerAccount('Soko Safi'));
    const headers = await csrfHeaders(page);
    const provider = await page.request.post('/api/v1/ai/providers', {
      headers,
      data: { kind: 'openai_compatible', base_url: 'http://127.0.0.1:9/v1', model: 'qwen2.5' },
    });
    expect(provider.status(), await provider.text()).toBe(201);
    const examples = await page.request.put('/api/v1/ai/routing', { headers, data: { intent_examples: { order_status: ['Mzigo wangu uko wapi?'] } } });
    expect(examples.status(), await examples.text()).toBe(200);
    const agentEmail = uniqueEmail('agent');
    const member = await page.request.post('/api/v1/members', { headers, data: { email: agentEmail, name: 'Baraka Agent', role: 'agent', password: PASSWORD } });
    expect(member.status(), await member.text()).toBe(201);
    await page.context().clearCookies();

    await logInThroughUi(page, agentEmail, PASSWORD);
    await expect(page).toHaveURL(/\/inbox$/);
    await page.goto('/settings/ai?section=calls');
    await expect(page.getByText('Only owners and admins can change them.')).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Call log' })).toHaveCount(0);
    await expect(page.getByRole('tab', { name: 'Providers' })).toHaveAttribute('aria-selected', 'true');
    const row = page.getByTestId('ai-provider');
    await expect(row).toContainText('qwen2.5');
    await expect(page.getByRole('button', { name: 'Add provider' })).toHaveCount(0);
    await expect(row.getByRole('button')).toHaveCount(0);
    await takeScreenshot(page, 'desktop-76-ai-agent-read-only');

    await openSection(page, 'Routing');
    await expect(page.getByTestId('task-routing').first()).toBeVisible();
    await expect(page.getByTestId('ai-routing').getByRole('button')).toHaveCount(0);
    await openSection(page, 'Intent examples');
    const orderStatus = page.getByTestId('intent-editor').filter({ hasText: 'Order status' });
    await expect(orderStatus).toContainText('Mzigo wangu uko wapi?');
    await expect(page.getByTestId('intent-examples').getByRole('textbox')).toHaveCount(0);
  });
});
