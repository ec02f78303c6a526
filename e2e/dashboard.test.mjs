// The leader opens the dashboard: the figures count a dossier received through the API,
// the month-by-month chart is drawn by the vendored Chart.js under the page's CSP, and the
// received number opens the list of the dossiers behind it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './server.mjs';

const e2e = useServer();
const { api } = e2e;

async function signIn(username) {
  return (await api('POST', '/api/v1/auth/token', '', { username, password: 'demo' })).token;
}

test('the leader reads the dashboard and drills into the received dossiers', async () => {
  const citizen = await signIn('congdan');
  const desk = await signIn('tiepnhan');
  const draft = await api('POST', '/api/v1/dossiers', citizen,
    { procedure_code: '2.000648.000.00.00.H50', summary: 'Cửa hàng xăng dầu Hưng Lộc' });
  await api('POST', `/api/v1/dossiers/${draft.id}/submit`, citizen);
  const received = await api('POST', `/api/v1/dossiers/${draft.id}/receive`, desk);

  const page = await e2e.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await e2e.signIn(page, 'lanhdao', '/dashboard');
  assert.match(await page.locator('h1').innerText(), /Báo cáo tình hình giải quyết TTHC/);

  await page.waitForSelector('#chart-trend[data-drawn=true]');
  const painted = await page.locator('#chart-trend').evaluate((c) => {
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) n++;
    return { n, w: c.width, h: c.height };
  });
  assert.ok(painted.w > 0 && painted.h > 0 && painted.n > 1000, `trend chart is blank: ${JSON.stringify(painted)}`);
  assert.deepEqual(errors, []);

  const number = page.locator('a[data-figure=received]');
  assert.equal(await number.innerText(), '1');
  await number.click();
  await page.waitForURL(/\/dashboard\/dossiers\?.*which=received/);
  assert.match(await page.locator('h1').innerText(), /Hồ sơ tiếp nhận trong kỳ/);
  const row = page.locator(`#drill-table tr[data-id="${draft.id}"]`);
  assert.equal(await row.locator('a').getAttribute('href'), `/office/dossiers/${draft.id}`);
  assert.equal(await row.locator('a').innerText(), received.code);
  await page.close();
});
