// Worker thread of a bootstrap (image-check.ts): reads a decrypted snapshot image and checks every
// packed row (image-rows.ts checkedRow), then posts one verdict and ticks the shared signal the
// main thread waits on. It always answers, once.
import { workerData } from 'node:worker_threads';
import type { ImageVerdict, ImageWorkerInput } from './image-check.js';

const { image, nativeBinding, port, signal } = workerData as ImageWorkerInput;

function answer(m: ImageVerdict): void {
  port.postMessage(m);
  const ticks = new Int32Array(signal);
  Atomics.add(ticks, 0, 1);
  Atomics.notify(ticks, 0);
}

async function run(): Promise<number> {
  // Imported here, so that a module that fails to load is answered too.
  const { default: Database } = await import('better-sqlite3');
  const { checkImageRows, IMAGE_ROW_COLUMNS } = await import('./image-rows.js');
  const db = new Database(image, { readonly: true, nativeBinding });
  try {
    const page = db.prepare(`SELECT ${IMAGE_ROW_COLUMNS} FROM journal WHERE seq > ? ORDER BY seq LIMIT 5000`).raw();
    return checkImageRows((after) => page.all(after) as never);
  } finally {
    db.close();
  }
}

run().then(
  (rows) => answer({ kind: 'checked', rows }),
  (e: unknown) => {
    const err = e as { name?: string; kind?: string; message?: string };
    answer({
      kind: 'failed',
      content: err.name === 'BadFile' && err.kind === 'content',
      message: String(err.message ?? e),
    });
  },
);
