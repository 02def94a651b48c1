// Pure rendering logic: wire JSON v1 -> annotations, blocks of flat non-overlapping segments,
// legend counts, tooltips, navigation order, panel models, cleaning undo. No DOM here, so it is
// unit-tested under `node --test` (tests/js/) and also runs inside the worker for big texts.
// All offsets are UTF-16 code units (what JS strings, DOM Ranges and the wire count).

/** OntoNotes types: a one-letter chip (the non-colour cue) and a readable name. */
export const TYPES = {
  PERSON: ['P', 'person'], NORP: ['N', 'nationality, religious or political group'], FAC: ['F', 'facility'],
  ORG: ['O', 'organization'], GPE: ['G', 'country, city or state'], LOC: ['L', 'location'],
  PRODUCT: ['Pr', 'product'], EVENT: ['E', 'event'], WORK_OF_ART: ['W', 'work of art'], LAW: ['Lw', 'law'],
  LANGUAGE: ['La', 'language'], DATE: ['D', 'date'], TIME: ['T', 'time'], PERCENT: ['%', 'percent'],
  MONEY: ['$', 'money'], QUANTITY: ['Q', 'quantity'], ORDINAL: ['#', 'ordinal'], CARDINAL: ['#', 'cardinal number'],
};

/** Layers drawn over the text, each with its own non-colour cue. */
export const LAYERS = {
  entity: 'entities: tinted background, letter chip',
  claim: 'claim content: solid underline',
  source: 'claim source: double underline',
  cue: 'claim cue: dotted underline',
  issue: 'disputed issue: dashed box',
};

export const STANCES = {
  for: 'for', against: 'against', wants_included: 'wants it included',
  wants_excluded: 'wants it excluded', not_stated: 'not stated',
};

export const SOURCE_KINDS = {
  person: 'named person', organization: 'named organization', unnamed: 'unnamed source',
  anonymous: 'anonymous source', hearsay: 'hearsay', pronoun: 'pronoun', none: 'no source given',
};

const span = (s) => (s && Number.isFinite(s.start) && Number.isFinite(s.end) ? s : null);

/**
 * Flatten the wire document into annotations, indexed by position in the returned array:
 * {layer, type, start, end, rule, entity?, claim?, dispute?}. Empty spans are dropped.
 */
export function annotationsOf(wire) {
  const out = [];
  const add = (a) => { if (a.end > a.start) out.push(a); };
  (wire.mentions || []).forEach((m, i) => {
    add({ layer: 'entity', type: m.type, start: m.start, end: m.end, rule: m.rule, entity: m.entity ?? null, mention: i, role: m.role || null });
  });
  (wire.claims || []).forEach((c, i) => {
    const parts = c.content_segments && c.content_segments.length ? c.content_segments : [c.content];
    for (const p of parts.map(span).filter(Boolean)) add({ layer: 'claim', type: 'CLAIM', start: p.start, end: p.end, rule: c.rule, claim: i });
    if (span(c.source)) add({ layer: 'source', type: 'SOURCE', start: c.source.start, end: c.source.end, rule: c.rule, claim: i });
    if (span(c.cue)) add({ layer: 'cue', type: 'CUE', start: c.cue.start, end: c.cue.end, rule: c.rule, claim: i });
  });
  (wire.disputes || []).forEach((d, i) => {
    for (const s of (d.mentions || []).map(span).filter(Boolean)) add({ layer: 'issue', type: 'ISSUE', start: s.start, end: s.end, rule: d.rule, dispute: i });
  });
  return out;
}

/**
 * Cut [0, length) at every annotation boundary. Returns [{start, end, ids}] covering the whole
 * text in order, where ids lists the indices of the annotations covering that piece (maybe
 * none). O(k log k) in the number of annotations; overlapping and nested spans stay distinct.
 */
export function segment(length, annotations) {
  const events = [];
  annotations.forEach((a, id) => {
    const s = Math.max(0, Math.min(length, a.start));
    const e = Math.max(0, Math.min(length, a.end));
    if (e > s) events.push([s, 1, id], [e, 0, id]);
  });
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

/** Paragraph blocks: [start, end) ranges cut after each run of newlines (so no mark spans two). */
export function blocksOf(text) {
  const out = [];
  const re = /\n+/g;
  let start = 0;
  let m;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    out.push({ start, end });
    start = end;
  }
  if (start < text.length || out.length === 0) out.push({ start, end: text.length });
  return out;
}

/**
 * The render plan: blocks, each with its segments (split at block edges). Segments carry the
 * indices of their annotations; `first[i]` is [block, segment] where annotation i starts.
 */
export function planOf(text, annotations) {
  const segs = segment(text.length, annotations);
  const blocks = blocksOf(text).map((b) => ({ start: b.start, end: b.end, segs: [] }));
  const first = new Array(annotations.length).fill(null);
  let bi = 0;
  for (const s of segs) {
    let start = s.start;
    while (start < s.end) {
      while (blocks[bi].end <= start) bi += 1;
      const end = Math.min(s.end, blocks[bi].end);
      const piece = { start, end, ids: s.ids };
      for (const id of s.ids) if (first[id] === null) first[id] = [bi, blocks[bi].segs.length];
      blocks[bi].segs.push(piece);
      start = end;
    }
  }
  return { blocks, first };
}

/**
 * How one segment looks: CSS classes (layers, the innermost entity type, boundary cues, s-<layer>
 * where a non-entity annotation starts) and the chip letter when an entity starts here.
 */
export function segmentLook(seg, annotations) {
  const layers = new Set();
  let inner = null;
  let starts = false;
  let ends = false;
  for (const id of seg.ids) {
    const a = annotations[id];
    layers.add(a.layer);
    if (a.layer === 'entity' && (!inner || a.end - a.start < inner.end - inner.start)) inner = a;
  }
  if (inner) {
    starts = inner.start === seg.start;
    ends = inner.end === seg.end;
  }
  const classes = [...layers].sort().map((l) => `l-${l}`);
  if (inner) classes.push(`t-${inner.type}`);
  if (starts) classes.push('b-start');
  if (ends) classes.push('b-end');
  for (const id of seg.ids) {
    const a = annotations[id];
    if (a.layer !== 'entity' && a.start === seg.start) classes.push(`s-${a.layer}`);
  }
  const chip = inner && starts ? (TYPES[inner.type] || [inner.type.slice(0, 1)])[0] : '';
  return { classes: [...new Set(classes)], chip };
}

/** Count mentions per entity type, plus claims and disputes. */
export function legendCounts(wire) {
  const counts = {};
  for (const m of wire.mentions || []) counts[m.type] = (counts[m.type] || 0) + 1;
  return { types: counts, claims: (wire.claims || []).length, disputes: (wire.disputes || []).length, entities: (wire.entities || []).length };
}

function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}

/** "42 entities, 12 claims, 8 disputes" for the aria-live status. */
export function statusLine(wire) {
  return `${plural((wire.entities || []).length, 'entity', 'entities')}, ${plural((wire.claims || []).length, 'claim')}, ${plural((wire.disputes || []).length, 'dispute')}`;
}

/** Tooltip lines for the annotations covering one segment: type, canonical entity, rule. */
export function tooltipOf(ids, annotations, wire) {
  return ids.map((id) => {
    const a = annotations[id];
    if (a.layer === 'entity') {
      const e = a.entity !== null ? (wire.entities || [])[a.entity] : null;
      const name = TYPES[a.type] ? TYPES[a.type][1] : a.type;
      const canon = e ? ` — ${e.canonical}` : '';
      const met = e && e.metonym_of != null && wire.entities[e.metonym_of] ? ` (stands for ${wire.entities[e.metonym_of].canonical})` : '';
      return `${a.type} (${name})${canon}${met} · rule ${a.rule}`;
    }
    if (a.layer === 'issue') return `Disputed issue: ${wire.disputes[a.dispute].label} · rule ${a.rule}`;
    const c = wire.claims[a.claim];
    const who = c.source_text ? `${c.source_text}` : SOURCE_KINDS[c.source_kind] || c.source_kind;
    return `Claim ${a.layer === 'claim' ? 'content' : a.layer} (${who}) · rule ${a.rule}`;
  });
}

/**
 * Next/previous annotation in reading order among `indices` (annotation indices), relative to
 * the current one (or to a text position when `current` is null). Wraps around.
 */
export function stepIn(indices, annotations, current, dir, position = 0) {
  if (indices.length === 0) return null;
  const order = [...indices].sort((a, b) => annotations[a].start - annotations[b].start || a - b);
  let at = order.indexOf(current);
  if (at === -1) {
    at = order.findIndex((i) => annotations[i].start >= position);
    if (at === -1) at = dir > 0 ? 0 : order.length - 1;
    else if (dir < 0) at = (at - 1 + order.length) % order.length;
    return order[at];
  }
  return order[(at + dir + order.length) % order.length];
}

/** Entities grouped by type (types by total mentions), each group sorted by salience. */
export function entityGroups(wire) {
  const groups = new Map();
  (wire.entities || []).forEach((e, id) => {
    if (!groups.has(e.type)) groups.set(e.type, []);
    groups.get(e.type).push({ ...e, id: e.id ?? id });
  });
  return [...groups.entries()]
    .map(([type, list]) => ({ type, entities: list.sort((a, b) => b.salience - a.salience || b.count - a.count), mentions: list.reduce((n, e) => n + (e.count || 0), 0) }))
    .sort((a, b) => b.mentions - a.mentions || a.type.localeCompare(b.type));
}

const slice = (text, s) => (span(s) ? text.slice(s.start, s.end) : '');

/** One claim as the panel shows it: source label, cue, content, badges. */
export function claimView(wire, c) {
  const badges = [];
  if (c.source_kind === 'anonymous') badges.push('anonymous');
  if (c.source_kind === 'unnamed') badges.push('unnamed');
  if (c.source_kind === 'hearsay') badges.push('hearsay');
  if (c.hedged) badges.push('hedged');
  if (c.negated) badges.push('negated');
  const parts = c.content_segments && c.content_segments.length ? c.content_segments : [c.content];
  return {
    source: c.source_text || (c.source_kind === 'none' ? '(no source)' : SOURCE_KINDS[c.source_kind] || c.source_kind),
    sourceKind: SOURCE_KINDS[c.source_kind] || c.source_kind,
    cue: slice(wire.text, c.cue),
    content: parts.map((p) => slice(wire.text, p)).join(' … '),
    hedges: (c.hedges || []).map((h) => slice(wire.text, h)),
    anonymity: slice(wire.text, c.anonymity),
    kind: c.kind,
    badges,
  };
}

/** One dispute as the panel shows it: parties side by side with position or "not stated". */
export function disputeView(wire, d) {
  return {
    label: d.label,
    sides: (d.sides || []).map((s) => ({
      name: s.name,
      stance: STANCES[s.stance] || s.stance,
      position: span(s.position) ? slice(wire.text, s.position) : null,
      positionSpan: span(s.position),
      claims: (s.claims || []).filter((i) => wire.claims && wire.claims[i]),
    })),
    evidence: (d.evidence || []).filter(span).map((e) => ({ span: e, text: slice(wire.text, e) })),
    rule: d.rule,
  };
}

/**
 * The text with every edit applied except those in `undone` (a Set of edit indices), built
 * from the pasted original. Edits are applied in original order; overlapping edits (which the
 * core never makes) are skipped rather than corrupting the text.
 */
export function rebuildText(original, edits, undone = new Set()) {
  const order = edits.map((e, i) => [e, i]).sort((a, b) => a[0].original.start - b[0].original.start);
  let out = '';
  let pos = 0;
  for (const [e, i] of order) {
    if (e.original.start < pos || e.original.end > original.length) continue;
    out += original.slice(pos, e.original.start);
    out += undone.has(i) ? original.slice(e.original.start, e.original.end) : e.replacement;
    pos = e.original.end;
  }
  return out + original.slice(pos);
}

/** The pasted original recovered from a wire document (cleaned text + edits), e.g. on import. */
export function originalOf(wire) {
  const edits = [...(wire.edits || [])].sort((a, b) => a.cleaned.start - b.cleaned.start);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    if (e.cleaned.start < pos) continue;
    out += wire.text.slice(pos, e.cleaned.start) + e.original_text;
    pos = e.cleaned.end;
  }
  return out + wire.text.slice(pos);
}

/** Check an imported object is lede wire v1; returns an error message or null. */
export function wireProblem(w) {
  if (!w || typeof w !== 'object') return 'not a JSON object';
  if (w.version !== 1) return `version ${JSON.stringify(w.version)} is not lede wire v1`;
  if (typeof w.text !== 'string') return 'no "text" string';
  for (const k of ['mentions', 'entities', 'claims', 'disputes']) if (!Array.isArray(w[k])) return `no "${k}" list`;
  const bad = (s) => !s || !Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > w.text.length || s.start > s.end;
  if (w.mentions.some(bad)) return 'a mention span is outside the text';
  if (w.claims.some((c) => bad(c.content))) return 'a claim span is outside the text';
  return null;
}

/**
 * Cut text to at most `max` UTF-16 units at a paragraph (else line, else space) boundary, never
 * inside a surrogate pair. Returns {text, cut} where cut is how many units were left out.
 */
export function capText(text, max) {
  if (text.length <= max) return { text, cut: 0 };
  let end = text.lastIndexOf('\n\n', max);
  if (end < max * 0.9) end = text.lastIndexOf('\n', max);
  if (end < max * 0.9) end = text.lastIndexOf(' ', max);
  if (end < max * 0.9) end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), cut: text.length - end };
}

const BLOCK = new Set(['P', 'DIV', 'BR', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TR', 'TABLE',
  'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'PRE', 'HR', 'DD', 'DT', 'DL', 'ASIDE', 'MAIN', 'NAV', 'ADDRESS']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'META', 'LINK', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'IMG', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);

/**
 * Clipboard HTML (already parsed, inert, by DOMParser) -> clean paragraphs of text only. Walks
 * any tree of {nodeType, nodeName, nodeValue, childNodes}; nothing from it is ever inserted.
 */
export function htmlTreeToText(root) {
  const paras = [];
  let cur = '';
  const flush = () => {
    const t = cur.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (t) paras.push(t);
    cur = '';
  };
  const stack = [[root, false]];
  while (stack.length) {
    const [node, closing] = stack.pop();
    const name = String(node.nodeName || '').toUpperCase();
    if (closing) { flush(); continue; }
    if (node.nodeType === 3) { cur += node.nodeValue || ''; continue; }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (SKIP.has(name)) continue;
    const block = BLOCK.has(name);
    if (block) { flush(); stack.push([node, true]); }
    const kids = node.childNodes || [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
  }
  flush();
  return paras.join('\n\n');
}

/** Lookups from wire ids to annotation indices: per claim, dispute, entity, and by layer. */
export function indexOf(annotations) {
  const claim = new Map();
  const dispute = new Map();
  const entity = new Map();
  const layer = { entity: [], claim: [], source: [], cue: [], issue: [] };
  annotations.forEach((a, i) => {
    (layer[a.layer] || (layer[a.layer] = [])).push(i);
    if (a.layer === 'claim' && !claim.has(a.claim)) claim.set(a.claim, i);
    if (a.layer === 'issue' && !dispute.has(a.dispute)) dispute.set(a.dispute, i);
    if (a.layer === 'entity' && a.entity !== null) {
      if (!entity.has(a.entity)) entity.set(a.entity, []);
      entity.get(a.entity).push(i);
    }
  });
  return { claim, dispute, entity, layer };
}

/**
 * The plan in typed arrays (transferable from the worker without a slow structured clone):
 * segment k is [segStart[k], segEnd[k]) covered by ids[idsOff[k] .. idsOff[k+1]]; block b holds
 * segments blockSeg[b] .. blockSeg[b+1]; annotation i starts in segment first[i] (-1: none).
 */
export function packPlan(plan, nAnns) {
  const nSegs = plan.blocks.reduce((n, b) => n + b.segs.length, 0);
  const nIds = plan.blocks.reduce((n, b) => n + b.segs.reduce((m, s) => m + s.ids.length, 0), 0);
  const p = {
    segStart: new Uint32Array(nSegs), segEnd: new Uint32Array(nSegs), idsOff: new Uint32Array(nSegs + 1),
    ids: new Uint32Array(nIds), blockSeg: new Uint32Array(plan.blocks.length + 1), first: new Int32Array(nAnns).fill(-1),
  };
  let k = 0;
  let j = 0;
  plan.blocks.forEach((b, bi) => {
    p.blockSeg[bi] = k;
    for (const s of b.segs) {
      p.segStart[k] = s.start;
      p.segEnd[k] = s.end;
      p.idsOff[k] = j;
      for (const id of s.ids) {
        p.ids[j++] = id;
        if (p.first[id] === -1) p.first[id] = k;
      }
      k += 1;
    }
  });
  p.idsOff[k] = j;
  p.blockSeg[plan.blocks.length] = k;
  return p;
}

/** Segment k of a packed plan as {start, end, ids}. */
export function packedSeg(p, k) {
  return { start: p.segStart[k], end: p.segEnd[k], ids: Array.from(p.ids.subarray(p.idsOff[k], p.idsOff[k + 1])) };
}

/** The transferable buffers of a packed plan. */
export const planBuffers = (p) => [p.segStart, p.segEnd, p.idsOff, p.ids, p.blockSeg, p.first].map((a) => a.buffer);
