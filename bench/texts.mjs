// Benchmark texts: real news articles from the shared evaluation data, repeated until a size is
// reached. Read at run time from ../shared (never copied into the repository); the built texts
// go to out/bench/ (ignored by git) so the native bench reads exactly the same bytes.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the shared data lives: --shared, $LEDE_SHARED, or ../shared beside the checkout. */
export function findShared(root, given) {
  const candidates = given ? [given] : [process.env.LEDE_SHARED, join(root, '../shared'), join(root, '../../shared')];
  for (const c of candidates.filter(Boolean)) {
    if (existsSync(join(c, 'data'))) return resolve(c);
  }
  throw new Error(`shared data not found (tried ${candidates.filter(Boolean).join(', ')}); pass --shared DIR`);
}

/** Article texts, in file order: PolNeAR dev (whole articles with paragraphs), else OntoNotes dev. */
export function loadArticles(shared) {
  const files = ['data/claims/polnear_dev.jsonl', 'data/ner/ontonotes_news_dev.jsonl'];
  for (const f of files) {
    const path = join(shared, f);
    if (!existsSync(path)) continue;
    const texts = readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l).text)
      .filter((t) => typeof t === 'string' && t.length > 0);
    if (texts.length) return { source: f, texts };
  }
  throw new Error(`no article file found under ${shared}/data`);
}

/** Articles joined by blank lines, cycled until `bytes` UTF-8 bytes, cut at whitespace. */
export function buildText(articles, bytes) {
  const parts = [];
  let len = 0;
  for (let i = 0; len < bytes; i = (i + 1) % articles.length) {
    parts.push(articles[i]);
    len += Buffer.byteLength(articles[i]) + 2;
  }
  const buf = Buffer.from(parts.join('\n\n'));
  let end = Math.min(bytes, buf.length);
  while (end > 0 && !/\s/.test(String.fromCharCode(buf[end]))) end--; // back to a space (ASCII, so a char boundary)
  return buf.subarray(0, end).toString('utf8').trimEnd();
}

/** A shared token count for every system: words (with inner apostrophes) and single punctuation. */
export function countTokens(text) {
  const m = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[^\s\p{L}\p{N}]/gu);
  return m ? m.length : 0;
}

/** Build every size, write them to `dir`, return [{name, bytes, tokens, path, text}]. */
export function buildTexts(shared, sizes, dir) {
  const { source, texts } = loadArticles(shared);
  mkdirSync(dir, { recursive: true });
  const out = sizes.map(({ name, bytes }) => {
    const text = buildText(texts, bytes);
    const path = join(dir, `text_${name}.txt`);
    writeFileSync(path, text);
    return { name, bytes: Buffer.byteLength(text), tokens: countTokens(text), path, text };
  });
  return { source, articles: texts.length, out };
}
