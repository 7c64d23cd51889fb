import { expect, type Browser, type Page } from '@playwright/test';

// Each teammate's laptop is a fresh browser profile (its own IndexedDB and localStorage).

/** A first laptop: a fresh browser profile with a workspace of its own. */
export async function ownWorkspace(browser: Browser, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Start my own workspace' }).click();
  await page.getByLabel('Brand or team name').fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  return page;
}

/** A teammate's laptop: a fresh browser profile that joins with the invite (and says who they are, if given). */
export async function joinTeam(browser: Browser, invite: string, name?: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Switch workspace' }).click();
  await page.getByRole('menuitem', { name: 'Join a team workspace…' }).click();
  await page.getByLabel('Invite').fill(invite);
  if (name) await page.getByLabel('Your name, as teammates will see it').fill(name);
  await page.getByRole('button', { name: 'Join workspace' }).click();
  return page;
}

/** Sets the name teammates see (Settings → Your name). */
export async function setMyName(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Your name', exact: true }).fill(name);
  // Exact: Settings has other saves ("Save mailbox").
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();
}

/** Connects the open workspace to the team server (Settings → Connect to a team server). */
export async function connectTeam(page: Page, invite: string): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Invite').fill(invite);
  await page.getByRole('button', { name: 'Connect to the team server' }).click();
  await expect(page.getByTestId('sync-indicator').first()).toHaveText(/Synced/);
}

/** Adds a creator by name alone (Creators → Add creator). */
export async function addCreator(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Creators' }).click();
  await page.getByRole('button', { name: /Add (your first )?creator/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a creator' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Add creator' }).click();
  await expect(dialog).toBeHidden();
}

/** Changes the phone number on the open creator profile's contact card. */
export async function editPhone(page: Page, phone: string): Promise<void> {
  const contact = page.getByTestId('contact-card');
  await contact.getByRole('button', { name: 'Edit contact' }).click();
  await contact.getByRole('textbox', { name: 'Phone', exact: true }).fill(phone);
  await contact.getByRole('button', { name: 'Save' }).click();
  await expect(contact.getByText(phone)).toBeVisible();
}
