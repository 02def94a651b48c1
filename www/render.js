// Pure rendering logic: wire JSON -> flat, non-overlapping segments that each carry every
// annotation covering them, plus legend counts and the status line. No DOM here, so it is
// unit-tested under `node --test` (tests/js/). All offsets are UTF-16 code units (JS strings).

/** Flatten the wire document into annotations: {id, layer, type, start, end, label}. */
export function annotationsOf(wire) {
  const out = [];
  wire.mentions.forEach((m, i) => {
    out.push({ id: `m${i}`, layer: 'entity', type: m.type, start: m.start, end: m.end, label: m.text, rule: m.rule, entity: m.entity });
  });
  wire.claims.forEach((c, i) => {
    out.push({ id: `c${i}`, layer: 'claim', type: 'CLAIM', start: c.content.start, end: c.content.end, label: 'claim', rule: c.rule });
    if (c.source) out.push({ id: `s${i}`, layer: 'source', type: 'SOURCE', start: c.source.start, end: c.source.end, label: 'source', rule: c.rule });
    if (c.cue) out.push({ id: `q${i}`, layer: 'cue', type: 'CUE', start: c.cue.start, end: c.cue.end, label: 'cue', rule: c.rule });
  });
  wire.disputes.forEach((d, i) => {
    d.mentions.forEach((s, j) => {
      out.push({ id: `d${i}.${j}`, layer: 'dispute', type: 'ISSUE', start: s.start, end: s.end, label: d.label, rule: d.rule });
    });
  });
  return out.filter((a) => a.end > a.start);
}

/**
 * Cut [0, length) at every annotation boundary. Returns [{start, end, ids}] covering the whole
 * text in order, where ids lists the annotations covering that piece (possibly none).
 * O(k log k) in the number of annotations; overlapping and nested spans stay distinct.
 */
export function segment(length, annotations) {
  const events = [];
  for (const a of annotations) {
    const s = Math.max(0, Math.min(length, a.start));
    const e = Math.max(0, Math.min(length, a.end));
    if (e > s) events.push([s, 1, a.id], [e, 0, a.id]);
  }
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out = [];
  const open = new Set();
  let pos = 0;
  for (const [at, isStart, id] of events) {
    if (at > pos) {
      out.push({ start: pos, end: at, ids: [...open] });
      pos = at;
    }
    if (isStart) open.add(id);
    else open.delete(id);
  }
  if (pos < length) out.push({ start: pos, end: length, ids: [] });
  return out;
}

/** Count mentions per entity type, plus claims and disputes. */
export function legendCounts(wire) {
  const counts = {};
  for (const m of wire.mentions) counts[m.type] = (counts[m.type] || 0) + 1;
  return { types: counts, claims: wire.claims.length, disputes: wire.disputes.length, entities: wire.entities.length };
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "42 entities, 12 claims, 8 disputes" for the aria-live status. */
export function statusLine(wire) {
  const n = wire.entities.length;
  return `${n} ${n === 1 ? 'entity' : 'entities'}, ${plural(wire.claims.length, 'claim')}, ${plural(wire.disputes.length, 'dispute')}`;
}
