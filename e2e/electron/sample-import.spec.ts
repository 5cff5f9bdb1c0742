/**
 * The real app, launched with Playwright's Electron support. It needs the Electron binary,
 * which `npm install` downloads on a normal machine; where it is missing the spec says so.
 */
import { expect, test } from '@playwright/test';
import { skipWithoutElectron, withApp } from './electron-app';

test('the app opens with the sample letters and reads the Coventry 2007 letter', async () => {
  skipWithoutElectron();
  await withApp(async (app) => {
    const window = await app.firstWindow();
    const councils = window.getByRole('listbox', { name: 'Councils' });
    await expect(councils.getByRole('option')).toHaveCount(4);
    await councils.getByRole('option', { name: /Coventry/ }).click();
    await expect(window.getByRole('listbox', { name: 'Letters' }).getByRole('option')).toHaveCount(2);
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { archive: object }).archive).sort())).toEqual([
      'chooseFolder',
      'listFolder',
      'onMenuCommand',
      'openOriginal',
      'print',
      'readFiles',
      'sampleFolder',
      'saveAsPdf',
      'saveCsv',
    ]);
  });
});
