// Unit tests of the keyboard shortcut mapping (www/keyboard.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionFor } from '../../www/keyboard.js';

const key = (k, extra = {}) => ({ key: k, code: '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...extra });

test('single keys map to actions when on and not typing', () => {
  const cases = [['n', 'next'], ['p', 'prev'], ['m', 'nextMention'], ['M', 'prevMention'], ['c', 'nextClaim'],
    ['C', 'prevClaim'], ['d', 'nextDispute'], ['?', 'help'], ['2', 'tab2'], ['x', null]];
  for (const [k, want] of cases) assert.equal(actionFor(key(k), true, false), want, k);
});

test('single keys are ignored when off, in text fields, or with Ctrl/Meta', () => {
  assert.equal(actionFor(key('n'), false, false), null);
  assert.equal(actionFor(key('n'), true, true), null);
  assert.equal(actionFor(key('n', { ctrlKey: true }), true, false), null);
  assert.equal(actionFor(key('c', { metaKey: true }), true, false), null);
});

test('Alt+Shift works whatever the single-key setting; Escape always goes back', () => {
  assert.equal(actionFor(key('Ñ', { altKey: true, shiftKey: true, code: 'KeyN' }), false, false), 'next');
  assert.equal(actionFor(key('C', { altKey: true, shiftKey: true, code: 'KeyC' }), false, true), 'nextClaim');
  assert.equal(actionFor(key('Escape'), false, true), 'back');
});
