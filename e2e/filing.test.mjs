// A citizen files a dossier online from a procedure page: signs in on the way, checks the
// prefilled applicant data, uploads a PDF for each required paper and submits. The desk
// receives it (through the JSON API), and the citizen looks it up on the public tracking
// page with the code and their phone number.
//
// SCREENSHOTS=/some/dir saves each step at desktop and phone widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useServer } from './server.mjs';

const procedure = '2.000648.000.00.00.H50';
const e2e = useServer();
let dir;

before(() => { dir = mkdtempSync(join(tmpdir(), 'motcua-filing-')); });
after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

// minimalPDF is a valid one-page PDF with a correct cross-reference table.
function minimalPDF() {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}

async function shoot(page, name) {
  const out = process.env.SCREENSHOTS;
  if (!out) return;
  mkdirSync(out, { recursive: true });
  for (const [label, width] of [['desktop', 1280], ['phone', 390]]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(out, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a citizen files online, the desk receives, the citizen tracks it', async () => {
  const pdf = join(dir, 'giay-to.pdf');
  writeFileSync(pdf, minimalPDF());
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 900 } });

  await page.goto(`${e2e.server.url}/procedures/${procedure}`);
  await page.click('#file-online');
  await page.waitForURL(/\/login\?next=/);
  await page.fill('#username', 'congdan');
  await page.fill('#password', 'demo');
  await page.click('button[type=submit]');
  await page.waitForURL(new RegExp(`/procedures/${procedure.replaceAll('.', '\\.')}/file$`));

  // Step 1: nothing to type, the account fills it in.
  assert.equal(await page.inputValue('#name'), 'Nguyễn Văn An');
  assert.equal(await page.inputValue('#id_number'), '001090012345');
  assert.equal(await page.inputValue('#phone'), '0912345678');
  await page.fill('#summary', 'Cửa hàng xăng dầu số 5');
  await shoot(page, '1-applicant');
  await page.click('text=Lưu và tiếp tục');
  await page.waitForURL(/\/my\/dossiers\/\d+\/documents$/);
  const id = page.url().match(/\/my\/dossiers\/(\d+)\//)[1];

  // Step 2: one upload per required paper; htmx swaps the slot and the live region speaks.
  const slots = await page.locator('section[id^="slot-"]:not(#slot-other)').count();
  assert.equal(slots, 3);
  // The live region must stay the same element, or screen readers miss what changed in it.
  await page.evaluate(() => { document.getElementById('upload-live').dataset.kept = 'yes'; });
  for (let i = 0; i < slots; i++) {
    await page.setInputFiles(`#file-${i}`, pdf);
    await page.click(`#slot-${i} button[type=submit]`);
    await page.locator(`#slot-${i} .ap-files li`).first().waitFor();
    assert.match(await page.locator(`#slot-${i} .ap-files`).innerText(), /giay-to\.pdf.*SHA-256/s);
    assert.match(await page.locator('#upload-live').textContent(), /Đã tải lên/);
  }
  // A second page of the first paper: the swapped form carries a fresh idempotency key, so
  // another file in the same form is stored, not taken for the first one sent again.
  const second = join(dir, 'trang-2.pdf');
  writeFileSync(second, minimalPDF() + '% trang 2\n');
  await page.setInputFiles('#file-0', second);
  await page.click('#slot-0 button[type=submit]');
  await page.locator('#slot-0 .ap-files li').nth(1).waitFor();
  assert.match(await page.locator('#slot-0 .ap-files').innerText(), /trang-2\.pdf/);
  assert.ok(page.url().endsWith('/documents'), 'uploads did not leave the page');
  assert.equal(await page.evaluate(() => document.getElementById('upload-live').dataset.kept), 'yes');
  await shoot(page, '2-papers');

  // Step 3: review and submit.
  await page.click('text=Tiếp tục: xem lại và nộp');
  await page.waitForURL(/\/review$/);
  await shoot(page, '3-review');
  await page.check('#declare');
  await page.click('#submit-dossier');
  await page.waitForURL(new RegExp(`/my/dossiers/${id}\\?done=submitted$`));
  assert.match(await page.locator('#dossier-status').innerText(), /Mới đăng ký/);

  // The desk receives it.
  const tok = await (await fetch(`${e2e.server.url}/api/v1/auth/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'tiepnhan', password: 'demo' }),
  })).json();
  const res = await fetch(`${e2e.server.url}/api/v1/dossiers/${id}/receive`, {
    method: 'POST', headers: { Authorization: `Bearer ${tok.token}` },
  });
  assert.equal(res.status, 200);
  const received = await res.json();
  assert.ok(received.code, 'the receipt issued a code');
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
    .format(new Date(received.appointment_at));

  await page.goto(`${e2e.server.url}/my/dossiers`);
  assert.match(await page.locator('.ap-list').innerText(), new RegExp(received.code.replaceAll('.', '\\.')));
  await shoot(page, '4-my-dossiers');
  await page.goto(`${e2e.server.url}/my/dossiers/${id}`);
  assert.match(await page.locator('#appointment').innerText(), new RegExp(day.replaceAll('/', '\\/')));
  await shoot(page, '5-dossier');

  // Public tracking, as anyone with the code and the phone number.
  const visitor = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
  await visitor.goto(`${e2e.server.url}/track`);
  await visitor.fill('#code', received.code);
  await visitor.fill('#secret', '0912345678');
  await visitor.click('#track-submit');
  await visitor.locator('#track-status').waitFor();
  assert.match(await visitor.locator('#track-status').innerText(), /Được tiếp nhận/);
  assert.match(await visitor.locator('#track-appointment').innerText(), new RegExp(day.replaceAll('/', '\\/')));
  await shoot(visitor, '6-track');

  // The QR code on the receipt opens the page with the code filled in.
  await visitor.goto(`${e2e.server.url}/track?code=${encodeURIComponent(received.code)}`);
  assert.equal(await visitor.locator('input[type=text]#code').count(), 0);
  await visitor.fill('#secret', '2345');
  await visitor.click('#track-submit');
  assert.match(await visitor.locator('#track-status').innerText(), /Được tiếp nhận/);
  await visitor.close();
  await page.close();
});
