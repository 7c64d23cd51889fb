import { expect, test, type Page } from '@playwright/test';
import { newContractForOneCreator } from './new-contracts';

const briefText = (page: Page) => page.getByRole('textbox', { name: 'Brief text' });
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/h/${name}.png` });

test('a brief saved as a gifting template starts a new gifting brief with its text; renamed, deleted and brought back', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/#/briefs');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.getByRole('button', { name: 'New brief' }).first().click();
  let dialog = page.getByRole('dialog', { name: 'New brief' });
  await dialog.getByLabel('Brief title').fill('Glow gifting master');
  await dialog.getByRole('button', { name: 'Create brief' }).click();
  await briefText(page).getByRole('heading', { name: 'Overview' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Unbox it on camera within the first three seconds.');

  await page.getByRole('button', { name: 'Save as team template' }).click();
  let save = page.getByRole('dialog', { name: 'Save as team template' });
  await save.getByLabel('Template name').fill('Gifting – first post');
  await save.getByLabel('For activation models').click();
  await page.getByRole('option', { name: 'Gifting / seeding' }).click();
  await save.getByText('A copy of this brief').click();
  await shot(page, 'brief-save-template');
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(save).toBeHidden();
  await expect(page.getByText('Saved “Gifting – first post” as a team template')).toBeVisible();

  // A second template of that name would be impossible to tell apart: refused, saying why.
  await page.getByRole('button', { name: 'Save as team template' }).click();
  save = page.getByRole('dialog', { name: 'Save as team template' });
  await save.getByLabel('Template name').fill('gifting – FIRST post');
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(save.getByText('A brief template called “Gifting – first post” already exists')).toBeVisible();
  await save.getByRole('button', { name: 'Cancel' }).click();

  // A gifting campaign's new brief offers it first, already chosen.
  await page.goto('/#/briefs');
  await page.getByRole('button', { name: 'New brief' }).first().click();
  dialog = page.getByRole('dialog', { name: 'New brief' });
  await dialog.getByRole('combobox', { name: 'For campaign or program' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  await expect(dialog.getByRole('radio', { name: 'A team template' })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Team template' })).toHaveValue('Gifting – first post · Gifting / seeding');
  await dialog.getByRole('combobox', { name: 'Team template' }).click();
  await expect(page.getByText('Team templates for Gifting / seeding')).toBeVisible();
  await shot(page, 'new-brief-templates');
  await page.getByRole('option', { name: 'Gifting – first post · Gifting / seeding' }).click();
  await dialog.getByRole('button', { name: 'Create brief' }).click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue('Spring Glow seeding brief');
  await expect(briefText(page)).toContainText('Unbox it on camera within the first three seconds.');
  await expect(briefText(page).getByRole('heading', { name: 'Key dates' })).toBeVisible();

  // An ambassador program's brief still starts from the built-in sections; the gifting one is further down.
  await page.goto('/#/briefs');
  await page.getByRole('button', { name: 'New brief' }).first().click();
  dialog = page.getByRole('dialog', { name: 'New brief' });
  await dialog.getByRole('combobox', { name: 'For campaign or program' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await expect(dialog.getByRole('radio', { name: 'Our brief sections' })).toBeChecked();
  await dialog.getByText('A team template').click();
  await dialog.getByRole('combobox', { name: 'Team template' }).click();
  await expect(page.getByText('Team templates for other activation models')).toBeVisible();
  await page.getByRole('option', { name: 'Gifting – first post · Gifting / seeding' }).click();

  // The template is edited where briefs are: renamed, deleted, and back with Undo.
  await dialog.getByRole('link', { name: 'Open the template' }).click();
  const bar = page.getByTestId('brief-template-bar');
  await expect(bar).toContainText('Team brief template');
  await expect(briefText(page)).toContainText('Unbox it on camera');
  await bar.getByRole('button', { name: 'Rename' }).click();
  const rename = page.getByRole('dialog', { name: 'Template name and models' });
  await rename.getByLabel('Template name').fill('Gifting – unboxing');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue('Gifting – unboxing');
  await shot(page, 'brief-template-screen');
  await bar.getByRole('button', { name: 'Delete template' }).click();
  await expect(page).toHaveURL(/#\/briefs$/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'New brief' }).first().click();
  dialog = page.getByRole('dialog', { name: 'New brief' });
  await dialog.getByText('A team template').click();
  await expect(dialog.getByRole('combobox', { name: 'Team template' })).toHaveValue('Gifting – unboxing · Gifting / seeding');
});

test('a message changed while writing is saved as a team template and used for the batch', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/campaigns');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  await page.getByRole('tab', { name: 'Outreach' }).click();
  await page.getByRole('button', { name: 'Change the message' }).click();
  const draft = page.getByTestId('message-draft');
  await draft.getByLabel('Subject').fill('A gift for you, {{first_name}}');
  await draft.getByLabel('Message').fill('Hi {{first_name}},\n\nA gifting box is on its way to you. No strings attached.');
  await expect(page.getByTestId('message-preview')).toContainText('A gifting box is on its way to you.');
  await draft.getByRole('button', { name: 'Save as team template' }).click();
  const save = page.getByRole('dialog', { name: 'Save message as team template' });
  await save.getByLabel('Template name').fill('Gift on its way');
  await shot(page, 'message-save-template');
  await save.getByRole('button', { name: 'Save template' }).click();
  await expect(save).toBeHidden();

  // Now the chosen template, offered first for gifting campaigns, in the team's list.
  await expect(page.getByRole('combobox', { name: 'Template', exact: true })).toHaveValue('Gift on its way (outreach email) · Gifting / seeding');
  await expect(draft).toBeHidden();
  await expect(page.getByTestId('message-preview')).toContainText('A gifting box is on its way to you.');
  await expect(page.getByTestId('template-row').filter({ hasText: 'Gift on its way' })).toContainText('Gifting / seeding');
  await page.getByRole('combobox', { name: 'Template', exact: true }).click();
  await expect(page.getByText('Team templates for Gifting / seeding')).toBeVisible();
  await shot(page, 'compose-templates');
  await page.keyboard.press('Escape');

  // Ticked creators get it in their batch.
  await page.getByRole('checkbox', { name: 'Select everyone shown' }).check();
  await page.getByRole('button', { name: /^Prepare batch for \d+$/ }).click();
  await expect(page.getByText('A gift for you,').first()).toBeVisible();
});

test('a contract’s clause set is saved for the team, chosen first for its campaign, updated, and deleted with Undo', async ({ page }) => {
  test.setTimeout(120_000);
  const { dialog } = await newContractForOneCreator(page);
  await dialog.getByRole('checkbox', { name: 'Confidentiality' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Governing law' }).uncheck();
  await dialog.getByRole('button', { name: 'Save these clauses as a team template' }).click();
  const save = page.getByRole('dialog', { name: 'Save clauses as team template' });
  await save.getByLabel('Template name').fill('Lean ambassador set');
  await save.getByRole('button', { name: 'Save clause set' }).click();
  await expect(save).toBeHidden();
  await expect(dialog.getByRole('combobox', { name: 'Clause set' })).toHaveValue('Lean ambassador set · Ambassador, Affiliate');
  await dialog.getByRole('button', { name: 'Create contract' }).click();
  await expect(dialog).toBeHidden();

  // Next time (a fresh window), for this campaign, the set is already chosen.
  await page.reload();
  await page.getByRole('button', { name: 'New contracts' }).first().click();
  await dialog.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Clause set' })).toHaveValue('Lean ambassador set · Ambassador, Affiliate');
  await expect(dialog.getByRole('checkbox', { name: 'Confidentiality' })).not.toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'Governing law' })).not.toBeChecked();
  // Changing a ticked clause offers to write it back into the set.
  await dialog.getByRole('checkbox', { name: 'Governing law' }).check();
  await dialog.getByRole('button', { name: 'Update “Lean ambassador set”' }).click();
  await expect(dialog.getByRole('button', { name: 'Update “Lean ambassador set”' })).toBeHidden();
  await shot(page, 'contract-clause-set');
  // The deal's own suggestions are still one choice away.
  await dialog.getByRole('combobox', { name: 'Clause set' }).click();
  await page.getByRole('option', { name: 'Suggested by each deal' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Confidentiality' })).toBeChecked();

  await dialog.getByRole('combobox', { name: 'Clause set' }).click();
  await page.getByRole('option', { name: 'Lean ambassador set · Ambassador, Affiliate' }).click();
  await expect(dialog.getByRole('checkbox', { name: 'Governing law' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Delete set' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Clause set' })).toHaveValue('Suggested by each deal');
  await page.getByText('Clause set “Lean ambassador set” deleted').locator('..').getByRole('button', { name: 'Undo' }).click();
  await dialog.getByRole('combobox', { name: 'Clause set' }).click();
  await expect(page.getByRole('option', { name: 'Lean ambassador set · Ambassador, Affiliate' })).toBeVisible();
});
