// Unit tests of the page's pure rendering logic (www/render.js), run with `node --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationsOf, segment, legendCounts, statusLine } from '../../www/render.js';

const wire = {
  text: 'Iran said 😊 talks in Oman.',
  mentions: [
    { start: 0, end: 4, type: 'GPE', text: 'Iran', rule: 'lex:gpe', entity: 0 },
    { start: 22, end: 26, type: 'GPE', text: 'Oman', rule: 'lex:gpe', entity: 1 },
  ],
  entities: [{}, {}],
  claims: [{ source: { start: 0, end: 4 }, cue: { start: 5, end: 9 }, content: { start: 10, end: 26 }, rule: 'r' }],
  disputes: [],
};

test('segments cover the text exactly once, in order', () => {
  const segs = segment(wire.text.length, annotationsOf(wire));
  assert.equal(segs[0].start, 0);
  assert.equal(segs.at(-1).end, wire.text.length);
  for (let i = 1; i < segs.length; i++) assert.equal(segs[i].start, segs[i - 1].end);
  assert.equal(segs.map((s) => wire.text.slice(s.start, s.end)).join(''), wire.text);
});

test('crossing and nested spans stay distinct', () => {
  const segs = segment(10, [
    { id: 'a', start: 0, end: 6 },
    { id: 'b', start: 4, end: 10 },
    { id: 'c', start: 1, end: 2 },
  ]);
  assert.deepEqual(
    segs.map((s) => [s.start, s.end, s.ids.sort().join('')]),
    [[0, 1, 'a'], [1, 2, 'ac'], [2, 4, 'a'], [4, 6, 'ab'], [6, 10, 'b']],
  );
});

test('a mention and the claim containing it both survive', () => {
  const segs = segment(wire.text.length, annotationsOf(wire));
  const oman = segs.find((s) => wire.text.slice(s.start, s.end) === 'Oman');
  assert.deepEqual(oman.ids.sort(), ['c0', 'm1']);
});

test('out-of-range and empty spans are ignored, not thrown on', () => {
  const segs = segment(3, [{ id: 'x', start: 2, end: 99 }, { id: 'y', start: 1, end: 1 }]);
  assert.deepEqual(segs, [{ start: 0, end: 2, ids: [] }, { start: 2, end: 3, ids: ['x'] }]);
});

test('legend counts and status line', () => {
  assert.deepEqual(legendCounts(wire).types, { GPE: 2 });
  assert.equal(statusLine(wire), '2 entities, 1 claim, 0 disputes');
});
