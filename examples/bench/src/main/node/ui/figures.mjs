// The web UI's figures against a running sample server, in Debian's Chromium (headless):
//   - a folder of 1,000 items: from navigation to its first page listed and usable, and to all
//     1,000 listed by "Show more";
//   - a 50-page PDF: from the click to its first page drawn with its text layer;
//   - a 20 MB GLB (about 580,000 triangles): from the click to the model drawn and turnable.
// Each is measured over several runs after one not counted; p50 and max are printed.
//
// usage: node figures.mjs <base URL> <alice's password> [runs]
import { chromium } from 'playwright-core';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const [base, password, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);
const stamp = Date.now().toString(36);

// A PDF of `pages` pages, each with a line of text in Helvetica, written object by object.
function pdf(pages) {
  const objects = [];
  const pageIds = Array.from({ length: pages }, (_, i) => 4 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  pageIds.forEach((id, i) => {
    const text = `BT /F1 24 Tf 72 720 Td (Survey page ${i + 1} of ${pages}) Tj ET`;
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  });
  let out = '%PDF-1.7\n';
  const offsets = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out);
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) {
    out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  }
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// A GLB of about `bytes` bytes: one mesh of unindexed triangles on a wavy grid.
function glb(bytes) {
  const triangles = Math.floor(bytes / 36);
  const positions = new Float32Array(triangles * 9);
  const side = Math.ceil(Math.sqrt(triangles / 2));
  const z = (x, y) => Math.sin(x * 0.05) * Math.cos(y * 0.05) * 4;
  for (let t = 0; t < triangles; t++) {
    const cell = t >> 1;
    const x = cell % side;
    const y = Math.floor(cell / side);
    const corners = t % 2 === 0 ? [[x, y], [x + 1, y], [x, y + 1]] : [[x + 1, y], [x + 1, y + 1], [x, y + 1]];
    corners.forEach(([cx, cy], k) => positions.set([cx, cy, z(cx, cy)], t * 9 + k * 3));
  }
  const bin = Buffer.from(positions.buffer);
  const json = Buffer.from(JSON.stringify({
    asset: { version: '2.0', generator: 'stockage ui figures' },
    scene: 0, scenes: [{ nodes: [0] }], nodes: [{ mesh: 0, name: 'terrain' }],
    meshes: [{ name: 'terrain', primitives: [{ attributes: { POSITION: 0 } }] }],
    buffers: [{ byteLength: bin.length }],
    bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: bin.length }],
    accessors: [{ bufferView: 0, componentType: 5126, count: triangles * 3, type: 'VEC3',
      min: [0, 0, -4], max: [side + 1, side + 1, 4] }],
  }));
  const pad = (b, fill) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4, fill)]);
  const j = pad(json, 0x20);
  const b = pad(bin, 0);
  const header = Buffer.alloc(12);
  header.write('glTF', 0);
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + 8 + j.length + 8 + b.length, 8);
  const chunk = (data, type) => {
    const h = Buffer.alloc(8);
    h.writeUInt32LE(data.length, 0);
    h.write(type, 4);
    return Buffer.concat([h, data]);
  };
  return Buffer.concat([header, chunk(j, 'JSON'), chunk(b, 'BIN\0')]);
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted[sorted.length - 1]} ms (${values.length} runs)`;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--enable-unsafe-swiftshader'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/projects`);

  // The data: a folder of 1,000 folders (made through the API from the page), the PDF and the GLB.
  await page.goto(`${base}/projects/bridge`);
  const folder = await page.evaluate(async ({ name }) => {
    const token = document.querySelector('meta[name="csrf-token"]');
    const post = (body) => fetch('/api/v1/projects/bridge/folders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [token.dataset.header]: token.content },
      body: JSON.stringify(body),
    }).then((r) => r.json());
    const parent = await post({ name });
    for (let i = 0; i < 1000; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, k) => post({ name: `item-${String(i + k).padStart(4, '0')}`, parent: parent.id })));
    }
    return parent.id;
  }, { name: `figures-${stamp}` });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'stockage-ui-figures-'));
  const pdfName = `survey-50-pages-${stamp}.pdf`;
  const glbName = `terrain-20mb-${stamp}.glb`;
  await writeFile(path.join(dir, pdfName), pdf(50));
  await writeFile(path.join(dir, glbName), glb(20 * 1024 * 1024));
  await page.locator('#file-input').setInputFiles([path.join(dir, pdfName), path.join(dir, glbName)]);
  for (const name of [pdfName, glbName]) {
    await page.locator('li.upload.done', { hasText: name }).waitFor({ timeout: 120_000 });
  }

  const listed = [];
  const all = [];
  const pdfMs = [];
  const glbMs = [];
  for (let run = 0; run <= runs; run++) {
    let start = Date.now();
    await page.goto(`${base}/projects/bridge?folder=${folder}`);
    await page.getByRole('rowheader', { name: 'item-0099' }).waitFor();
    await page.getByRole('button', { name: 'Show more' }).waitFor();
    const first = Date.now() - start;
    start = Date.now();
    while (await page.getByRole('rowheader', { name: 'item-0999' }).count() === 0) {
      const before = await page.locator('tbody tr').count();
      await page.getByRole('button', { name: 'Show more' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length > n, before, { polling: 20 });
    }
    await page.getByRole('rowheader', { name: 'item-0999' }).waitFor();
    const rest = Date.now() - start;

    await page.goto(`${base}/projects/bridge`);
    await page.getByRole('rowheader', { name: pdfName }).getByRole('link').click();
    const pdfStage = page.getByRole('dialog', { name: `Preview of ${pdfName}` }).locator('.preview-stage.ready');
    await pdfStage.waitFor({ timeout: 30_000 });
    const pdfReady = Number(await pdfStage.getAttribute('data-ready-ms'));
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await page.getByRole('rowheader', { name: glbName }).getByRole('link').click();
    const glbStage = page.getByRole('dialog', { name: `Preview of ${glbName}` }).locator('.preview-stage.ready');
    await glbStage.waitFor({ timeout: 60_000 });
    const glbReady = Number(await glbStage.getAttribute('data-ready-ms'));
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    if (run > 0) {
      listed.push(first);
      all.push(first + rest);
      pdfMs.push(pdfReady);
      glbMs.push(glbReady);
    }
  }
  console.log('Web UI figures (headless Chromium, the server on the same machine)');
  console.log(`  folder of 1,000 items, first page (100) listed and usable: ${summary(listed)}  (target < 1,000 ms)`);
  console.log(`  folder of 1,000 items, all listed through "Show more":    ${summary(all)}`);
  console.log(`  50-page PDF, first page drawn with its text layer:         ${summary(pdfMs)}  (target < 1,500 ms)`);
  console.log(`  20 MB GLB, drawn and turnable:                             ${summary(glbMs)}  (target < 3,000 ms)`);
  console.log('  measured from navigation (the folder) or from the click (previews); one run before, not counted');
} finally {
  await browser.close();
}
