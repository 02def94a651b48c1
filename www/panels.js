// The side panel's four tabs (Entities, Claims, Disputes, Cleaning) and the legend, built from
// the wire with createElement + textContent only. Actions go back to app.js through `on`.
import { TYPES, LAYERS, entityGroups, claimView, disputeView, legendCounts } from './render.js';

/** el('p', {class: 'x', dataset: {a: 1}}, 'text', child…): text children become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

let generation = 0;
/**
 * Items waiting to be built, shared by every panel: `fillLater` queues a list, `drain` builds
 * queued items in slices of a few ms, one task each (a 1 MB paste has thousands of edits and
 * entities). A budget is shared by all the lists of a task, and every slice builds one item at
 * least, so the page keeps moving however costly an item is.
 */
const queue = [];
let slicing = false;
const waiters = [];
/** A slice's budget in ms, and the first slice's, which each panel builds at once. */
const SLICE_MS = 5;
const FIRST_SLICE_MS = 4;
/**
 * Items a slice builds into a shown list at most: their style and layout, paid in the frame
 * after the script, cost ~10× its time (~35 µs an element; an entity item has five). Lists in
 * a hidden tab cost script time only and are bounded by the budget alone.
 */
const SHOWN_ITEMS = 24;

/** Append build(item, i) to `parent` for each item, in the next slices of the fill queue. */
function fillLater(parent, items, build) {
  if (items.length) queue.push({ parent, items, build, i: 0, gen: generation });
  scheduleSlice();
  return parent;
}

function scheduleSlice() {
  if (slicing || !queue.length) return;
  slicing = true;
  setTimeout(() => { slicing = false; drain(SLICE_MS); }, 0);
}

/** Build queued items for `budget` ms (one at least); the rest go to the next slice. */
function drain(budget) {
  const t0 = performance.now();
  let built = 0;
  let shown = 0;
  while (queue.length && (built === 0 || performance.now() - t0 < budget)) {
    const job = queue[0];
    if (job.gen !== generation || job.i >= job.items.length) { queue.shift(); continue; }
    const onScreen = !job.parent.closest('[hidden], details:not([open])');
    if (onScreen && shown >= SHOWN_ITEMS) break;
    job.parent.append(job.build(job.items[job.i], job.i++));
    built++;
    if (onScreen) shown++;
  }
  if (queue.length) scheduleSlice();
  else for (const w of waiters.splice(0)) w();
}

/** Resolves once every queued item is built (or dropped for a newer result). */
export function filled() {
  return queue.length ? new Promise((r) => waiters.push(r)) : Promise.resolve();
}
/** Claim links shown per side before a "more" button (a long paste links hundreds). */
const CLAIM_LINKS = 12;

const chip = (type) => el('span', { class: `chip t-${type}`, 'aria-hidden': 'true' }, (TYPES[type] || [type[0]])[0]);

/** Legend: one toggle per entity type and per layer, each with its count. */
export function renderLegend(root, wire, hidden, on) {
  const c = legendCounts(wire);
  const toggle = (key, label, n, cls, desc) => el('li', {},
    el('button', { type: 'button', class: `legend-item ${cls}`, 'aria-pressed': String(!hidden.has(key)), dataset: { key, count: String(n) }, title: desc, onclick: () => on.toggle(key) },
      el('span', { class: 'swatch', 'aria-hidden': 'true' }, cls.startsWith('t-') ? (TYPES[key] || [key[0]])[0] : ''),
      el('span', { class: 'legend-label' }, label), el('span', { class: 'legend-count' }, String(n))));
  const types = Object.entries(c.types).sort((a, b) => b[1] - a[1]);
  const items = [
    toggle('entity', 'Entities', (wire.mentions || []).length, 'layer l-entity', LAYERS.entity),
    ...types.map(([t, n]) => toggle(t, t, n, `t-${t}`, `${TYPES[t] ? TYPES[t][1] : t}: ${n} mentions`)),
    toggle('claim', 'Claims', c.claims, 'layer l-claim', LAYERS.claim),
    toggle('source', 'Sources', (wire.claims || []).filter((x) => x.source).length, 'layer l-source', LAYERS.source),
    toggle('cue', 'Cues', (wire.claims || []).filter((x) => x.cue).length, 'layer l-cue', LAYERS.cue),
    toggle('issue', 'Disputes', c.disputes, 'layer l-issue', LAYERS.issue),
  ];
  root.replaceChildren(...items);
}

function entitiesPanel(wire, on) {
  const groups = entityGroups(wire);
  if (!groups.length) return [el('p', { class: 'empty' }, 'No entities found.')];
  return groups.map((g) => el('section', { class: 'group' },
    el('h3', {}, chip(g.type), ` ${g.type} `, el('span', { class: 'muted' }, `${TYPES[g.type] ? TYPES[g.type][1] : ''} · ${g.entities.length} entities, ${g.mentions} mentions`)),
    fillLater(el('ul', { class: 'entities' }), g.entities, (e) => {
      const met = e.metonym_of != null && wire.entities[e.metonym_of];
      const aliases = (e.aliases || []).filter((a) => a !== e.canonical);
      return el('li', {},
        el('button', { type: 'button', class: 'entity', dataset: { entity: String(e.id) }, onclick: (ev) => on.cycleEntity(e.id, ev.currentTarget) },
          el('span', { class: 'name' }, e.canonical),
          el('span', { class: 'meta' }, `${e.count} mention${e.count === 1 ? '' : 's'} · salience ${Number(e.salience).toFixed(2)}`),
          el('span', { class: 'where', 'aria-live': 'off' })),
        aliases.length ? el('p', { class: 'explain' }, `Also written as: ${aliases.join(', ')}`) : null,
        met ? el('p', { class: 'explain' }, `Metonym: "${e.canonical}" stands for ${met.canonical} (a place or building named for the people or government there).`) : null);
    }),
  ));
}

function claimsPanel(wire, on) {
  if (!(wire.claims || []).length) return [el('p', { class: 'empty' }, 'No claims found.')];
  return [fillLater(el('ol', { class: 'claims' }), wire.claims, (c, i) => {
    const v = claimView(wire, c);
    return el('li', {},
      el('button', { type: 'button', class: 'claim', dataset: { claim: String(i) }, onclick: () => on.jumpClaim(i) },
        el('span', { class: 'source' }, v.source), el('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '),
        el('span', { class: 'visually-hidden' }, ' says: '),
        el('span', { class: 'content' }, v.content)),
      el('p', { class: 'meta' },
        v.cue ? el('span', {}, 'cue: ', el('q', {}, v.cue)) : el('span', {}, 'no cue word'),
        ` · ${v.sourceKind} · ${v.kind}`,
        ...v.badges.map((b) => el('span', { class: `badge b-${b}` }, b))),
      v.hedges.length ? el('p', { class: 'explain' }, `Hedged by: ${v.hedges.join(', ')}`) : null,
      v.anonymity ? el('p', { class: 'explain' }, `Why anonymous: ${v.anonymity}`) : null);
  })];
}

function disputesPanel(wire, on) {
  if (!(wire.disputes || []).length) return [el('p', { class: 'empty' }, 'No disputed issues found.')];
  const claimLink = (ci) => el('button', { type: 'button', class: 'link', onclick: () => on.jumpClaim(ci) }, `#${ci + 1}`);
  return [fillLater(el('div', { class: 'disputes' }), wire.disputes, (d, i) => {
    const v = disputeView(wire, d);
    return el('section', { class: 'dispute', dataset: { dispute: String(i) } },
      el('h3', {}, el('button', { type: 'button', class: 'issue-link', onclick: () => on.jumpDispute(i) }, v.label)),
      v.sides.length
        ? el('div', { class: 'sides' }, v.sides.map((s) => el('div', { class: 'side' },
          el('h4', {}, s.name),
          el('p', { class: 'stance' }, `Stance: ${s.stance}`),
          s.position
            ? el('blockquote', {}, el('button', { type: 'button', class: 'link', onclick: () => on.jumpSpan(s.positionSpan) }, s.position))
            : el('p', { class: 'not-stated' }, 'Position not stated in the article'),
          s.claims.length ? claimLinks(s.claims, claimLink) : null)))
        : el('p', { class: 'not-stated' }, 'Parties not identified.'),
      v.evidence.length ? evidenceList(v.evidence, on) : null,
      el('p', { class: 'meta' }, `rule ${v.rule}`));
  })];
}

/** A side's claim links: the first few, and a button that adds the rest. */
function claimLinks(claims, link) {
  const p = el('p', { class: 'links' }, 'Claims: ', claims.slice(0, CLAIM_LINKS).map(link));
  if (claims.length > CLAIM_LINKS) {
    const more = el('button', { type: 'button', class: 'link more', onclick: () => { more.remove(); fillLater(p, claims.slice(CLAIM_LINKS), link); } },
      `+${claims.length - CLAIM_LINKS} more`);
    p.append(more);
  }
  return p;
}

/** An issue's evidence sentences, folded: built when first opened (a long paste has hundreds). */
function evidenceList(evidence, on) {
  const list = el('ul', {});
  const item = (e) => el('li', {}, el('button', { type: 'button', class: 'link', onclick: () => on.jumpSpan(e.span) }, e.text));
  return el('details', { ontoggle: (ev) => { if (ev.currentTarget.open && !list.hasChildNodes()) fillLater(list, evidence, item); } },
    el('summary', {}, `Evidence (${evidence.length})`), list);
}

function cleaningPanel(state, on) {
  const edits = state.edits || [];
  if (!edits.length) return [el('p', { class: 'empty' }, state.cleaned === false ? 'Annotated as given (no cleaning).' : 'Nothing needed cleaning.')];
  const shown = (s) => (s === '' ? '∅' : s.replace(/\n/g, '⏎').replace(/ /g, '·').replace(/\u00a0/g, '⍽'));
  const short = (s) => (s.length > 80 ? `${s.slice(0, 60)} … ${s.slice(-12)}` : s);
  return [
    el('div', { class: 'actions' },
      el('button', { type: 'button', id: 'undo-all', onclick: () => on.undoAll(), disabled: state.undone.size === edits.length }, 'Undo all edits'),
      el('button', { type: 'button', id: 'redo-all', onclick: () => on.redoAll(), disabled: state.undone.size === 0 }, 'Redo all')),
    el('p', { class: 'hint' }, `${edits.length} edit${edits.length === 1 ? '' : 's'}; · is a space, ⏎ a line break, ∅ nothing. Undoing re-annotates the text.`),
    fillLater(el('ol', { class: 'edits' }), edits, (e, i) => {
      const undone = state.undone.has(i);
      const o = state.original || '';
      const before = o.slice(Math.max(0, e.original.start - 16), e.original.start).replace(/^\S*\s/, '…');
      const after = o.slice(e.original.end, e.original.end + 16).replace(/\s\S*$/, '…');
      return el('li', { class: undone ? 'undone' : '', dataset: { edit: String(i) } },
        el('span', { class: 'kind' }, e.kind),
        el('span', { class: 'diff' },
          el('span', { class: 'ctx' }, before.replace(/\n/g, '⏎')),
          el('del', {}, shown(short(e.original_text))), el('span', { class: 'visually-hidden' }, ' became '),
          el('ins', {}, shown(short(e.replacement))),
          el('span', { class: 'ctx' }, after.replace(/\n/g, '⏎'))),
        el('button', { type: 'button', class: 'undo', 'aria-pressed': String(undone), onclick: () => on.toggleEdit(i) }, undone ? 'Redo' : 'Undo'));
    }),
  ];
}

/** Fill every tab panel (one per task when `pause` yields) and the tab counts. */
export async function renderPanels(state, on, pause = async () => {}) {
  const gen = ++generation;
  const wire = state.wire;
  const fills = [['entities', () => entitiesPanel(wire, on)], ['claims', () => claimsPanel(wire, on)],
    ['disputes', () => disputesPanel(wire, on)], ['cleaning', () => cleaningPanel(state, on)]];
  for (const [name, build] of fills) {
    document.getElementById(`panel-${name}`).replaceChildren(...build());
    drain(FIRST_SLICE_MS);
    await pause();
    if (gen !== generation) return;
  }
  const counts = { entities: wire.entities.length, claims: wire.claims.length, disputes: wire.disputes.length, edits: (state.edits || []).length };
  for (const n of document.querySelectorAll('[data-tabcount]')) n.textContent = String(counts[n.dataset.tabcount] ?? 0);
}

/** Tabs with arrow-key roving focus (WAI-ARIA tabs pattern). */
export function setupTabs() {
  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const select = (tab, focus = true) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
    }
    document.getElementById('panel').scrollTop = 0;
    if (focus) tab.focus();
  };
  tabs.forEach((t, i) => {
    t.addEventListener('click', () => select(t));
    t.addEventListener('keydown', (e) => {
      const d = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 1, ArrowUp: -1 }[e.key];
      if (d) { e.preventDefault(); select(tabs[(i + d + tabs.length) % tabs.length]); }
      if (e.key === 'Home') { e.preventDefault(); select(tabs[0]); }
      if (e.key === 'End') { e.preventDefault(); select(tabs.at(-1)); }
    });
  });
  return (n, focus) => select(tabs[n], focus);
}

/** The print view's summary tables (entities, claims, disputes), built when printing starts. */
export function renderPrintTables(root, wire) {
  const table = (caption, head, rows) => el('table', {}, el('caption', {}, caption),
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, String(c)))))));
  const ents = entityGroups(wire).flatMap((g) => g.entities.map((e) => [g.type, e.canonical, e.count, Number(e.salience).toFixed(2), (e.aliases || []).join('; ')]));
  const claims = (wire.claims || []).map((c, i) => {
    const v = claimView(wire, c);
    return [i + 1, v.source, v.cue, v.content, v.badges.join(', ')];
  });
  const disputes = (wire.disputes || []).flatMap((d) => {
    const v = disputeView(wire, d);
    return v.sides.length ? v.sides.map((s) => [v.label, s.name, s.stance, s.position ?? 'not stated']) : [[v.label, '—', '—', 'parties not identified']];
  });
  root.replaceChildren(el('h2', {}, 'Summary'),
    table('Entities', ['type', 'entity', 'mentions', 'salience', 'aliases'], ents),
    table('Claims', ['#', 'source', 'cue', 'content', 'flags'], claims),
    table('Disputes', ['issue', 'party', 'stance', 'position'], disputes));
}
