// Live mounts (an SMB share, a bucket, a folder) next to the managed files: their entries by path,
// with the caller's own role on the mount — VIEWER browses and downloads, EDITOR also uploads,
// creates folders and deletes. The backend is the source of truth; nothing here is versioned.
import { api, attempt, csrfHeaders, errorOf, Page } from './api';
import { announce, bytes, h, when } from './dom';

interface Mount {
  name: string;
  mode: 'MANAGED' | 'LIVE';
  provider: string;
  role?: string;
}

interface Entry {
  path: string;
  name: string;
  type: 'FILE' | 'DIRECTORY';
  size: number;
  lastModified: string;
}

export async function renderMounts(root: HTMLElement): Promise<void> {
  document.title = 'Live mounts · Stockage';
  const live = (await api.get<Mount[]>('/api/v1/mounts')).filter((m) => m.mode === 'LIVE');
  root.replaceChildren(h('h1', {}, 'Live mounts'),
    live.length === 0 ? h('p', {}, 'No live mount is open to you.')
      : h('ul', { class: 'projects' }, ...live.map((m) => h('li', {},
        h('a', { href: `/mounts/${encodeURIComponent(m.name)}` }, m.name),
        h('span', { class: 'description' }, ` — ${m.provider}, you are ${m.role}`)))));
}

export async function renderMount(root: HTMLElement, name: string, path: string): Promise<void> {
  const mount = (await api.get<Mount[]>('/api/v1/mounts')).find((m) => m.name === name && m.mode === 'LIVE');
  if (!mount) {
    throw new Error(`No live mount ${name} is open to you.`);
  }
  document.title = `${name} · Live mounts · Stockage`;
  const base = `/api/v1/mounts/${encodeURIComponent(name)}`;
  const mayEdit = mount.role === 'EDITOR' || mount.role === 'MANAGER';
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Show more');
  let next: string | null = null;
  const here = (p: string) => `/mounts/${encodeURIComponent(name)}${p ? `?path=${encodeURIComponent(p)}` : ''}`;
  const join = (leaf: string) => (path ? `${path}/${leaf}` : leaf);

  async function load(reset: boolean): Promise<void> {
    const cursor = !reset && next ? `&cursor=${encodeURIComponent(next)}` : '';
    const page = await api.get<Page<Entry>>(`${base}/entries?path=${encodeURIComponent(path)}&size=200${cursor}`);
    if (reset) {
      body.replaceChildren();
    }
    for (const e of page.items) {
      const link = e.type === 'DIRECTORY'
        ? h('a', { href: here(e.path), class: 'folder' }, e.name)
        : h('a', { href: `${base}/content?path=${encodeURIComponent(e.path)}`, class: 'file', download: e.name }, e.name);
      let remove: HTMLElement | null = null;
      if (mayEdit) {
        remove = h('button', { type: 'button' }, `Delete ${e.name}`);
        remove.addEventListener('click', () => void attempt(async () => {
          if (window.confirm(`Delete ${e.name} from ${name}? A live mount keeps no trash.`)) {
            await api.delete(`${base}/entries?path=${encodeURIComponent(e.path)}`);
            announce(`${e.name} deleted`);
            await load(true);
          }
        }));
      }
      body.append(h('tr', {}, h('th', { scope: 'row' }, link),
        h('td', {}, e.type === 'DIRECTORY' ? '—' : bytes(e.size)), h('td', {}, when(e.lastModified)),
        mayEdit ? h('td', {}, remove) : null));
    }
    if (body.children.length === 0) {
      body.append(h('tr', { class: 'empty' }, h('td', { colspan: mayEdit ? 4 : 3 }, 'This directory is empty.')));
    }
    next = page.next;
    more.hidden = next === null;
  }
  more.addEventListener('click', () => void load(false));

  const parts = path ? path.split('/') : [];
  const crumbs = h('ol', { class: 'breadcrumbs' },
    h('li', {}, parts.length ? h('a', { href: here('') }, name) : h('span', { 'aria-current': 'page' }, name)),
    ...parts.map((part, i) => h('li', {}, i === parts.length - 1
      ? h('span', { 'aria-current': 'page' }, part)
      : h('a', { href: here(parts.slice(0, i + 1).join('/')) }, part))));

  const tools: HTMLElement[] = [];
  if (mayEdit) {
    const input = h('input', { type: 'file', id: 'mount-file', multiple: true });
    const upload = h('form', { class: 'inline-form' },
      h('label', { for: 'mount-file' }, 'Put files here'), input, h('button', { type: 'submit' }, 'Upload to the mount'));
    upload.addEventListener('submit', (e) => {
      e.preventDefault();
      void attempt(async () => {
        for (const file of Array.from(input.files ?? [])) {
          // The body is the file itself, streamed by the browser; the server streams it to the backend.
          const response = await fetch(`${base}/content?path=${encodeURIComponent(join(file.name))}`, {
            method: 'PUT', body: file, credentials: 'same-origin',
            headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...csrfHeaders() },
          });
          if (!response.ok) {
            throw await errorOf(response);
          }
          announce(`${file.name} written to ${name}`);
        }
        input.value = '';
        await load(true);
      });
    });
    const directory = h('button', { type: 'button' }, 'New directory');
    directory.addEventListener('click', () => void attempt(async () => {
      const leaf = window.prompt('Name of the new directory');
      if (leaf) {
        await api.post(`${base}/directories`, { path: join(leaf) });
        announce(`Directory ${leaf} created`);
        await load(true);
      }
    }));
    tools.push(upload, directory);
  }

  root.replaceChildren(
    h('header', { class: 'workspace-head' }, h('p', {}, h('a', { href: '/mounts' }, 'Live mounts')),
      h('h1', {}, name), h('p', { class: 'description' }, `${mount.provider}; you are ${mount.role}.`)),
    h('nav', { 'aria-label': 'Breadcrumbs' }, crumbs),
    ...tools,
    h('table', { class: 'files' },
      h('caption', { class: 'visually-hidden' }, 'Directories and files'),
      h('thead', {}, h('tr', {}, ...['Name', 'Size', 'Modified', ...(mayEdit ? ['Actions'] : [])]
        .map((t) => h('th', { scope: 'col' }, t)))),
      body),
    more);
  await load(true);
}
