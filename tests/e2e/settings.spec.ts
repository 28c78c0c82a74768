// The installation's time zone: chosen by keyboard, and every time on screen follows it.
import { expect, expectAccessible, screenshot, test } from './fixtures';

test('the clerk sets the time zone; times read in it from then on', async ({ page, chamber }) => {
  await page.goto(`${chamber.url}/`);
  // The clerk presses keys on a screen they can see (the keys work from its first paint).
  await expect(page.getByRole('link', { name: /Settings/ })).toBeVisible();
  await page.keyboard.press('Alt+g');
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  const zone = page.getByLabel(/Time zone/);
  await expect(zone).toHaveValue('Europe/London');
  await zone.selectOption('America/New_York');
  await expect(page.getByText(/The time now in America\/New_York/)).toBeVisible();
  await zone.press('Enter');
  await expect(page.getByText('Saved: times are now shown and typed in America/New_York.')).toBeVisible();
  expect((await chamber.read('settings')).data).toMatchObject({ timeZone: 'America/New_York' });
  await expectAccessible(page);
  await screenshot(page, 'settings');
});

test("the clerk sets the speech warning and the division bell's volume and sound, by keyboard; a wrong number is refused in words", async ({ page, chamber }) => {
  await page.goto(`${chamber.url}/#/settings`);
  const warning = page.getByLabel("Warning before a speaker's time is up (seconds)");
  await expect(warning).toHaveValue('30');
  await warning.fill('45');
  await warning.press('Enter');
  await expect(page.getByText("Saved: a speaker's clock warns 45 seconds before their time is up.")).toBeVisible();
  const volume = page.getByLabel('Division bell volume (0 to 100)');
  await volume.fill('101');
  await volume.press('Enter');
  await expect(page.getByRole('form', { name: 'Division bell' }).getByRole('alert')).toHaveText("The bell's volume must be a whole number from 0 to 100.");
  await volume.fill('40');
  await volume.press('Enter');
  await expect(page.getByText('Saved: the division bell rings at volume 40.')).toBeVisible();
  await page.getByLabel('Bell sound off (the bell is still shown)').check();
  await expect(page.getByText('Saved: the division bell is shown but not heard.')).toBeVisible();
  await expect(page.getByText('Now: 40, but the sound is off.')).toBeVisible();
  expect((await chamber.read('settings')).data).toMatchObject({ speechWarningSeconds: 45, bellVolume: 40, bellMuted: true });
  await expectAccessible(page);
});
