// A file's history in a dialog: its revisions (author, time, size, comment), each downloadable and
// restorable as a new revision, and the differences between two revisions: text hunks side by side
// (PDF text too), and the changes of properties (size, type, dimensions, mesh counts).
import { api, ApiError, FileItem } from './api';
import { announce, bytes, h, when } from './dom';

interface Revision {
  revision: number;
  size: number;
  mimeType: string;
  createdAt: string;
  author: string;
  restoredFrom: number | null;
  comment: string | null;
}

interface Hunk {
  fromLine: number;
  fromCount: number;
  toLine: number;
  toCount: number;
  lines: string[];
}

interface Diff {
  from: number;
  to: number;
  hunks: Hunk[];
  properties: { name: string; from: string | null; to: string | null }[];
  truncated: boolean;
}

/** Opens the history of a file; {@code changed} runs after a restore. */
export async function openHistory(file: FileItem, mayChange: boolean, changed: () => void): Promise<void> {
  const dialog = h('dialog', { class: 'history', 'aria-labelledby': 'history-title' });
  const close = h('button', { type: 'button', class: 'close' }, 'Close');
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  const diffView = h('section', { class: 'diff', 'aria-label': 'Differences', 'aria-live': 'polite' });
  const body = h('tbody');
  dialog.append(
    h('h2', { id: 'history-title' }, `History of ${file.name}`),
    h('table', { class: 'revisions' },
      h('thead', {}, h('tr', {}, ...['Revision', 'Author', 'Time', 'Size', 'Comment', 'Actions']
        .map((t) => h('th', { scope: 'col' }, t)))),
      body),
    diffView,
    close);
  document.body.append(dialog);
  dialog.showModal();

  const page = await api.get<{ items: Revision[] }>(`/api/v1/files/${file.id}/revisions?size=100`);
  for (const r of page.items) {
    const actions = h('td', { class: 'actions' },
      h('a', { href: `/api/v1/files/${file.id}/revisions/${r.revision}/content`, download: file.name },
        `Download revision ${r.revision}`));
    if (r.revision > 1) {
      const compare = h('button', { type: 'button' }, `Compare with ${r.revision - 1}`);
      compare.addEventListener('click', () => void showDiff(file, r.revision - 1, r.revision, diffView));
      actions.append(compare);
    }
    if (mayChange && r.revision !== file.revision) {
      const restore = h('button', { type: 'button' }, `Restore revision ${r.revision}`);
      restore.addEventListener('click', async () => {
        try {
          await api.post(`/api/v1/files/${file.id}/revisions/${r.revision}/restore`);
          announce(`Revision ${r.revision} of ${file.name} restored as a new revision`);
          dialog.close();
          changed();
        } catch (e) {
          announce(e instanceof ApiError ? e.message : String(e), true);
        }
      });
      actions.append(restore);
    }
    body.append(h('tr', {},
      h('th', { scope: 'row' }, String(r.revision) + (r.restoredFrom ? ` (from ${r.restoredFrom})` : '')),
      h('td', {}, r.author), h('td', {}, when(r.createdAt)), h('td', {}, bytes(r.size)),
      h('td', {}, r.comment ?? ''), actions));
  }
}

async function showDiff(file: FileItem, from: number, to: number, view: HTMLElement): Promise<void> {
  const diff = await api.get<Diff>(`/api/v1/files/${file.id}/diff?from=${from}&to=${to}`);
  const parts: Node[] = [h('h3', {}, `Revision ${from} → ${to}`)];
  if (diff.properties.length > 0) {
    parts.push(h('table', { class: 'properties' },
      h('caption', {}, 'Properties'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Property'),
        h('th', { scope: 'col' }, `Revision ${from}`), h('th', { scope: 'col' }, `Revision ${to}`))),
      h('tbody', {}, ...diff.properties.map((p) => h('tr', {},
        h('th', { scope: 'row' }, p.name), h('td', {}, p.from ?? '—'), h('td', {}, p.to ?? '—'))))));
  }
  if (diff.hunks.length === 0) {
    parts.push(h('p', {}, 'The text is the same.'));
  }
  for (const hunk of diff.hunks) {
    const rows = h('tbody');
    let left = hunk.fromLine;
    let right = hunk.toLine;
    for (const line of hunk.lines) {
      const text = line.slice(1);
      if (line.startsWith('-')) {
        rows.append(h('tr', { class: 'removed' }, h('td', { class: 'n' }, String(left++)), h('td', {}, text),
          h('td', { class: 'n' }), h('td', {})));
      } else if (line.startsWith('+')) {
        rows.append(h('tr', { class: 'added' }, h('td', { class: 'n' }), h('td', {}),
          h('td', { class: 'n' }, String(right++)), h('td', {}, text)));
      } else {
        rows.append(h('tr', {}, h('td', { class: 'n' }, String(left++)), h('td', {}, text),
          h('td', { class: 'n' }, String(right++)), h('td', {}, text)));
      }
    }
    parts.push(h('table', { class: 'hunk' },
      h('caption', {}, `Lines ${hunk.fromLine}–${hunk.fromLine + Math.max(0, hunk.fromCount - 1)} → `
        + `${hunk.toLine}–${hunk.toLine + Math.max(0, hunk.toCount - 1)}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', colspan: 2 }, `Revision ${from}`),
        h('th', { scope: 'col', colspan: 2 }, `Revision ${to}`))),
      rows));
  }
  if (diff.truncated) {
    parts.push(h('p', {}, 'The differences are cut short here.'));
  }
  view.replaceChildren(...parts);
}
