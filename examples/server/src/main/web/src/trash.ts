// The Trash tab of a project: what was moved to the trash, the most recent first (a folder stands
// for its content), each restorable where it was. Shown to those who may restore (DELETE).
import { api, ApiError, FileItem, Page } from './api';
import { announce, bytes, h, when } from './dom';

interface TrashedItem extends FileItem {
  deleted: boolean;
}

export async function renderTrash(panel: HTMLElement, slug: string): Promise<void> {
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Show more');
  let next: string | null = null;
  async function load(reset: boolean): Promise<void> {
    const cursor = !reset && next ? `&cursor=${encodeURIComponent(next)}` : '';
    const page = await api.get<Page<TrashedItem>>(`/api/v1/projects/${encodeURIComponent(slug)}/trash?size=50${cursor}`);
    if (reset) {
      body.replaceChildren();
    }
    for (const item of page.items) {
      const restore = h('button', { type: 'button' }, `Restore ${item.name}`);
      restore.addEventListener('click', async () => {
        try {
          await api.post(`/api/v1/files/${item.id}/restore`);
          announce(`${item.name} restored`);
          await load(true);
        } catch (e) {
          announce(e instanceof ApiError ? e.message : String(e), true);
        }
      });
      body.append(h('tr', { 'data-id': item.id },
        h('th', { scope: 'row' }, item.name),
        h('td', {}, item.type === 'FOLDER' ? 'folder, with its content' : item.mimeType),
        h('td', {}, item.type === 'FOLDER' ? '—' : bytes(item.size)),
        h('td', {}, when(item.updatedAt)),
        h('td', {}, restore)));
    }
    if (body.children.length === 0) {
      body.append(h('tr', {}, h('td', { colspan: 5 }, 'The trash is empty.')));
    }
    next = page.next;
    more.hidden = next === null;
  }
  more.addEventListener('click', () => void load(false));
  panel.replaceChildren(
    h('table', { class: 'files' },
      h('caption', { class: 'visually-hidden' }, 'Items in the trash'),
      h('thead', {}, h('tr', {}, ...['Name', 'Type', 'Size', 'Last changed', 'Actions']
        .map((t) => h('th', { scope: 'col' }, t)))),
      body),
    more);
  await load(true);
}
