// Module worker: owns the wasm core and the heavy pure planning (render.js), so the page never
// freezes. In: {id, text, options} or {id, debug: 'trap'|'crash'|'hang'} (debug: for the
// reliability tests). Out: {id, ok: true, result, anns, plan, ms} or {id, ok: false, error,
// fatal}. fatal = the wasm instance may be broken (a trap): the page restarts this worker.
import init, { annotate } from './pkg/lede.js';
import { annotationsOf, planOf } from './render.js';

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
    const plan = planOf(result.text, anns);
    self.postMessage({ id, ok: true, result, anns, plan, ms: performance.now() - t0 });
  } catch (err) {
    const fatal = err instanceof WebAssembly.RuntimeError || !(err instanceof Error);
    self.postMessage({ id, ok: false, fatal, error: String(err && err.message ? err.message : err) });
  }
};
