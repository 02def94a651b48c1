// One process of bench/instructions.sh: load the wasm from PKG_DIR, annotate a tiny text, then
// TEXT `runs` times. (Run under callgrind; the count of interest is the difference of two runs.)
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [pkg, textFile, runs] = process.argv.slice(2);
const glue = await import(pathToFileURL(resolve(pkg, 'lede.js')).href);
glue.initSync({ module: readFileSync(resolve(pkg, 'lede_bg.wasm')) });
const text = readFileSync(textFile, 'utf8');
glue.annotate('Warm up. Mr. Smith said so in Paris.', {});
for (let i = 0; i < Number(runs); i++) glue.annotate(text, {});
