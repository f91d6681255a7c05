// The sample server's web UI: /projects lists the subject's projects, /projects/{slug} opens a
// project's workspace on its Blueprints tab; /vault is the subject's Vault; /mounts the live
// mounts open to the subject, /mounts/{name}?path= one's directory.
import { api, currentUser, Page, Project } from './api';
import { renderWorkspace } from './blueprints';
import { announce, h } from './dom';
import { renderMount, renderMounts } from './mounts';
import { renderVault } from './vault';

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
  const section = window.location.pathname.split('/')[1] || 'projects';
  const link = (href: string, label: string) =>
    h('a', { href, 'aria-current': href === `/${section}` ? 'page' : undefined }, label);
  return h('div', { class: 'top' },
    h('a', { href: '/projects', class: 'brand' }, 'Stockage'),
    h('nav', { class: 'sections', 'aria-label': 'Sections' },
      link('/projects', 'Projects'), link('/vault', 'Vault'), link('/mounts', 'Live mounts')),
    h('span', { class: 'user' }, `Signed in as ${currentUser()}`), logout);
}

async function route(): Promise<void> {
  const root = document.getElementById('app')!;
  document.getElementById('top')?.replaceChildren(header());
  const path = window.location.pathname;
  const workspace = /^\/projects\/([^/]+)\/?$/.exec(path);
  const mount = /^\/mounts\/([^/]+)\/?$/.exec(path);
  const params = new URLSearchParams(window.location.search);
  try {
    if (workspace) {
      await renderWorkspace(root, decodeURIComponent(workspace[1]), params);
    } else if (path === '/vault') {
      await renderVault(root);
    } else if (path === '/mounts') {
      await renderMounts(root);
    } else if (mount) {
      await renderMount(root, decodeURIComponent(mount[1]), params.get('path') ?? '');
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
