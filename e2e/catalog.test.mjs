// A person searches the catalog without diacritics, opens a procedure about rượu and reads
// its documents and statutory time; then switches the page to English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './server.mjs';

const e2e = useServer();

test('search ruou from the home page and open a procedure about rượu', async () => {
  const page = await e2e.browser.newPage();
  await page.goto(e2e.server.url + '/');
  assert.match(await page.locator('.stats').innerText(), /41 thủ tục \/ \d+ lĩnh vực/);
  await page.fill('input[name=q]', 'ruou');
  await page.press('input[name=q]', 'Enter');
  await page.waitForURL(/\/procedures\?q=ruou/);
  const first = page.locator('.results li a').first();
  assert.match(await first.innerText(), /rượu/i);
  await first.click();
  await page.waitForURL(/\/procedures\/[^/?]+$/);
  assert.match(await page.locator('h1').innerText(), /rượu/i);
  const docs = page.locator('table.documents tr');
  assert.ok(await docs.count() > 1, 'the documents table lists papers');
  assert.match(await page.locator('td.statutory-time').first().innerText(), /\d+ ngày làm việc/);
  assert.ok(await page.locator('#sample-note').isVisible(), 'sample parts are marked as sample data');

  await page.click('text=English');
  assert.match(await page.locator('td.statutory-time').first().innerText(), /\d+ working days/);
  await page.click('text=Tiếng Việt');
  await page.close();
});

test('typing in the search box filters the list without a full reload', async () => {
  const page = await e2e.browser.newPage();
  await page.goto(e2e.server.url + '/procedures');
  await page.fill('#q', 'xang dau');
  await page.waitForFunction(() => document.querySelector('#total')?.textContent !== '41');
  const names = await page.locator('.results li a strong').allInnerTexts();
  assert.ok(names.length > 0 && names.every((n) => /xăng dầu/i.test(n)), names.join('\n'));
  await page.close();
});
