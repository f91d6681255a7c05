// A few helpers to build the page from elements (never from HTML strings: names are user data).

type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

/** An element with attributes (on* are listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child);
    }
  }
  return el;
}

/** A size in bytes as people read it. */
export function bytes(n: number): string {
  if (n < 1024) {
    return `${n} B`;
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A time as the reader's locale writes it. */
export function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

/** Announces a message to screen readers and shows it in the status line. */
export function announce(message: string, error = false): void {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = message;
    status.classList.toggle('error', error);
  }
}
