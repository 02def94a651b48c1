// A worker thread holding one system, so a slow baseline (compromise on 1 MB) can be stopped by
// a timeout while still running in the same Node process as everything else.
import { parentPort, workerData } from 'node:worker_threads';
import { loadSystem } from './systems.mjs';
import { timeRuns } from './timing.mjs';

const system = await loadSystem(workerData.system);
parentPort.on('message', ({ text, opts }) => {
  parentPort.postMessage(timeRuns(() => system.annotate(text), opts));
});
parentPort.postMessage({ ready: true });
