// Shared browser-test harness: serves www/ on loopback with scripts/serve.py and drives Debian's
// chromium through playwright-core (from tools/node_modules).
import { spawn } from 'node:child_process';
import { before, after } from 'node:test';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = path.join(ROOT, 'out', 'e2e');
fs.mkdirSync(OUT, { recursive: true });
const require = createRequire(path.join(ROOT, 'tools', 'package.json'));
const { chromium } = require('playwright-core');

export const CHROME_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--no-first-run', '--disable-quic',
];

/** Start the static server on a free port; resolves to {url, stop}. */
export function serve() {
  return new Promise((resolve, reject) => {
    const proc = spawn('python3', [path.join(ROOT, 'scripts', 'serve.py'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let buf = '';
    proc.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve({ url: m[1], stop: () => proc.kill() });
    });
    proc.on('exit', (code) => reject(new Error(`serve.py exited with ${code}`)));
  });
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROME_ARGS });
}

/** Open the page, collecting console errors and every request made. */
export async function openPage(browser, url, viewport = { width: 1280, height: 900 }, colorScheme = 'light') {
  const context = await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, context, errors, requests };
}

/** Open a page with more control: {viewport, colorScheme, bypassCSP, initScript, query}. */
export async function open(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light', bypassCSP = false, initScript = null, query = '' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, bypassCSP, acceptDownloads: true });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(url + query);
  return { page, context, errors, requests };
}

/**
 * Wait until the page has annotated and painted everything. A predicate, not a selector:
 * Playwright's selector engine walks the whole DOM on every poll (to pierce shadow roots), which
 * on a 1 MB paste's page is a 100+ ms main-thread task of the harness's own.
 */
export async function annotated(page, timeout = 30000) {
  await page.waitForFunction(() => document.body.dataset.state === 'annotated', null, { timeout, polling: 50 });
}

/** Run `act` and wait for the annotation it starts to finish painting. */
export async function reannotate(page, act, timeout = 30000) {
  await page.evaluate(() => { document.body.dataset.state = 'test-waiting'; });
  await act();
  await annotated(page, timeout);
}

/** Dispatch a paste carrying {text, html} on `selector` (document-level paste if not a field). */
export async function paste(page, selector, data) {
  await page.evaluate(([sel, d]) => {
    const dt = new DataTransfer();
    if (d.html !== undefined) dt.setData('text/html', d.html);
    if (d.text !== undefined) dt.setData('text/plain', d.text);
    document.querySelector(sel).dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [selector, data]);
}

/** One server and one browser per test file, started before its tests and stopped after. */
export function sharedBrowser() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}
