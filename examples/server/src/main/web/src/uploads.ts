// Uploads over tus (resumable): each file gets a row with its progress; an upload cut off (a page
// reload, a lost connection) resumes where the server stopped when the same file is added again.
import * as tus from 'tus-js-client';
import { csrfHeaders } from './api';
import { announce, bytes, h } from './dom';

const CHUNK = 8 * 1024 * 1024;
/** The uploads this page runs (stored for resuming too, but not interrupted). */
const running = new Set<string>();

/** Where files go: a project, and a folder of it (the root when null). */
export interface Target {
  project: string;
  folder: string | null;
}

/** What the server said when it refused, in words. */
function reason(error: Error): string {
  const detailed = error as tus.DetailedError;
  const response = detailed.originalResponse;
  if (response) {
    try {
      const problem = JSON.parse(response.getBody());
      if (problem.detail) {
        return problem.detail;
      }
    } catch {
      // not JSON
    }
    if (response.getStatus() === 413) {
      return 'the file is larger than the server accepts';
    }
    return `the server answered ${response.getStatus()}`;
  }
  return error.message;
}

/** Starts the upload of every file into the target; rows go to the list element. */
export function uploadAll(files: Iterable<File>, target: Target, list: HTMLElement, done: () => void): void {
  for (const file of files) {
    upload(file, target, list, done);
  }
}

function upload(file: File, target: Target, list: HTMLElement, done: () => void): void {
  const progress = h('progress', { max: 100, value: 0, 'aria-label': `Upload of ${file.name}` });
  const state = h('span', { class: 'upload-state' }, 'starting');
  const row = h('li', { class: 'upload' }, h('span', { class: 'upload-name' }, file.name), progress, state);
  for (const waiting of Array.from(list.querySelectorAll('li.interrupted'))) {
    if (waiting.querySelector('.upload-name')?.textContent === file.name) {
      waiting.remove();
    }
  }
  list.append(row);
  const key = `${target.project}/${target.folder ?? ''}/${file.name}`;
  running.add(key);
  const metadata: Record<string, string> = { filename: file.name, project: target.project };
  if (target.folder) {
    metadata.folder = target.folder;
  }
  const tusUpload = new tus.Upload(file, {
    endpoint: '/api/v1/uploads',
    chunkSize: CHUNK,
    retryDelays: [0, 1000, 3000, 5000],
    metadata,
    headers: csrfHeaders(),
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onProgress(sent, total) {
      const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
      progress.value = percent;
      state.textContent = `${percent}% of ${bytes(total)}`;
    },
    onSuccess() {
      running.delete(key);
      progress.value = 100;
      state.textContent = 'done';
      row.classList.add('done');
      announce(`${file.name} uploaded`);
      done();
    },
    onError(error) {
      running.delete(key);
      state.textContent = `refused: ${reason(error)}`;
      row.classList.add('failed');
      announce(`${file.name} was not uploaded: ${reason(error)}`, true);
    },
  });
  // The same file added again after a reload continues the upload the server kept.
  tusUpload.findPreviousUploads().then((previous) => {
    const same = previous.find((p) => p.metadata?.project === target.project
      && (p.metadata?.folder ?? null) === target.folder);
    if (same) {
      tusUpload.resumeFromPreviousUpload(same);
      row.classList.add('resumed');
      state.textContent = 'resuming';
    }
    tusUpload.start();
  });
}

/**
 * The uploads into the target this browser started and did not finish (a reload, a closed tab),
 * but not those this page is running: adding the same file again resumes each where the server
 * stopped.
 */
export async function interrupted(target: Target): Promise<string[]> {
  const all = await tus.defaultOptions.urlStorage.findAllUploads();
  return all.filter((u) => u.metadata?.project === target.project && (u.metadata?.folder ?? null) === target.folder)
    .map((u) => u.metadata?.filename ?? '')
    .filter((name) => name !== '' && !running.has(`${target.project}/${target.folder ?? ''}/${name}`));
}
