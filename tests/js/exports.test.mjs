// Unit tests of the pure export builders (www/exports.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointIndex, webAnnotation, displacy, csv, csvCell, htmlSummary, ledeJson, escapeHtml } from '../../www/exports.js';
import { wire } from './fixture.mjs';

test('UTF-16 offsets become code point offsets (emoji count once)', () => {
  const t = 'a😊b😊😊c';
  const cp = codePointIndex(t);
  assert.deepEqual([0, 1, 3, 4, 6, 8, 9].map(cp), [0, 1, 2, 3, 4, 5, 6]);
  const plain = codePointIndex('abc');
  assert.equal(plain(2), 2);
  for (let u = 0; u <= t.length; u++) {
    const hi = t.charCodeAt(u - 1);
    if (hi >= 0xd800 && hi <= 0xdbff) continue; // inside a pair: not a wire offset
    assert.equal(cp(u), [...t.slice(0, u)].length, `at ${u}`);
  }
});

test('Web Annotation: TextQuote + TextPosition selectors in code points', () => {
  const doc = JSON.parse(webAnnotation(wire));
  assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(doc.type, 'AnnotationCollection');
  const items = doc.first.items;
  const tehran = items.find((a) => a.target.selector[0].exact === 'Tehran');
  assert.equal(tehran.type, 'Annotation');
  const [quote, pos] = tehran.target.selector;
  assert.equal(quote.type, 'TextQuoteSelector');
  assert.equal(pos.type, 'TextPositionSelector');
  // 'Iran 😊 says ' is 12 UTF-16 units but 11 code points before 'Tehran'
  assert.equal(wire.text.indexOf('Tehran'), 13);
  assert.deepEqual([pos.start, pos.end], [12, 18]);
  assert.equal([...wire.text].slice(pos.start, pos.end).join(''), 'Tehran');
  assert.ok(quote.prefix.endsWith('says ') && quote.suffix.startsWith(' will'));
  assert.ok(tehran.body.some((b) => b.purpose === 'identifying' && b.value === 'Tehran'));
  for (const a of items) {
    const [q, p] = a.target.selector;
    assert.equal([...wire.text].slice(p.start, p.end).join(''), q.exact, 'every position selector matches its quote');
  }
});

test('displaCy manual format: sorted ents with code point offsets', () => {
  const [doc] = JSON.parse(displacy(wire, 'fixture'));
  assert.equal(doc.text, wire.text);
  assert.equal(doc.title, 'fixture');
  const cps = [...wire.text];
  assert.deepEqual(doc.ents.map((e) => [cps.slice(e.start, e.end).join(''), e.label]),
    [['Iran', 'GPE'], ['Tehran', 'GPE'], ['US officials', 'PERSON'], ['US', 'GPE']]);
});

test('CSV: one row per span, quoting and formula injection defused', () => {
  const rows = csv(wire).trimEnd().split('\r\n');
  assert.equal(rows[0], 'layer,type,start_utf16,end_utf16,text,entity,claim,dispute,rule');
  assert.ok(rows.includes('entity,GPE,13,19,Tehran,Tehran,,,lex:gpe'));
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('-1'), "'-1");
  assert.equal(csvCell(null), '');
});

test('HTML summary escapes everything and holds the summary tables', () => {
  const evil = { ...wire, text: `${wire.text}<script>alert(1)</script>`, claims: [], disputes: [] };
  evil.entities = [{ ...wire.entities[0], canonical: '<img src=x onerror=alert(1)>' }];
  const html = htmlSummary(evil, '<b>t</b>');
  assert.ok(!html.includes('<script>alert'));
  assert.ok(!html.includes('<img'));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('<title>&lt;b&gt;t&lt;/b&gt;</title>'));
  const full = htmlSummary(wire);
  for (const cap of ['Entities', 'Claims', 'Disputes']) assert.ok(full.includes(`<caption>${cap}</caption>`));
  assert.ok(full.includes('not stated'));
  assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
});

test('lede JSON round-trips the wire', () => {
  assert.deepEqual(JSON.parse(ledeJson(wire)), wire);
});
