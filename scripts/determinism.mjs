// Native vs wasm: the page's wasm core and the native CLI must give the same wire JSON for the
// same text. Annotates every line of the dev files (ner, claims with {clean:false}; the clean set
// with {clean:false} and {clean:true}) with www/pkg (initSync) and with `lede annotate --jsonl`,
// hashes each result the same way and compares. Prints the counts and any mismatch; exit 1 on
// a mismatch, 0 with a note when the data is absent (it lives outside the repository).
//
//   node scripts/determinism.mjs            (LEDE_SHARED=../shared, LEDE_BIN=target/debug/lede)
//
// Canonical form hashed: keys sorted at every level, the CLI's "id" dropped, and non-integer
// numbers rounded to f32 (Math.fround): the core's floats are f32 (salience), which
// serde-wasm-bindgen hands JS as f64 while serde_json prints them in shortest f32 form.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(ROOT, process.env.LEDE_SHARED ?? '../shared');
const BIN = resolve(ROOT, process.env.LEDE_BIN ?? 'target/debug/lede');
const SETS = [
  // [data file, options]
  ['data/ner/conll2003_dev.jsonl', { clean: false }],
  ['data/ner/ontonotes_news_dev.jsonl', { clean: false }],
  ['data/claims/polnear_dev.jsonl', { clean: false }],
  ['data/clean/dev.jsonl', { clean: false }],
  ['data/clean/dev.jsonl', { clean: true }],
];

function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = canonical(v[k]);
    return out;
  }
  if (typeof v === 'number' && !Number.isInteger(v)) return Math.fround(v);
  return v;
}

const hash = (v) => createHash('sha256').update(JSON.stringify(canonical(v))).digest('hex');

/** First path where two canonical values differ, for the report. */
function firstDiff(a, b, path = '') {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDiff(a[k], b[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path || '.'}: wasm ${JSON.stringify(a)?.slice(0, 120)} vs native ${JSON.stringify(b)?.slice(0, 120)}`;
}

function main() {
  const missing = SETS.map(([f]) => join(SHARED, f)).filter((f) => !existsSync(f));
  if (missing.length) {
    console.log(`determinism: skipped, dev data not found (${missing[0]}); set LEDE_SHARED`);
    console.log('test result: ok. 0 passed; 0 failed (skipped: no dev data)');
    return 0;
  }
  for (const need of [join(ROOT, 'www/pkg/lede_bg.wasm'), BIN]) {
    if (!existsSync(need)) {
      console.error(`determinism: ${need} missing (run scripts/build.sh and cargo build)`);
      return 2;
    }
  }
  return import(join(ROOT, 'www/pkg/lede.js')).then((lede) => {
    lede.initSync({ module: readFileSync(join(ROOT, 'www/pkg/lede_bg.wasm')) });
    let same = 0;
    let differ = 0;
    for (const [file, options] of SETS) {
      const path = join(SHARED, file);
      const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
      const args = ['annotate', '--jsonl', ...(options.clean ? [] : ['--no-clean']), path];
      const native = execFileSync(BIN, args, { maxBuffer: 1 << 30, encoding: 'utf8' }).split('\n').filter((l) => l.trim());
      if (native.length !== lines.length) {
        console.log(`MISMATCH ${file}: ${lines.length} lines in, ${native.length} native results`);
        differ += 1;
        continue;
      }
      let setSame = 0;
      const t0 = performance.now();
      lines.forEach((line, i) => {
        const rec = JSON.parse(line);
        const text = rec.text ?? rec.damaged;
        const wasm = lede.annotate(text, options);
        const nat = JSON.parse(native[i]);
        delete nat.id;
        if (hash(wasm) === hash(nat)) {
          setSame += 1;
        } else {
          differ += 1;
          if (differ <= 10) console.log(`MISMATCH ${file} ${rec.id} ${JSON.stringify(options)}: ${firstDiff(canonical(wasm), canonical(nat))}`);
        }
      });
      same += setSame;
      const ms = (performance.now() - t0).toFixed(0);
      console.log(`determinism: ${file} ${JSON.stringify(options)}: ${setSame}/${lines.length} identical (wasm ${ms} ms)`);
    }
    console.log(`determinism: ${same} identical, ${differ} mismatched`);
    console.log(`test result: ${differ ? 'FAILED' : 'ok'}. ${differ ? 0 : 1} passed; ${differ ? 1 : 0} failed (one comparison over every dev line)`);
    return differ ? 1 : 0;
  });
}

process.exitCode = await main();
