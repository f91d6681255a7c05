// The Search tab of a project: full-text search with the words marked in each hit's passage,
// filters by type, and the sort; hits are only what the subject may see (the server filters).
import { api, FileItem } from './api';
import { h } from './dom';
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
  const input = h('input', { type: 'search', name: 'q', id: 'search-q', value: q, required: true });
  const types = h('select', { name: 'type', id: 'search-type' }, h('option', { value: '' }, 'All types'));
  const sorts = h('select', { name: 'sort', id: 'search-sort' },
    ...[['relevance', 'Relevance'], ['newest', 'Newest'], ['name', 'Name']].map(([v, label]) =>
      h('option', { value: v, selected: v === sort }, label)));
  const form = h('form', { class: 'search', role: 'search', method: 'get' },
    h('input', { type: 'hidden', name: 'tab', value: 'search' }),
    h('label', { for: 'search-q' }, 'Words'), input,
    h('label', { for: 'search-type' }, 'Type'), types,
    h('label', { for: 'search-sort' }, 'Sort by'), sorts,
    h('button', { type: 'submit' }, 'Search'));
  const results = h('ol', { class: 'hits', 'aria-label': 'Results' });
  const summary = h('p', { role: 'status' });
  panel.replaceChildren(form, summary, results);
  if (!q) {
    return;
  }
  const query = new URLSearchParams({ q, sort, size: '20' });
  if (type) {
    query.set('type', type);
  }
  const found = await api.get<Results>(`/api/v1/projects/${encodeURIComponent(slug)}/search?${query}`);
  for (const [mime, count] of Object.entries(found.facets.type ?? {})) {
    types.append(h('option', { value: mime, selected: mime === type }, `${mime} (${count})`));
  }
  const total = Object.values(found.facets.type ?? {}).reduce((a, b) => a + b, 0);
  summary.textContent = total === 0 ? `Nothing matches “${q}”.` : `${total} match${total === 1 ? '' : 'es'}`;
  for (const hit of found.items) {
    const link = h('a', { href: `/api/v1/files/${hit.item.id}/content`, download: hit.item.name }, hit.item.name);
    if (previewable(hit.item)) {
      link.removeAttribute('download');
      link.addEventListener('click', (e) => {
        e.preventDefault();
        void openPreview(hit.item);
      });
    }
    results.append(h('li', { class: 'hit' }, h('h3', {}, link), h('p', { class: 'snippet' }, ...marked(hit.snippet))));
  }
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
