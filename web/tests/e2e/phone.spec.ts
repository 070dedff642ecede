import { expect, newOwnerAccount, signUpThroughUi, test } from './fixtures';
import { takeScreenshot } from './screenshots';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test('login and members pages work on a phone-sized screen', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await takeScreenshot(page, 'phone-01-login');

  const owner = newOwnerAccount('Kibanda Phones');
  await signUpThroughUi(page, owner);
  await expect(page.getByText('No conversations yet')).toBeVisible();
  await takeScreenshot(page, 'phone-02a-inbox-empty');
  await page.goto('/settings/members');
  await expect(page.getByTestId('members-table')).toContainText(owner.name);
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await takeScreenshot(page, 'phone-02-members');

  await page.getByRole('button', { name: 'Open navigation' }).click();
  const nav = page.getByRole('dialog').getByRole('navigation', { name: 'Main navigation' });
  await expect(nav).toBeVisible();
  await takeScreenshot(page, 'phone-03-navigation');
  await nav.getByRole('link', { name: 'Teams' }).click();
  await expect(page).toHaveURL(/\/settings\/teams$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await takeScreenshot(page, 'phone-04-teams');

  await page.goto('/settings/members');
  await page.getByRole('button', { name: 'Invite member' }).click();
  await takeScreenshot(page, 'phone-05-invite-dialog');
});
