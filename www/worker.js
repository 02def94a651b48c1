// Module worker: owns the wasm core so the page never freezes. Messages in: {id, text, options};
// out: {id, ok: true, result} or {id, ok: false, error}. A trap kills nothing but this worker.
import init, { annotate } from './pkg/lede.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, text, options } = event.data;
  try {
    await ready;
    const t0 = performance.now();
    const result = annotate(text, options ?? {});
    self.postMessage({ id, ok: true, result, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ id, ok: false, error: String(err && err.message ? err.message : err) });
  }
};
