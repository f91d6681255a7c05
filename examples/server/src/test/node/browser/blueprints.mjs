// The Blueprints tab in a real browser (Debian's Chromium, driven by playwright-core): alice signs
// in and drops a PDF and a GLB on the workspace, sees each file's progress and both files listed;
// bob, in another browser context, uploads a file and alice's list shows it without a reload.
// Every request leaving the host fails the run. Prints one JSON line of figures; exits 1 on failure.
//
// usage: node blueprints.mjs <base URL> <password> <directory of sample files> <artifacts directory>
//   [<SHA-256 of large.pdf>]
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { check, drawnPixels, dropFiles, launch, signIn } from './common.mjs';

const [base, password, samples, artifacts, largeSha256] = process.argv.slice(2);
const { newUser, offHost } = signIn(base, password);
const figures = {};

const browser = await launch();
let failed = false;
try {
  await mkdir(artifacts, { recursive: true });
  const alice = await newUser(browser, 'alice');
  await alice.page.getByRole('link', { name: 'Bridge' }).click();
  await alice.page.waitForURL(`${base}/projects/bridge`);
  await alice.page.getByRole('link', { name: 'Blueprints' }).waitFor();

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

  // 6. No serious or critical accessibility violation on the workspace (axe-core).
  const axe = await new AxeBuilder({ page: alice.page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  figures.axeViolations = axe.violations.map((v) => `${v.id} (${v.impact})`);
  check(serious.length === 0, `accessibility: ${serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`).join('; ')}`);

  // The PDF's first page, its text in the text layer; the GLB drawn (pixels other than the background).
  await alice.page.getByRole('rowheader', { name: 'girder-survey.pdf' }).getByRole('link').click();
  const pdfPreview = alice.page.getByRole('dialog', { name: 'Preview of girder-survey.pdf' });
  await pdfPreview.locator('.preview-stage.ready').waitFor({ timeout: 15_000 });
  figures.pdfFirstPageMs = Number(await pdfPreview.locator('.preview-stage').getAttribute('data-ready-ms'));
  const pdfText = await pdfPreview.locator('.textLayer').innerText();
  check(pdfText.includes('Girder survey'), `the text layer should hold the page's text, not "${pdfText}"`);
  await alice.page.screenshot({ path: path.join(artifacts, 'preview-pdf.png') });
  await pdfPreview.getByRole('button', { name: 'Close' }).click();
  await alice.page.getByRole('rowheader', { name: 'girder-model.glb' }).getByRole('link').click();
  const glbPreview = alice.page.getByRole('dialog', { name: 'Preview of girder-model.glb' });
  await glbPreview.locator('.preview-stage.ready').waitFor({ timeout: 15_000 });
  figures.glbInteractiveMs = Number(await glbPreview.locator('.preview-stage').getAttribute('data-ready-ms'));
  const drawn = await drawnPixels(glbPreview);
  check(drawn > 100, `the GLB should be drawn: ${drawn} pixels differ from the background`);
  figures.glbPixelsDrawn = drawn;
  await alice.page.screenshot({ path: path.join(artifacts, 'preview-glb.png') });
  await glbPreview.getByRole('button', { name: 'Close' }).click();

  // Search: the PDF found by a word of its body, the word marked (indexing runs after the upload).
  let marked = 0;
  for (let attempt = 0; attempt < 20 && marked === 0; attempt++) {
    await alice.page.goto(`${base}/projects/bridge?tab=search&q=deflection`);
    await alice.page.getByRole('status').filter({ hasText: /match/ }).waitFor();
    marked = await alice.page.locator('.hit', { hasText: 'girder-survey.pdf' }).locator('mark', { hasText: 'deflection' }).count();
    if (marked === 0) {
      await alice.page.waitForTimeout(250);
    }
  }
  check(marked > 0, 'the search should find girder-survey.pdf with "deflection" marked');
  await alice.page.screenshot({ path: path.join(artifacts, 'search.png'), fullPage: true });
  await alice.page.goto(`${base}/projects/bridge`);

  // 2. A new revision by dropping the same name again; its history, the diff, revision 1 restored.
  await dropFiles(alice.page, [{ file: path.join(samples, 'v2', 'girder-survey.pdf'), type: 'application/pdf' }]);
  const again = alice.page.locator('li.upload', { hasText: 'girder-survey.pdf' });
  await alice.page.locator('li.upload:is(.done, .failed)', { hasText: 'girder-survey.pdf' }).waitFor({ timeout: 30_000 });
  check(await again.evaluate((li) => li.classList.contains('done')), `the new revision: ${await again.innerText()}`);
  const surveyRow = alice.page.locator('tr', { has: alice.page.getByRole('rowheader', { name: 'girder-survey.pdf' }) });
  await surveyRow.locator('td', { hasText: /^2$/ }).waitFor({ timeout: 5_000 });
  await surveyRow.getByLabel('Actions for girder-survey.pdf').click();
  await surveyRow.getByRole('button', { name: 'History' }).click();
  const history = alice.page.getByRole('dialog', { name: 'History of girder-survey.pdf' });
  await history.getByRole('rowheader', { name: '2' }).waitFor();
  await history.getByRole('button', { name: 'Compare with 1' }).click();
  await history.getByRole('region', { name: 'Differences' }).getByText('Revision 1 → 2').waitFor();
  check(await history.locator('tr.added').count() > 0, 'the diff should show the added text');
  await alice.page.screenshot({ path: path.join(artifacts, 'history.png'), fullPage: true });
  await history.getByRole('button', { name: 'Restore revision 1' }).click();
  await surveyRow.locator('td', { hasText: /^3$/ }).waitFor({ timeout: 5_000 });

  // Trash and the trash view: the model leaves the list, is restored from the Trash tab, and is back.
  const modelRow = alice.page.locator('tr', { has: alice.page.getByRole('rowheader', { name: 'girder-model.glb' }) });
  await modelRow.getByLabel('Actions for girder-model.glb').click();
  alice.page.once('dialog', (d) => d.accept());
  await modelRow.getByRole('button', { name: 'Move to trash' }).click();
  await modelRow.waitFor({ state: 'detached', timeout: 5_000 });
  await alice.page.getByRole('link', { name: 'Trash' }).click();
  await alice.page.getByRole('button', { name: 'Restore girder-model.glb' }).click();
  await alice.page.getByText('The trash is empty.').waitFor({ timeout: 5_000 });
  await alice.page.getByRole('link', { name: 'Blueprints' }).click();
  await alice.page.getByRole('rowheader', { name: 'girder-model.glb' }).waitFor({ timeout: 5_000 });

  // 3. carol, a VIEWER, gets no control that would be refused; an EDITOR entry on a folder lets her upload there.
  alice.page.once('dialog', (d) => d.accept('for-carol'));
  await alice.page.getByRole('button', { name: 'New folder' }).click();
  const folderRow = alice.page.locator('tr', { has: alice.page.getByRole('rowheader', { name: 'for-carol' }) });
  await folderRow.waitFor({ timeout: 5_000 });
  const folderId = await folderRow.getAttribute('data-id');
  const carol = await newUser(browser, 'carol');
  await carol.page.goto(`${base}/projects/bridge`);
  await carol.page.getByRole('rowheader', { name: 'girder-survey.pdf' }).waitFor();
  check(await carol.page.getByText('Upload files').count() === 0, 'carol should see no upload control');
  check(await carol.page.getByRole('button', { name: 'New folder' }).count() === 0, 'carol should see no new folder control');
  check(await carol.page.getByRole('link', { name: 'Trash' }).count() === 0, 'carol should see no trash view');
  const carolRow = carol.page.locator('tr', { has: carol.page.getByRole('rowheader', { name: 'girder-survey.pdf' }) });
  await carolRow.getByLabel('Actions for girder-survey.pdf').click();
  await carolRow.getByRole('button', { name: 'History' }).waitFor();
  check(await carolRow.getByRole('button', { name: 'Rename' }).count() === 0, 'carol should see no rename control');
  check(await carolRow.getByRole('button', { name: 'Move to trash' }).count() === 0, 'carol should see no trash control');
  // alice grants carol EDITOR on the folder in its Access dialog, and asks why carol can see it.
  await folderRow.getByLabel('Actions for for-carol').click();
  await folderRow.getByRole('button', { name: 'Access' }).click();
  const access = alice.page.getByRole('dialog', { name: 'Access to for-carol' });
  await access.getByLabel('Name').fill('carol');
  await access.getByLabel('Role').selectOption('EDITOR');
  await access.getByRole('button', { name: 'Grant' }).click();
  await access.getByRole('rowheader', { name: 'user carol' }).waitFor({ timeout: 5_000 });
  await access.getByLabel('Why can this user see it?').fill('carol');
  await access.getByRole('button', { name: 'Explain' }).click();
  await access.locator('.explanation > p', { hasText: 'carol: EDITOR' }).waitFor({ timeout: 5_000 });
  await alice.page.screenshot({ path: path.join(artifacts, 'access.png') });
  await access.getByRole('button', { name: 'Close' }).click();
  // A share link on the PDF: created, shown, revoked.
  await surveyRow.getByLabel('Actions for girder-survey.pdf').click();
  await surveyRow.getByRole('button', { name: 'Access' }).click();
  const surveyAccess = alice.page.getByRole('dialog', { name: 'Access to girder-survey.pdf' });
  await surveyAccess.getByRole('button', { name: 'Create a share link (1 day)' }).click();
  const shareUrl = await surveyAccess.getByLabel('Share link').inputValue();
  check(shareUrl.includes('/s/'), `a share link should be shown, not "${shareUrl}"`);
  await surveyAccess.getByRole('button', { name: 'Revoke the link' }).click();
  await surveyAccess.getByLabel('Share link').waitFor({ state: 'detached', timeout: 5_000 });
  await surveyAccess.getByRole('button', { name: 'Close' }).click();
  await carol.page.goto(`${base}/projects/bridge?folder=${folderId}`);
  await carol.page.locator('#file-input').setInputFiles(path.join(samples, 'deck-notes.pdf'));
  await carol.page.locator('li.upload.done', { hasText: 'deck-notes.pdf' }).waitFor({ timeout: 30_000 });
  await carol.page.getByRole('rowheader', { name: 'deck-notes.pdf' }).waitFor({ timeout: 5_000 });
  await carol.context.close();

  // 5. An upload cut off by a reload resumes when the same file is added again, and stores the same bytes.
  if (largeSha256) {
    const large = path.join(samples, 'large.pdf');
    await alice.page.goto(`${base}/projects/bridge`);
    await alice.page.locator('#file-input').setInputFiles(large);
    const bar = alice.page.getByRole('progressbar', { name: 'Upload of large.pdf' });
    await alice.page.waitForFunction((el) => Number(el.value) >= 10, await bar.elementHandle(), { polling: 20 });
    const cutAt = Number(await bar.getAttribute('value'));
    await alice.page.reload();
    await alice.page.locator('li.upload.interrupted', { hasText: 'large.pdf' }).waitFor();
    await alice.page.locator('#file-input').setInputFiles(large);
    await alice.page.locator('li.upload.resumed', { hasText: 'large.pdf' }).waitFor({ timeout: 5_000 });
    await alice.page.locator('li.upload.done', { hasText: 'large.pdf' }).waitFor({ timeout: 120_000 });
    const stored = await alice.page.evaluate(async () => {
      const list = await (await fetch('/api/v1/projects/bridge/files?size=200')).json();
      return list.items.find((i) => i.name === 'large.pdf')?.sha256;
    });
    check(stored === largeSha256, `the resumed upload stored ${stored}, not the file's ${largeSha256}`);
    figures.resumedAfterPercent = cutAt;
  }

  // 4. bob uploads in his own browser: alice's list shows it within a second, without a reload.
  const bob = await newUser(browser, 'bob');
  await bob.page.goto(`${base}/projects/bridge`);
  await bob.page.getByRole('link', { name: 'Blueprints' }).waitFor();
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
