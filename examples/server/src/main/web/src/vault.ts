// The Vault (seed 004): files kept apart from the organization's permissions, seen by their owner,
// their project's members and those they are shared with. Upload (to one's personal vault, or a
// project's), download, and share with users and teams.
import { api, attempt, csrfHeaders, errorOf, FileItem, Page } from './api';
import { announce, bytes, h, when } from './dom';

export async function renderVault(root: HTMLElement): Promise<void> {
  document.title = 'Vault · Stockage';
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Show more');
  let next: string | null = null;

  async function load(reset: boolean): Promise<void> {
    const cursor = !reset && next ? `&cursor=${encodeURIComponent(next)}` : '';
    const page = await api.get<Page<FileItem>>(`/api/vault/files/?size=50${cursor}`);
    if (reset) {
      body.replaceChildren();
    }
    for (const file of page.items) {
      body.append(h('tr', { 'data-id': file.id },
        h('th', { scope: 'row' }, h('a', { href: `/api/vault/files/${file.id}/download/`, download: file.name }, file.name)),
        h('td', {}, bytes(file.size)), h('td', {}, when(file.updatedAt)), h('td', {}, file.uploadedBy),
        h('td', {}, shareForm(file))));
    }
    if (body.children.length === 0) {
      body.append(h('tr', { class: 'empty' }, h('td', { colspan: 5 }, 'Your vault is empty.')));
    }
    next = page.next;
    more.hidden = next === null;
  }
  more.addEventListener('click', () => void load(false));

  const input = h('input', { type: 'file', id: 'vault-file', multiple: true });
  const upload = h('form', { class: 'inline-form' },
    h('label', { for: 'vault-file' }, 'Add to your vault'), input, h('button', { type: 'submit' }, 'Upload to the vault'));
  upload.addEventListener('submit', (e) => {
    e.preventDefault();
    void attempt(async () => {
      for (const file of Array.from(input.files ?? [])) {
        const form = new FormData();
        form.append('file', file, file.name);
        const response = await fetch('/api/vault/files/', {
          method: 'POST', body: form, credentials: 'same-origin',
          headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...csrfHeaders() },
        });
        if (!response.ok) {
          throw await errorOf(response);
        }
        announce(`${file.name} is in your vault`);
      }
      input.value = '';
      await load(true);
    });
  });

  root.replaceChildren(
    h('h1', {}, 'Vault'),
    h('p', {}, 'Files here are seen by you, the members of their project and those you share them with: '
      + 'organization-wide roles do not reach them.'),
    upload,
    h('table', { class: 'files' },
      h('caption', { class: 'visually-hidden' }, 'Vault files'),
      h('thead', {}, h('tr', {}, ...['Name', 'Size', 'Updated', 'By', 'Share'].map((t) => h('th', { scope: 'col' }, t)))),
      body),
    more);
  await load(true);
}

function shareForm(file: FileItem): HTMLElement {
  const id = `share-${file.id}`;
  const whom = h('input', { id, autocomplete: 'off', placeholder: 'user or team:id', required: true });
  const form = h('form', { class: 'inline-form' },
    h('label', { for: id, class: 'visually-hidden' }, `Share ${file.name} with`), whom,
    h('button', { type: 'submit', 'aria-label': `Share ${file.name}` }, 'Share'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const names = whom.value.split(/[\s,]+/).filter((n) => n.length > 0);
    const users = names.filter((n) => !n.startsWith('team:'));
    const teams = names.filter((n) => n.startsWith('team:')).map((n) => n.slice(5));
    void attempt(async () => {
      await api.post(`/api/vault/files/${file.id}/share/`, { users, teams });
      announce(`${file.name} shared with ${names.join(', ')}`);
      whom.value = '';
    });
  });
  return form;
}
