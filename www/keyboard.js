// Keyboard shortcuts as a pure mapping (unit-tested): a key event -> an action name, or null.
// Single keys work when enabled and focus is not in a text field; with single keys off, the
// same shortcuts work with Alt+Shift held (matched on `code`, which Alt does not change).

const SINGLE = {
  n: 'next', p: 'prev', m: 'nextMention', M: 'prevMention', c: 'nextClaim', C: 'prevClaim',
  d: 'nextDispute', D: 'prevDispute', t: 'theme', '?': 'help',
  1: 'tab1', 2: 'tab2', 3: 'tab3', 4: 'tab4',
};
const BY_CODE = {
  KeyN: 'next', KeyP: 'prev', KeyM: 'nextMention', KeyC: 'nextClaim', KeyD: 'nextDispute', KeyT: 'theme',
  Slash: 'help', Digit1: 'tab1', Digit2: 'tab2', Digit3: 'tab3', Digit4: 'tab4',
};

/**
 * @param e {key, code, altKey, ctrlKey, metaKey, shiftKey}
 * @param singleKeys whether single-key shortcuts are on
 * @param inTextField whether focus is in a textarea/input (single keys are then ignored)
 */
export function actionFor(e, singleKeys, inTextField) {
  if (e.key === 'Escape') return 'back';
  if (e.ctrlKey || e.metaKey) return null;
  if (e.altKey && e.shiftKey) return BY_CODE[e.code] || null;
  if (e.altKey || !singleKeys || inTextField) return null;
  return SINGLE[e.key] || null;
}
