// Starts a motcua demo server on a free loopback port for a browser test, and a headless
// Debian Chromium to drive it.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// postgres is the PostgreSQL server the pages are tested on instead of an SQLite file, when
// MOTCUA_E2E_POSTGRES holds its URL: each server then gets a schema of its own there.
const postgres = process.env.MOTCUA_E2E_POSTGRES;

// engine names the database the servers run on, as the pages name it.
export const engine = postgres ? 'postgres' : 'sqlite';

// freshDatabase is where a server keeps its data: an SQLite file in dir, or a new schema on
// the PostgreSQL server, created with psql and dropped by the returned cleanup.
function freshDatabase(dir) {
  if (!postgres) return { db: join(dir, 'motcua.db'), drop: () => {} };
  const schema = `e2e_${randomBytes(6).toString('hex')}`;
  // Its notices (each table a DROP … CASCADE takes along) are kept back; an error is thrown
  // with its message.
  const psql = (sql) => execFileSync('psql', ['--no-psqlrc', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql, postgres],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  psql(`CREATE SCHEMA ${schema}`);
  const u = new URL(postgres);
  u.searchParams.set('search_path', schema);
  return { db: u.toString(), drop: () => psql(`DROP SCHEMA ${schema} CASCADE`) };
}

// startServer builds the binary once per test file and serves the demo on a fresh database,
// without the simulated year of history so that every test starts from a known state.
export async function startServer(extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
  const bin = join(dir, 'motcua');
  execFileSync('go', ['build', '-o', bin, './cmd/motcua'], { cwd: root, stdio: 'inherit' });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { db, drop } = freshDatabase(dir);
  const proc = spawn(bin, ['serve', '--demo', '--addr', `127.0.0.1:${port}`, '--db', db,
    '--track-rate', '0', '--demo-history=false', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    log: () => log,
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// useServer registers the hooks of a browser test file: a fresh server and a browser
// before its tests, both closed after them. The returned object's server and browser are
// set by the time the first test runs.
export function useServer(extraArgs = []) {
  const e2e = {
    server: undefined,
    browser: undefined,
    // api calls the JSON API, failing the test on an error status, and returns the body.
    api: async (method, path, token, body) => {
      const r = await fetch(e2e.server.url + path, {
        method,
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = await r.json();
      assert.ok(r.ok, `${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
      return json;
    },
    // signIn signs username in through the login form on page, as a person does, and
    // waits for the page the form then opens (next).
    signIn: async (page, username, next) => {
      await page.goto(`${e2e.server.url}/login?next=${next}`);
      await page.fill('input[name=username]', username);
      await page.fill('input[name=password]', 'demo');
      await page.press('input[name=password]', 'Enter');
      await page.waitForURL(new RegExp(`${next.replaceAll('/', '\\/')}$`));
    },
  };
  before(async () => { e2e.server = await startServer(extraArgs); e2e.browser = await launchBrowser(); });
  after(async () => { await e2e.browser?.close(); await e2e.server?.stop(); });
  return e2e;
}
