// The Search tab of a project: full-text search with the words marked in each hit's passage,
// filters (type, tag, uploader, dates), the sort, and more results by cursor; hits are only what
// the subject may see (the server filters).
import { api, FileItem } from './api';
import { h, when } from './dom';
import { openPreview, previewable } from './preview';

interface Hit {
  item: FileItem;
  rank: number;
  snippet: string;
}

interface Results {
  items: Hit[];
  facets: { project: Record<string, number>; type: Record<string, number> };
  next: string | null;
}

export async function renderSearch(panel: HTMLElement, slug: string, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const sort = params.get('sort') ?? 'relevance';
  const field = (name: string, label: string, attrs: Record<string, string> = {}) => {
    const input = h('input', { name, id: `search-${name}`, value: params.get(name) ?? '', ...attrs });
    return [h('label', { for: `search-${name}` }, label), input];
  };
  const input = h('input', { type: 'search', name: 'q', id: 'search-q', value: q, required: true });
  const types = h('select', { name: 'type', id: 'search-type' }, h('option', { value: '' }, 'All types'));
  const sorts = h('select', { name: 'sort', id: 'search-sort' },
    ...[['relevance', 'Relevance'], ['newest', 'Newest'], ['name', 'Name']].map(([v, label]) =>
      h('option', { value: v, selected: v === sort }, label)));
  const form = h('form', { class: 'search', role: 'search', method: 'get' },
    h('input', { type: 'hidden', name: 'tab', value: 'search' }),
    h('label', { for: 'search-q' }, 'Words'), input,
    h('label', { for: 'search-type' }, 'Type'), types,
    ...field('tag', 'Tag', { autocomplete: 'off' }),
    ...field('uploadedBy', 'Uploaded by', { autocomplete: 'off' }),
    ...field('from', 'Changed from', { type: 'date' }),
    ...field('to', 'to', { type: 'date' }),
    h('label', { for: 'search-sort' }, 'Sort by'), sorts,
    h('button', { type: 'submit' }, 'Search'));
  // Empty filters are left out of the address.
  form.addEventListener('formdata', (e) => {
    for (const [name, value] of Array.from(e.formData.entries())) {
      if (value === '') {
        e.formData.delete(name);
      }
    }
  });
  const results = h('ol', { class: 'hits', 'aria-label': 'Results' });
  const summary = h('p', { role: 'status' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'More results');
  panel.replaceChildren(form, summary, results, more);
  if (!q) {
    return;
  }
  const query = new URLSearchParams({ q, sort, size: '20' });
  for (const name of ['type', 'tag', 'uploadedBy']) {
    const value = params.get(name);
    if (value) {
      query.set(name, value);
    }
  }
  // A day in the reader's time zone, from its first to its last instant.
  const from = params.get('from');
  const to = params.get('to');
  if (from) {
    query.set('from', new Date(`${from}T00:00:00`).toISOString());
  }
  if (to) {
    query.set('to', new Date(`${to}T23:59:59.999`).toISOString());
  }
  let next: string | null = null;
  async function load(): Promise<Results> {
    const cursor = next ? `&cursor=${encodeURIComponent(next)}` : '';
    const found = await api.get<Results>(`/api/v1/projects/${encodeURIComponent(slug)}/search?${query}${cursor}`);
    for (const hit of found.items) {
      const link = h('a', { href: `/api/v1/files/${hit.item.id}/content`, download: hit.item.name }, hit.item.name);
      if (previewable(hit.item)) {
        link.removeAttribute('download');
        link.addEventListener('click', (e) => {
          e.preventDefault();
          void openPreview(hit.item, slug);
        });
      }
      results.append(h('li', { class: 'hit' }, h('h3', {}, link),
        h('p', { class: 'hit-meta' }, `${hit.item.mimeType} · ${hit.item.uploadedBy} · ${when(hit.item.updatedAt)}`),
        h('p', { class: 'snippet' }, ...marked(hit.snippet))));
    }
    next = found.next;
    more.hidden = next === null;
    return found;
  }
  more.addEventListener('click', () => void load());
  const found = await load();
  for (const [mime, count] of Object.entries(found.facets.type ?? {})) {
    types.append(h('option', { value: mime, selected: mime === type }, `${mime} (${count})`));
  }
  const total = Object.values(found.facets.type ?? {}).reduce((a, b) => a + b, 0);
  summary.textContent = total === 0 ? `Nothing matches “${q}”.` : `${total} match${total === 1 ? '' : 'es'}`;
}

// The server's snippet is escaped text with <mark> around the words: rebuilt as nodes, keeping
// nothing but the marks.
function marked(snippet: string): Node[] {
  const template = document.createElement('template');
  template.innerHTML = snippet;
  return Array.from(template.content.childNodes).map((node) => node.nodeName === 'MARK'
    ? h('mark', {}, node.textContent ?? '')
    : document.createTextNode(node.textContent ?? ''));
}
