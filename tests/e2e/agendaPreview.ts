// The agenda import's preview, checked item by item against what the pack holds (number, title,
// pages, kind): the same check whether the pack was pasted, opened as text or opened as a PDF.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const expectAgendaPreview = async (page: Page, items: readonly { number: string; title: string; pages?: { from: number; to: number }; kind: string }[]) => {
  await expect(page.locator('table.pack-preview tbody tr')).toHaveCount(items.length);
  for (const item of items) {
    const name = `item ${item.number}`;
    await expect(page.getByRole('textbox', { name: `Number, ${name}`, exact: true })).toHaveValue(item.number);
    await expect(page.getByRole('textbox', { name: `Title, ${name}`, exact: true })).toHaveValue(item.title);
    await expect(page.getByRole('textbox', { name: `Pages from, ${name}`, exact: true })).toHaveValue(item.pages ? String(item.pages.from) : '');
    await expect(page.getByRole('textbox', { name: `Pages to, ${name}`, exact: true })).toHaveValue(item.pages ? String(item.pages.to) : '');
    await expect(page.getByRole('combobox', { name: `Kind, ${name}`, exact: true })).toHaveValue(item.kind);
  }
};
