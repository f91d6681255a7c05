// Bundles the UI into the directory given as the first argument (Maven passes
// target/classes/static/app, which Spring Boot serves at /app/), with what pdf.js loads at run
// time (its worker, character maps, standard fonts, decoders) beside it: the page never asks
// another host for anything.
import * as esbuild from 'esbuild';
import { cp } from 'node:fs/promises';
import path from 'node:path';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs <output directory>');
  process.exit(2);
}
await esbuild.build({
  entryPoints: ['src/main.ts', 'src/main.css'],
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
const pdfjs = 'node_modules/pdfjs-dist';
const assets = path.join(outdir, 'pdfjs');
await cp(`${pdfjs}/build/pdf.worker.min.mjs`, path.join(assets, 'pdf.worker.min.mjs'));
for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
  await cp(`${pdfjs}/${dir}`, path.join(assets, dir), { recursive: true });
}
