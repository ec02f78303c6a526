// The system administrator follows the instances serving the database, as during a rolling
// upgrade: from the administration page to the list, in Vietnamese and in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, engine } from './server.mjs';

const e2e = useServer(['--heartbeat', '200ms']);

test('the administrator sees the instance serving, with its build, in both languages', async () => {
  const page = await e2e.browser.newPage();
  await e2e.signIn(page, 'admin', '/admin/accounts');

  await page.click('a[href="/admin/instances"]');
  await page.waitForURL(/\/admin\/instances$/);
  assert.equal(await page.locator('h1').innerText(), 'Máy chủ đang chạy');
  const rows = page.locator('#instances tr.self');
  assert.equal(await rows.count(), 1);
  const row = await rows.innerText();
  assert.match(row, /máy chủ đang trả lời trang này/);
  assert.match(row, /Đang chạy/);
  assert.match(row, /\d{4}_[a-z_]+/, 'the newest migration the build knows');
  assert.match(row, new RegExp(new URL(e2e.server.url).host.replaceAll('.', '\\.')), 'its listen address');
  const main = await page.locator('main').innerText();
  assert.match(main, new RegExp(`1 máy chủ đang phục vụ trên cơ sở dữ liệu này \\(${engine}\\)`));
  if (engine === 'postgres') {
    assert.match(main, /có thể giữ tổng cộng \d+ kết nối tới máy chủ PostgreSQL, máy chủ này nhận \d+/,
      'the connections the instances may hold, beside what the server takes');
  }
  assert.match(main, /báo còn chạy sau mỗi 200ms/, 'the heartbeat it was given');

  await page.click('text=English');
  await page.waitForURL(/\/admin\/instances$/);
  assert.equal(await page.locator('h1').innerText(), 'Instances');
  assert.match(await page.locator('#instances tr.self').innerText(), /the one answering this page[\s\S]*Running/);
  await page.click('text=Tiếng Việt');
  await page.close();
});

test('an officer is not shown the instances', async () => {
  const page = await e2e.browser.newPage();
  await e2e.signIn(page, 'tiepnhan', '/office');
  const r = await page.goto(e2e.server.url + '/admin/instances');
  assert.equal(r.status(), 403);
  await page.close();
});
