// Bundles the UI into the directory given as the first argument (Maven passes
// target/classes/static/app, which Spring Boot serves at /app/).
import * as esbuild from 'esbuild';

const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs <output directory>');
  process.exit(2);
}
await esbuild.build({
  entryPoints: ['src/main.ts', 'src/main.css'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  outdir,
  logLevel: 'warning',
});
