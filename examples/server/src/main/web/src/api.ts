// Calls to the sample server's JSON API with the session cookie and the CSRF token the page was
// served with. A refusal comes back as an ApiError holding the server's problem detail in words.
import { announce } from './dom';

const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]');

/** The header and value every request that changes something carries. */
export function csrfHeaders(): Record<string, string> {
  return csrf ? { [csrf.dataset.header ?? 'X-CSRF-TOKEN']: csrf.content } : {};
}

/** The signed-in user's name, from the page. */
export function currentUser(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="user"]')?.content ?? '';
}

/** Whether the signed-in user is an organization admin, from the page. */
export function orgAdmin(): boolean {
  return document.querySelector<HTMLMetaElement>('meta[name="org-admin"]')?.content === 'true';
}

/** A refusal or failure of the API, with the server's words. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly kind?: string) {
    super(message);
  }
}

/** Runs an action; a refusal or a failure is announced in the server's words instead of thrown. */
export async function attempt(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (e) {
    announce(e instanceof ApiError ? e.message : String(e), true);
  }
}

/** What a failed response says: the problem's detail when it has one. */
export async function errorOf(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  let kind: string | undefined;
  try {
    const problem = await response.json();
    message = problem.detail ?? problem.title ?? message;
    kind = problem.kind;
  } catch {
    // not JSON: keep the status line
  }
  if (response.status === 401) {
    window.location.assign('/login');
  }
  return new ApiError(response.status, message, kind);
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
  if (method !== 'GET') {
    Object.assign(headers, csrfHeaders());
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  delete: <T>(path: string) => call<T>('DELETE', path),
};

/** A page of a listing, with the cursor of the next one. */
export interface Page<T> {
  items: T[];
  size: number;
  next: string | null;
}

export interface Project {
  id: string;
  slug: string;
  title: string;
  description: string;
  category: string;
  mount: string;
}

export interface FileItem {
  id: string;
  type: 'FILE' | 'FOLDER';
  name: string;
  folder: string | null;
  size: number;
  mimeType: string;
  revision: number;
  updatedAt: string;
  uploadedBy: string;
}

export interface ChangeEvent {
  cursor: string;
  kind: string;
  item: string | null;
  project: string | null;
  parent: string | null;
  name: string | null;
  revision: number | null;
  actor: string | null;
}
