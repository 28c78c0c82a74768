// A panel's quorum by its terms of reference, set by the clerk on the standing-orders form with the
// keyboard: Alt+Q adds a condition ("at least 2 of the members who are Independent Person"), the
// rule has no number, and the body's screen says it in words; a condition with no names is refused
// beside its own names box, and removing it lets the form save again.
import { expect, expectAccessible, screenshot, test } from './fixtures';

test('quorum conditions: added, said in words, saved with no number, and a wrong one refused beside its field', async ({ page, chamber }) => {
  const created = await chamber.post({ type: 'body.create', name: 'Standards Hearing Panel', kind: 'panel' });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const bodyId = (created.body as { result: { ids: Record<string, string> } }).result.ids.bodyId;
  const quorumOf = async () => ((await chamber.read(`body:${bodyId}`)) as { data: { standingOrders: { quorum: unknown } } }).data.standingOrders.quorum;

  await page.goto(`${chamber.url}/#/bodies/${bodyId}`);
  await expect(page.getByRole('heading', { name: 'Standards Hearing Panel', level: 1 })).toBeFocused();
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { name: 'Standing orders: Standards Hearing Panel' })).toBeFocused();
  await expect(page.getByText(/^No conditions\. Add one when/)).toBeVisible();
  // Without a condition there is no rule of "no number" to choose.
  await expect(page.getByLabel('No number: only the conditions')).toHaveCount(0);

  // Alt+Q: a new condition, the focus on its kind.
  await page.keyboard.press('Alt+q');
  const first = page.getByRole('group', { name: 'Condition 1' });
  await expect(first.getByLabel('Kind of condition')).toBeFocused();
  await first.getByLabel('Kind of condition').selectOption({ label: 'a minimum among members holding these roles' });
  await expect(first.getByText('Type the roles and a whole number to see the condition in words.')).toBeVisible();
  await first.getByLabel('Roles, one per line').fill('Independent Person');
  await first.getByLabel('Minimum among them').fill('2');
  await expect(first.getByText('Needs at least 2 of the members who are Independent Person.')).toBeVisible();
  await expect(first).toHaveAccessibleDescription('Needs at least 2 of the members who are Independent Person.');

  // No number: only the condition; Enter on the radio button saves.
  await page.getByLabel('No number: only the conditions').check();
  await expect(page.getByText('The meeting may proceed when the conditions are met, whatever the number present.')).toBeVisible();
  await expect(page.getByText('Conditions from the body’s terms of reference: the meeting may proceed when all are met.')).toBeVisible();
  await page.getByLabel('No number: only the conditions').press('Enter');
  await expect(page.getByText(/Standing orders saved at \d{2}:\d{2}\./)).toBeVisible();
  expect(await quorumOf()).toEqual({ kind: 'none', conditions: [{ kind: 'amongRoles', roles: ['Independent Person'], minimum: 2 }] });
  await expectAccessible(page);
  await screenshot(page, 'standing-orders-quorum-conditions');

  // The body's screen says the rule in words.
  await page.getByRole('heading', { name: 'Standing orders: Standards Hearing Panel' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Standards Hearing Panel', level: 1 })).toBeFocused();
  await expect(page.getByText(/no number of members: at least 2 of the members who are Independent Person/)).toBeVisible();

  // A second condition with no names: refused beside its names box, which takes the focus; nothing saved.
  await page.keyboard.press('s');
  await expect(page.getByRole('group', { name: 'Condition 1' }).getByLabel('Roles, one per line')).toHaveValue('Independent Person');
  await page.keyboard.press('Alt+q');
  const second = page.getByRole('group', { name: 'Condition 2' });
  await expect(second.getByLabel('Kind of condition')).toBeFocused();
  await second.getByLabel('Kind of condition').selectOption({ label: 'a minimum from each of these groups' });
  await second.getByLabel('Kind of condition').press('Enter');
  const names = second.getByLabel('Groups, one per line');
  await expect(names).toBeFocused();
  await expect(names).toHaveAttribute('aria-invalid', 'true');
  await expect(names).toHaveAccessibleDescription(/The groups of a quorum condition must list at least one name/);
  await expect(page.locator('#so-quorum-conditions-1-names-error')).toHaveText('The groups of a quorum condition must list at least one name');
  // The first condition, which is right, is not marked.
  await expect(page.getByRole('group', { name: 'Condition 1' }).getByLabel('Roles, one per line')).not.toHaveAttribute('aria-invalid', 'true');
  expect(await quorumOf()).toEqual({ kind: 'none', conditions: [{ kind: 'amongRoles', roles: ['Independent Person'], minimum: 2 }] });
  await expectAccessible(page);
  await screenshot(page, 'standing-orders-quorum-conditions-error');

  // A minimum of 0 is refused beside the number.
  await names.fill('Kent County Council\nMedway Council');
  await second.getByLabel('Minimum from each').fill('0');
  await second.getByLabel('Minimum from each').press('Enter');
  await expect(second.getByLabel('Minimum from each')).toBeFocused();
  await expect(second.getByLabel('Minimum from each')).toHaveAccessibleDescription('The minimum from each group must be a whole number of members from 1 to 1000');

  // Removed: the focus goes to the button that adds one, and the form saves as before.
  await second.getByRole('button', { name: 'Remove condition 2' }).click();
  await expect(page.getByRole('group', { name: 'Condition 2' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Add a condition/ })).toBeFocused();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/Standing orders saved at \d{2}:\d{2}\./)).toBeVisible();
  expect(await quorumOf()).toEqual({ kind: 'none', conditions: [{ kind: 'amongRoles', roles: ['Independent Person'], minimum: 2 }] });

  // Every condition removed from a rule of no number: refused beside the button that adds one.
  await page.getByRole('group', { name: 'Condition 1' }).getByRole('button', { name: 'Remove condition 1' }).press('Enter');
  await page.keyboard.press('Control+Enter');
  const add = page.getByRole('button', { name: /Add a condition/ });
  await expect(add).toBeFocused();
  await expect(add).toHaveAccessibleDescription('A quorum with no number must have at least one condition');
  expect(await quorumOf()).toEqual({ kind: 'none', conditions: [{ kind: 'amongRoles', roles: ['Independent Person'], minimum: 2 }] });
});
