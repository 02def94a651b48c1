// Unit tests of the page's pure rendering logic (www/render.js), run with `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  annotationsOf, segment, blocksOf, planOf, segmentLook, legendCounts, statusLine, tooltipOf, stepIn,
  entityGroups, claimView, disputeView, rebuildText, originalOf, wireProblem, capText, htmlTreeToText, indexOf,
} from '../../www/render.js';
import { wire, original } from './fixture.mjs';

const small = {
  text: 'Iran said 😊 talks in Oman.',
  mentions: [
    { start: 0, end: 4, type: 'GPE', text: 'Iran', rule: 'lex:gpe', entity: 0 },
    { start: 22, end: 26, type: 'GPE', text: 'Oman', rule: 'lex:gpe', entity: 1 },
  ],
  entities: [{}, {}],
  claims: [{ source: { start: 0, end: 4 }, cue: { start: 5, end: 9 }, content: { start: 10, end: 26 }, rule: 'r', source_kind: 'organization' }],
  disputes: [],
};

test('segments cover the text exactly once, in order', () => {
  const segs = segment(small.text.length, annotationsOf(small));
  assert.equal(segs[0].start, 0);
  assert.equal(segs.at(-1).end, small.text.length);
  for (let i = 1; i < segs.length; i++) assert.equal(segs[i].start, segs[i - 1].end);
  assert.equal(segs.map((s) => small.text.slice(s.start, s.end)).join(''), small.text);
});

test('crossing and nested spans stay distinct', () => {
  const segs = segment(10, [{ start: 0, end: 6 }, { start: 4, end: 10 }, { start: 1, end: 2 }]);
  assert.deepEqual(
    segs.map((s) => [s.start, s.end, s.ids.sort().join('')]),
    [[0, 1, '0'], [1, 2, '02'], [2, 4, '0'], [4, 6, '01'], [6, 10, '1']],
  );
});

test('a mention and the claim containing it both survive', () => {
  const anns = annotationsOf(small);
  const segs = segment(small.text.length, anns);
  const oman = segs.find((s) => small.text.slice(s.start, s.end) === 'Oman');
  assert.deepEqual(oman.ids.map((i) => anns[i].layer).sort(), ['claim', 'entity']);
});

test('out-of-range and empty spans are ignored, not thrown on', () => {
  const segs = segment(3, [{ start: 2, end: 99 }, { start: 1, end: 1 }]);
  assert.deepEqual(segs, [{ start: 0, end: 2, ids: [] }, { start: 2, end: 3, ids: [0] }]);
});

test('annotations cover every layer of the full fixture', () => {
  const anns = annotationsOf(wire);
  const layers = new Set(anns.map((a) => a.layer));
  assert.deepEqual([...layers].sort(), ['claim', 'cue', 'entity', 'issue', 'source']);
  for (const a of anns) assert.ok(a.rule, 'every annotation carries its rule');
  assert.equal(anns.filter((a) => a.layer === 'issue').length, 2);
});

test('content_segments replace the covering content span', () => {
  const w = { text: '"We will," he said, "win."', mentions: [], entities: [], disputes: [],
    claims: [{ content: { start: 0, end: 26 }, content_segments: [{ start: 1, end: 8 }, { start: 21, end: 25 }], source: null, cue: null, rule: 'q' }] };
  const claims = annotationsOf(w).filter((a) => a.layer === 'claim');
  assert.deepEqual(claims.map((a) => w.text.slice(a.start, a.end)), ['We will', 'win.']);
});

test('blocks split at newline runs and rejoin to the text', () => {
  const t = 'a\n\nb\nc';
  const b = blocksOf(t);
  assert.deepEqual(b, [{ start: 0, end: 3 }, { start: 3, end: 5 }, { start: 5, end: 6 }]);
  assert.deepEqual(blocksOf(''), [{ start: 0, end: 0 }]);
});

test('the plan splits a span crossing a paragraph and records where each starts', () => {
  const t = 'ab\ncd';
  const anns = [{ layer: 'claim', start: 1, end: 4 }];
  const plan = planOf(t, anns);
  const pieces = plan.blocks.flatMap((b) => b.segs.filter((s) => s.ids.length).map((s) => t.slice(s.start, s.end)));
  assert.deepEqual(pieces, ['b\n', 'c']);
  assert.deepEqual(plan.first, [[0, 1]]);
  assert.equal(plan.blocks.flatMap((b) => b.segs).map((s) => t.slice(s.start, s.end)).join(''), t);
});

test('segment look: innermost entity type wins, edges and chip mark boundaries', () => {
  const anns = annotationsOf(wire);
  const plan = planOf(wire.text, anns);
  const segs = plan.blocks.flatMap((b) => b.segs);
  const us = segs.find((s) => wire.text.slice(s.start, s.end) === 'US');
  const look = segmentLook(us, anns);
  assert.ok(look.classes.includes('t-GPE'), 'the shorter GPE wins over the crossing PERSON');
  assert.ok(look.classes.includes('b-start') && look.classes.includes('b-end'));
  assert.ok(look.classes.includes('l-source'));
  assert.equal(look.chip, 'G');
  const officials = segs.find((s) => wire.text.slice(s.start, s.end) === ' officials');
  const l2 = segmentLook(officials, anns);
  assert.ok(l2.classes.includes('t-PERSON') && !l2.classes.includes('b-start') && l2.classes.includes('b-end'));
  assert.equal(l2.chip, '');
});

test('legend counts and status line', () => {
  assert.deepEqual(legendCounts(small).types, { GPE: 2 });
  assert.equal(statusLine(small), '2 entities, 1 claim, 0 disputes');
  assert.equal(statusLine(wire), '3 entities, 3 claims, 1 dispute');
  assert.deepEqual(legendCounts(wire).types, { GPE: 3, PERSON: 1 });
});

test('tooltips name type, canonical entity, metonym and rule', () => {
  const anns = annotationsOf(wire);
  const tehran = anns.findIndex((a) => a.layer === 'entity' && wire.text.slice(a.start, a.end) === 'Tehran');
  assert.equal(tooltipOf([tehran], anns, wire)[0], 'GPE (country, city or state) — Tehran (stands for Iran) · rule lex:gpe');
  const issue = anns.findIndex((a) => a.layer === 'issue');
  assert.match(tooltipOf([issue], anns, wire)[0], /^Disputed issue: missiles on the agenda · rule test:dispute$/);
  const src = anns.findIndex((a) => a.layer === 'source' && a.claim === 1);
  assert.match(tooltipOf([src], anns, wire)[0], /A senior official/);
});

test('stepping walks in reading order, wraps, and starts from a position', () => {
  const anns = [{ start: 10 }, { start: 0 }, { start: 5 }];
  assert.equal(stepIn([0, 1, 2], anns, 1, 1), 2);
  assert.equal(stepIn([0, 1, 2], anns, 0, 1), 1, 'wraps to the first');
  assert.equal(stepIn([0, 1, 2], anns, 1, -1), 0, 'wraps to the last');
  assert.equal(stepIn([0, 1, 2], anns, null, 1, 6), 0);
  assert.equal(stepIn([0, 1, 2], anns, null, 1), 1);
  assert.equal(stepIn([], anns, null, 1), null);
});

test('index maps claims, disputes and entities to annotations', () => {
  const anns = annotationsOf(wire);
  const ix = indexOf(anns);
  assert.equal(anns[ix.claim.get(1)].layer, 'claim');
  assert.equal(wire.text.slice(anns[ix.claim.get(1)].start, anns[ix.claim.get(1)].end), 'talks may fail');
  assert.equal(anns[ix.dispute.get(0)].layer, 'issue');
  assert.equal(ix.entity.get(0).length, 1);
});

test('entity groups sort by salience and keep metonyms', () => {
  const g = entityGroups(wire);
  assert.equal(g[0].type, 'GPE');
  assert.deepEqual(g[0].entities.map((e) => e.canonical), ['Iran', 'United States', 'Tehran']);
  assert.equal(g[0].entities[2].metonym_of, 0);
});

test('claim views carry badges for anonymous, unnamed, hedged and negated', () => {
  const v = wire.claims.map((c) => claimView(wire, c));
  assert.deepEqual(v[0].badges, ['negated']);
  assert.deepEqual(v[1].badges, ['anonymous', 'hedged']);
  assert.deepEqual(v[2].badges, ['unnamed']);
  assert.equal(v[1].anonymity, 'speaking anonymously');
  assert.deepEqual(v[1].hedges, ['may']);
  assert.equal(v[0].content, 'Tehran will not discuss missiles');
  assert.equal(v[0].cue, 'says');
  const none = claimView(wire, { ...wire.claims[0], source: null, source_text: null, source_kind: 'none' });
  assert.equal(none.source, '(no source)');
});

test('dispute view: parties side by side, positions or not stated', () => {
  const v = disputeView(wire, wire.disputes[0]);
  assert.deepEqual(v.sides.map((s) => [s.name, s.stance, s.position]), [
    ['Iran', 'wants it excluded', 'Tehran will not discuss missiles'],
    ['United States', 'wants it included', 'the agenda must include missiles'],
    ['Oman', 'not stated', null],
  ]);
  assert.deepEqual(v.sides[0].claims, [0]);
  assert.equal(v.evidence[0].text, 'Tehran will not discuss missiles');
});

test('rebuild applies every edit but the undone ones', () => {
  assert.equal(rebuildText(original, wire.edits), wire.text);
  assert.equal(rebuildText(original, wire.edits, new Set([0, 1])), original);
  const one = rebuildText(original, wire.edits, new Set([1]));
  assert.ok(one.includes('missiles.') && one.includes('officials  said'));
  const emoji = '😊  x';
  assert.equal(rebuildText(emoji, [{ original: { start: 2, end: 4 }, replacement: ' ' }]), '😊 x');
});

test('the original is recovered from a wire document (for import)', () => {
  assert.equal(originalOf(wire), original);
  assert.equal(originalOf({ text: 'abc', edits: [] }), 'abc');
});

test('imports are checked', () => {
  assert.equal(wireProblem(wire), null);
  assert.match(wireProblem({ version: 2 }), /not lede wire v1/);
  assert.match(wireProblem({ ...wire, mentions: [{ start: 0, end: 9999 }] }), /outside/);
  assert.match(wireProblem(null), /not a JSON object/);
  assert.match(wireProblem({ version: 1, text: 'x', mentions: [], entities: [], claims: 3, disputes: [] }), /claims/);
});

test('size cap cuts at a paragraph, reports what was left out, never splits a pair', () => {
  const t = `${'a'.repeat(95)}\n\n${'b'.repeat(20)}`;
  const r = capText(t, 100);
  assert.equal(r.text, 'a'.repeat(95));
  assert.equal(r.cut, t.length - 95);
  assert.deepEqual(capText('short', 100), { text: 'short', cut: 0 });
  const e = capText('😊'.repeat(60), 101);
  assert.equal(e.text.length, 100);
  assert.equal(e.text + '😊'.repeat(10), '😊'.repeat(60));
});

const el = (name, ...kids) => ({ nodeType: 1, nodeName: name, childNodes: kids });
const tx = (v) => ({ nodeType: 3, nodeName: '#text', nodeValue: v });

test('clipboard HTML becomes clean paragraphs of text, scripts and images dropped', () => {
  const tree = el('BODY',
    el('H1', tx('Iran  talks ')),
    el('P', tx('First '), el('B', tx('bold')), tx(' para.')),
    el('SCRIPT', tx('alert(1)')),
    el('DIV', el('IMG'), tx('<img src=x onerror=alert(1)>')),
    el('UL', el('LI', tx('one')), el('LI', tx('two'))),
    el('STYLE', tx('p{}')));
  assert.equal(htmlTreeToText(tree), 'Iran talks\n\nFirst bold para.\n\n<img src=x onerror=alert(1)>\n\none\n\ntwo');
  assert.equal(htmlTreeToText(el('BODY')), '');
});

test('the packed plan holds the same segments, blocks and first segments', async () => {
  const { packPlan, packedSeg } = await import('../../www/render.js');
  const anns = annotationsOf(wire);
  const plan = planOf(wire.text, anns);
  const p = packPlan(plan, anns.length);
  const flat = plan.blocks.flatMap((b) => b.segs);
  assert.equal(p.segStart.length, flat.length);
  flat.forEach((s, k) => assert.deepEqual(packedSeg(p, k), { start: s.start, end: s.end, ids: s.ids }));
  assert.equal(p.blockSeg.length, plan.blocks.length + 1);
  assert.equal(p.blockSeg.at(-1), flat.length);
  anns.forEach((a, i) => {
    const k = p.first[i];
    assert.ok(packedSeg(p, k).ids.includes(i));
    assert.equal(p.segStart[k], a.start);
  });
});
