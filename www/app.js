// Page wiring: input → worker → render. The article reaches the DOM only through text nodes
// (createTextNode / textContent); pasted HTML is parsed inert by DOMParser and reduced to text.
import {
  annotationsOf, planOf, packPlan, statusLine, tooltipOf, stepIn, indexOf, rebuildText,
  originalOf, wireProblem, capText, htmlTreeToText,
} from './render.js';
import { ledeJson, webAnnotation, displacy, csv, htmlSummary } from './exports.js';
import { renderLegend, renderPanels, setupTabs, renderPrintTables, filled } from './panels.js';
import { actionFor } from './keyboard.js';
import { setupArticle, paint, nodesOf as nodesIn, segAt, blockOfSeg, fillBlock, setHighlight, view } from './article.js';

const params = new URLSearchParams(location.search);
// 5 MB of text (UTF-16 units): annotate up to here. `?debug&cap=N` lowers it for the tests.
const MAX_UNITS = params.has('debug') && Number(params.get('cap')) > 0 ? Number(params.get('cap')) : 5 * 1024 * 1024;
const $ = (sel) => document.querySelector(sel);
const input = $('#input');
const article = $('#article');
const statusEl = $('#status');
const noteEl = $('#note');
const tooltip = $('#tooltip');
const body = document.body;
const selectTab = setupTabs();
setupArticle(article, {
  eager: params.has('debug') && params.has('eager') ? Number(params.get('eager')) : undefined,
  plainOnly: params.has('debug') && params.has('plain'),
});

const state = {
  original: '', wire: null, anns: [], plan: null, edits: [], undone: new Set(),
  cleaned: true, hidden: new Set(), view: 'cleaned', current: null, history: [], cycle: new Map(),
  singleKeys: true, boxText: null, showToken: 0, indexCache: null,
};
/** Lookups claim/dispute/entity -> annotations, built on first use (not on the paste's path). */
const ix = () => (state.indexCache ||= indexOf(state.anns));

// ---------------------------------------------------------------- worker
let worker = null;
let job = null; // {id, kind: 'paste'|'undo'} of the running job

function startWorker() {
  worker = new Worker('worker.js', { type: 'module' });
  worker.onmessage = onResult;
  worker.onerror = (e) => {
    e.preventDefault();
    crashed(e.message || 'the worker stopped');
  };
}

function restartWorker() {
  worker.terminate();
  startWorker();
}

function crashed(why) {
  restartWorker();
  job = null;
  collapseInput(false);
  setState('error');
  say(`The analyser crashed (${why}). Your text is kept: press Annotate to try again.`);
}

let nextId = 0;
function post(message, kind) {
  if (job) restartWorker(); // cancel the running job: new text always wins
  nextId += 1;
  job = { id: nextId, kind };
  setState('busy');
  worker.postMessage({ id: nextId, ...message });
}

/** Annotate `text` (capped at MAX_UNITS, with a note when cut). kind 'paste' resets the edits. */
function analyse(text, kind = 'paste') {
  if (!text.trim()) {
    say('Nothing to annotate yet: paste an article, drop a .txt file or load the example.');
    return;
  }
  const { text: head, cut } = capText(text, MAX_UNITS);
  if (kind === 'paste') {
    state.original = head;
    state.undone = new Set();
    state.cleaned = true;
  }
  note(cut ? `This text is ${mb(text.length)}; lede annotated the first ${mb(head.length)} (up to a paragraph break) and left the last ${cut.toLocaleString('en')} characters out. They are kept: open Edit text to see them in the input box.` : '');
  say(cut ? `Analysing the first ${mb(head.length)}…` : 'Analysing…');
  post({ text: head, options: kind === 'paste' ? {} : { clean: false } }, kind);
}

const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Results arrive in parts (see worker.js); each part is its own short task on this thread. */
function onResult(event) {
  const { id, ok, part, error, fatal } = event.data;
  if (!job || id !== job.id) return;
  if (!ok) {
    job = null;
    if (fatal) return crashed(error);
    setState('error');
    collapseInput(false);
    say(`Could not analyse this text: ${error}. Your text is kept.`);
    return;
  }
  if (part === 'head') {
    job.wire = event.data.wire;
    job.plan = event.data.plan;
    job.anns = [];
  } else if (part === 'anns') {
    for (const item of event.data.items) job.anns.push(item);
  } else if (part !== 'done') {
    for (const item of event.data.items) job.wire[part].push(item);
  } else {
    const { kind, wire, plan, anns } = job;
    job = null;
    if (kind === 'paste') state.edits = wire.edits || [];
    state.cleaned = kind === 'paste';
    show(wire, plan, anns);
  }
}

// ---------------------------------------------------------------- showing a result
const tick = () => new Promise((r) => setTimeout(r, 0));

/** Show a result: legend, status, then (each in its own task) the panels and the article. */
async function show(wire, plan = null, anns = null) {
  const token = ++state.showToken;
  anns = anns || annotationsOf(wire);
  if (!plan) plan = packPlan(planOf(wire.text, anns), anns.length);
  Object.assign(state, { wire, anns, plan, indexCache: null, current: null, history: [], cycle: new Map() });
  renderLegend($('#legend'), wire, state.hidden, { toggle });
  say(statusLine(wire));
  const warnings = wire.warnings || [];
  $('#warnings').replaceChildren(...warnings.map((w) => Object.assign(document.createElement('li'), { textContent: `${w.message} (${w.code})` })));
  $('#warnings').hidden = warnings.length === 0;
  state.showing = true;
  const painted = setView('cleaned', false);
  await tick();
  if (token !== state.showToken) return;
  await renderPanels(state, panelActions, tick);
  const complete = await painted;
  await filled(); // every panel item built: the result is whole when the page says so
  if (token !== state.showToken) return;
  state.showing = false;
  if (complete) setState('annotated');
  collapseInput(true);
}

function setState(s) {
  body.dataset.state = s;
}

function say(text) {
  statusEl.textContent = text;
}

function note(text) {
  noteEl.textContent = text;
  noteEl.hidden = !text;
}

function setView(view, focus = true) {
  state.view = view;
  $('#view-cleaned').setAttribute('aria-pressed', String(view === 'cleaned'));
  $('#view-original').setAttribute('aria-pressed', String(view === 'original'));
  article.classList.toggle('original', view === 'original');
  let painted;
  if (view === 'cleaned') {
    article.setAttribute('aria-label', 'Annotated article');
    painted = paint(state.wire.text, state.anns, state.plan);
  } else {
    // an insertion (empty original span) is shown on the characters either side of it
    const n = state.original.length;
    const anns = state.edits.map((e, i) => {
      const empty = e.original.start === e.original.end;
      return { layer: state.undone.has(i) ? 'undone' : 'edit', type: e.kind, rule: e.kind, edit: i,
        start: empty ? Math.max(0, e.original.start - 1) : e.original.start, end: empty ? Math.min(n, e.original.end + 1) : e.original.end };
    });
    article.setAttribute('aria-label', 'Original text, edits marked');
    painted = paint(state.original, anns, packPlan(planOf(state.original, anns), anns.length));
  }
  if (focus) article.focus();
  if (!state.showing) painted.then((complete) => complete && setState('annotated'));
  return painted;
}

// ---------------------------------------------------------------- legend toggles
function toggle(key) {
  if (state.hidden.has(key)) state.hidden.delete(key);
  else state.hidden.add(key);
  article.classList.toggle(`hide-${key}`, state.hidden.has(key));
  const btn = document.querySelector(`.legend-item[data-key="${CSS.escape(key)}"]`);
  if (btn) btn.setAttribute('aria-pressed', String(!state.hidden.has(key)));
}

// ---------------------------------------------------------------- navigation
/** The nodes annotation i covers in the cleaned view (none in the original view). */
const nodesOf = (i) => (state.view === 'cleaned' ? nodesIn(i) : []);

function remember() {
  const el = document.activeElement;
  if (el && el !== document.body) state.history.push(el);
  if (state.history.length > 50) state.history.shift();
}

/** Focus annotation i: scroll to it, mark it current, show its tooltip. */
function focusAnn(i, { keepHistory = true } = {}) {
  if (i === null || i === undefined) return false;
  const nodes = nodesOf(i);
  if (!nodes.length) return false;
  if (keepHistory) remember();
  state.current = i;
  setHighlight('target', []);
  for (const m of article.querySelectorAll('mark[tabindex]')) m.removeAttribute('tabindex');
  setHighlight('current', [nodes]);
  const first = nodes[0];
  first.tabIndex = -1;
  first.focus();
  first.scrollIntoView({ block: 'center', behavior: 'instant' });
  body.dataset.current = String(i);
  showTooltip(first);
  return true;
}

/** Show any passage (a position, evidence): scroll to it and highlight it as current. */
function focusSpan(s) {
  if (!state.plan || state.view !== 'cleaned' || !state.plan.segStart.length) return false;
  const k0 = segAt(s.start);
  const k1 = segAt(Math.max(s.start, s.end - 1));
  for (let b = blockOfSeg(k0); b <= blockOfSeg(k1); b++) fillBlock(b);
  const nodes = [];
  for (let k = k0; k <= k1; k++) if (view.segNodes[k]) nodes.push(view.segNodes[k]);
  if (!nodes.length) return false;
  remember();
  state.current = null;
  setHighlight('current', []);
  setHighlight('target', [nodes]);
  const target = nodes.find((n) => n.nodeType === 1) || nodes[0].parentElement;
  if (target.matches('mark')) target.tabIndex = -1;
  else article.tabIndex = 0;
  (target.matches('mark') ? target : article).focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center', behavior: 'instant' });
  say(`Showing the passage: “${state.wire.text.slice(s.start, Math.min(s.end, s.start + 80))}${s.end - s.start > 80 ? '…' : ''}”`);
  return true;
}

function step(layerIndices, dir) {
  const from = state.current;
  return focusAnn(stepIn(layerIndices, state.anns, from, dir));
}

const navigation = {
  next: () => step(state.anns.map((_, i) => i), 1),
  prev: () => step(state.anns.map((_, i) => i), -1),
  nextClaim: () => step([...ix().claim.values()], 1),
  prevClaim: () => step([...ix().claim.values()], -1),
  nextDispute: () => step([...ix().dispute.values()], 1),
  prevDispute: () => step([...ix().dispute.values()], -1),
  nextMention: () => mentionStep(1),
  prevMention: () => mentionStep(-1),
};

function mentionStep(dir) {
  const a = state.anns[state.current];
  if (!a || a.layer !== 'entity' || a.entity === null) {
    return navigation[dir > 0 ? 'next' : 'prev']() && state.anns[state.current].layer === 'entity';
  }
  return step(ix().entity.get(a.entity) || [], dir);
}

function back() {
  hideTooltip();
  const sheet = $('#sheet');
  if (sheet.open) { sheet.close(); return; }
  const el = state.history.pop();
  if (el && el.isConnected) el.focus();
  else article.focus();
}

// ---------------------------------------------------------------- panel actions
const panelActions = {
  cycleEntity(id, button) {
    const list = ix().entity.get(id) || [];
    if (!list.length) return;
    const k = ((state.cycle.get(id) ?? -1) + 1) % list.length;
    state.cycle.set(id, k);
    setHighlight('related', [list.flatMap((i) => nodesOf(i))]);
    const where = button.querySelector('.where');
    if (where) where.textContent = ` · showing ${k + 1} of ${list.length}`;
    focusAnn(list[k]);
  },
  jumpClaim(c) { focusAnn(ix().claim.get(c)); },
  jumpDispute(d) { focusAnn(ix().dispute.get(d)); },
  jumpSpan(s) {
    // an exact claim for this span if there is one, else the passage itself, highlighted
    const i = state.anns.findIndex((a) => a.start === s.start && a.end === s.end && a.layer === 'claim');
    if (!focusAnn(i === -1 ? null : i)) focusSpan(s);
  },
  toggleEdit(i) {
    if (state.undone.has(i)) state.undone.delete(i);
    else state.undone.add(i);
    reannotate();
  },
  undoAll() { state.undone = new Set(state.edits.map((_, i) => i)); reannotate(); },
  redoAll() { state.undone = new Set(); reannotate(); },
};

function reannotate() {
  const text = rebuildText(state.original, state.edits, state.undone);
  say(`Re-annotating with ${state.undone.size} edit${state.undone.size === 1 ? '' : 's'} undone…`);
  post({ text, options: { clean: false } }, 'undo');
}

// ---------------------------------------------------------------- tooltip
function showTooltip(mark) {
  if (!state.wire || !mark.dataset.a) return;
  const ids = mark.dataset.a.split(' ').map(Number);
  const lines = state.view === 'cleaned'
    ? tooltipOf(ids, state.anns, state.wire)
    : ids.map(() => 'edited by cleaning; see the Cleaning tab');
  tooltip.replaceChildren(...lines.map((l) => Object.assign(document.createElement('div'), { textContent: l })));
  tooltip.hidden = false;
  const r = mark.getBoundingClientRect();
  const w = Math.min(360, window.innerWidth - 16);
  tooltip.style.maxWidth = `${w}px`;
  tooltip.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - w - 8)) + window.scrollX}px`;
  tooltip.style.top = `${r.bottom + window.scrollY + 6}px`;
  mark.setAttribute('aria-describedby', 'tooltip');
}

function hideTooltip() {
  tooltip.hidden = true;
}

article.addEventListener('mouseover', (e) => {
  const m = e.target.closest && e.target.closest('mark');
  if (m) showTooltip(m);
});
article.addEventListener('mouseleave', hideTooltip);
article.addEventListener('focusin', (e) => { if (e.target.matches('mark')) showTooltip(e.target); });
article.addEventListener('focusout', (e) => { if (e.target.matches('mark')) hideTooltip(); });

// ---------------------------------------------------------------- input: paste, drop, seed, file
// A hidden textarea still costs tens of ms to take a megabyte, so big texts go into the box
// only when the user opens it (or after a crash); until then state.boxText holds them.
const BOX_LAZY = 200000;

function takeText(text) {
  if (text.length > BOX_LAZY && $('#input-body').hidden) {
    state.boxText = text;
    input.value = '';
  } else {
    state.boxText = null;
    input.value = text;
  }
  analyse(text);
}

function clipboardText(data) {
  const html = data.getData('text/html');
  if (html) {
    const doc = new DOMParser().parseFromString(html, 'text/html'); // inert: no script, no load
    const text = htmlTreeToText(doc.body || doc);
    if (text) return text;
  }
  return data.getData('text/plain');
}

input.addEventListener('paste', (e) => {
  e.preventDefault();
  const text = clipboardText(e.clipboardData);
  input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
  analyse(input.value);
});
document.addEventListener('paste', (e) => {
  if (e.target === input || e.target.closest('input, textarea')) return;
  e.preventDefault();
  takeText(clipboardText(e.clipboardData));
});
document.addEventListener('dragover', (e) => { e.preventDefault(); body.classList.add('dragging'); });
document.addEventListener('dragleave', () => body.classList.remove('dragging'));
document.addEventListener('drop', async (e) => {
  e.preventDefault();
  body.classList.remove('dragging');
  const file = e.dataTransfer.files[0];
  if (file) await openFile(file);
  else if (e.dataTransfer.getData('text/plain')) takeText(e.dataTransfer.getData('text/plain'));
});

async function openFile(file) {
  if (!/\.txt$/i.test(file.name) && file.type && !file.type.startsWith('text/')) {
    say(`${file.name} is not a .txt file; drop or open a plain-text file.`);
    return;
  }
  takeText(await file.text());
}

$('#file').addEventListener('change', (e) => { if (e.target.files[0]) openFile(e.target.files[0]); e.target.value = ''; });
$('#analyse').addEventListener('click', () => { state.boxText = null; analyse(input.value); });
$('#seed').addEventListener('click', loadSeed);
function collapseInput(collapsed) {
  if (!collapsed && state.boxText !== null) {
    input.value = state.boxText;
    state.boxText = null;
  }
  $('#input-body').hidden = collapsed;
  $('#edit').hidden = !collapsed;
  $('#input-section').classList.toggle('collapsed', collapsed);
}
$('#edit').addEventListener('click', () => { collapseInput(false); input.focus(); });
$('#view-cleaned').addEventListener('click', () => state.wire && setView('cleaned'));
$('#view-original').addEventListener('click', () => state.wire && setView('original'));

async function loadSeed() {
  const res = await fetch('seed.txt');
  if (!res.ok) { say('The example article is missing (run scripts/build.sh).'); return; }
  takeText(await res.text());
}

// ---------------------------------------------------------------- export / import
const EXPORTS = {
  lede: ['lede.json', 'application/json', ledeJson],
  webanno: ['lede.annotations.jsonld', 'application/ld+json', webAnnotation],
  displacy: ['lede.displacy.json', 'application/json', displacy],
  csv: ['lede.csv', 'text/csv', csv],
  html: ['lede-summary.html', 'text/html', htmlSummary],
};

for (const b of document.querySelectorAll('[data-export]')) {
  b.addEventListener('click', () => {
    if (!state.wire) return;
    const [name, type, build] = EXPORTS[b.dataset.export];
    const url = URL.createObjectURL(new Blob([build(state.wire)], { type }));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    say(`Saved ${name} (made on this device).`);
  });
}

$('#import').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  e.target.value = '';
  if (!file) return;
  let wire;
  try { wire = JSON.parse(await file.text()); } catch (err) { say(`Cannot import ${file.name}: not JSON (${err.message}).`); return; }
  const problem = wireProblem(wire);
  if (problem) { say(`Cannot import ${file.name}: ${problem}.`); return; }
  wire.edits = wire.edits || [];
  wire.warnings = wire.warnings || [];
  state.original = originalOf(wire);
  state.edits = wire.edits;
  state.undone = new Set();
  input.value = state.original;
  note(`Imported ${file.name}.`);
  show(wire);
});
function minimiseSheet(min) {
  $('#panel').classList.toggle('min', min);
  $('#sheet-toggle').setAttribute('aria-expanded', String(!min));
  $('#sheet-toggle').textContent = min ? 'Show' : 'Hide';
}
$('#sheet-toggle').addEventListener('click', () => minimiseSheet(!$('#panel').classList.contains('min')));
// on a phone the bottom sheet starts folded to its tabs, so the article is what you see first
if (window.matchMedia('(max-width: 767.98px)').matches) minimiseSheet(true);
for (const t of document.querySelectorAll('[role="tab"]')) {
  t.addEventListener('click', () => minimiseSheet(false));
}
$('#print').addEventListener('click', () => window.print());
window.addEventListener('beforeprint', () => {
  if (!state.wire) return;
  renderPrintTables($('#print-summary'), state.wire);
  $('#print-summary').hidden = false;
});
window.addEventListener('afterprint', () => { $('#print-summary').hidden = true; });

// ---------------------------------------------------------------- theme, sheet, keys
function setTheme(dark) {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  $('#theme').setAttribute('aria-pressed', String(dark)); // a toggle keeps its label: "Dark theme", on or off
}
const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
setTheme(prefersDark);
$('#theme').addEventListener('click', () => setTheme(document.documentElement.dataset.theme !== 'dark'));
$('#help').addEventListener('click', () => { remember(); $('#sheet').showModal(); });
$('#sheet-close').addEventListener('click', () => $('#sheet').close());
$('#single-keys').addEventListener('change', (e) => { state.singleKeys = e.target.checked; });

document.addEventListener('keydown', (e) => {
  const inField = !!(e.target.closest && e.target.closest('input, textarea, select, [contenteditable]'));
  const action = actionFor(e, state.singleKeys, inField);
  if (!action) return;
  if (action === 'back') { if (!$('#sheet').open) back(); return; }
  if (action === 'help') { e.preventDefault(); remember(); $('#sheet').showModal(); return; }
  if (action === 'theme') { setTheme(document.documentElement.dataset.theme !== 'dark'); return; }
  if (action.startsWith('tab')) { selectTab(Number(action.slice(3)) - 1); return; }
  if (!state.wire || $('#sheet').open) return;
  e.preventDefault();
  if (state.view !== 'cleaned') setView('cleaned', false);
  if (!navigation[action]()) say('Nothing of that kind to go to.');
});

// ---------------------------------------------------------------- debug hooks (tests only)
if (params.has('debug')) {
  window.ledeDebug = {
    crash: (kind) => post({ debug: kind }, 'paste'),
    state: () => ({ original: state.original, text: state.wire && state.wire.text, undone: [...state.undone], edits: state.edits }),
    wire: () => state.wire,
    current: () => (state.current === null ? null : state.anns[state.current]),
  };
}

startWorker();
if (!params.has('empty')) loadSeed();
else { setState('ready'); say('Ready: paste an article.'); }
