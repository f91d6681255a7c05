// One timed upload with tus-js-client: prints {"millis": n, "url": "..."}.
//   node client.mjs <endpoint> <file> <chunkBytes> <user:password|-> <project>
import fs from 'node:fs';
import { Upload } from 'tus-js-client';

const [endpoint, file, chunk, credentials, project] = process.argv.slice(2);
const size = fs.statSync(file).size;
const headers = credentials === '-' ? {} : { Authorization: 'Basic ' + Buffer.from(credentials).toString('base64') };
const started = process.hrtime.bigint();
const upload = new Upload(fs.createReadStream(file), {
  endpoint,
  chunkSize: Number(chunk),
  uploadSize: size,
  headers,
  metadata: { filename: file.split('/').pop(), project },
  onError(error) {
    console.error(String(error));
    process.exit(1);
  },
  onSuccess() {
    const millis = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(JSON.stringify({ millis, url: upload.url }));
  },
});
upload.start();
