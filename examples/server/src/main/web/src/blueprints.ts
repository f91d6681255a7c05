// The Blueprints tab of a project: its folders and files, uploads by drag and drop, and the list
// kept current by the change feed (another user's upload appears without a reload).
import { api, ApiError, ChangeEvent, FileItem, Page, Project } from './api';
import { announce, bytes, h, when } from './dom';
import { interrupted, uploadAll } from './uploads';

const PAGE = 100;

export async function renderWorkspace(root: HTMLElement, slug: string, folder: string | null): Promise<void> {
  const project = await api.get<Project>(`/api/v1/projects/${encodeURIComponent(slug)}`);
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
        h('th', { scope: 'col' }, 'By'))),
      tbody),
    more,
    h('p', { class: 'drop-hint' }, 'Drop files here to upload them to this folder.'));
  let next: string | null = null;

  const folderParam = folder ? `&folder=${encodeURIComponent(folder)}` : '';
  async function load(reset: boolean): Promise<void> {
    const cursor = !reset && next ? `&cursor=${encodeURIComponent(next)}` : '';
    const page = await api.get<Page<FileItem>>(
      `/api/v1/projects/${encodeURIComponent(slug)}/files?size=${PAGE}${folderParam}${cursor}`);
    if (reset) {
      tbody.replaceChildren();
    }
    for (const item of page.items) {
      tbody.append(row(slug, item));
    }
    if (tbody.children.length === 0) {
      tbody.append(h('tr', { class: 'empty' }, h('td', { colspan: 6 }, 'This folder is empty.')));
    }
    next = page.next;
    more.hidden = next === null;
  }
  more.addEventListener('click', () => void load(false));

  const target = { project: slug, folder };
  const refresh = debounce(() => void load(true), 150);
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
    if (e.dataTransfer?.files.length) {
      uploadAll(Array.from(e.dataTransfer.files), target, uploads, refresh);
    }
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

  root.replaceChildren(
    h('header', { class: 'workspace-head' },
      h('p', {}, h('a', { href: '/projects' }, 'Projects')),
      h('h1', {}, project.title),
      project.description ? h('p', { class: 'description' }, project.description) : null),
    h('div', { role: 'tablist', 'aria-label': 'Workspace' },
      h('a', { role: 'tab', 'aria-selected': 'true', href: `/projects/${encodeURIComponent(slug)}` }, 'Blueprints')),
    h('section', { class: 'tab-panel', role: 'tabpanel', 'aria-label': 'Blueprints' },
      h('nav', { 'aria-label': 'Breadcrumbs' }, crumbs),
      h('div', { class: 'toolbar' },
        h('label', { for: 'file-input', class: 'button' }, 'Upload files'), fileInput, newFolder),
      uploads,
      drop));
  await Promise.all([load(true), breadcrumbs(crumbs, project, folder)]);
  for (const name of await interrupted(target)) {
    uploads.append(h('li', { class: 'upload interrupted' }, h('span', { class: 'upload-name' }, name),
      h('span', { class: 'upload-state' }, 'interrupted: add this file again to resume')));
  }
  follow(slug, folder, tbody, refresh);
}

function row(slug: string, item: FileItem): HTMLTableRowElement {
  const name = item.type === 'FOLDER'
    ? h('a', { href: `/projects/${encodeURIComponent(slug)}?folder=${item.id}`, class: 'folder' }, item.name)
    : h('a', { href: `/api/v1/files/${item.id}/content`, class: 'file', download: item.name }, item.name);
  return h('tr', { 'data-id': item.id },
    h('th', { scope: 'row' }, name),
    h('td', {}, item.type === 'FOLDER' ? '—' : bytes(item.size)),
    h('td', {}, item.type === 'FOLDER' ? 'folder' : item.mimeType),
    h('td', {}, item.type === 'FOLDER' ? '' : String(item.revision)),
    h('td', {}, when(item.updatedAt)),
    h('td', {}, item.uploadedBy));
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
