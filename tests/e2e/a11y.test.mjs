// End-to-end accessibility and looks: axe-core reports 0 violations in light and dark themes
// (every tab), screenshots of the seed article (light, dark, 390 px) go to out/e2e/, and the
// phone layout never scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { sharedBrowser, open, annotated, ROOT, OUT } from './harness.mjs';

const AXE = path.join(ROOT, 'tools', 'node_modules', 'axe-core', 'axe.min.js');
const env = sharedBrowser();

async function axe(page) {
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return result;
}

for (const scheme of ['light', 'dark']) {
  test(`axe-core: 0 violations in the ${scheme} theme, on every tab`, async () => {
    // axe is injected as a script tag, which the page's CSP would refuse: bypass CSP here only
    const { page, context } = await open(env.browser, env.server.url, { colorScheme: scheme, bypassCSP: true });
    await annotated(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), scheme);
    await screenshots(page, `seed-${scheme}`, true);
    await page.addScriptTag({ path: AXE });
    const found = [];
    for (const tab of ['entities', 'claims', 'disputes', 'cleaning']) {
      await page.click(`#tab-${tab}`);
      found.push(...(await axe(page)).map((v) => `[${tab}] ${v}`));
    }
    await page.keyboard.press('c'); // with a focused annotation and its tooltip
    found.push(...(await axe(page)).map((v) => `[tooltip] ${v}`));
    await page.click('#view-original'); // the original text with the cleaning edits marked
    await page.waitForSelector('#article.original mark');
    found.push(...(await axe(page)).map((v) => `[original] ${v}`));
    await page.click('#help'); // the shortcut sheet
    found.push(...(await axe(page)).map((v) => `[sheet] ${v}`));
    assert.deepEqual(found, []);
    await context.close();
  });
}

/** Screenshots of the annotated seed into out/e2e/ (kept as artifacts), and no sideways scroll. */
async function screenshots(page, name, desktop) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  // content-visibility skips painting off-screen paragraphs; a full-page picture needs them all
  if (desktop) await page.evaluate(() => { for (const b of document.querySelectorAll('#article .blk')) b.style.contentVisibility = 'visible'; });
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: desktop });
  await page.click(desktop ? '#tab-disputes' : '#tab-claims');
  await page.screenshot({ path: path.join(OUT, `${name}-${desktop ? 'disputes' : 'claims'}.png`) });
  await page.click('#tab-entities');
}

test('phone (390 px): bottom sheet, no horizontal scroll, screenshots', async () => {
  const { page, context, errors } = await open(env.browser, env.server.url, { viewport: { width: 390, height: 844 } });
  await annotated(page);
  assert.equal(await page.$eval('#panel', (p) => getComputedStyle(p).position), 'fixed', 'the panel is a bottom sheet');
  assert.equal(await page.getAttribute('#sheet-toggle', 'aria-expanded'), 'false', 'folded at first');
  await screenshots(page, 'seed-390', false);
  assert.equal(await page.getAttribute('#sheet-toggle', 'aria-expanded'), 'true', 'a tab unfolds it');
  assert.deepEqual(errors, []);
  await context.close();
});

test('forced colours and print keep every layer distinguishable', async () => {
  const { page, context } = await open(env.browser, env.server.url);
  await annotated(page);
  await page.emulateMedia({ forcedColors: 'active' });
  assert.notEqual(await page.$eval('#article mark.l-entity', (m) => getComputedStyle(m).outlineStyle), 'none');
  await page.emulateMedia({ forcedColors: 'none', media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const captions = await page.$$eval('#print-summary caption', (cs) => cs.map((c) => c.textContent));
  assert.deepEqual(captions, ['Entities', 'Claims', 'Disputes'], 'summary tables print');
  assert.equal(await page.$eval('#print-summary', (n) => getComputedStyle(n).display), 'block');
  assert.ok(await page.$$eval('#print-summary tbody tr', (r) => r.length) > 10);
  assert.equal(await page.$eval('.input', (n) => getComputedStyle(n).display), 'none');
  assert.equal(await page.$eval('#panel', (n) => getComputedStyle(n).display), 'none', 'the interactive panel gives way to the tables');
  assert.notEqual(await page.$eval('#article mark.l-entity', (m) => getComputedStyle(m).backgroundColor), 'rgba(0, 0, 0, 0)', 'highlights print');
  await page.screenshot({ path: path.join(OUT, 'seed-print.png'), fullPage: true });
  await context.close();
});

test('keyboard focus is visible on every control reached with Tab', async () => {
  const { page, context } = await open(env.browser, env.server.url);
  await annotated(page);
  await page.click('#edit');
  await page.click('.export summary');
  await page.focus('.skip'); // start from the top of the page
  const seen = [];
  for (let i = 0; i < 150 && !seen.includes('article'); i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      // a visually hidden file input shows its focus ring on the label next to it
      const shown = el.matches('input.visually-hidden') ? el.nextElementSibling : el;
      const cs = getComputedStyle(shown);
      return { id: el.id || el.textContent.trim().slice(0, 20), outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
    });
    if (!f) continue;
    seen.push(f.id);
    assert.ok(f.outline, `focus ring on ${f.id}`);
  }
  for (const id of ['theme', 'help', 'input', 'analyse', 'file', 'article']) assert.ok(seen.includes(id), `${id} reached by Tab`);
  await context.close();
});
