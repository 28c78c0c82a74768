// Preparing a meeting: bodies, members (typed, imported from minutes or a spreadsheet), officers
// and standing orders, driven through the clerk's screens with the keyboard.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, screenshot, test } from './fixtures';

const presentParagraph = readFileSync(join('tests', 'fixtures', 'packs', 'kcc-2015-present.txt'), 'utf8');

const membersTable = 'table#members-table tbody tr';

test('a clerk creates a body with the keyboard and imports its members from the PRESENT paragraph', async ({ page, chamber }) => {
  await page.goto(`${chamber.url}/#/bodies`);
  await expect(page.getByRole('heading', { name: 'Bodies and members', level: 1 })).toBeFocused();
  await expect(page.getByText('No bodies yet')).toBeVisible();
  await expectAccessible(page);

  // N, the name, Tab to the kind (a full council is offered first), Enter.
  await page.keyboard.press('n');
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.keyboard.type('Kent County Council');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Kind of body')).toBeFocused();
  await expect(page.getByLabel('Kind of body')).toHaveValue('full_council');
  await expectAccessible(page);
  await screenshot(page, 'bodies-new');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { name: 'Kent County Council', level: 1 })).toBeFocused();
  await expect(page.getByText('No members yet')).toBeVisible();
  await expect(page.getByText('1 in 4 of the voting members')).toBeVisible();
  const bodyId = /#\/bodies\/([0-9a-f-]{36})$/.exec(page.url())![1];
  await expectAccessible(page);

  // I, paste the paragraph, Ctrl+Enter: the list is shown to be checked, nothing is saved yet.
  await page.keyboard.press('i');
  const paste = page.getByLabel('Paste the PRESENT paragraph');
  await expect(paste).toBeFocused();
  await paste.fill(presentParagraph);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: '74 members read from the PRESENT paragraph' })).toBeVisible();
  const preview = page.getByRole('list', { name: 'Members to import' });
  await expect(preview.getByRole('listitem')).toHaveCount(74);
  await expect(preview.getByRole('listitem').filter({ hasText: 'Mr M J Harrison' })).toContainText('Chairman');
  await expect(preview.getByRole('listitem').filter({ hasText: 'Mr T Gates' })).toContainText('Vice-Chairman');
  await expect(preview.getByRole('listitem').filter({ hasText: 'Mrs A D Allen' })).toHaveText('Mrs A D Allen, MBE');
  expect((await chamber.read(`body:${bodyId}`)).data.members).toHaveLength(0);
  const confirm = page.getByRole('button', { name: /Import 74 members into Kent County Council/ });
  await expect(confirm).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, 'members-import-preview');

  await page.keyboard.press('Enter');
  await expect(page.getByText('74 members imported from the PRESENT paragraph.')).toBeVisible();
  await expect(page.locator(membersTable)).toHaveCount(74);
  await expect(page.getByRole('heading', { name: 'Members (74)' })).toBeVisible();
  const harrison = page.locator(membersTable).filter({ hasText: 'Mr M J Harrison' });
  await expect(harrison).toContainText('Chairman');
  // Two Harrisons: the short names keep them apart.
  await expect(harrison.getByRole('button')).toHaveText(/^Mr M Harrison/);
  await expect(page.locator(membersTable).filter({ hasText: 'Ms A Harrison' }).getByRole('button')).toHaveText(/^Ms A Harrison/);
  await expectAccessible(page);
  await screenshot(page, 'body-members');

  await page.reload();
  await expect(page.locator(membersTable)).toHaveCount(74);
  expect((await chamber.read(`body:${bodyId}`)).data.members).toHaveLength(74);

  // The same paragraph again: refused whole, with the reason, and nothing is added.
  await page.keyboard.press('i');
  await page.getByLabel('Paste the PRESENT paragraph').fill(presentParagraph);
  await page.keyboard.press('Control+Enter');
  const problem = page.getByRole('alert').filter({ hasText: 'Nothing can be imported' });
  await expect(problem).toContainText('All 74 of these names are already members of Kent County Council');
  await expect(page.getByRole('button', { name: /^Import \d+ members/ })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Members to import' }).getByRole('listitem').first()).toContainText('already a member');
  await expectAccessible(page);
  await screenshot(page, 'members-import-duplicate');
  await page.keyboard.press('Escape'); // back to the text
  await expect(page.getByLabel('Paste the PRESENT paragraph')).toBeFocused();
  await page.keyboard.press('Escape'); // out of the import
  await expect(page.getByRole('button', { name: /Import members/ })).toBeFocused();
  expect((await chamber.read(`body:${bodyId}`)).data.members).toHaveLength(74);

  // Find a member with "/", open them with Enter, correct the group, save with Enter.
  await page.keyboard.press('/');
  await expect(page.getByLabel('Find a member by name or group')).toBeFocused();
  await page.keyboard.type('Wiltshire');
  await expect(page.locator(membersTable)).toHaveCount(1);
  await expect(page.getByText('Showing 1 of 74 members')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Mrs Wiltshire, edit' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Edit Mrs Z Wiltshire' })).toBeVisible();
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.getByLabel('Political group').fill('Conservative');
  await page.getByLabel('Honours').fill('obe');
  await expect(page.getByText('Minutes will write: Mrs Z Wiltshire, OBE')).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'member-edit');
  await page.getByLabel('Honours').press('Enter');
  await expect(page.getByText('Mrs Z Wiltshire, OBE saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mrs Wiltshire, edit' })).toBeFocused();
  const wiltshire = (await chamber.read(`body:${bodyId}`)).data.members.find((m: { surname: string }) => m.surname === 'Wiltshire');
  expect(wiltshire).toMatchObject({ group: 'Conservative', honours: ['OBE'], initials: ['Z'], voting: true });

  // Escape clears the search, then leaves for the list of bodies.
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await expect(page.locator(membersTable)).toHaveCount(74);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Bodies and members', level: 1 })).toBeFocused();
  await expect(page.getByRole('link', { name: /Kent County Council/ })).toContainText('74 members');
});

test('a panel whose minutes write first names and "Chair": the names to check are counted and marked, and "Chair" is kept in its house style', async ({ page, chamber }) => {
  await page.goto(`${chamber.url}/#/bodies`);
  await expect(page.getByRole('heading', { name: 'Bodies and members', level: 1 })).toBeFocused();
  await page.keyboard.press('n');
  await page.keyboard.type('Independent Remuneration Panel');
  await page.getByLabel('Kind of body').selectOption('panel');
  await page.getByLabel('Kind of body').press('Enter');
  await expect(page.getByRole('heading', { name: 'Independent Remuneration Panel', level: 1 })).toBeFocused();
  const bodyId = /#\/bodies\/([0-9a-f-]{36})$/.exec(page.url())![1];

  await page.keyboard.press('i');
  await page.getByLabel('Paste the PRESENT paragraph').fill(readFileSync(join('tests', 'fixtures', 'present', 'panel-first-names.txt'), 'utf8'));
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: '5 members read from the PRESENT paragraph' })).toBeVisible();
  await expect(page.getByText('5 names read; 5 to check')).toBeVisible();
  const preview = page.getByRole('list', { name: 'Members to import' });
  await expect(preview.getByRole('listitem').filter({ hasText: 'Priya Natarajan' })).toContainText('Check: This name has no title');
  await expect(preview.getByRole('listitem').filter({ hasText: 'Alex Rowe' })).toContainText('Chair');
  const keep = page.getByRole('checkbox', { name: /Write “Chair” and “Vice-Chairman” in the minutes of Independent Remuneration Panel/ });
  await expect(keep).toBeChecked();
  await expect(page.getByRole('button', { name: /Import 5 members into Independent Remuneration Panel/ })).toBeFocused();
  await expectAccessible(page);
  await screenshot(page, 'members-import-to-check');

  await page.keyboard.press('Enter');
  await expect(page.getByText('5 members imported from the PRESENT paragraph.')).toBeVisible();
  const body = (await chamber.read(`body:${bodyId}`)).data;
  expect(body.members.map((m: { forenames?: string; surname: string }) => `${m.forenames} ${m.surname}`)).toEqual([
    'Alex Rowe',
    'Sam Bright',
    'Kit Moss',
    'Priya Natarajan',
    'Jo Marsh',
  ]);
  expect(body.members[0].roles).toEqual(['Chairman']);
  expect(body.minutesStyle).toMatchObject({ chairman: 'Chair', viceChairman: 'Vice-Chairman' });
  // The members' table says the role in the panel's own word.
  await expect(page.getByRole('row', { name: /Alex Rowe/ })).toContainText('Chair');
  await expect(page.getByRole('row', { name: /Alex Rowe/ })).not.toContainText('Chairman');
});

test('the bodies list: ↑/↓ move, Enter opens', async ({ page, chamber }) => {
  await chamber.post({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' });
  const committee = await chamber.post({ type: 'body.create', name: 'Planning Applications Committee', kind: 'committee' });
  await chamber.post({
    type: 'member.add',
    bodyId: committee.body.result.ids.bodyId,
    member: { title: 'Mr', initials: ['M'], surname: 'Balfour', honours: [], group: 'Conservative', roles: ['Chairman'], voting: true },
  });
  await chamber.post({ type: 'body.create', name: 'Kent and Medway Police and Crime Panel', kind: 'joint_committee' });
  await page.goto(`${chamber.url}/#/bodies`);
  const links = page.getByRole('list', { name: 'Bodies' }).getByRole('link');
  await expect(links).toHaveCount(3);
  await expect(links.nth(0)).toContainText('Kent and Medway Police and Crime Panel');
  await expect(links.nth(2)).toContainText('Planning Applications Committee');
  await expect(links.nth(2)).toContainText('Committee');
  await expect(links.nth(2)).toContainText('1 member');
  await expectAccessible(page);
  await screenshot(page, 'bodies-list');

  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Planning Applications Committee', level: 1 })).toBeFocused();

  // A name already taken is refused beside the field.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await page.keyboard.type('kent county council');
  await page.keyboard.press('Enter');
  await expect(page.getByText('There is already a body called kent county council.')).toBeVisible();
  await expect(page.getByLabel('Name')).toBeFocused();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('a CSV with a bad line names the line and imports nothing; a good one imports; members, officers and details are edited', async ({ page, chamber }) => {
  test.slow();
  const created = await chamber.post({ type: 'body.create', name: 'Planning Applications Committee', kind: 'committee' });
  const bodyId = created.body.result.ids.bodyId;
  await page.goto(`${chamber.url}/#/bodies/${bodyId}`);
  await expect(page.getByRole('heading', { name: 'Planning Applications Committee', level: 1 })).toBeFocused();

  await page.keyboard.press('i');
  await page.getByLabel('Spreadsheet saved as CSV').check();
  await expect(page.getByRole('table', { name: 'The columns' })).toContainText('surname');
  await expect(page.getByRole('table', { name: 'The columns' })).toContainText('yes or no (blank means yes)');

  // The template downloads from a link (Alt+T).
  const template = page.getByRole('link', { name: 'Download the CSV template' });
  await expect(template).toHaveAttribute('download', 'chamber-members-template.csv');
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Alt+t');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('chamber-members-template.csv');
  expect(readFileSync(await download.path(), 'utf8')).toMatch(/^title,forenames,initials,surname,honours,group,roles,voting\r\n/);
  await expectAccessible(page);
  await screenshot(page, 'members-import-csv');

  const bad = ['title,initials,surname,group,roles,voting', 'Mr,M,Balfour,Conservative,Chairman,yes', 'Mrs,J,Meade,Labour,,maybe', 'Ms,J,Meade,Labour,,yes', ''].join('\n');
  await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'committee.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const error = page.getByText('Line 3, voting: "maybe" should be yes or no.');
  await expect(error).toBeVisible();
  await expect(page.getByLabel('Or paste the CSV text')).toHaveValue(bad);
  await expect(page.getByLabel('Or paste the CSV text')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Nothing has been imported.')).toBeVisible();
  expect((await chamber.read(`body:${bodyId}`)).data.members).toHaveLength(0);
  await expectAccessible(page);
  await screenshot(page, 'members-import-csv-error');

  // Corrected in place, checked again, imported.
  await page.getByLabel('Or paste the CSV text').fill(bad.replace('maybe', 'no'));
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: '3 members read from committee.csv' })).toBeVisible();
  const preview = page.getByRole('list', { name: 'Members to import' });
  await expect(preview.getByRole('listitem').filter({ hasText: 'Mrs J Meade' })).toContainText('Non-voting');
  await expect(preview.getByRole('listitem').filter({ hasText: 'Mr M Balfour' })).toContainText('Chairman');
  await page.keyboard.press('Enter');
  await expect(page.getByText('3 members imported from the CSV.')).toBeVisible();
  await expect(page.locator(membersTable)).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Mrs J Meade, edit' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ms J Meade, edit' })).toBeVisible();

  // A list the core refuses (a second Chairman) is refused whole, with the line named.
  await page.keyboard.press('i');
  await page.getByLabel('Spreadsheet saved as CSV').check();
  await page.getByLabel('Or paste the CSV text').fill('surname,title,initials,roles\nGough,Mr,R W,\nHarman,Mr,P M,Chairman\n');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing can be imported' })).toContainText(
    'Line 3: Mr M Balfour is already Chairman of Planning Applications Committee; only one member can be. Nothing was imported.',
  );
  expect((await chamber.read(`body:${bodyId}`)).data.members).toHaveLength(3);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  // Add a member with A; a mistake is shown beside its field.
  await page.keyboard.press('a');
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Mr');
  await page.getByLabel('Initials').fill('P 7');
  await page.getByLabel('Surname').fill('Cole');
  await page.getByLabel('Surname').press('Enter');
  await expect(page.getByLabel('Initials')).toBeFocused();
  await expect(page.getByLabel('Initials')).toHaveAccessibleDescription(/Initials must be letters/);
  await expectAccessible(page);
  await screenshot(page, 'member-add-error');
  await page.getByLabel('Initials').fill('P');
  await page.getByLabel('Political group').fill('Labour');
  await page.getByLabel('Voting member').uncheck();
  await page.getByLabel('Substitute for').selectOption({ label: 'Mrs J Meade' });
  await page.getByLabel('Substitute for').press('Enter');
  await expect(page.getByText('Mr P Cole added.')).toBeVisible();
  const cole = page.locator(membersTable).filter({ hasText: 'Mr P Cole' });
  await expect(cole).toContainText('Substitute for Mrs J Meade');
  await expect(cole).toContainText('Non-voting');
  await expect(cole.getByRole('button')).toBeFocused();

  // Edit one member: Enter on the row, tick a role, Enter.
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: 'Mr Balfour, edit' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'Mrs J Meade, edit' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Edit Ms J Meade' })).toBeVisible();
  await page.getByLabel('Vice-Chairman').check();
  await page.getByLabel('Vice-Chairman').press('Enter');
  await expect(page.locator(membersTable).filter({ hasText: 'Ms J Meade' })).toContainText('Vice-Chairman');
  const meade = (await chamber.read(`body:${bodyId}`)).data.members.find((m: { title: string }) => m.title === 'Ms');
  expect(meade.roles).toEqual(['Vice-Chairman']);

  // Remove with Delete on the row, confirmed with Enter.
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Mr Cole, edit' })).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(page.getByRole('alertdialog', { name: 'Remove Mr P Cole from Planning Applications Committee?' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Remove member/ })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Mr P Cole removed from Planning Applications Committee.')).toBeVisible();
  await expect(page.locator(membersTable)).toHaveCount(3);

  // Officers in attendance: O adds one.
  await page.keyboard.press('o');
  await expect(page.getByLabel('Officer’s name')).toBeFocused();
  await page.keyboard.type('Mr B Watts');
  await page.getByLabel('Job title').fill('General Counsel');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: /Officers in attendance/ })).toContainText('General Counsel');
  await page.getByRole('button', { name: 'Edit Mr B Watts' }).click();
  await page.getByLabel('Job title').fill('General Counsel and Monitoring Officer');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('table', { name: /Officers in attendance/ })).toContainText('General Counsel and Monitoring Officer');

  // Details: E, the next minute number and the seats (one vacancy), Enter.
  await page.keyboard.press('e');
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByLabel('Next minute number').fill('219');
  await page.getByLabel('Seats (vacancies included)').fill('1');
  await page.keyboard.press('Enter');
  // Fewer seats than voting members holding them is refused beside the field.
  await expect(page.getByText(/cannot have fewer than \d+ seats/)).toBeVisible();
  await page.getByLabel('Seats (vacancies included)').fill('9');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Details saved.')).toBeVisible();
  expect((await chamber.read(`body:${bodyId}`)).data).toMatchObject({ nextMinuteNumber: 219, seats: 9 });
  await expect(page.getByText(/^9 \(\d+ filled by voting members\)$/)).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, 'body-committee');
});

test('standing orders: an invalid value is shown beside its field; a valid change saves and survives reload', async ({ page, chamber }) => {
  const created = await chamber.post({ type: 'body.create', name: 'Kent County Council', kind: 'full_council' });
  const bodyId = created.body.result.ids.bodyId;
  await page.goto(`${chamber.url}/#/bodies/${bodyId}`);
  await expect(page.getByRole('heading', { name: 'Kent County Council', level: 1 })).toBeFocused();
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { name: 'Standing orders: Kent County Council' })).toBeFocused();
  await expect(page.getByLabel('Division bell (seconds)')).toHaveValue('60');
  await expect(page.getByLabel('Voting window (seconds)')).toHaveValue('20');
  await expect(page.getByLabel('Mover of a motion')).toHaveValue('5:00');
  await expect(page.getByLabel('Quorum denominator')).toHaveValue('4');
  await expectAccessible(page);
  await screenshot(page, 'standing-orders');

  // 5 in every 4: the core's message appears beside the numerator, and nothing is saved.
  await page.getByLabel('Quorum numerator').fill('5');
  await page.getByLabel('Quorum numerator').press('Enter');
  const numerator = page.getByLabel('Quorum numerator');
  await expect(numerator).toHaveAttribute('aria-invalid', 'true');
  await expect(numerator).toHaveAccessibleDescription(/must not exceed the denominator/);
  await expect(numerator).toBeFocused();
  await expect(page.locator('#so-quorum-numerator-error')).toHaveText('Quorum numerator must not exceed the denominator: a quorum cannot be more than the whole membership');
  expect((await chamber.read(`body:${bodyId}`)).data.standingOrders.quorum).toEqual({ kind: 'fraction', numerator: 1, denominator: 4 });
  await expectAccessible(page);
  await screenshot(page, 'standing-orders-error');

  // A speech limit that is not minutes:seconds is named in our words.
  await numerator.fill('1');
  await page.getByLabel('Mover of a motion').fill('four minutes');
  await page.getByLabel('Mover of a motion').press('Enter');
  await expect(page.getByLabel('Mover of a motion')).toHaveAccessibleDescription(/must be minutes and seconds, such as 5:00/);

  await page.getByLabel('Mover of a motion').fill('4:30');
  await expect(page.getByText('4 minutes 30 seconds')).toBeVisible();
  await page.getByLabel('Quorum denominator').fill('3');
  await page.getByLabel('Division bell (seconds)').fill('45');
  await page.getByLabel('On an equality of votes the chairman has a second or casting vote').uncheck();
  await page.getByLabel('Members may ask for a recorded vote').uncheck();
  await page.getByLabel('Always record budget decisions').press('Enter');
  await expect(page.getByText(/Standing orders saved at \d{2}:\d{2}\./)).toBeVisible();
  const saved = (await chamber.read(`body:${bodyId}`)).data.standingOrders;
  expect(saved).toMatchObject({
    divisionBell: { seconds: 45, chairmanMaySkip: true },
    speechLimits: { mover: 270, seconder: 180 },
    quorum: { kind: 'fraction', numerator: 1, denominator: 3 },
    castingVote: false,
    recordedVote: { always: false, onRequestOf: null, forBudget: true },
  });

  await page.reload();
  await expect(page.getByLabel('Quorum denominator')).toHaveValue('3');
  await expect(page.getByLabel('Mover of a motion')).toHaveValue('4:30');
  await expect(page.getByLabel('Division bell (seconds)')).toHaveValue('45');
  await expect(page.getByLabel('On an equality of votes the chairman has a second or casting vote')).not.toBeChecked();
  await expect(page.getByLabel('Members may ask for a recorded vote')).not.toBeChecked();

  // A fixed quorum with a composition rule; virtual voting without virtual quorum is refused beside its box.
  await page.getByLabel('A fixed number of members').check();
  await page.getByLabel('Quorum (number of members)').fill('4');
  await page.getByLabel('Also require a minimum from each of some groups').check();
  await page.getByLabel('Groups, one per line').fill('Kent County Council\nMedway Council');
  await page.getByLabel('Members attending virtually may vote').check();
  await page.getByLabel('Members attending virtually may vote').press('Enter');
  await expect(page.getByLabel('Members attending virtually may vote')).toHaveAccessibleDescription(/may vote only if they also count towards the quorum/);
  await page.getByLabel('Members attending virtually count towards the quorum').check();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Standing orders saved at/)).toBeVisible();
  expect((await chamber.read(`body:${bodyId}`)).data.standingOrders).toMatchObject({
    quorum: { kind: 'fixed', count: 4, composition: { groups: ['Kent County Council', 'Medway Council'], minimumEach: 1 } },
    virtualAttendanceCounts: { quorum: true, voting: true },
  });

  // Alt+R puts back the defaults for a full council; nothing is saved until Enter; Esc warns first.
  await page.keyboard.press('Alt+r');
  await expect(page.getByLabel('Quorum denominator')).toHaveValue('4');
  await expect(page.getByLabel('Mover of a motion')).toHaveValue('5:00');
  expect((await chamber.read(`body:${bodyId}`)).data.standingOrders.quorum.kind).toBe('fixed');
  await page.getByLabel('Quorum denominator').press('Escape');
  await expect(page.getByText('There are unsaved changes.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Kent County Council', level: 1 })).toBeFocused();
  await expect(page.getByText('4 members, with at least 1 member from each of Kent County Council and Medway Council')).toBeVisible();
});
