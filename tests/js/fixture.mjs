// A hand-made wire v1 document exercising every field the page renders: emoji before spans
// (UTF-16 vs code points), nested and crossing spans, a metonym, hedged / negated / anonymous /
// unnamed claims, a dispute with a stated and a "not stated" side, and cleaning edits.
const text = 'Iran 😊 says Tehran will not discuss missiles. A senior official, speaking anonymously, said talks may fail.\n\nUS officials said the agenda must include missiles.';
const at = (s, from = 0) => {
  const i = text.indexOf(s, from);
  if (i < 0) throw new Error(`fixture: ${s} not found`);
  return { start: i, end: i + s.length };
};
const span = (s, from) => at(s, from);
const m = (s, type, entity, rule, extra = {}) => ({ ...at(s), type, text: s, entity, rule, ...extra });

export const original = text.replace('officials said', 'officials  said').replace('missiles.', 'missiles .');

function edit(kind, from, to) {
  const o = original.indexOf(from);
  const c = text.indexOf(to);
  return { kind, original: { start: o, end: o + from.length }, cleaned: { start: c, end: c + to.length }, original_text: from, replacement: to };
}

export const wire = {
  version: 1,
  offsets: 'utf16',
  text,
  edits: [
    edit('space_before_punct', 'missiles .', 'missiles.'),
    edit('double_space', 'officials  said', 'officials said'),
  ],
  mentions: [
    m('Iran', 'GPE', 0, 'lex:gpe'),
    m('Tehran', 'GPE', 1, 'lex:gpe', { role: 'metonym' }),
    m('US', 'GPE', 2, 'lex:gpe'),
    m('US officials', 'PERSON', null, 'test:crossing'),
  ],
  entities: [
    { id: 0, type: 'GPE', canonical: 'Iran', aliases: ['Islamic Republic'], mentions: [0], count: 1, salience: 0.9 },
    { id: 1, type: 'GPE', canonical: 'Tehran', aliases: [], mentions: [1], count: 1, salience: 0.4, role: 'metonym', metonym_of: 0 },
    { id: 2, type: 'GPE', canonical: 'United States', aliases: ['US'], mentions: [2], count: 1, salience: 0.7 },
  ],
  claims: [
    { id: 0, source: span('Iran'), cue: span('says'), content: span('Tehran will not discuss missiles'), kind: 'indirect', source_kind: 'organization', source_text: 'Iran', source_entity: 0, hedged: false, hedges: [], negated: true, anonymity: null, rule: 'src-cue-content' },
    { id: 1, source: span('A senior official'), cue: span('said'), content: span('talks may fail'), kind: 'indirect', source_kind: 'anonymous', source_text: 'A senior official', source_entity: null, hedged: true, hedges: [span('may')], negated: false, anonymity: span('speaking anonymously'), rule: 'src-cue-content' },
    { id: 2, source: span('US officials'), cue: span('said', text.indexOf('US officials')), content: span('the agenda must include missiles'), kind: 'indirect', source_kind: 'unnamed', source_text: 'US officials', source_entity: 2, hedged: false, hedges: [], negated: false, anonymity: null, rule: 'src-cue-content' },
  ],
  disputes: [
    {
      id: 0, label: 'missiles on the agenda', mentions: [span('missiles'), span('missiles', text.indexOf('include'))],
      evidence: [span('Tehran will not discuss missiles'), span('Iran 😊 says')],
      sides: [
        { party: 0, name: 'Iran', position: span('Tehran will not discuss missiles'), stance: 'wants_excluded', claims: [0] },
        { party: 2, name: 'United States', position: span('the agenda must include missiles'), stance: 'wants_included', claims: [2] },
        { party: null, name: 'Oman', position: null, stance: 'not_stated', claims: [] },
      ],
      rule: 'test:dispute',
    },
  ],
  warnings: [{ code: 'short_text', message: 'This text is short; results may be thin.' }],
};
