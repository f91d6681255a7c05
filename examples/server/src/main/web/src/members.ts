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
  if (manage) {
    const user = h('input', { id: 'member-user', required: true, autocomplete: 'off' });
    const role = roleSelect('member-role', 'VIEWER');
    const addMember = h('form', { class: 'inline-form' },
      h('label', { for: 'member-user' }, 'User'), user, h('label', { for: 'member-role' }, 'Role'), role,
      h('button', { type: 'submit' }, 'Add or change member'));
    addMember.addEventListener('submit', (e) => {
      e.preventDefault();
      void attempt(async () => {
        await api.post(`${base}/members`, { user: user.value.trim(), role: role.value });
        announce(`${user.value.trim()} is ${role.value} of the project`);
        user.value = '';
        await load();
      });
    });
    const team = h('input', { id: 'team-id', required: true, autocomplete: 'off' });
    const teamRole = roleSelect('team-role', 'VIEWER');
    const addTeam = h('form', { class: 'inline-form' },
      h('label', { for: 'team-id' }, 'Team'), team, h('label', { for: 'team-role' }, 'Role'), teamRole,
      h('button', { type: 'submit' }, 'Add or change team'));
    addTeam.addEventListener('submit', (e) => {
      e.preventDefault();
      void attempt(async () => {
        await api.put(`${base}/teams/${encodeURIComponent(team.value.trim())}`, { role: teamRole.value });
        announce(`Team ${team.value.trim()} is ${teamRole.value} of the project`);
        team.value = '';
        await load();
      });
    });
    children.push(addMember, addTeam);
  }
  panel.replaceChildren(...children.filter((c): c is Node => c !== null));
  await load();
}
