// Worker thread of a bootstrap (image-check.ts): reads a decrypted snapshot image and checks every
// packed row (image-rows.ts checkedRow), then posts one verdict and ticks the shared signal the
// main thread waits on. It answers once; a module that fails to load is answered by the loader
// image-check.ts starts it with.
import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import type { ImageVerdict, ImageWorkerInput } from './image-check.js';
import { BadFile } from './container.js';
import { checkImageRows, imagePages } from './image-rows.js';

const { image, nativeBinding, port, signal } = workerData as ImageWorkerInput;

function answer(m: ImageVerdict): void {
  port.postMessage(m);
  const ticks = new Int32Array(signal);
  Atomics.add(ticks, 0, 1);
  Atomics.notify(ticks, 0);
}

function run(): number {
  const db = new Database(image, { readonly: true, nativeBinding });
  try {
    return checkImageRows(imagePages(db, 'journal'));
  } finally {
    db.close();
  }
}

try {
  answer({ kind: 'checked', rows: run() });
} catch (e) {
  answer({ kind: 'failed', content: e instanceof BadFile && e.kind === 'content', message: (e as Error).message });
}
