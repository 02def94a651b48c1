// End-to-end: the served page in real Chromium annotates the seed article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, openPage, OUT } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test('the seed article loads annotated, with no console error', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.waitForSelector('body[data-state="annotated"]', { timeout: 20000 });
  const marks = await page.$$eval('#article mark.t-GPE', (ms) => ms.map((m) => m.textContent));
  for (const name of ['Iran', 'Oman', 'Israel']) assert.ok(marks.includes(name), `${name} highlighted`);
  const people = await page.$$eval('#article mark.t-PERSON', (ms) => ms.map((m) => m.textContent));
  assert.ok(people.includes('Donald Trump'), 'Donald Trump highlighted');
  const claims = await page.$$eval('#article mark.l-claim', (ms) => ms.length);
  assert.ok(claims >= 3, `claims underlined (${claims} pieces)`);
  const status = await page.textContent('#status');
  assert.match(status, /\d+ entities, \d+ claims?, \d+ disputes?/);
  await page.screenshot({ path: path.join(OUT, 'seed-light.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('pasted markup renders as inert text', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  await page.waitForSelector('body[data-state="annotated"]', { timeout: 20000 });
  await page.evaluate(() => { window.__xss = 0; document.body.dataset.state = ''; });
  const payload = '<img src=x onerror="window.__xss=1"> Iran <script>window.__xss=2</script></textarea><svg onload="window.__xss=3">';
  await page.fill('#input', payload);
  await page.click('#analyse');
  await page.waitForSelector('body[data-state="annotated"]', { timeout: 20000 });
  const text = await page.textContent('#article');
  assert.equal(text, payload);
  assert.equal(await page.evaluate(() => window.__xss), 0, 'no payload ran');
  assert.equal(await page.$$eval('#article img, #article script, #article svg', (n) => n.length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
