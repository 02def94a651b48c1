// Pure export builders: wire JSON v1 -> lede JSON, W3C Web Annotation JSON-LD, displaCy manual
// JSON, CSV and a standalone HTML summary. No DOM; unit-tested in tests/js/exports.test.mjs.
// The wire counts UTF-16 units; Web Annotation and displaCy (Python str) count CODE POINTS, so
// offsets are converted here with codePointIndex.
import { annotationsOf, entityGroups, claimView, disputeView, SOURCE_KINDS } from './render.js';

/**
 * A converter UTF-16 offset -> code point offset for one text: O(n) to build, O(log n) a call.
 * (The wire never puts an offset inside a surrogate pair; one there counts as after the pair.)
 */
export function codePointIndex(text) {
  const lows = []; // UTF-16 indices of low surrogates that complete a pair
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) lows.push(i);
    }
  }
  return (u) => {
    let lo = 0;
    let hi = lows.length; // binary search: how many pair-completing low surrogates lie before u
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lows[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return u - lo;
  };
}

export function ledeJson(wire) {
  return JSON.stringify(wire, null, 2);
}

const CONTEXT = 32;

/** W3C Web Annotation Data Model (JSON-LD), one Annotation per highlighted span. */
export function webAnnotation(wire, source = 'urn:lede:document') {
  const cp = codePointIndex(wire.text);
  const items = annotationsOf(wire).map((a, i) => {
    const bodies = [{ type: 'TextualBody', purpose: 'tagging', value: a.type }];
    if (a.layer === 'entity' && a.entity !== null && wire.entities[a.entity]) {
      bodies.push({ type: 'TextualBody', purpose: 'identifying', value: wire.entities[a.entity].canonical });
    }
    if (a.layer === 'issue') bodies.push({ type: 'TextualBody', purpose: 'describing', value: wire.disputes[a.dispute].label });
    if (a.claim !== undefined) bodies.push({ type: 'TextualBody', purpose: 'describing', value: `claim ${a.claim} ${a.layer}` });
    return {
      id: `${source}#a${i}`,
      type: 'Annotation',
      motivation: a.layer === 'entity' ? 'classifying' : 'describing',
      creator: { type: 'Software', name: `lede (rule ${a.rule})` },
      body: bodies,
      target: {
        source,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: wire.text.slice(a.start, a.end),
            prefix: wire.text.slice(Math.max(0, a.start - CONTEXT), a.start),
            suffix: wire.text.slice(a.end, a.end + CONTEXT),
          },
          { type: 'TextPositionSelector', start: cp(a.start), end: cp(a.end) },
        ],
      },
    };
  });
  return JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${source}#annotations`,
    type: 'AnnotationCollection',
    label: 'lede annotations',
    total: items.length,
    first: { type: 'AnnotationPage', items },
  }, null, 2);
}

/** displaCy "manual" input: {text, ents: [{start, end, label}], title}, code point offsets. */
export function displacy(wire, title = 'lede') {
  const cp = codePointIndex(wire.text);
  const ents = (wire.mentions || [])
    .filter((m) => m.end > m.start)
    .map((m) => ({ start: cp(m.start), end: cp(m.end), label: m.type }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  return JSON.stringify([{ text: wire.text, ents, title }], null, 2);
}

/** One CSV cell: quoted when needed; a leading = + - @ is defused (spreadsheet formula injection). */
export function csvCell(v) {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Every highlighted span as a CSV row (UTF-16 offsets, as on the wire). */
export function csv(wire) {
  const head = ['layer', 'type', 'start_utf16', 'end_utf16', 'text', 'entity', 'claim', 'dispute', 'rule'];
  const rows = annotationsOf(wire).map((a) => [
    a.layer, a.type, a.start, a.end, wire.text.slice(a.start, a.end),
    a.entity !== null && a.entity !== undefined && wire.entities[a.entity] ? wire.entities[a.entity].canonical : '',
    a.claim ?? '', a.dispute ?? '', a.rule,
  ]);
  return [head, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function table(caption, head, rows) {
  const th = head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<caption>${escapeHtml(caption)}</caption>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** A standalone HTML summary (every value escaped; no script, no external resource). */
export function htmlSummary(wire, title = 'lede summary') {
  const ents = entityGroups(wire).flatMap((g) => g.entities.map((e) => [g.type, e.canonical, e.count, e.salience, (e.aliases || []).join('; ')]));
  const claims = (wire.claims || []).map((c) => {
    const v = claimView(wire, c);
    return [v.source, v.cue, v.content, v.badges.join(', ')];
  });
  const disputes = (wire.disputes || []).flatMap((d) => {
    const v = disputeView(wire, d);
    return v.sides.length ? v.sides.map((s) => [v.label, s.name, s.stance, s.position ?? 'not stated']) : [[v.label, '', '', '']];
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem}table{border-collapse:collapse;width:100%;margin:1rem 0}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}caption{font-weight:bold;text-align:left}</style>
</head><body>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(`${(wire.entities || []).length} entities, ${(wire.claims || []).length} claims, ${(wire.disputes || []).length} disputes. Source kinds: ${Object.values(SOURCE_KINDS).join(', ')}.`)}</p>
${table('Entities', ['type', 'entity', 'mentions', 'salience', 'aliases'], ents)}
${table('Claims', ['source', 'cue', 'content', 'flags'], claims)}
${table('Disputes', ['issue', 'party', 'stance', 'position'], disputes)}
<h2>Text</h2>
<pre style="white-space:pre-wrap">${escapeHtml(wire.text)}</pre>
</body></html>
`;
}
