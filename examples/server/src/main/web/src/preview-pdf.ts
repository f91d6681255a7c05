// A PDF's first page with pdf.js: drawn on a canvas, its text in a text layer above it.
import * as pdfjs from 'pdfjs-dist';
import { h } from './dom';

const ASSETS = '/app/pdfjs/';
pdfjs.GlobalWorkerOptions.workerSrc = `${ASSETS}pdf.worker.min.mjs`;

export async function renderFirstPage(url: string, stage: HTMLElement): Promise<void> {
  const document = await pdfjs.getDocument({
    url,
    withCredentials: true,
    cMapUrl: `${ASSETS}cmaps/`,
    standardFontDataUrl: `${ASSETS}standard_fonts/`,
    wasmUrl: `${ASSETS}wasm/`,
    iccUrl: `${ASSETS}iccs/`,
    isEvalSupported: false,
  }).promise;
  const page = await document.getPage(1);
  const width = Math.min(stage.clientWidth || 800, 900);
  const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
  const ratio = window.devicePixelRatio || 1;
  const canvas = h('canvas', { 'aria-label': 'Page 1' });
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  const text = h('div', { class: 'textLayer' });
  const sheet = h('div', { class: 'pdf-page' }, canvas, text);
  sheet.style.setProperty('--scale-factor', String(viewport.scale));
  stage.append(h('p', {}, `Page 1 of ${document.numPages}`), sheet);
  await page.render({
    canvas,
    viewport,
    transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
  }).promise;
  await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
}
