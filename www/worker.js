// Module worker: owns the wasm core and the heavy pure planning (render.js), so the page never
// freezes. In: {id, text, options} or {id, debug: 'trap'|'crash'|'hang'} (debug: for the
// reliability tests). Out, streamed so no single message costs the page a long structured
// clone: {id, part: 'head', wire (lists empty), plan (typed arrays, transferred)}, then
// {id, part: 'mentions'|'entities'|'claims'|'disputes'|'edits'|'anns', items} chunks, then
// {id, part: 'done', ms}; or {id, ok: false, error, fatal}. fatal = the wasm instance may be
// broken (a trap): the page restarts this worker.
import init, { annotate } from './pkg/lede.js';
import { annotationsOf, planOf, packPlan, planBuffers } from './render.js';

const CHUNK = 1000;
const LISTS = ['edits', 'mentions', 'entities', 'claims', 'disputes'];

const ready = init();

function debug(kind) {
  if (kind === 'trap') throw new WebAssembly.RuntimeError('unreachable executed (debug trap)');
  if (kind === 'crash') setTimeout(() => { throw new Error('worker crashed (debug)'); }, 0);
  if (kind === 'hang') for (;;);
}

self.onmessage = async (event) => {
  const { id, text, options, debug: kind } = event.data;
  try {
    await ready;
    if (kind) return debug(kind);
    const t0 = performance.now();
    const result = annotate(text, options ?? {});
    const anns = annotationsOf(result);
    const plan = packPlan(planOf(result.text, anns), anns.length);
    const head = { ...result };
    for (const k of LISTS) head[k] = [];
    self.postMessage({ id, ok: true, part: 'head', wire: head, plan }, planBuffers(plan));
    for (const k of [...LISTS, 'anns']) {
      const list = k === 'anns' ? anns : result[k] || [];
      for (let i = 0; i < list.length; i += CHUNK) self.postMessage({ id, ok: true, part: k, items: list.slice(i, i + CHUNK) });
    }
    self.postMessage({ id, ok: true, part: 'done', ms: performance.now() - t0 });
  } catch (err) {
    const fatal = err instanceof WebAssembly.RuntimeError || !(err instanceof Error);
    self.postMessage({ id, ok: false, fatal, error: String(err && err.message ? err.message : err) });
  }
};
