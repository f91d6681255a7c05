// The Members tab of a project: its members and teams with their roles; those who may share at
// the project's root add, change and remove them (the roles offered are the ones they may grant:
// ADMIN only to one who holds every permission there). The server decides in the end.
import { api, attempt } from './api';
import { announce, h, when } from './dom';

interface Member {
  user: string;
  role: string;
  joinedAt: string;
}

interface Team {
  team: string;
  role: string;
  joinedAt: string;
}

const ALL = ['VIEW', 'ADD', 'CHANGE', 'DELETE', 'SHARE'];

export async function renderMembers(panel: HTMLElement, slug: string, atRoot: Set<string>): Promise<void> {
  const base = `/api/v1/projects/${encodeURIComponent(slug)}`;
  const manage = atRoot.has('SHARE');
  const roles = ALL.every((p) => atRoot.has(p)) ? ['VIEWER', 'EDITOR', 'ADMIN'] : ['VIEWER', 'EDITOR'];
  const members = h('tbody');
  const teams = h('tbody');
  const roleSelect = (id: string, current?: string) => h('select', { id },
    ...roles.map((r) => h('option', { value: r, selected: r === current }, r)));

  async function load(): Promise<void> {
    const [people, groups] = await Promise.all([api.get<Member[]>(`${base}/members`), api.get<Team[]>(`${base}/teams`)]);
    members.replaceChildren(...people.map((m) => h('tr', {},
      h('th', { scope: 'row' }, m.user), h('td', {}, m.role), h('td', {}, when(m.joinedAt)),
      manage ? h('td', {}, removeButton(`Remove ${m.user}`, `${base}/members/${encodeURIComponent(m.user)}`)) : null)));
    teams.replaceChildren(...groups.map((t) => h('tr', {},
      h('th', { scope: 'row' }, t.team), h('td', {}, t.role), h('td', {}, when(t.joinedAt)),
      manage ? h('td', {}, removeButton(`Remove team ${t.team}`, `${base}/teams/${encodeURIComponent(t.team)}`)) : null)));
    if (groups.length === 0) {
      teams.append(h('tr', {}, h('td', { colspan: manage ? 4 : 3 }, 'No team has a role in this project.')));
    }
  }

  function removeButton(label: string, path: string): HTMLButtonElement {
    const b = h('button', { type: 'button' }, label);
    b.addEventListener('click', () => void attempt(async () => {
      await api.delete(path);
      announce(`${label.replace(/^Remove /, '')} removed from the project`);
      await load();
    }));
    return b;
  }

  const head = (...titles: string[]) => h('thead', {}, h('tr', {},
    ...titles.map((t) => h('th', { scope: 'col' }, t)), manage ? h('th', { scope: 'col' }, 'Actions') : null));
  const children: (Node | null)[] = [
    h('table', { class: 'members' }, h('caption', {}, 'Members'), head('User', 'Role', 'Since'), members),
    h('table', { class: 'members' }, h('caption', {}, 'Teams'), head('Team', 'Role', 'Since'), teams),
  ];
  // A form naming a user or a team and a role; submitting it gives that role (added or changed).
  const roleForm = (id: string, label: string, button: string, give: (name: string, role: string) => Promise<string>) => {
    const name = h('input', { id, required: true, autocomplete: 'off' });
    const role = roleSelect(`${id}-role`, 'VIEWER');
    const form = h('form', { class: 'inline-form' },
      h('label', { for: id }, label), name, h('label', { for: `${id}-role` }, 'Role'), role,
      h('button', { type: 'submit' }, button));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void attempt(async () => {
        announce(await give(name.value.trim(), role.value));
        name.value = '';
        await load();
      });
    });
    return form;
  };
  if (manage) {
    children.push(
      roleForm('member-user', 'User', 'Add or change member', async (user, role) => {
        await api.post(`${base}/members`, { user, role });
        return `${user} is ${role} of the project`;
      }),
      roleForm('team-id', 'Team', 'Add or change team', async (team, role) => {
        await api.put(`${base}/teams/${encodeURIComponent(team)}`, { role });
        return `Team ${team} is ${role} of the project`;
      }));
  }
  panel.replaceChildren(...children.filter((c): c is Node => c !== null));
  await load();
}
