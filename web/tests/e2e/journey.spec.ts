import { expect, logInThroughUi, logOutThroughUi, newOwnerAccount, PASSWORD, signUpThroughUi, test, uniqueEmail } from './fixtures';
import { takeScreenshot } from './screenshots';

test('owner signs up, invites an agent who joins and later logs in', async ({ page }) => {
  const owner = newOwnerAccount();
  const agent = { name: 'Baraka Agent', email: uniqueEmail('agent'), password: 'agent-password-123' };

  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);

  await page.goto('/signup');
  await takeScreenshot(page, 'desktop-01-signup');
  await signUpThroughUi(page, owner);
  await expect(page.getByText('No conversations yet')).toBeVisible();
  await takeScreenshot(page, 'desktop-02a-inbox-empty');
  await page.getByRole('link', { name: 'Members' }).click();

  const members = page.getByTestId('members-table');
  await expect(members.getByRole('row').filter({ hasText: owner.email })).toContainText(owner.name);
  await expect(page.getByTestId('workspace-name')).toHaveText(owner.workspaceName);
  await expect(page.getByRole('button', { name: 'Invite member' })).toBeVisible();
  await takeScreenshot(page, 'desktop-02-members-owner');

  await page.getByRole('button', { name: 'Invite member' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('E-mail').fill(agent.email);
  await dialog.getByLabel('Role').click();
  await page.getByRole('option', { name: 'Agent' }).click();
  await takeScreenshot(page, 'desktop-03-invite-form');
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  const inviteLink = (await dialog.getByTestId('invite-link').textContent())?.trim() ?? '';
  expect(inviteLink).toMatch(/\/invite\/[^/]+$/);
  await takeScreenshot(page, 'desktop-04-invite-link');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('pending-invitations')).toContainText(agent.email);

  await logOutThroughUi(page);

  await page.goto(inviteLink);
  await expect(page.getByRole('heading', { name: `Join ${owner.workspaceName}` })).toBeVisible();
  await expect(page.getByTestId('invitation-email')).toHaveValue(agent.email);
  await page.getByLabel('Your name').fill(agent.name);
  await page.getByLabel('Choose a password').fill(agent.password);
  await takeScreenshot(page, 'desktop-05-accept-invitation');
  await page.getByRole('button', { name: 'Join workspace' }).click();

  await expect(page).toHaveURL(/\/inbox$/);
  await page.getByRole('link', { name: 'Members' }).click();
  await expect(members.getByRole('row').filter({ hasText: agent.email })).toContainText(agent.name);
  await expect(members.getByRole('row').filter({ hasText: owner.email })).toContainText('Owner');
  await expect(page.getByRole('button', { name: 'Invite member' })).toHaveCount(0);
  await expect(members.getByRole('combobox')).toHaveCount(0);
  await expect(members.getByRole('spinbutton')).toHaveCount(0);
  await expect(members.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByText('Pending invitations')).toHaveCount(0);

  await page.getByTestId('availability-menu').click();
  await page.getByRole('menuitemradio', { name: 'Online' }).click();
  await expect(members.getByRole('row').filter({ hasText: agent.email })).toContainText('Online');
  await takeScreenshot(page, 'desktop-06-members-agent');

  await logOutThroughUi(page);
  await logInThroughUi(page, agent.email, agent.password);
  await expect(page).toHaveURL(/\/inbox$/);
  await page.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByTestId('workspace-name')).toHaveText(owner.workspaceName);
  await expect(page.getByRole('button', { name: 'Invite member' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Workspace' }).click();
  await expect(page.getByText('Only owners and admins can change these settings.')).toBeVisible();
  await expect(page.getByLabel('Workspace name')).toBeDisabled();
  await takeScreenshot(page, 'desktop-07-workspace-agent');
});

test('a wrong password shows the server error message', async ({ page }) => {
  const owner = newOwnerAccount('Wrong Password Test');
  await page.request.post('/api/v1/auth/signup', {
    data: { workspace_name: owner.workspaceName, name: owner.name, email: owner.email, password: PASSWORD },
  });
  await page.context().clearCookies();

  const loginResponse = page.waitForResponse((response) => response.url().endsWith('/api/v1/auth/login'));
  await logInThroughUi(page, owner.email, 'not-the-password');
  const response = await loginResponse;
  expect(response.status()).toBe(401);
  const body = (await response.json()) as { code: string; message: string };
  expect(body.code).toBe('invalid_credentials');

  await expect(page.getByText(body.message)).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
  await takeScreenshot(page, 'desktop-08-login-wrong-password');
});

test('an unknown invitation link says what to do next', async ({ page }) => {
  await page.goto('/invite/not-a-real-token');
  await expect(page.getByRole('heading', { name: 'Invitation unavailable' })).toBeVisible();
  await expect(page.getByText('This invitation link is not valid or was already used.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to log in' })).toBeVisible();
  await takeScreenshot(page, 'desktop-16-invitation-invalid');
});

test('a deep link survives the login redirect', async ({ page }) => {
  const owner = newOwnerAccount('Deep Link Test');
  await page.request.post('/api/v1/auth/signup', {
    data: { workspace_name: owner.workspaceName, name: owner.name, email: owner.email, password: owner.password },
  });
  await page.context().clearCookies();
  await page.goto('/settings/teams');
  await expect(page).toHaveURL(/\/login\?next=%2Fsettings%2Fteams$/);
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/settings\/teams$/);
  await expect(page.getByRole('heading', { name: 'Teams' })).toBeVisible();
});
