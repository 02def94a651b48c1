// The palette in www/style.css meets WCAG contrast: article text on every entity tint >= 4.5:1,
// the tint's edge cue >= 3:1 against the tint and the page, the chip letter >= 4.5:1 on its
// edge, and the claim / issue line colours >= 3:1 on the page, in both themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { TYPES } from '../../www/render.js';

const css = fs.readFileSync(new URL('../../www/style.css', import.meta.url), 'utf8');
function vars(selector) {
  const out = {};
  const re = new RegExp(`${selector.replace(/[[\]().*"]/g, '\\$&')}\\s*\\{([^}]*)\\}`, 'g');
  let m;
  while ((m = re.exec(css))) for (const [, k, v] of m[1].matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)) out[k] = v;
  return out;
}
const lum = (hex) => {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
};
const ratio = (a, b) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

const themes = { light: { ...vars(':root'), chip: '#ffffff' }, dark: { ...vars(':root'), ...vars(':root[data-theme="dark"]'), chip: '#111111' } };

for (const [name, v] of Object.entries(themes)) {
  test(`${name} theme: text, edges and chips meet contrast on every entity tint`, () => {
    for (const type of Object.keys(TYPES)) {
      const tint = v[`${type}-bg`];
      const edge = v[`${type}-edge`];
      assert.ok(tint && edge, `${type} has a tint and an edge in ${name}`);
      assert.ok(ratio(v.fg, tint) >= 4.5, `${name} ${type}: text on tint ${ratio(v.fg, tint).toFixed(2)}`);
      assert.ok(ratio(edge, tint) >= 3, `${name} ${type}: edge on tint ${ratio(edge, tint).toFixed(2)}`);
      assert.ok(ratio(edge, v.bg) >= 3, `${name} ${type}: edge on page ${ratio(edge, v.bg).toFixed(2)}`);
      assert.ok(ratio(v.chip, edge) >= 4.5, `${name} ${type}: chip letter ${ratio(v.chip, edge).toFixed(2)}`);
    }
    for (const line of ['claim', 'source', 'cue', 'issue', 'focus']) {
      assert.ok(ratio(v[line], v.bg) >= 3, `${name} ${line} line on page ${ratio(v[line], v.bg).toFixed(2)}`);
    }
    assert.ok(ratio(v.fg, v.bg) >= 7 && ratio(v.muted, v.bg) >= 4.5 && ratio(v.muted, v.panel) >= 4.5);
  });
}
