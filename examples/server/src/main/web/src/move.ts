// Moving a file or folder within its project: a dialog that walks the project's folders (never
// into the moved folder itself) and moves the item to the folder shown. The server checks that
// the subject may change the item and add to the target.
import { api, ApiError, FileItem, Page, Project } from './api';
import { announce, h } from './dom';

export async function openMove(item: FileItem, project: Project, changed: () => void): Promise<void> {
  const list = h('ul', { class: 'folders', 'aria-label': 'Folders' });
  const where = h('p', { class: 'where', 'aria-live': 'polite' });
  const moveHere = h('button', { type: 'button' }, 'Move here');
  const up = h('button', { type: 'button' }, 'Up');
  const close = h('button', { type: 'button', class: 'close' }, 'Cancel');
  const dialog = h('dialog', { class: 'move', 'aria-labelledby': 'move-title' },
    h('h2', { id: 'move-title' }, `Move ${item.name}`), where, up, list,
    h('div', { class: 'actions' }, moveHere, close));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  // The folders from the root down to the one shown.
  let chain: FileItem[] = [];

  async function show(): Promise<void> {
    const current = chain.length ? chain[chain.length - 1] : null;
    where.textContent = `In ${[project.title, ...chain.map((f) => f.name)].join(' / ')}`;
    up.disabled = chain.length === 0;
    moveHere.disabled = (current?.id ?? null) === item.folder;
    const folders: FileItem[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const inFolder = current ? `&folder=${current.id}` : '';
      const page: Page<FileItem> = await api.get<Page<FileItem>>(
        `/api/v1/projects/${encodeURIComponent(project.slug)}/files?size=200${inFolder}${after}`);
      folders.push(...page.items.filter((f) => f.type === 'FOLDER' && f.id !== item.id));
      cursor = page.next;
    } while (cursor !== null && folders.length < 500);
    list.replaceChildren(...folders.map((f) => {
      const open = h('button', { type: 'button', class: 'folder' }, f.name);
      open.addEventListener('click', () => {
        chain.push(f);
        void show();
      });
      return h('li', {}, open);
    }));
    if (folders.length === 0) {
      list.append(h('li', {}, 'No folder here.'));
    }
  }

  up.addEventListener('click', () => {
    chain = chain.slice(0, -1);
    void show();
  });
  moveHere.addEventListener('click', async () => {
    const target = chain.length ? chain[chain.length - 1] : null;
    try {
      await api.patch(`/api/v1/files/${item.id}`, { folder: target ? target.id : null });
      announce(`${item.name} moved to ${target ? target.name : project.title}`);
      dialog.close();
      changed();
    } catch (e) {
      announce(e instanceof ApiError ? e.message : String(e), true);
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  await show();
}
