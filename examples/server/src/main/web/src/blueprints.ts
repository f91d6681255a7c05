// The Blueprints tab of a project: its folders and files, uploads by drag and drop, and the list
// kept current by the change feed (another user's upload appears without a reload).
import { api, ApiError, ChangeEvent, FileItem, orgAdmin, Page, Project } from './api';
import { announce, bytes, h, when } from './dom';
import { openAccess } from './access';
import { openHistory } from './history';
import { renderMembers } from './members';
import { openMove } from './move';
import { openPreview, previewable } from './preview';
import { renderSearch } from './search';
import { renderTrash } from './trash';
import { interrupted, uploadAll } from './uploads';

const PAGE = 100;

// A row's menu closes on a click elsewhere, on Escape (the focus goes back to its button), and
// once one of its actions ran.
function closeMenus(except?: Element | null, refocus = false): void {
  document.querySelectorAll<HTMLDetailsElement>('details.row-actions[open]').forEach((menu) => {
    if (menu !== except) {
      menu.open = false;
      if (refocus) {
        menu.querySelector('summary')?.focus();
      }
    }
  });
}
document.addEventListener('click', (e) => closeMenus((e.target as Element).closest('details.row-actions')));
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    closeMenus(null, true);
  }
});

export async function renderWorkspace(root: HTMLElement, slug: string, params: URLSearchParams): Promise<void> {
  const project = await api.get<Project>(`/api/v1/projects/${encodeURIComponent(slug)}`);
  const tab = params.get('tab') ?? 'blueprints';
  const base = `/projects/${encodeURIComponent(slug)}`;
  const atRoot = new Set(await api.get<string[]>(`/api/v1/projects/${encodeURIComponent(slug)}/permissions`));
  const link = (name: string, label: string, href: string) =>
    h('a', { href, 'aria-current': tab === name ? 'page' : undefined }, label);
  const tabs = h('nav', { class: 'tabs', 'aria-label': 'Workspace' },
    link('blueprints', 'Blueprints', base), link('search', 'Search', `${base}?tab=search`),
    link('members', 'Members', `${base}?tab=members`),
    atRoot.has('DELETE') ? link('trash', 'Trash', `${base}?tab=trash`) : null);
  const head = h('header', { class: 'workspace-head' },
    h('p', {}, h('a', { href: '/projects' }, 'Projects')),
    h('h1', {}, project.title),
    project.description ? h('p', { class: 'description' }, project.description) : null);
  const others: Record<string, [string, (panel: HTMLElement) => Promise<void>]> = {
    search: ['Search', (panel) => renderSearch(panel, slug, params)],
    members: ['Members', (panel) => renderMembers(panel, slug, atRoot)],
    trash: ['Trash', (panel) => renderTrash(panel, slug)],
  };
  if (tab in others) {
    const [label, render] = others[tab];
    document.title = `${project.title} · ${label} · Stockage`;
    const panel = h('section', { class: 'tab-panel', 'aria-label': label });
    root.replaceChildren(head, tabs, panel);
    await render(panel);
    return;
  }
  await renderBlueprints(root, project, params, head, tabs, atRoot);
}

async function renderBlueprints(root: HTMLElement, project: Project, params: URLSearchParams, head: HTMLElement,
  tabs: HTMLElement, atRoot: Set<string>): Promise<void> {
  const slug = project.slug;
  const folder = params.get('folder');
  let sort = params.get('sort') ?? 'name';
  // What the subject may do here: the controls it may not use are not shown.
  const here = folder ? new Set(await api.get<string[]>(`/api/v1/files/${folder}/permissions`)) : atRoot;
  const mayAdd = here.has('ADD');
  document.title = `${project.title} · Blueprints · Stockage`;
  const tbody = h('tbody');
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Show more');
  const uploads = h('ul', { class: 'uploads', 'aria-label': 'Uploads' });
  const fileInput = h('input', { type: 'file', multiple: true, id: 'file-input', class: 'visually-hidden' });
  const crumbs = h('ol', { class: 'breadcrumbs' });
  const drop = h('section', { class: 'drop-zone', 'aria-label': 'Files of this folder; drop files here to upload' },
    h('table', { class: 'files' },
      h('caption', { class: 'visually-hidden' }, 'Folders and files'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Size'), h('th', { scope: 'col' }, 'Type'),
        h('th', { scope: 'col' }, 'Revision'), h('th', { scope: 'col' }, 'Updated'),
        h('th', { scope: 'col' }, 'By'), h('th', { scope: 'col' }, 'Actions'))),
      tbody),
    more,
    h('p', { class: 'drop-hint' }, mayAdd ? 'Drop files here to upload them to this folder.'
      : 'You may view this folder, not add to it.'));
  let next: string | null = null;
  // A reload of the list waits while a row's menu is open: the rows are rebuilt, the menu would go.
  const refresh = debounce(function reload() {
    if (tbody.querySelector('details.row-actions[open]')) {
      window.setTimeout(reload, 300);
    } else {
      void load(true);
    }
  }, 150);

  const folderParam = folder ? `&folder=${encodeURIComponent(folder)}` : '';
  async function load(reset: boolean): Promise<void> {
    const cursor = !reset && next ? `&cursor=${encodeURIComponent(next)}` : '';
    const page = await api.get<Page<FileItem>>(
      `/api/v1/projects/${encodeURIComponent(slug)}/files?size=${PAGE}&sort=${sort}${folderParam}${cursor}`);
    if (reset) {
      tbody.replaceChildren();
    }
    for (const item of page.items) {
      tbody.append(row(project, item, refresh));
    }
    if (tbody.children.length === 0) {
      tbody.append(h('tr', { class: 'empty' }, h('td', { colspan: 7 }, 'This folder is empty.')));
    }
    next = page.next;
    more.hidden = next === null;
  }
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      await load(false);
    } finally {
      more.disabled = false;
    }
  });

  const target = { project: slug, folder };
  fileInput.addEventListener('change', () => {
    if (fileInput.files) {
      uploadAll(Array.from(fileInput.files), target, uploads, refresh);
      fileInput.value = '';
    }
  });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    if (!mayAdd) {
      announce('You may not add files to this folder.', true);
    } else if (e.dataTransfer?.files.length) {
      uploadAll(Array.from(e.dataTransfer.files), target, uploads, refresh);
    }
  });

  // The order is the server's (folders first, then by name, newest or largest), paged by cursor.
  const order = h('select', { id: 'list-sort' },
    ...[['name', 'Name'], ['newest', 'Newest'], ['largest', 'Largest']].map(([v, label]) =>
      h('option', { value: v, selected: v === sort }, label)));
  order.addEventListener('change', () => {
    sort = order.value;
    const url = new URL(window.location.href);
    url.searchParams.set('sort', sort);
    window.history.replaceState(null, '', url);
    void load(true);
  });

  const newFolder = h('button', { type: 'button' }, 'New folder');
  newFolder.addEventListener('click', async () => {
    const name = window.prompt('Name of the new folder');
    if (!name) {
      return;
    }
    try {
      await api.post(`/api/v1/projects/${encodeURIComponent(slug)}/folders`, { name, parent: folder });
      announce(`Folder ${name} created`);
      refresh();
    } catch (e) {
      announce(e instanceof ApiError ? e.message : String(e), true);
    }
  });

  root.replaceChildren(head, tabs,
    h('section', { class: 'tab-panel', 'aria-label': 'Blueprints' },
      h('nav', { 'aria-label': 'Breadcrumbs' }, crumbs),
      h('div', { class: 'toolbar' },
        mayAdd ? h('label', { for: 'file-input', class: 'button' }, 'Upload files') : null, mayAdd ? fileInput : null,
        mayAdd ? newFolder : null,
        h('span', { class: 'sort' }, h('label', { for: 'list-sort' }, 'Sort by'), order)),
      uploads,
      drop));
  await Promise.all([load(true), breadcrumbs(crumbs, project, folder)]);
  for (const name of await interrupted(target)) {
    uploads.append(h('li', { class: 'upload interrupted' }, h('span', { class: 'upload-name' }, name),
      h('span', { class: 'upload-state' }, 'interrupted: add this file again to resume')));
  }
  follow(slug, folder, tbody, refresh);
}

function row(project: Project, item: FileItem, changed: () => void): HTMLTableRowElement {
  const slug = project.slug;
  const name = item.type === 'FOLDER'
    ? h('a', { href: `/projects/${encodeURIComponent(slug)}?folder=${item.id}`, class: 'folder' }, item.name)
    : h('a', { href: `/api/v1/files/${item.id}/content`, class: 'file', download: item.name }, item.name);
  if (item.type === 'FILE' && previewable(item)) {
    // The name opens the preview; the download stays in the preview and the row's actions.
    name.removeAttribute('download');
    name.addEventListener('click', (e) => {
      e.preventDefault();
      void openPreview(item, slug);
    });
  }
  return h('tr', { 'data-id': item.id },
    h('th', { scope: 'row' }, thumbnail(item), name),
    h('td', {}, item.type === 'FOLDER' ? '—' : bytes(item.size)),
    h('td', {}, item.type === 'FOLDER' ? 'folder' : item.mimeType),
    h('td', {}, item.type === 'FOLDER' ? '' : String(item.revision)),
    h('td', {}, when(item.updatedAt)),
    h('td', {}, item.uploadedBy),
    h('td', {}, actions(project, item, changed)));
}

const THUMBNAILED = /^(application\/pdf|image\/(png|jpeg)|model\/(gltf-binary|gltf\+json|stl)|application\/sla)/;

// The revision's thumbnail, made by the server's indexing worker shortly after an upload: until
// it is there the image is asked for again a few times, then left out.
function thumbnail(item: FileItem): HTMLElement | null {
  if (item.type !== 'FILE' || !thumbnailed(item)) {
    return null;
  }
  const src = `/api/v1/files/${item.id}/revisions/${item.revision}/thumbnail`;
  const img = h('img', { class: 'thumb', alt: '', src, width: 40, height: 40, loading: 'lazy', decoding: 'async' });
  let tries = 0;
  img.addEventListener('error', () => {
    img.classList.add('pending');
    if (++tries <= 6) {
      window.setTimeout(() => { img.src = `${src}?try=${tries}`; }, 700 * tries);
    }
  });
  img.addEventListener('load', () => img.classList.remove('pending'));
  return img;
}

function thumbnailed(item: FileItem): boolean {
  return THUMBNAILED.test(item.mimeType);
}

// A row's actions, asked for when its menu opens: what the subject may do on that item (an entry
// on it may allow more than the folder does).
function actions(project: Project, item: FileItem, changed: () => void): HTMLElement {
  const list = h('div', { class: 'menu' });
  const menu = h('details', { class: 'row-actions' },
    h('summary', { 'aria-label': `Actions for ${item.name}` }, '⋯'), list);
  menu.addEventListener('toggle', async () => {
    if (!menu.open || list.childElementCount > 0) {
      return;
    }
    const [permissions, lock] = await Promise.all([
      api.get<string[]>(`/api/v1/files/${item.id}/permissions`),
      item.type === 'FILE' ? lockOf(item) : Promise.resolve(null)]);
    const allowed = new Set(permissions);
    const button = (label: string, action: () => Promise<void>) => {
      const b = h('button', { type: 'button' }, label);
      b.addEventListener('click', async () => {
        menu.open = false;
        try {
          await action();
        } catch (e) {
          announce(e instanceof ApiError ? e.message : String(e), true);
        }
      });
      list.append(b);
    };
    if (lock) {
      // An online editor holds the file: writes other than its own are refused until it lets go.
      list.append(h('p', { class: 'lock' }, `Being edited by ${lock.owner} until ${when(lock.expiresAt)}`));
      if (orgAdmin()) {
        button('Break the lock', async () => {
          if (window.confirm(`Break ${lock.owner}'s lock on ${item.name}? Their editor's unsaved changes may be lost.`)) {
            await api.delete(`/api/v1/files/${item.id}/lock`);
            announce(`The lock on ${item.name} is broken`);
          }
        });
      }
    }
    if (item.type === 'FILE') {
      list.append(h('a', { href: `/api/v1/files/${item.id}/content`, download: item.name }, 'Download'));
      button('History', () => openHistory(item, allowed.has('CHANGE'), changed));
    }
    if (allowed.has('SHARE')) {
      button('Access', () => openAccess(item, allowed));
    }
    if (allowed.has('CHANGE')) {
      button('Rename', async () => {
        const name = window.prompt(`New name of ${item.name}`, item.name);
        if (name && name !== item.name) {
          await api.patch(`/api/v1/files/${item.id}`, { name });
          announce(`${item.name} renamed to ${name}`);
          changed();
        }
      });
      button('Move', () => openMove(item, project, changed));
    }
    if (allowed.has('DELETE')) {
      button('Move to trash', async () => {
        if (window.confirm(`Move ${item.name} to the trash?`)) {
          await api.delete(`/api/v1/files/${item.id}`);
          announce(`${item.name} moved to the trash`);
          changed();
        }
      });
    }
    if (list.childElementCount === 0) {
      list.append(h('span', {}, 'No action allowed'));
    }
    (list.querySelector('a, button') as HTMLElement | null)?.focus();
  });
  return menu;
}

interface LockInfo {
  owner: string;
  lockedAt: string;
  expiresAt: string;
}

// The lock an online editor holds on a file, if any (404: none).
async function lockOf(item: FileItem): Promise<LockInfo | null> {
  try {
    return await api.get<LockInfo>(`/api/v1/files/${item.id}/lock`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      return null;
    }
    throw e;
  }
}

async function breadcrumbs(list: HTMLOListElement, project: Project, folder: string | null): Promise<void> {
  const chain: FileItem[] = [];
  for (let id = folder; id; ) {
    const item: FileItem = await api.get<FileItem>(`/api/v1/files/${id}`);
    chain.unshift(item);
    id = item.folder;
  }
  const base = `/projects/${encodeURIComponent(project.slug)}`;
  list.replaceChildren(h('li', {}, h('a', { href: base }, project.title)),
    ...chain.map((f, i) => h('li', {}, i === chain.length - 1
      ? h('span', { 'aria-current': 'page' }, f.name)
      : h('a', { href: `${base}?folder=${f.id}` }, f.name))));
}

// The change feed of the project, from now on: a change in this folder reloads its first page.
function follow(slug: string, folder: string | null, tbody: HTMLElement, refresh: () => void): void {
  const source = new EventSource(`/api/v1/changes/stream?project=${encodeURIComponent(slug)}`);
  source.onmessage = (event) => {
    const change = JSON.parse(event.data) as ChangeEvent;
    const here = (change.parent ?? null) === folder;
    const listed = change.item !== null && tbody.querySelector(`tr[data-id="${change.item}"]`) !== null;
    if (here || listed) {
      refresh();
    }
  };
  source.addEventListener('resync', () => refresh());
  window.addEventListener('pagehide', () => source.close(), { once: true });
}

function debounce(action: () => void, ms: number): () => void {
  let timer: number | undefined;
  return () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(action, ms);
  };
}
