// First-load size: every file the page fetches before it can annotate, found by following
// references from www/index.html (src/href, JS imports, new Worker, fetch, new URL(…,
// import.meta.url)), each compressed with `gzip -9` (the CLI, as scripts/build.sh reports it;
// zlib level 9 where there is no gzip, which comes out a few percent larger).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const REF_PATTERNS = [
  /\b(?:src|href)\s*=\s*["']([^"'#?]+)["']/g,
  /\bimport\s*(?:[^'"()]*?\bfrom\s*)?["']([^"']+)["']/g,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  /\bnew\s+Worker\(\s*["']([^"']+)["']/g,
  /\bfetch\(\s*["']([^"']+)["']/g,
  /\bnew\s+URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g,
];

/** Bytes of `gzip -9` of a file. */
export function gzip9(path) {
  const r = spawnSync('gzip', ['-9c', path], { maxBuffer: 1 << 30 });
  if (r.status === 0) return r.stdout.length;
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

function refsOf(text) {
  const refs = [];
  for (const re of REF_PATTERNS) for (const m of text.matchAll(re)) refs.push(m[1]);
  return refs.filter((r) => !/^(?:[a-z]+:|\/\/|data:)/i.test(r));
}

/** [{path, raw, gzip}] for everything reachable from index.html under `www`. */
export function pageFiles(www) {
  const seen = new Set();
  const queue = ['index.html'];
  const files = [];
  while (queue.length) {
    const rel = queue.shift();
    if (seen.has(rel)) continue;
    seen.add(rel);
    const path = join(www, rel);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    files.push({ path: rel, raw: bytes.length, gzip: gzip9(path) });
    if (/\.(html|m?js|css)$/.test(rel)) {
      for (const ref of refsOf(bytes.toString('utf8'))) {
        queue.push(normalize(relative(www, join(dirname(path), ref))));
      }
    }
  }
  return files;
}
