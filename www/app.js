// Page wiring: input → worker → render. The article reaches the DOM only through textContent.
import { annotationsOf, segment, legendCounts, statusLine } from './render.js';

const $ = (sel) => document.querySelector(sel);
const input = $('#input');
const article = $('#article');
const legend = $('#legend');
const status = $('#status');

let worker = null;
let jobId = 0;
let running = false;

function startWorker() {
  worker = new Worker('worker.js', { type: 'module' });
  worker.onmessage = onResult;
  worker.onerror = (e) => {
    running = false;
    status.textContent = `The analyser stopped (${e.message || 'error'}); your text is kept. Try again.`;
    worker.terminate();
    startWorker();
  };
}

function analyse(text) {
  if (running) {
    // cancel the running job: a new text always wins
    worker.terminate();
    startWorker();
  }
  running = true;
  jobId += 1;
  status.textContent = 'Analysing…';
  worker.postMessage({ id: jobId, text, options: {} });
}

function onResult(event) {
  const { id, ok, result, error } = event.data;
  if (id !== jobId) return;
  running = false;
  if (!ok) {
    status.textContent = `Could not analyse this text: ${error}`;
    return;
  }
  render(result);
}

function render(wire) {
  const anns = annotationsOf(wire);
  const byId = new Map(anns.map((a) => [a.id, a]));
  const frag = document.createDocumentFragment();
  for (const seg of segment(wire.text.length, anns)) {
    const piece = wire.text.slice(seg.start, seg.end);
    if (seg.ids.length === 0) {
      frag.append(document.createTextNode(piece));
      continue;
    }
    const mark = document.createElement('mark');
    const layers = new Set();
    const types = new Set();
    for (const id of seg.ids) {
      const a = byId.get(id);
      layers.add(a.layer);
      if (a.layer === 'entity') types.add(a.type);
    }
    mark.className = [...layers].map((l) => `l-${l}`).concat([...types].map((t) => `t-${t}`)).join(' ');
    mark.dataset.ids = seg.ids.join(' ');
    mark.title = seg.ids.map((id) => `${byId.get(id).type} (${byId.get(id).rule})`).join(', ');
    mark.textContent = piece;
    frag.append(mark);
  }
  article.replaceChildren(frag);
  renderLegend(wire);
  status.textContent = statusLine(wire);
  document.body.dataset.state = 'annotated';
}

function renderLegend(wire) {
  const c = legendCounts(wire);
  const items = Object.entries(c.types).sort((a, b) => b[1] - a[1]);
  items.push(['CLAIM', c.claims], ['ISSUE', c.disputes]);
  legend.replaceChildren(
    ...items.map(([type, n]) => {
      const li = document.createElement('li');
      li.className = `t-${type}`;
      li.dataset.type = type;
      li.dataset.count = String(n);
      li.textContent = `${type} ${n}`;
      return li;
    }),
  );
}

async function loadSeed() {
  const res = await fetch('seed.txt');
  if (!res.ok) return;
  input.value = await res.text();
  analyse(input.value);
}

$('#analyse').addEventListener('click', () => analyse(input.value));
input.addEventListener('paste', () => setTimeout(() => analyse(input.value), 0));
$('#seed').addEventListener('click', loadSeed);

startWorker();
loadSeed();
