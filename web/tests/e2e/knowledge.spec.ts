import type { Page } from '@playwright/test';
import { demoLogin, logInAsDemoOwner } from './demo';
import { expect, logInThroughUi, test } from './fixtures';
import { buildPdf } from './pdf';
import { takeScreenshot } from './screenshots';

const PDF = 'delivery-terms.pdf';
const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

function deliveryPdf(mombasa: string): Buffer {
  return buildPdf([
    'Delivery — Orders inside Nairobi arrive the next working day.',
    `Deliveries to Mombasa take ${mombasa}.`,
    'Returns are free within 7 days if the seal is unbroken.',
  ]);
}

function documentRow(page: Page, name: string) {
  return page.getByTestId('documents-list').getByRole('listitem', { name, exact: true });
}

async function ask(page: Page, question: string): Promise<void> {
  await page.getByLabel('Question', { exact: true }).fill(question);
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
}

test('the owner uploads a PDF, asks a question and gets a quoted answer with its source', async ({ page }) => {
  await logInAsDemoOwner(page);
  await page.getByRole('link', { name: 'Knowledge base' }).click();
  await expect(page).toHaveURL(/\/knowledge$/);
  await expect(page.getByText('Upload your FAQ', { exact: true })).toBeVisible();
  // The embedding model in use, and (with no AI provider) why there is nothing to switch to.
  await expect(page.getByTestId('embedder-card')).toContainText('In use: Offline model (built in)');
  await takeScreenshot(page, 'desktop-49-knowledge-empty');

  // A real PDF with extractable text, in a collection.
  await page.getByLabel('Collection (optional)').fill('Delivery');
  // The upload is held back a moment, to see its progress bar.
  let releaseUpload = () => {};
  const uploadHeld = new Promise<void>((resolve) => (releaseUpload = resolve));
  await page.route('**/api/v1/knowledge/documents', async (route) => {
    if (route.request().method() === 'POST') await uploadHeld;
    await route.continue();
  });
  await page.getByTestId('document-input').setInputFiles([{ name: PDF, mimeType: 'application/pdf', buffer: deliveryPdf('three working days') }]);
  await expect(page.getByRole('progressbar', { name: `Upload of ${PDF}` })).toBeVisible();
  await takeScreenshot(page, 'desktop-50-knowledge-uploading');
  releaseUpload();
  const row = documentRow(page, PDF);
  await expect(row.getByTestId('document-status')).toHaveText('Ready', { timeout: 30_000 });
  await expect(row).toContainText('PDF');
  await expect(row).toContainText('1 page');
  await expect(row).toContainText('1 chunk');
  await expect(row).toContainText('Delivery');
  await expect(page.getByTestId('upload-queue')).toContainText('Uploaded');

  // The question panel validates through the API and shows its message under the field.
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Type a question' })).toBeVisible();

  await ask(page, 'Why? '.repeat(401));
  await expect(page.getByRole('alert').filter({ hasText: 'at most 2000 characters' })).toBeVisible();

  await ask(page, 'How long does delivery to Mombasa take?');
  const answer = page.getByTestId('knowledge-answer');
  await expect(answer.getByTestId('answer-mode')).toHaveText('Quoted from your documents (offline)', { timeout: 30_000 });
  await expect(answer.getByTestId('answer-text')).toContainText('three working days');
  await expect(answer.getByTestId('answer-text')).toContainText('[1]');
  const citation = answer.getByTestId('citation-card').first();
  await expect(citation).toContainText('[1]');
  await expect(citation).toContainText(PDF);
  await expect(citation).toContainText('Page 1');
  await expect(citation).toContainText(/\d+% match/);
  await expect(citation).toContainText('Deliveries to Mombasa take three working days.');
  await takeScreenshot(page, 'desktop-51-knowledge-answer');

  // Something the documents do not cover: an honest refusal, no sources.
  await ask(page, 'What is the weather like on Mars today?');
  await expect(answer.getByTestId('answer-mode')).toHaveText('Not in your documents');
  await expect(answer.getByTestId('citation-card')).toHaveCount(0);

  // A picture with a .pdf name is stored, then fails with the reason; one too big never leaves the browser.
  await page.getByTestId('document-input').setInputFiles([
    { name: 'price-list.pdf', mimeType: 'application/pdf', buffer: PNG_BYTES },
    { name: 'catalogue.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x20) },
  ]);
  await expect(page.getByTestId('upload-queue').getByRole('listitem', { name: 'catalogue.pdf' })).toContainText(
    'catalogue.pdf is larger than 20 MB',
  );
  const failed = documentRow(page, 'price-list.pdf');
  await expect(failed.getByTestId('document-status')).toHaveText('Failed', { timeout: 30_000 });
  await expect(failed.getByTestId('document-error')).toHaveText('This file is a PNG image, not a document we can read.');
  await takeScreenshot(page, 'desktop-52-knowledge-failed');

  await failed.getByRole('button', { name: 'Delete price-list.pdf' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('no longer answer from it');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(failed).toHaveCount(0);

  // A new version: the old one answers until it is ready, then gives way.
  const newVersion = 'delivery-terms-v2.pdf';
  await row.getByTestId('replace-input').setInputFiles([{ name: newVersion, mimeType: 'application/pdf', buffer: deliveryPdf('two working days') }]);
  const newRow = documentRow(page, newVersion);
  await expect(newRow.getByTestId('document-status')).toHaveText('Ready', { timeout: 30_000 });
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('document-row')).toHaveCount(1);
  await ask(page, 'How long does delivery to Mombasa take?');
  await expect(answer.getByTestId('answer-text')).toContainText('two working days');
  await expect(answer.getByTestId('citation-card').first()).toContainText(newVersion);

  // Deleting says the chunks go too.
  await newRow.getByRole('button', { name: `Delete ${newVersion}` }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Its 1 chunk goes with it');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(newRow).toBeVisible();
});

test('an agent sees the documents and can try a question, but not upload or delete', async ({ page }) => {
  await logInThroughUi(page, 'amina@demo.example.com', demoLogin().password);
  await expect(page).toHaveURL(/\/inbox$/);
  await page.goto('/knowledge');
  await expect(page.getByTestId('documents-list').or(page.getByText('No documents yet', { exact: false }))).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Upload documents' })).toHaveCount(0);
  await expect(page.getByTestId('document-input')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Delete / })).toHaveCount(0);
  await expect(page.getByTestId('embedder-card')).toHaveCount(0);
  await ask(page, 'How long does delivery to Mombasa take?');
  await expect(page.getByTestId('answer-mode')).toBeVisible({ timeout: 30_000 });
  await takeScreenshot(page, 'desktop-53-knowledge-agent');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('the knowledge base fits a phone screen', async ({ page }) => {
    await logInAsDemoOwner(page);
    await page.goto('/knowledge');
    await expect(page.getByRole('heading', { name: 'Knowledge base' })).toBeVisible();
    const faq = 'shop-faq-for-customers-who-ask-about-opening-hours.pdf';
    await page.getByTestId('document-input').setInputFiles([
      { name: faq, mimeType: 'application/pdf', buffer: buildPdf(['Opening hours — We are open 8 am to 6 pm, Monday to Saturday.']) },
    ]);
    await expect(documentRow(page, faq).getByTestId('document-status')).toHaveText('Ready', { timeout: 30_000 });
    await ask(page, 'When are you open on Saturday?');
    await expect(page.getByTestId('answer-text')).toContainText('8 am to 6 pm', { timeout: 30_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await takeScreenshot(page, 'phone-50-knowledge');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
