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
