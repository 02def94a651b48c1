// The article view: paints a text and its packed plan (render.js) into the article element in
// ~5 ms slices — <mark>s for small documents; for big ones plain 8-paragraph chunks tinted with
// the CSS Custom Highlight API and given marks near the viewport — and finds the nodes of an
// annotation or a passage for navigation. Text reaches the DOM only as text nodes.
import { packedSeg, segmentLook } from './render.js';

const hasHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
let article = null;
let plainOnly = false;

/** What is painted now: nodes per segment, paragraph and chunk elements, the plan painted. */
export const view = { segNodes: [], blockEls: [], chunkEls: [], chunkRanges: [], painting: null, renderToken: 0 };

/** Bind the article element; test options: eager (segment threshold), plainOnly (no marks on sight). */
export function setupArticle(el, options = {}) {
  article = el;
  if (Number.isFinite(options.eager)) EAGER_SEGMENTS = options.eager;
  plainOnly = !!options.plainOnly;
}

// Above this many segments the article is first laid down as plain text in chunks of
// CHUNK_BLOCKS paragraphs (one element and one text node each), tinted with the CSS Custom
// Highlight API; a chunk gets its paragraphs and marks when it comes near the viewport (or is
// navigated to). A 5 MB text so never builds hundreds of thousands of nodes up front, and the
// IntersectionObserver watches a few hundred chunks, not thousands of paragraphs.
let EAGER_SEGMENTS = 20000;
const CHUNK_BLOCKS = 8;
let observer = null;

/** Segment range [from, to) of block b. */
const segsOf = (plan, b) => [plan.blockSeg[b], plan.blockSeg[b + 1]];
/** Text range of blocks [b0, b1). */
function textOf(plan, b0, b1) {
  const from = plan.blockSeg[b0];
  const to = plan.blockSeg[b1];
  return from < to ? [plan.segStart[from], plan.segEnd[to - 1]] : [0, 0];
}

/** A paragraph element with its marks. */
function blockElement(b) {
  const { text, anns, plan } = view.painting;
  const el = document.createElement('div');
  el.className = 'blk';
  el.dataset.full = '1';
  const [from, to] = segsOf(plan, b);
  for (let k = from; k < to; k++) {
    const node = segmentNode(text, packedSeg(plan, k), anns);
    view.segNodes[k] = node;
    el.append(node);
  }
  view.blockEls[b] = el;
  return el;
}

/** Give chunk c (lazy mode) its paragraphs and marks, once. */
function fillChunk(c) {
  const el = view.chunkEls[c];
  if (!el || el.dataset.full) return;
  const nBlocks = view.painting.plan.blockSeg.length - 1;
  const frag = document.createDocumentFragment();
  for (let b = c * CHUNK_BLOCKS; b < Math.min(nBlocks, (c + 1) * CHUNK_BLOCKS); b++) frag.append(blockElement(b));
  el.replaceChildren(frag);
  el.dataset.full = '1';
  dropRanges(c);
  if (observer) observer.unobserve(el);
  if (rangeObserver) rangeObserver.unobserve(el);
  if (!document.body.dataset.highlights) document.body.dataset.highlights = 'shown';
}

/** Make sure block b has its marks (it may still be plain text in a lazy chunk). */
export function fillBlock(b) {
  if (!view.blockEls[b] && view.chunkEls.length) fillChunk(Math.floor(b / CHUNK_BLOCKS));
}

/** The block holding segment k (binary search over block starts). */
export function blockOfSeg(k) {
  const bs = view.painting.plan.blockSeg;
  let lo = 0;
  let hi = bs.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bs[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// Plain chunks are tinted with the CSS Custom Highlight API (Ranges over their one text node,
// no DOM change) until they get marks: a fast scroll shows tinted text, not bare text.
const LAYER_HIGHLIGHTS = { 'l-claim': 'lede-claim', 'l-source': 'lede-source', 'l-cue': 'lede-cue', 'l-issue': 'lede-issue' };
let highlights = new Map();

function highlightFor(name) {
  if (!highlights.has(name)) {
    const h = new Highlight();
    highlights.set(name, h);
    CSS.highlights.set(name, h);
  }
  return highlights.get(name);
}

function clearRanges() {
  if (!hasHighlights) return;
  for (const name of highlights.keys()) CSS.highlights.delete(name);
  highlights = new Map();
  view.chunkRanges = [];
}

function dropRanges(c) {
  const list = view.chunkRanges && view.chunkRanges[c];
  if (!list) return;
  for (const [h, r] of list) h.delete(r);
  view.chunkRanges[c] = null;
}

/** Add highlight ranges for plain chunk c. */
function rangeChunk(c) {
  const el = view.chunkEls[c];
  const node = el && el.firstChild;
  if (!node || el.dataset.full) return;
  const { anns, plan } = view.painting;
  const nBlocks = plan.blockSeg.length - 1;
  const b0 = c * CHUNK_BLOCKS;
  const b1 = Math.min(nBlocks, b0 + CHUNK_BLOCKS);
  const base = textOf(plan, b0, b1)[0];
  const list = [];
  for (let k = plan.blockSeg[b0]; k < plan.blockSeg[b1]; k++) {
    if (plan.idsOff[k] === plan.idsOff[k + 1]) continue;
    for (const cls of segmentLook(packedSeg(plan, k), anns).classes) {
      const name = cls.startsWith('t-') ? `lede-${cls}` : LAYER_HIGHLIGHTS[cls];
      if (!name) continue;
      const r = new Range();
      r.setStart(node, plan.segStart[k] - base);
      r.setEnd(node, plan.segEnd[k] - base);
      const h = highlightFor(name);
      h.add(r);
      list.push([h, r]);
    }
  }
  view.chunkRanges[c] = list;
}

// Only plain chunks within RANGE_MARGIN of the viewport carry ranges; they are dropped again
// when the chunk moves away. Chrome keeps every live Range up to date on each DOM change and
// re-checks every highlight's ranges in a frame's pre-paint: with a 1 MB text's ~32k ranges
// live, filling one chunk took 13-18 ms of script and pre-paint 20-47 ms a frame.
const RANGE_MARGIN = '6000px 0px';
let rangeObserver = null;

function onNear(entries) {
  for (const e of entries) {
    const c = Number(e.target.dataset.c);
    if (!e.isIntersecting) dropRanges(c);
    else if (!view.chunkRanges[c]) rangeChunk(c);
  }
}

let pending = [];
function onSeen(entries) {
  if (plainOnly) return; // tests: keep chunks on the Highlight API
  for (const e of entries) if (e.isIntersecting) pending.push(Number(e.target.dataset.c));
  if (scheduled || !pending.length) return;
  // one chunk per animation frame: each frame's style and layout work stays small
  const token = view.renderToken;
  const run = () => {
    scheduled = false;
    if (token !== view.renderToken) return;
    fillChunk(pending.shift());
    if (pending.length) { scheduled = true; requestAnimationFrame(run); }
  };
  scheduled = true;
  requestAnimationFrame(run);
}
let scheduled = false;

/** Paint text + packed plan into the article in time slices (~5 ms): the page never blocks. */
export async function paint(text, anns, plan) {
  const token = ++view.renderToken;
  if (observer) observer.disconnect();
  if (rangeObserver) rangeObserver.disconnect();
  observer = null;
  rangeObserver = null;
  pending = [];
  scheduled = false;
  delete document.body.dataset.highlights;
  clearRanges();
  article.replaceChildren();
  const nBlocks = plan.blockSeg.length - 1;
  const lazy = plan.segStart.length > EAGER_SEGMENTS;
  Object.assign(view, { segNodes: new Array(plan.segStart.length), blockEls: new Array(nBlocks), chunkEls: [], chunkRanges: [], painting: { text, anns, plan } });
  if (lazy) observer = new IntersectionObserver(onSeen, { rootMargin: '1200px 0px' });
  if (lazy && hasHighlights) rangeObserver = new IntersectionObserver(onNear, { rootMargin: RANGE_MARGIN });
  const units = lazy ? Math.ceil(nBlocks / CHUNK_BLOCKS) : nBlocks;
  let u = 0;
  while (u < units) {
    const t0 = performance.now();
    const frag = document.createDocumentFragment();
    while (u < units && performance.now() - t0 < 5) {
      const stop = Math.min(units, u + (lazy ? 4 : 20));
      for (; u < stop; u++) {
        if (!lazy) {
          frag.append(blockElement(u));
          continue;
        }
        const el = document.createElement('div');
        el.className = 'chunk';
        el.dataset.c = String(u);
        const [a, b] = textOf(plan, u * CHUNK_BLOCKS, Math.min(nBlocks, (u + 1) * CHUNK_BLOCKS));
        el.textContent = text.slice(a, b);
        view.chunkEls[u] = el;
        observer.observe(el);
        if (rangeObserver) rangeObserver.observe(el);
        frag.append(el);
      }
    }
    article.append(frag);
    if (!lazy && !document.body.dataset.highlights) document.body.dataset.highlights = 'shown';
    if (u < units) {
      await new Promise((r) => setTimeout(r, 0));
      if (token !== view.renderToken) return false;
    }
  }
  return true;
}

function segmentNode(text, seg, anns) {
  const piece = text.slice(seg.start, seg.end);
  if (seg.ids.length === 0) return document.createTextNode(piece);
  const mark = document.createElement('mark');
  const look = segmentLook(seg, anns);
  mark.className = look.classes.join(' ');
  if (look.chip) mark.dataset.chip = look.chip;
  mark.dataset.a = seg.ids.join(' ');
  mark.textContent = piece;
  return mark;
}

/** The nodes (marks) annotation i covers, in order. */
export function nodesOf(i) {
  const p = view.painting && view.painting.plan;
  if (!p || !(p.first[i] >= 0)) return [];
  const out = [];
  for (let k = p.first[i]; k < p.segStart.length; k++) {
    if (!p.ids.subarray(p.idsOff[k], p.idsOff[k + 1]).includes(i)) break;
    if (!view.segNodes[k]) fillBlock(blockOfSeg(k));
    if (!view.segNodes[k]) break;
    out.push(view.segNodes[k]);
  }
  return out;
}

export function setHighlight(name, nodeLists) {
  for (const m of article.querySelectorAll(`mark.${name}`)) m.classList.remove(name);
  const ranges = [];
  for (const nodes of nodeLists) {
    for (const m of nodes) if (m.classList) m.classList.add(name);
    if (nodes.length) {
      const r = new Range();
      r.setStartBefore(nodes[0]);
      r.setEndAfter(nodes.at(-1));
      ranges.push(r);
    }
  }
  if (hasHighlights) CSS.highlights.set(`lede-${name}`, new Highlight(...ranges));
}

/** The segment holding text position pos (binary search over segment starts). */
export function segAt(pos) {
  const st = view.painting.plan.segStart;
  let lo = 0;
  let hi = st.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (st[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
