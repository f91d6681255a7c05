// What the browser scripts share: Debian's Chromium launched headless with SwiftShader, a signed-in
// browser context per user behind a route guard (any request leaving the host is aborted and
// recorded), drag and drop of files, and checks that fail the run.
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--enable-unsafe-swiftshader'],
  });
}

/** Signs users in against one server; {@code offHost} collects the requests the guard stopped. */
export function signIn(base, password) {
  const host = new URL(base).host;
  const offHost = [];
  async function newUser(browser, user, viewport = { width: 1280, height: 800 }) {
    const context = await browser.newContext({ viewport });
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
  return { newUser, offHost };
}

// Drops files on the workspace's drop zone as a user's drag and drop does (a DataTransfer of Files).
export async function dropFiles(page, files) {
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

/** How many pixels of a preview's 3D canvas differ from its background (0xf4f6f8). */
export function drawnPixels(dialog) {
  return dialog.locator('canvas').evaluate((canvas) => {
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const g = copy.getContext('2d');
    g.drawImage(canvas, 0, 0);
    const pixels = g.getImageData(0, 0, copy.width, copy.height).data;
    let other = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (Math.abs(pixels[i] - 0xf4) + Math.abs(pixels[i + 1] - 0xf6) + Math.abs(pixels[i + 2] - 0xf8) > 24) {
        other++;
      }
    }
    return other;
  });
}
