import { expect, newOwnerAccount, signUpThroughApi, test } from './fixtures';
import { takeScreenshot } from './screenshots';

test('owner edits the workspace, manages a team and an API token', async ({ page }) => {
  const owner = newOwnerAccount('Duka la Simu');
  await signUpThroughApi(page, owner);

  await page.goto('/settings/workspace');
  await expect(page.getByLabel('Workspace name')).toHaveValue(owner.workspaceName);
  await page.getByLabel('Workspace name').fill('Duka la Simu Ltd');
  await page.getByLabel('Time zone').click();
  await page.getByRole('option', { name: 'Africa/Nairobi' }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Workspace settings saved.')).toBeVisible();
  await expect(page.getByTestId('workspace-name')).toHaveText('Duka la Simu Ltd');
  await takeScreenshot(page, 'desktop-09-workspace-owner');

  await page.getByRole('link', { name: 'Teams' }).click();
  await expect(page.getByText('No teams yet')).toBeVisible();
  await takeScreenshot(page, 'desktop-10-teams-empty');
  await page.getByRole('button', { name: 'Create team' }).first().click();
  const teamDialog = page.getByRole('dialog');
  await teamDialog.getByLabel('Team name').fill('Sales');
  await teamDialog.getByLabel('Description').fill('Orders and prices');
  await teamDialog.getByRole('checkbox').first().click();
  await takeScreenshot(page, 'desktop-11-team-dialog');
  await teamDialog.getByRole('button', { name: 'Create team' }).click();
  const salesRow = page.getByRole('row').filter({ hasText: 'Sales' });
  await expect(salesRow).toContainText(owner.name);

  await salesRow.getByRole('button', { name: 'Edit Sales' }).click();
  await page.getByRole('dialog').getByLabel('Team name').fill('Sales Kenya');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Sales Kenya' })).toBeVisible();
  await takeScreenshot(page, 'desktop-12-teams');

  await page.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByTestId('members-table')).toContainText('Sales Kenya');

  await page.getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByText('No API tokens yet')).toBeVisible();
  await page.getByRole('button', { name: 'Create token' }).click();
  await page.getByRole('dialog').getByLabel('Token name').fill('Shop backend');
  await page.getByRole('dialog').getByRole('button', { name: 'Create token' }).click();
  const tokenValue = page.getByTestId('api-token-value');
  await expect(tokenValue).toHaveText(/^imd_/);
  await takeScreenshot(page, 'desktop-13-token-created');
  await page.getByRole('button', { name: 'I have saved it' }).click();

  const tokenRow = page.getByRole('row').filter({ hasText: 'Shop backend' });
  await expect(tokenRow).toContainText('Active');
  await tokenRow.getByRole('button', { name: 'Revoke Shop backend' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(tokenRow).toContainText('Revoked');
  await takeScreenshot(page, 'desktop-14-api-tokens');

  await page.getByRole('link', { name: 'Teams' }).click();
  await page.getByRole('button', { name: 'Delete Sales Kenya' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete team' }).click();
  await expect(page.getByText('No teams yet')).toBeVisible();
});

test('server field errors appear under the field', async ({ page }) => {
  await signUpThroughApi(page, newOwnerAccount('Field Errors'));
  await page.goto('/settings/members');
  await page.getByRole('button', { name: 'Invite member' }).click();
  const dialog = page.getByRole('dialog');
  // Passes the browser-side check but not the server's (a reserved domain).
  await dialog.getByLabel('E-mail').fill('someone@shop.invalid');
  const invitationResponse = page.waitForResponse((response) => response.url().endsWith('/api/v1/invitations'));
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  const response = await invitationResponse;
  expect(response.status()).toBe(422);
  const body = (await response.json()) as { details: { fields: Record<string, string> } };
  await expect(dialog.getByRole('alert')).toHaveText(body.details.fields.email!);
  await expect(dialog.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
  await takeScreenshot(page, 'desktop-15-field-error');
});
