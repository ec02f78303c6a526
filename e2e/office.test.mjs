// An applicant files online through the JSON API; at the one-stop desk an officer finds the
// dossier in the "to receive" queue, receives it, reads the code and appointment on the
// page, and forwards it to a specialist of the trade division.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './server.mjs';

const e2e = useServer();
const { api } = e2e;

test('the desk receives an online dossier and forwards it', async () => {
  const { token } = await api('POST', '/api/v1/auth/token', '', { username: 'congdan', password: 'demo' });
  const draft = await api('POST', '/api/v1/dossiers', token,
    { procedure_code: '2.000648.000.00.00.H50', summary: 'Cửa hàng xăng dầu Bến Thủy' });
  const filed = await api('POST', `/api/v1/dossiers/${draft.id}/submit`, token);
  assert.equal(filed.status.key, 'receiving');

  const page = await e2e.browser.newPage();
  await e2e.signIn(page, 'tiepnhan', '/office');

  await page.click('a[data-queue=to_receive]');
  await page.waitForURL(/queue=to_receive/);
  await page.click(`tr[data-id="${draft.id}"] a[href="/office/dossiers/${draft.id}"]`);
  await page.waitForURL(new RegExp(`/office/dossiers/${draft.id}$`));
  assert.equal(await page.locator('#status').innerText(), 'Mới đăng ký');

  await page.click('#act-receive button[type=submit]');
  await page.waitForURL(/done=receive/);
  const code = await page.locator('#done-code').innerText();
  assert.match(code, /^000\.01\.12\.H26-\d{6}-\d{4}$/);
  assert.match(await page.locator('#done-appointment').innerText(), /^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
  assert.equal(await page.locator('#form01').getAttribute('href'), `/api/v1/dossiers/${draft.id}/forms/01`);
  assert.equal(await page.locator('#status').innerText(), 'Được tiếp nhận');
  assert.match(await page.locator('#chain').innerText(), /Chuỗi lịch sử toàn vẹn/);

  const forward = page.locator('#act-forward');
  if (!(await forward.evaluate((el) => el.open))) await forward.locator('summary').click();
  await forward.locator('select[name=to_unit]').selectOption('QLTM');
  await forward.locator('select[name=assignee_id]').selectOption({ label: 'Trần Văn Minh (Chuyên viên)' });
  await forward.locator('input[name=note]').fill('Chuyển phòng QLTM thẩm định');
  await forward.locator('button[type=submit]').click();
  await page.waitForURL(/done=forward/);
  assert.equal(await page.locator('#status').innerText(), 'Đang xử lý');
  const steps = page.locator('table.office-steps tbody tr');
  assert.equal(await steps.count(), 2);
  assert.match(await steps.nth(1).innerText(), /Trần Văn Minh/);
  assert.match(await page.locator('.office-timeline').innerText(), /Chuyển phòng QLTM thẩm định/);
  await page.close();

  const seen = await api('GET', `/api/v1/dossiers/${draft.id}`, token);
  assert.equal(seen.code, code);
  assert.equal(seen.status.key, 'processing');
});
