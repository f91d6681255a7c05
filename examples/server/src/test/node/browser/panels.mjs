// The rest of the sample server's UI in a real browser: thumbnails made by the server appear in
// the list; a file is moved to another folder; the Members tab (alice changes a role, carol only
// reads); the Vault (alice uploads and shares with bob, who sees it, carol does not); the live
// mount (carol browses and may not write, bob writes); search filters; the row menu by keyboard;
// a narrow screen; axe-core on each page. Prints one JSON line; exits 1 on failure.
//
// usage: node panels.mjs <base URL> <password> <directory of sample files> <artifacts directory>
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { check, drawnPixels, dropFiles, launch, signIn } from './common.mjs';

const [base, password, samples, artifacts] = process.argv.slice(2);
const { newUser, offHost } = signIn(base, password);
const figures = { axe: {} };
const auth = (user) => ({ Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

async function axe(page, name) {
  const result = await new AxeBuilder({ page }).analyze();
  const grave = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  figures.axe[name] = result.violations.length;
  check(grave.length === 0, `axe on ${name}: ${grave.map((v) => `${v.id}: ${v.help}`).join('; ')}`);
}

const browser = await launch();
let failed = false;
try {
  await mkdir(artifacts, { recursive: true });
  const alice = await newUser(browser, 'alice');
  const page = alice.page;
  page.on('dialog', (d) => d.accept(d.type() === 'prompt' ? 'archive' : undefined));

  // Thumbnails: the server's indexing worker makes them after the upload; the list shows them.
  await page.goto(`${base}/projects/bridge`);
  await dropFiles(page, [
    { file: path.join(samples, 'cover-sheet.pdf'), type: 'application/pdf' },
    { file: path.join(samples, 'pier.stl'), type: 'model/stl' },
  ]);
  const started = Date.now();
  for (const name of ['cover-sheet.pdf', 'pier.stl']) {
    const thumb = page.getByRole('rowheader', { name }).locator('img.thumb');
    await thumb.waitFor({ timeout: 30_000 });
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0 && !img.classList.contains('pending'),
      await thumb.elementHandle(), { timeout: 15_000, polling: 100 });
  }
  figures.thumbnailsShownMs = Date.now() - started;
  check(await page.locator('li.upload.interrupted').count() === 0,
    'uploads this page runs should not be listed as interrupted');
  await page.screenshot({ path: path.join(artifacts, 'thumbnails.png'), fullPage: true });

  // A .gltf whose buffer is a file of its own next to it: the preview fetches it from there.
  await dropFiles(page, [
    { file: path.join(samples, 'deck.gltf'), type: 'model/gltf+json' },
    { file: path.join(samples, 'deck.bin'), type: 'application/octet-stream' },
  ]);
  await page.locator('li.upload.done', { hasText: 'deck.bin' }).waitFor({ timeout: 30_000 });
  await page.locator('li.upload.done', { hasText: 'deck.gltf' }).waitFor({ timeout: 30_000 });
  await page.getByRole('rowheader', { name: 'deck.gltf' }).getByRole('link').click();
  const deck = page.getByRole('dialog', { name: 'Preview of deck.gltf' });
  await deck.locator('.preview-stage.ready').waitFor({ timeout: 15_000 });
  check(await deck.locator('.error').count() === 0, 'the glTF with an external buffer should load');
  figures.externalBufferPixelsDrawn = await drawnPixels(deck);
  check(figures.externalBufferPixelsDrawn > 100, `the glTF's triangle should be drawn: ${figures.externalBufferPixelsDrawn}`);
  await deck.getByRole('button', { name: 'Close' }).click();

  // The policy's refusal, in words: a type the server does not take.
  await dropFiles(page, [{ file: path.join(samples, 'notes.txt'), type: 'text/plain' }]);
  await page.locator('li.upload.failed', { hasText: 'notes.txt' })
    .getByText("refused: files of type '.txt' are not allowed").waitFor({ timeout: 10_000 });

  // A file another user trashes leaves alice's list without a reload.
  const bin = (await (await fetch(`${base}/api/v1/projects/bridge/files?size=200`, { headers: auth('bob') })).json())
    .items.find((i) => i.name === 'deck.bin');
  const trashed = await fetch(`${base}/api/v1/files/${bin.id}`, { method: 'DELETE', headers: auth('bob') });
  check(trashed.ok, `bob should trash deck.bin: ${trashed.status}`);
  const trashedAt = Date.now();
  await page.getByRole('rowheader', { name: 'deck.bin' }).waitFor({ state: 'detached', timeout: 5_000 });
  figures.trashSeenMs = Date.now() - trashedAt;
  check(figures.trashSeenMs <= 1000, `bob's trash should show in alice's list within 1 s: ${figures.trashSeenMs} ms`);

  // The list's order, from the server: largest first (folders first in every order).
  async function sortBy(order) {
    await page.getByLabel('Sort by').selectOption(order);
    const expected = await page.evaluate(async (o) =>
      (await (await fetch(`/api/v1/projects/bridge/files?sort=${o}&size=100`)).json()).items.map((i) => i.name), order);
    await page.waitForFunction((names) => {
      const shown = Array.from(document.querySelectorAll('table.files tbody th')).map((th) => th.textContent.trim());
      return shown.length === names.length && shown.every((n, i) => n === names[i]);
    }, expected, { timeout: 5_000 });
    check(new URL(page.url()).searchParams.get('sort') === order, 'the order should be kept in the address');
    return expected;
  }
  const largest = await sortBy('largest');
  check(largest.indexOf('cover-sheet.pdf') < largest.indexOf('pier.stl'), `largest first: ${largest.join(', ')}`);
  await sortBy('name');

  // The row menu by keyboard: Enter opens it and puts the focus on its first action.
  const coverRow = page.locator('tr', { has: page.getByRole('rowheader', { name: 'cover-sheet.pdf' }) });
  await coverRow.getByLabel('Actions for cover-sheet.pdf').focus();
  await page.keyboard.press('Enter');
  await coverRow.getByRole('button', { name: 'Move', exact: true }).waitFor();
  check(await page.evaluate(() => document.activeElement?.textContent) === 'Download',
    'the opened menu should put the focus on its first action');
  await page.keyboard.press('Escape');
  await coverRow.getByRole('button', { name: 'Move', exact: true }).waitFor({ state: 'hidden' });
  check(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')) === 'Actions for cover-sheet.pdf',
    'Escape should close the menu and give the focus back to its button');

  // A lock: bob's online editor (a WOPI client, here plain HTTP from Node) holds pier.stl; alice, an
  // organization admin, sees who holds it and breaks it.
  const pier = (await (await fetch(`${base}/api/v1/projects/bridge/files?size=200`, { headers: auth('bob') })).json())
    .items.find((i) => i.name === 'pier.stl');
  const wopi = await (await fetch(`${base}/api/v1/files/${pier.id}/wopi-token`, { method: 'POST', headers: auth('bob') })).json();
  const locked = await fetch(`${base}/wopi/files/${pier.id}?access_token=${encodeURIComponent(wopi.access_token)}`,
    { method: 'POST', headers: { 'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': 'editor-session-1' } });
  check(locked.status === 200, `the WOPI lock should be taken: ${locked.status}`);
  const pierRow = page.locator('tr', { has: page.getByRole('rowheader', { name: 'pier.stl' }) });
  await pierRow.getByLabel('Actions for pier.stl').click();
  await pierRow.getByText('Being edited by bob').waitFor();
  await pierRow.getByRole('button', { name: 'Break the lock' }).click();
  await page.getByText('The lock on pier.stl is broken').waitFor({ timeout: 5_000 });
  const after = await fetch(`${base}/api/v1/files/${pier.id}/lock`, { headers: auth('bob') });
  check(after.status === 404, `the lock should be gone: ${after.status}`);

  // Move: into a new folder, through the dialog.
  await page.keyboard.press('Escape');
  await coverRow.getByLabel('Actions for cover-sheet.pdf').click();
  await coverRow.getByRole('button', { name: 'Move', exact: true }).click();
  const move = page.getByRole('dialog', { name: 'Move cover-sheet.pdf' });
  await move.waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'New folder' }).click();
  await page.getByRole('rowheader', { name: 'archive' }).waitFor({ timeout: 5_000 });
  await coverRow.getByLabel('Actions for cover-sheet.pdf').click();
  await coverRow.getByRole('button', { name: 'Move', exact: true }).click();
  await move.getByRole('button', { name: 'archive' }).click();
  await move.getByText('In Bridge / archive').waitFor();
  await move.getByRole('button', { name: 'Move here' }).click();
  await coverRow.waitFor({ state: 'detached', timeout: 5_000 });
  await page.getByRole('rowheader', { name: 'archive' }).getByRole('link').click();
  await page.getByRole('rowheader', { name: 'cover-sheet.pdf' }).waitFor({ timeout: 5_000 });

  // Search filters: by uploader.
  await page.goto(`${base}/projects/bridge?tab=search&q=cover&uploadedBy=alice`);
  await page.getByRole('list', { name: 'Results' }).getByRole('link', { name: 'cover-sheet.pdf' }).waitFor({ timeout: 10_000 });
  await page.goto(`${base}/projects/bridge?tab=search&q=cover&uploadedBy=bob`);
  await page.getByText('Nothing matches “cover”.').waitFor({ timeout: 10_000 });

  // Members: alice (ADMIN) changes bob's role and back; carol sees the list without the forms.
  await page.goto(`${base}/projects/bridge?tab=members`);
  const members = page.getByRole('table', { name: 'Members' });
  await members.getByRole('rowheader', { name: 'carol' }).waitFor();
  await axe(page, 'members');
  await page.getByLabel('User', { exact: true }).fill('bob');
  await page.getByLabel('Role', { exact: true }).first().selectOption('VIEWER');
  await page.getByRole('button', { name: 'Add or change member' }).click();
  await members.locator('tr', { hasText: 'bob' }).getByText('VIEWER').waitFor({ timeout: 5_000 });
  await page.getByLabel('User', { exact: true }).fill('bob');
  await page.getByLabel('Role', { exact: true }).first().selectOption('EDITOR');
  await page.getByRole('button', { name: 'Add or change member' }).click();
  await members.locator('tr', { hasText: 'bob' }).getByText('EDITOR').waitFor({ timeout: 5_000 });

  // The Vault: alice keeps a file there and shares it with bob.
  await page.getByRole('link', { name: 'Vault' }).click();
  await page.waitForURL(`${base}/vault`);
  await page.locator('#vault-file').setInputFiles(path.join(samples, 'vault-contract.pdf'));
  await page.getByRole('button', { name: 'Upload to the vault' }).click();
  await page.getByRole('rowheader', { name: 'vault-contract.pdf' }).waitFor({ timeout: 10_000 });
  await axe(page, 'vault');
  await page.screenshot({ path: path.join(artifacts, 'vault.png'), fullPage: true });
  await page.getByLabel('Share vault-contract.pdf with').fill('bob');
  await page.getByRole('button', { name: 'Share vault-contract.pdf' }).click();
  await page.getByText('vault-contract.pdf shared with bob').waitFor({ timeout: 5_000 });

  const bob = await newUser(browser, 'bob');
  await bob.page.goto(`${base}/vault`);
  await bob.page.getByRole('rowheader', { name: 'vault-contract.pdf' }).waitFor({ timeout: 5_000 });

  // The live mount: bob (EDITOR) writes a file; carol (VIEWER) browses, downloads, may not write.
  await bob.page.getByRole('link', { name: 'Live mounts' }).click();
  await bob.page.getByRole('link', { name: 'share' }).click();
  await bob.page.getByRole('rowheader', { name: 'plans' }).getByRole('link').click();
  await bob.page.getByRole('rowheader', { name: 'outside.pdf' }).waitFor();
  await bob.page.locator('#mount-file').setInputFiles(path.join(samples, 'from-bob.pdf'));
  await bob.page.getByRole('button', { name: 'Upload to the mount' }).click();
  await bob.page.getByRole('rowheader', { name: 'from-bob.pdf' }).waitFor({ timeout: 10_000 });
  await bob.context.close();

  const carol = await newUser(browser, 'carol', { width: 375, height: 740 });
  await carol.page.goto(`${base}/vault`);
  await carol.page.getByText('Your vault is empty.').waitFor();
  await carol.page.goto(`${base}/mounts/share?path=plans`);
  await carol.page.getByRole('rowheader', { name: 'from-bob.pdf' }).waitFor();
  check(await carol.page.locator('#mount-file').count() === 0, 'carol, VIEWER of the mount, should have no upload form');
  check(await carol.page.getByRole('button', { name: /^Delete / }).count() === 0, 'carol should have no delete button');
  await axe(carol.page, 'mount');
  await carol.page.screenshot({ path: path.join(artifacts, 'mount-narrow.png'), fullPage: true });
  const download = carol.page.waitForEvent('download');
  await carol.page.getByRole('rowheader', { name: 'outside.pdf' }).getByRole('link').click();
  check((await (await download).path()) !== null, 'carol should download outside.pdf');
  await carol.page.goto(`${base}/projects/bridge?tab=members`);
  await carol.page.getByRole('table', { name: 'Members' }).getByRole('rowheader', { name: 'alice' }).waitFor();
  check(await carol.page.getByRole('button', { name: 'Add or change member' }).count() === 0,
    'carol, VIEWER, should not be offered to change members');
  // A narrow screen: the row's actions stay reachable.
  await carol.page.goto(`${base}/projects/bridge`);
  await carol.page.getByLabel('Actions for pier.stl').click();
  await carol.page.getByRole('button', { name: 'History' }).waitFor();
  await carol.context.close();
  await alice.context.close();
  check(offHost.length === 0, `requests left the host: ${offHost.join(', ')}`);
} catch (e) {
  failed = true;
  for (const [i, context] of browser.contexts().entries()) {
    for (const [j, open] of context.pages().entries()) {
      await open.screenshot({ path: path.join(artifacts, `failure-${i}-${j}.png`), fullPage: true }).catch(() => {});
    }
  }
  console.error(e.stack ?? String(e));
} finally {
  await browser.close();
}
console.log(JSON.stringify({ outcome: failed ? 'failed' : 'passed', offHost, ...figures }));
process.exit(failed ? 1 : 0);
