// The sample server's web UI: /projects lists the subject's projects, /projects/{slug} opens a
// project's workspace on its Blueprints tab.
import { api, currentUser, Page, Project } from './api';
import { renderWorkspace } from './blueprints';
import { announce, h } from './dom';

async function renderProjects(root: HTMLElement): Promise<void> {
  document.title = 'Projects · Stockage';
  const page = await api.get<Page<Project>>('/api/v1/projects?size=100');
  root.replaceChildren(
    h('h1', {}, 'Projects'),
    page.items.length === 0
      ? h('p', {}, 'You are not a member of any project yet.')
      : h('ul', { class: 'projects' }, ...page.items.map((p) => h('li', {},
        h('a', { href: `/projects/${encodeURIComponent(p.slug)}` }, p.title),
        p.description ? h('span', { class: 'description' }, ` — ${p.description}`) : null))));
}

function header(): HTMLElement {
  const token = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]');
  const logout = h('form', { method: 'post', action: '/logout', class: 'logout' },
    token ? h('input', { type: 'hidden', name: token.dataset.param ?? '_csrf', value: token.content }) : null,
    h('button', { type: 'submit' }, 'Sign out'));
  return h('div', { class: 'top' },
    h('a', { href: '/projects', class: 'brand' }, 'Stockage'),
    h('span', { class: 'user' }, `Signed in as ${currentUser()}`), logout);
}

async function route(): Promise<void> {
  const root = document.getElementById('app')!;
  document.getElementById('top')?.replaceChildren(header());
  const path = window.location.pathname;
  const workspace = /^\/projects\/([^/]+)\/?$/.exec(path);
  try {
    if (workspace) {
      await renderWorkspace(root, decodeURIComponent(workspace[1]), new URLSearchParams(window.location.search));
    } else {
      await renderProjects(root);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    root.replaceChildren(h('h1', {}, 'Something went wrong'), h('p', { class: 'error' }, message));
    announce(message, true);
  }
}

void route();
