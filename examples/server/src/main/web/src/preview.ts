// Previews in a dialog: a PDF's first page (pdf.js: the page drawn on a canvas, its text selectable
// in a text layer above it), glTF/GLB and STL models in an interactive 3D view (three.js, orbit
// controls), images as they are. The viewers load only when first used (their own chunks), and
// every asset they need (pdf.js's worker, fonts, decoders) comes from this server.
import { api, FileItem, Page } from './api';
import { announce, h } from './dom';

/** Whether the file has a preview. */
export function previewable(file: FileItem): boolean {
  return kind(file) !== null;
}

function kind(file: FileItem): 'pdf' | 'model' | 'image' | null {
  const name = file.name.toLowerCase();
  if (file.mimeType === 'application/pdf') {
    return 'pdf';
  }
  if (name.endsWith('.glb') || name.endsWith('.gltf') || name.endsWith('.stl')) {
    return 'model';
  }
  if (file.mimeType.startsWith('image/')) {
    return 'image';
  }
  return null;
}

/** Opens the preview of a file. */
/**
 * Opens the preview of a file of a project; a glTF's external buffers and images are looked up
 * by name next to it in its folder.
 */
export async function openPreview(file: FileItem, slug: string): Promise<void> {
  const url = `/api/v1/files/${file.id}/content`;
  const stage = h('div', { class: 'preview-stage' });
  const close = h('button', { type: 'button', class: 'close' }, 'Close');
  const dialog = h('dialog', { class: 'preview', 'aria-labelledby': 'preview-title' },
    h('h2', { id: 'preview-title' }, `Preview of ${file.name}`), stage,
    h('p', {}, h('a', { href: url, download: file.name }, `Download ${file.name}`)), close);
  let dispose = () => {};
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dispose();
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  const started = performance.now();
  try {
    switch (kind(file)) {
      case 'pdf': {
        const { renderFirstPage } = await import('./preview-pdf');
        await renderFirstPage(url, stage);
        break;
      }
      case 'model': {
        const { showModel } = await import('./preview-3d');
        dispose = await showModel(url, file.name, stage, (name) => sibling(slug, file.folder, name));
        break;
      }
      case 'image':
        stage.append(h('img', { src: url, alt: file.name }));
        break;
      default:
        stage.append(h('p', {}, 'No preview for this type.'));
    }
    stage.dataset.readyMs = String(Math.round(performance.now() - started));
    stage.classList.add('ready');
  } catch (e) {
    const message = `The preview failed: ${e instanceof Error ? e.message : String(e)}`;
    stage.append(h('p', { class: 'error' }, message));
    announce(message, true);
  }
}

// The content URL of a file named so in a folder (a glTF's "scene.bin"), or null; each folder's
// listing is read once per page.
const folders = new Map<string, Promise<Map<string, string>>>();

async function sibling(slug: string, folder: string | null, name: string): Promise<string | null> {
  const key = `${slug}/${folder ?? ''}`;
  let names = folders.get(key);
  if (!names) {
    names = (async () => {
      const found = new Map<string, string>();
      let cursor: string | null = null;
      do {
        const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const inFolder = folder ? `&folder=${folder}` : '';
        const page: Page<FileItem> = await api.get<Page<FileItem>>(
          `/api/v1/projects/${encodeURIComponent(slug)}/files?size=1000${inFolder}${after}`);
        page.items.filter((i) => i.type === 'FILE').forEach((i) => found.set(i.name, `/api/v1/files/${i.id}/content`));
        cursor = page.next;
      } while (cursor !== null);
      return found;
    })();
    folders.set(key, names);
  }
  return (await names).get(name) ?? null;
}
