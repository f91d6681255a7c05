// One run of tus-js-client against a tus endpoint, as a browser or a desktop client would use it:
//   node upload.mjs <endpoint> <file> <chunkBytes> <user:password> <urlStore> <target> <abortAfterBytes|0>
// where <target> is a project's slug, or "mount=<live mount>,path=<path>" for a live mount's file.
// It resumes a previous upload of the same file found in the URL store, if any; with
// abortAfterBytes > 0 it aborts the upload (cuts the connection) once that much was acknowledged.
// Prints a JSON line per chunk the server acknowledged ({"acknowledged": bytes}), then one
// {"outcome": "aborted"|"done", "url", "offset"}.
import fs from 'node:fs';
import { Upload, FileUrlStorage } from 'tus-js-client';

const [endpoint, file, chunk, credentials, store, target, abortAfter] = process.argv.slice(2);
const where = target.startsWith('mount=')
  ? Object.fromEntries(target.split(',').map((kv) => kv.split('=')))
  : { project: target };
const size = fs.statSync(file).size;
const upload = new Upload(fs.createReadStream(file), {
  endpoint,
  chunkSize: Number(chunk),
  uploadSize: size,
  retryDelays: [0, 500, 1000],
  headers: { Authorization: 'Basic ' + Buffer.from(credentials).toString('base64') },
  metadata: { filename: file.split('/').pop(), ...where },
  urlStorage: new FileUrlStorage(store),
  storeFingerprintForResuming: true,
  removeFingerprintOnSuccess: true,
  fingerprint: async () => ['stockage-test', file, size].join('-'),
  onChunkComplete(chunkSize, acknowledged) {
    console.log(JSON.stringify({ acknowledged }));
  },
  onProgress(sent) {
    if (Number(abortAfter) > 0 && sent >= Number(abortAfter)) {
      upload.abort(false).then(() => {
        console.log(JSON.stringify({ outcome: 'aborted', url: upload.url, offset: sent }));
        process.exit(0);
      });
    }
  },
  onError(error) {
    console.error(String(error));
    process.exit(1);
  },
  onSuccess() {
    console.log(JSON.stringify({ outcome: 'done', url: upload.url, offset: size }));
  },
});
const previous = await upload.findPreviousUploads();
if (previous.length > 0) {
  upload.resumeFromPreviousUpload(previous[0]);
}
upload.start();
