// Who has access to a file or folder, in a dialog: its access entries (revoke), a grant of a role
// to a user or a team, "why can X see this" (the sources of X's access), and a share link (create,
// copy, revoke). Offered to those who may share the item.
import { api, attempt, FileItem } from './api';
import { announce, h, when } from './dom';

interface Entry {
  principal: { type: 'user' | 'team'; id: string };
  role: string;
  grantedBy: string;
  at: string;
}

interface Explanation {
  user: string;
  role: string | null;
  permissions: string[];
  sources: { kind: string; principal: { type: string; id: string } | null; on: string | null; role: string | null }[];
}

const ALL = ['VIEW', 'ADD', 'CHANGE', 'DELETE', 'SHARE'];

/** Opens the access dialog of an item; {@code allowed} is the caller's permissions on it. */
export async function openAccess(item: FileItem, allowed: Set<string>): Promise<void> {
  const close = h('button', { type: 'button', class: 'close' }, 'Close');
  const entries = h('tbody');
  const dialog = h('dialog', { class: 'access', 'aria-labelledby': 'access-title' },
    h('h2', { id: 'access-title' }, `Access to ${item.name}`));
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());

  async function loadEntries(): Promise<void> {
    const page = await api.get<{ items: Entry[] }>(`/api/v1/files/${item.id}/access?size=100`);
    entries.replaceChildren();
    for (const e of page.items) {
      const who = `${e.principal.type} ${e.principal.id}`;
      const revoke = h('button', { type: 'button' }, `Revoke ${who}`);
      revoke.addEventListener('click', () => void attempt(async () => {
        await api.delete(`/api/v1/files/${item.id}/access?${e.principal.type}=${encodeURIComponent(e.principal.id)}`);
        announce(`${who} no longer has an entry on ${item.name}`);
        await loadEntries();
      }));
      entries.append(h('tr', {}, h('th', { scope: 'row' }, who), h('td', {}, e.role), h('td', {}, e.grantedBy),
        h('td', {}, when(e.at)), h('td', {}, revoke)));
    }
    if (page.items.length === 0) {
      entries.append(h('tr', {}, h('td', { colspan: 5 }, 'No entry on this item: its project roles apply.')));
    }
  }

  // Grant: the roles the caller may hand out (ADMIN only by one who holds every permission).
  const kind = h('select', { id: 'grant-kind' }, h('option', { value: 'user' }, 'User'), h('option', { value: 'team' }, 'Team'));
  const name = h('input', { id: 'grant-name', required: true, autocomplete: 'off' });
  const roles = ALL.every((p) => allowed.has(p)) ? ['VIEWER', 'EDITOR', 'ADMIN'] : ['VIEWER', 'EDITOR'];
  const role = h('select', { id: 'grant-role' }, ...roles.map((r) => h('option', { value: r }, r)));
  const grant = h('form', { class: 'inline-form' },
    h('label', { for: 'grant-kind' }, 'Grant to'), kind, h('label', { for: 'grant-name' }, 'Name'), name,
    h('label', { for: 'grant-role' }, 'Role'), role, h('button', { type: 'submit' }, 'Grant'));
  grant.addEventListener('submit', (e) => {
    e.preventDefault();
    void attempt(async () => {
      await api.post(`/api/v1/files/${item.id}/access`, { [kind.value]: name.value.trim(), role: role.value });
      announce(`${role.value} granted to ${kind.value} ${name.value.trim()} on ${item.name}`);
      name.value = '';
      await loadEntries();
    });
  });

  // Why can X see this.
  const whom = h('input', { id: 'explain-user', required: true, autocomplete: 'off' });
  const why = h('div', { class: 'explanation', 'aria-live': 'polite' });
  const explain = h('form', { class: 'inline-form' },
    h('label', { for: 'explain-user' }, 'Why can this user see it?'), whom, h('button', { type: 'submit' }, 'Explain'));
  explain.addEventListener('submit', (e) => {
    e.preventDefault();
    void attempt(async () => {
      const x = await api.get<Explanation>(`/api/v1/files/${item.id}/access/explain?user=${encodeURIComponent(whom.value.trim())}`);
      why.replaceChildren(
        h('p', {}, x.permissions.length === 0 ? `${x.user} cannot see ${item.name}.`
          : `${x.user}: ${x.role ?? 'no role'} (${x.permissions.join(', ')})`),
        h('ul', {}, ...x.sources.map((s) => h('li', {},
          `${s.kind.toLowerCase()}${s.principal ? ` for ${s.principal.type} ${s.principal.id}` : ''}`
          + `${s.role ? `: ${s.role}` : ''}${s.on && s.on !== item.id ? ' (on a folder above)' : ''}`))));
    });
  });

  // A share link: anyone with the URL downloads the file until it expires or is revoked.
  const links = h('div', { class: 'share-links' });
  if (item.type === 'FILE') {
    const create = h('button', { type: 'button' }, 'Create a share link (1 day)');
    create.addEventListener('click', () => void attempt(async () => {
      const link = await api.post<{ id: string; url: string; expiresAt: string }>(
        `/api/v1/files/${item.id}/share-links`, { expiresInSeconds: 86400 });
      const url = h('input', { readonly: true, value: link.url, 'aria-label': 'Share link', size: 50 });
      const copy = h('button', { type: 'button' }, 'Copy');
      copy.addEventListener('click', () => void attempt(async () => {
        await navigator.clipboard.writeText(link.url);
        announce('Share link copied');
      }));
      const revoke = h('button', { type: 'button' }, 'Revoke the link');
      const row = h('p', { class: 'share-link' }, url, copy, revoke, ` until ${when(link.expiresAt)}`);
      revoke.addEventListener('click', () => void attempt(async () => {
        await api.delete(`/api/v1/share-links/${link.id}`);
        row.remove();
        announce('Share link revoked');
      }));
      links.append(row);
    }));
    links.append(create);
  }

  dialog.append(
    h('table', { class: 'entries' },
      h('caption', {}, 'Access entries'),
      h('thead', {}, h('tr', {}, ...['Who', 'Role', 'Granted by', 'Since', 'Actions'].map((t) => h('th', { scope: 'col' }, t)))),
      entries),
    grant, explain, why, links, close);
  document.body.append(dialog);
  dialog.showModal();
  await loadEntries();
}
