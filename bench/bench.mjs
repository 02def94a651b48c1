// `make bench`: lede (wasm in Node, as the page loads it, and native) against compromise and
// wink-nlp on the same texts (real articles repeated to 5 KB, 100 KB and 1 MB). Prints one line
// per figure, a floor check per target, and a final summary line; writes out/bench/results.json.
// A benchmark, not a test: it exits 0 unless something could not run (or --strict and a floor
// is missed).
//
//   node bench/bench.mjs [--shared DIR] [--native BIN] [--compromise-timeout S] [--no-mem] [--strict] [--size-only]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { gzip9, pageFiles } from './firstload.mjs';
import { ROOT, loadLede, loadSystem } from './systems.mjs';
import { buildTexts, findShared } from './texts.mjs';
import { timeRuns } from './timing.mjs';

const SIZES = [
  { name: '5KB', bytes: 5_000 },
  { name: '100KB', bytes: 100_000 },
  { name: '1MB', bytes: 1_000_000 },
];
const FLOORS = { ratioCompromise: 100, wasm1MBms: 250, scaling: 11, readyMs: 50, firstLoadKB: 400 };
const OUT = join(ROOT, 'out/bench');

function parseArgs(argv) {
  const a = { shared: null, native: null, compromiseTimeout: 120, mem: true, strict: false, child: null };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--shared') a.shared = argv[++i];
    else if (v === '--native') a.native = argv[++i];
    else if (v === '--compromise-timeout') a.compromiseTimeout = Number(argv[++i]);
    else if (v === '--no-mem') a.mem = false;
    else if (v === '--strict') a.strict = true;
    else if (v === '--size-only') a.sizeOnly = true;
    else if (v === '--child') a.child = argv.slice(i + 1);
    else throw new Error(`unknown argument ${v}`);
    if (a.child) break;
  }
  return a;
}

// ---------- output helpers ----------
const results = { figures: [], floors: [] };
const f1 = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
function figure(key, value, unit, note = '') {
  results.figures.push({ key, value, unit, note });
  console.log(`bench ${key.padEnd(40)} ${typeof value === 'number' ? f1(value) : value} ${unit}${note ? `  (${note})` : ''}`);
}
function floor(name, ok, detail) {
  results.floors.push({ name, ok, detail });
  console.log(`floor ${name.padEnd(40)} ${ok === null ? 'N/A ' : ok ? 'PASS' : 'FAIL'}  ${detail}`);
}
const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1e3);
const ktoks = (tokens, ms) => tokens / (ms / 1e3) / 1e3;

// ---------- child modes (fresh processes for time-to-ready and peak memory) ----------
async function child([mode, system, file]) {
  if (mode === 'ready') {
    const lede = await loadLede();
    console.log(JSON.stringify(lede.readyParts));
    return;
  }
  if (mode === 'mem') {
    const s = await loadSystem(system);
    s.annotate('Warm up. Mr. Smith said so in Paris.');
    const before = process.resourceUsage().maxRSS;
    s.annotate(readFileSync(file, 'utf8'));
    const after = process.resourceUsage().maxRSS;
    console.log(JSON.stringify({ beforeKiB: before, peakKiB: after, wasmBytes: s.memoryBytes ? s.memoryBytes() : null }));
  }
}

function runChild(args, timeoutS) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/bench.mjs'), '--child', ...args], {
    encoding: 'utf8',
    timeout: timeoutS * 1e3,
  });
  if (r.status !== 0) return { error: r.error ? String(r.error.code || r.error) : (r.stderr || '').trim().split('\n').pop() };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

// ---------- phases ----------
async function measureReady() {
  const inProcess = await loadLede(); // the first thing this process does: a cold start
  // seven: one process swings ±10 % on this VM, the median of three by several ms
  const fresh = Array.from({ length: 7 }, () => runChild(['ready'], 60)).filter((r) => !r.error);
  const mid = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const totals = fresh.map((r) => r.cpu);
  const median = totals.length ? mid(totals) : inProcess.readyParts.cpu;
  const p = inProcess.readyParts;
  figure('ready.wasm.import_glue', p.importGlue, 'ms', 'import www/pkg/lede.js');
  figure('ready.wasm.instantiate', p.instantiate, 'ms', 'read + compile + instantiate lede_bg.wasm (initSync)');
  figure('ready.wasm.first_annotate', p.firstAnnotate, 'ms', 'first annotate of a tiny text: builds the lexicons');
  figure('ready.wasm.total', median, 'ms CPU', `median of ${totals.length} fresh Node processes: ${totals.map(f1).join(', ')}; wall ${fresh.map((r) => f1(r.total)).join(', ')}`);
  const mains = fresh.map((r) => r.mainCpu).filter((m) => typeof m === 'number');
  if (mains.length) {
    figure('ready.wasm.main_thread', mid(mains), 'ms CPU', `the main thread's share (the rest is V8's background compiles): ${mains.map(f1).join(', ')}`);
  }
  floor(`ready <= ${FLOORS.readyMs} ms`, median <= FLOORS.readyMs, `${f1(median)} ms`);
  return { lede: inProcess, readyMs: median };
}

function startWorker(system) {
  const worker = new Worker(new URL('./system_worker.mjs', import.meta.url), { workerData: { system } });
  const ready = new Promise((res, rej) => {
    worker.once('message', res);
    worker.once('error', rej);
  });
  const run = (text, opts, timeoutS) =>
    new Promise((res) => {
      const timer = setTimeout(() => {
        worker.terminate();
        res({ timedOut: true });
      }, timeoutS * 1e3);
      worker.once('message', (m) => {
        clearTimeout(timer);
        res(m);
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        res({ error: String(e) });
      });
    }).then((r) => r);
  return { ready, run: (text, opts, timeoutS) => (worker.postMessage({ text, opts }), run(text, opts, timeoutS)), worker };
}

async function measureThroughput(texts, lede, compromiseTimeout) {
  const wink = await loadSystem('wink');
  const comp = startWorker('compromise');
  await comp.ready;
  const rows = {};
  for (const t of texts) {
    const big = t.bytes >= 1e6;
    const lw = timeRuns(() => lede.annotate(t.text), { budgetMs: 2000, maxRuns: big ? 10 : 30 });
    const wk = timeRuns(() => wink.annotate(t.text), { budgetMs: 2000, maxRuns: big ? 3 : 10 });
    // compromise: 1 MB once, no warm-up (it takes tens of seconds); a timeout stops it
    const co = await comp.run(t.text, big ? { maxRuns: 1, warmup: false } : { budgetMs: 3000, maxRuns: 5 }, compromiseTimeout);
    rows[t.name] = { lede: lw, wink: wk, compromise: co };
    for (const [sys, r] of [['lede-wasm', lw], ['wink', wk], ['compromise', co]]) {
      if (r.timedOut) {
        figure(`time.${sys}.${t.name}`, `>${compromiseTimeout * 1e3}`, 'ms', `timed out after ${compromiseTimeout} s and was stopped`);
        continue;
      }
      if (r.error) {
        figure(`time.${sys}.${t.name}`, 'error', '', r.error);
        continue;
      }
      figure(`time.${sys}.${t.name}`, r.cpuMedian, 'ms CPU', `median; min ${f1(r.cpuMin)}; wall median ${f1(r.median)}, min ${f1(r.min)}; ${r.runs} run${r.runs > 1 ? 's' : ''}`);
      figure(`throughput.${sys}.${t.name}`, mbps(t.bytes, r.cpuMedian), 'MB/s', `${f1(ktoks(t.tokens, r.cpuMedian))}k tokens/s (CPU); wall ${f1(mbps(t.bytes, r.median))} MB/s`);
    }
    for (const [sys, r] of [['compromise', co], ['wink', wk]]) {
      const other = r.timedOut ? compromiseTimeout * 1e3 : r.cpuMedian;
      if (!other) continue;
      const ratio = other / lw.cpuMedian;
      const wallNote = r.timedOut ? '' : `; wall ${f1(r.median / lw.median)}x`;
      figure(`ratio.lede-wasm/${sys}.${t.name}`, ratio, 'x', r.timedOut ? 'lower bound: the baseline was stopped' : `throughput ratio, CPU medians${wallNote}`);
    }
  }
  comp.worker.terminate();
  return rows;
}

function measureNative(texts, nativeBin) {
  if (!nativeBin || !existsSync(nativeBin)) {
    figure('native', 'skipped', '', `no native bench binary at ${nativeBin}; build it with cargo build --release --example bench_native`);
    return null;
  }
  const r = spawnSync(nativeBin, ['--reps', '5', ...texts.map((t) => t.path)], { encoding: 'utf8', timeout: 300e3 });
  if (r.status !== 0) {
    figure('native', 'error', '', (r.stderr || String(r.error)).trim());
    return null;
  }
  const [init, ...lines] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  figure('ready.native.first_analyze', init.init_cpu_ms, 'ms CPU', `first analyze of a tiny text (builds the lexicons); wall ${f1(init.init_ms)} ms`);
  const rows = {};
  lines.forEach((n, i) => {
    const t = texts[i];
    rows[t.name] = n;
    figure(`time.lede-native.${t.name}`, n.analyze_cpu_ms_median, 'ms CPU', `median; min ${f1(n.analyze_cpu_ms_min)}; wall median ${f1(n.analyze_ms_median)}, min ${f1(n.analyze_ms_min)}; ${n.runs} runs`);
    figure(`throughput.lede-native.${t.name}`, mbps(t.bytes, n.analyze_cpu_ms_median), 'MB/s', `${f1(ktoks(t.tokens, n.analyze_cpu_ms_median))}k tokens/s (CPU)`);
    const stages = Object.entries(n.stages_ms_min);
    const sum = stages.reduce((s, [, ms]) => s + ms, 0);
    for (const [name, ms] of stages) {
      figure(`stage.native.${t.name}.${name}`, ms, 'ms CPU', `${((100 * ms) / sum).toFixed(0)}% of ${f1(sum)} ms (min of ${n.runs})`);
    }
    figure(
      `counts.lede.${t.name}`,
      `${n.tokens} tokens, ${n.sentences} sentences, ${n.mentions} mentions, ${n.entities} entities, ${n.claims} claims, ${n.disputes} disputes`,
      '',
    );
    if (i === lines.length - 1) figure('memory.lede-native.peak_rss', n.peak_rss_kib / 1024, 'MiB', 'whole bench_native process (VmHWM)');
  });
  return rows;
}

function measureMemory(big, lede, compromiseTimeout) {
  figure('memory.lede-wasm.linear', lede.memoryBytes() / 2 ** 20, 'MiB', 'wasm linear memory after every run (it only grows: the peak)');
  for (const sys of ['lede-wasm', 'wink', 'compromise']) {
    const r = runChild(['mem', sys, big.path], sys === 'compromise' ? compromiseTimeout : 120);
    if (r.error) {
      figure(`memory.${sys}.peak_rss.${big.name}`, 'n/a', '', r.error);
      continue;
    }
    const extra = (r.peakKiB - r.beforeKiB) / 1024;
    figure(`memory.${sys}.peak_rss.${big.name}`, r.peakKiB / 1024, 'MiB', `+${f1(extra)} MiB over the loaded, warmed process (fresh Node process)`);
  }
}

function measureFirstLoad() {
  const www = join(ROOT, 'www');
  if (!existsSync(join(www, 'seed.txt'))) figure('firstload.note', 'www/seed.txt missing', '', 'run scripts/build.sh');
  const files = pageFiles(www);
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    raw += f.raw;
    gz += f.gzip;
    figure(`firstload.file.${f.path}`, f.gzip / 1e3, 'KB gzip', `${f.raw} bytes raw`);
  }
  const wasm = files.find((f) => f.path.endsWith('.wasm'));
  figure('firstload.total', gz / 1e3, 'KB gzip', `${files.length} files, ${f1(raw / 1e3)} KB raw`);
  if (wasm) figure('firstload.wasm', wasm.gzip / 1e3, 'KB gzip', `${f1(wasm.raw / 1e3)} KB raw`);
  floor(`first load <= ${FLOORS.firstLoadKB} KB gzip`, gz / 1e3 <= FLOORS.firstLoadKB, `${f1(gz / 1e3)} KB`);
  return { totalKB: gz / 1e3, wasmKB: wasm ? wasm.gzip / 1e3 : null, wasmRawKB: wasm ? wasm.raw / 1e3 : null };
}

/** gzip -9 bytes and raw bytes of every file under `dir`, each compressed on its own. */
function dirSizes(dir) {
  let raw = 0;
  let gz = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !/\.(m?js|cjs|json)$/.test(e.name)) continue;
    const path = join(e.parentPath ?? e.path, e.name);
    raw += readFileSync(path).length;
    gz += gzip9(path);
  }
  return { raw, gz };
}

/** What the baselines would add to a page: compromise's browser build, wink-nlp + its model. */
function baselineSizes() {
  const nm = join(ROOT, 'tools/bench/node_modules');
  const comp = join(nm, 'compromise/builds/compromise.js');
  if (existsSync(comp)) {
    const raw = readFileSync(comp).length;
    figure('firstload.baseline.compromise', gzip9(comp) / 1e3, 'KB gzip', `builds/compromise.js, ${f1(raw / 1e3)} KB raw`);
  }
  const parts = [join(nm, 'wink-nlp/src'), join(nm, 'wink-eng-lite-web-model/dist')].filter(existsSync);
  if (parts.length) {
    const sizes = parts.map(dirSizes);
    const gz = sizes.reduce((s, x) => s + x.gz, 0);
    const raw = sizes.reduce((s, x) => s + x.raw, 0);
    figure('firstload.baseline.wink', gz / 1e3, 'KB gzip', `wink-nlp/src + wink-eng-lite-web-model/dist, file by file, ${f1(raw / 1e3)} KB raw`);
  }
}

function checkFloors(rows, texts, compromiseTimeoutMs) {
  const by = Object.fromEntries(texts.map((t) => [t.name, rows[t.name]]));
  for (const size of ['100KB', '1MB']) {
    const r = by[size];
    const co = r.compromise.timedOut ? null : r.compromise.cpuMedian;
    const ratio = (co ?? Infinity) / r.lede.cpuMedian;
    const bound = (r.compromise.timedOut ? compromiseTimeoutMs : NaN) / r.lede.cpuMedian;
    const detail = co === null ? `compromise stopped; ratio > ${f1(bound)}x` : `${f1(ratio)}x`;
    const ok = co === null ? (bound >= FLOORS.ratioCompromise ? true : null) : ratio >= FLOORS.ratioCompromise;
    floor(`lede-wasm/compromise ${size} >= ${FLOORS.ratioCompromise}x`, ok, detail);
  }
  const t1 = by['1MB'].lede.cpuMedian;
  floor(`lede-wasm 1MB <= ${FLOORS.wasm1MBms} ms`, t1 <= FLOORS.wasm1MBms, `${f1(t1)} ms CPU median (wall median ${f1(by['1MB'].lede.median)})`);
  const scaling = t1 / by['100KB'].lede.cpuMedian;
  const wallScaling = by['1MB'].lede.median / by['100KB'].lede.median;
  figure('scaling.lede-wasm.t(1MB)/t(100KB)', scaling, '', `CPU medians; wall ${f1(wallScaling)}; bytes ratio ${f1(texts[2].bytes / texts[1].bytes)}`);
  floor(`scaling t(1MB)/t(100KB) <= ${FLOORS.scaling}`, scaling <= FLOORS.scaling, f1(scaling));
  return { t1, scaling };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return child(args.child);
  if (args.sizeOnly) {
    const load = measureFirstLoad();
    console.log(`bench summary: first load ${f1(load.totalKB)} KB gzip (wasm ${f1(load.wasmKB ?? 0)} KB gzip, ${f1(load.wasmRawKB ?? 0)} KB raw)`);
    return;
  }
  if (!existsSync(join(ROOT, 'www/pkg/lede_bg.wasm'))) throw new Error('www/pkg/lede_bg.wasm missing: run scripts/build.sh first');
  if (!existsSync(join(ROOT, 'tools/bench/node_modules/compromise'))) throw new Error('baselines missing: run `npm ci` in tools/bench');
  const shared = findShared(ROOT, args.shared);
  figure('machine', `${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`, '', 'times are CPU time unless marked wall: other processes share this machine');
  const { lede, readyMs } = await measureReady(); // before anything else warms the process
  mkdirSync(OUT, { recursive: true });
  const corpus = buildTexts(shared, SIZES, OUT);
  const texts = corpus.out;
  figure('texts.source', `${corpus.source} (${corpus.articles} articles, repeated)`, '');
  for (const t of texts) figure(`texts.${t.name}`, `${t.bytes} bytes, ${t.tokens} tokens`, '', 'tokens = words and punctuation marks, one count for every system');
  const rows = await measureThroughput(texts, lede, args.compromiseTimeout);
  const native = measureNative(texts, args.native);
  const sc = checkFloors(rows, texts, args.compromiseTimeout * 1e3);
  if (native) figure('scaling.lede-native.t(1MB)/t(100KB)', native['1MB'].analyze_cpu_ms_median / native['100KB'].analyze_cpu_ms_median, '', 'CPU medians');
  if (args.mem) measureMemory(texts[2], lede, args.compromiseTimeout);
  const load = measureFirstLoad();
  baselineSizes();
  const r1 = rows['1MB'];
  const r100 = rows['100KB'];
  const ratio = (r) => (r.compromise.timedOut ? `>${f1((args.compromiseTimeout * 1e3) / r.lede.cpuMedian)}` : f1(r.compromise.cpuMedian / r.lede.cpuMedian));
  const met = results.floors.filter((f) => f.ok).length;
  const summary =
    `bench summary (CPU medians): lede-wasm 1MB ${f1(sc.t1)} ms (${f1(mbps(texts[2].bytes, sc.t1))} MB/s, ${f1(ktoks(texts[2].tokens, sc.t1))}k tok/s)` +
    `${native ? `, native ${f1(native['1MB'].analyze_cpu_ms_median)} ms` : ''}` +
    `; x compromise 100KB ${ratio(r100)}, 1MB ${ratio(r1)}; x wink 1MB ${f1(r1.wink.cpuMedian / r1.lede.cpuMedian)}` +
    `; scaling ${f1(sc.scaling)}; ready ${f1(readyMs)} ms; first load ${f1(load.totalKB)} KB gzip (wasm ${f1(load.wasmKB ?? 0)} KB)` +
    `; floors ${met}/${results.floors.length} met; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
  writeFileSync(join(OUT, 'results.json'), JSON.stringify({ ...results, summary }, null, 2));
  console.log(summary);
  if (args.strict && met < results.floors.length) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`bench: ${e.message}`);
  process.exit(2);
});
