// The Blueprints tab in a real browser (Debian's Chromium, driven by playwright-core): alice signs
// in and drops a PDF and a GLB on the workspace, sees each file's progress and both files listed;
// bob, in another browser context, uploads a file and alice's list shows it without a reload.
// Every request leaving the host fails the run. Prints one JSON line of figures; exits 1 on failure.
//
// usage: node blueprints.mjs <base URL> <password> <directory of sample files> <artifacts directory>
import { chromium } from 'playwright-core';
import { readFile, mkdir } from 'node:fs/promises';
import path from 'node:path';

const [base, password, samples, artifacts] = process.argv.slice(2);
const host = new URL(base).host;
const offHost = [];
const figures = {};

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function newUser(browser, user) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The route guard: the page may reach its own server only.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host !== host && url.protocol !== 'data:' && url.protocol !== 'blob:') {
      offHost.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${user}] page error: ${e.message}`));
  await page.goto(`${base}/projects`);
  check(new URL(page.url()).pathname === '/login', `an anonymous visit to /projects should land on /login, not ${page.url()}`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${base}/projects`);
  return { context, page };
}

// Drops files on the workspace's drop zone as a user's drag and drop does (a DataTransfer of Files).
async function dropFiles(page, files) {
  const payload = await Promise.all(files.map(async (f) => ({
    name: path.basename(f.file),
    type: f.type,
    data: (await readFile(f.file)).toString('base64'),
  })));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const binary = Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([binary], item.name, { type: item.type }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent('.drop-zone', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: transfer });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--enable-unsafe-swiftshader'],
});
let failed = false;
try {
  await mkdir(artifacts, { recursive: true });
  const alice = await newUser(browser, 'alice');
  await alice.page.getByRole('link', { name: 'Bridge' }).click();
  await alice.page.waitForURL(`${base}/projects/bridge`);
  await alice.page.getByRole('tab', { name: 'Blueprints' }).waitFor();

  // 1. Drag and drop of a PDF and a GLB: a progress bar each, then both listed.
  await dropFiles(alice.page, [
    { file: path.join(samples, 'girder-survey.pdf'), type: 'application/pdf' },
    { file: path.join(samples, 'girder-model.glb'), type: 'model/gltf-binary' },
  ]);
  for (const name of ['girder-survey.pdf', 'girder-model.glb']) {
    const progress = alice.page.getByRole('progressbar', { name: `Upload of ${name}` });
    await progress.waitFor();
    await alice.page.locator('li.upload.done', { hasText: name }).waitFor({ timeout: 30_000 });
    check(await progress.getAttribute('value') === '100', `the progress of ${name} should end at 100`);
    await alice.page.getByRole('rowheader', { name }).waitFor({ timeout: 5_000 });
  }
  await alice.page.screenshot({ path: path.join(artifacts, 'workspace.png'), fullPage: true });

  // 4. bob uploads in his own browser: alice's list shows it within a second, without a reload.
  const bob = await newUser(browser, 'bob');
  await bob.page.goto(`${base}/projects/bridge`);
  await bob.page.getByRole('tab', { name: 'Blueprints' }).waitFor();
  const aliceNavigations = [];
  alice.page.on('framenavigated', (f) => aliceNavigations.push(f.url()));
  await bob.page.locator('#file-input').setInputFiles(path.join(samples, 'deck-notes.pdf'));
  await bob.page.locator('li.upload.done', { hasText: 'deck-notes.pdf' }).waitFor({ timeout: 30_000 });
  const uploaded = Date.now();
  await alice.page.getByRole('rowheader', { name: 'deck-notes.pdf' }).waitFor({ timeout: 5_000 });
  figures.liveUpdateMs = Date.now() - uploaded;
  check(figures.liveUpdateMs <= 1000, `bob's file should appear in alice's list within 1 s, took ${figures.liveUpdateMs} ms`);
  check(aliceNavigations.length === 0, `alice's page should not reload: ${aliceNavigations.join(', ')}`);
  await bob.context.close();
  await alice.context.close();
  check(offHost.length === 0, `requests left the host: ${offHost.join(', ')}`);
} catch (e) {
  failed = true;
  console.error(e.stack ?? String(e));
} finally {
  await browser.close();
}
console.log(JSON.stringify({ outcome: failed ? 'failed' : 'passed', offHost, ...figures }));
process.exit(failed ? 1 : 0);
