// The systems under test, each as {name, load() → annotate(text)}: lede's wasm (the very build the
// page loads, www/pkg), compromise (people/places/organizations) and wink-nlp with its web model
// (entities). Baselines come from tools/bench/node_modules (`npm ci` in tools/bench).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const requireBench = createRequire(join(ROOT, 'tools/bench/package.json'));

/** lede wasm via the generated initSync; returns {annotate, memoryBytes, readyParts} (wall ms per
 * step, `cpu`: process CPU ms for all of it, and `mainCpu`: the main thread's share, or null). */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};

/** This thread's CPU ms (Linux: /proc/thread-self/schedstat, in ns), or null elsewhere. V8
 * compiles hot wasm functions again on background threads: process CPU counts that work, the
 * main thread's CPU is what the first annotate itself waited for. */
const mainCpuNow = () => {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return null;
  }
};

export async function loadLede() {
  const m0 = mainCpuNow();
  const c0 = cpuNow();
  const t0 = performance.now();
  const glue = await import(pathToFileURL(join(ROOT, 'www/pkg/lede.js')).href);
  const t1 = performance.now();
  const bytes = readFileSync(join(ROOT, 'www/pkg/lede_bg.wasm'));
  const exports = glue.initSync({ module: bytes });
  const t2 = performance.now();
  glue.annotate('Tiny text. Mr. Smith said it, according to Reuters in Paris.', {});
  const t3 = performance.now();
  const cpu = cpuNow() - c0;
  const m3 = mainCpuNow();
  const mainCpu = m0 === null || m3 === null ? null : m3 - m0;
  const memory = exports && exports.memory;
  return {
    annotate: (text) => glue.annotate(text, {}),
    memoryBytes: () => (memory ? memory.buffer.byteLength : 0),
    readyParts: { importGlue: t1 - t0, instantiate: t2 - t1, firstAnnotate: t3 - t2, total: t3 - t0, cpu, mainCpu },
  };
}

export function loadCompromise() {
  const nlp = requireBench('compromise');
  return {
    annotate: (text) => {
      const doc = nlp(text);
      return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')];
    },
  };
}

export function loadWink() {
  const winkNLP = requireBench('wink-nlp');
  const model = requireBench('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  return { annotate: (text) => nlp.readDoc(text).entities().out(its.detail) };
}

export async function loadSystem(name) {
  if (name === 'lede-wasm') return loadLede();
  if (name === 'compromise') return loadCompromise();
  if (name === 'wink') return loadWink();
  throw new Error(`unknown system ${name}`);
}
