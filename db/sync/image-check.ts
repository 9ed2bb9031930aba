// A bootstrap's image checked in a worker thread (image-worker.ts) while the main thread restores
// it: on two cores the checks of every row (JSON as the packer writes it, types, clocks) no longer
// add to the restore's time. The main thread builds the rows meanwhile, then waits for the
// verdict - synchronously, inside the restore's transaction, so nothing else can interleave and
// a refused image is rolled back as a whole.
import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { BadFile } from './container.js';

export interface ImageWorkerInput {
  image: string;
  nativeBinding: string | undefined;
  port: MessagePort;
  /** Int32 [answers posted]. */
  signal: SharedArrayBuffer;
}

export type ImageVerdict = { kind: 'checked'; rows: number } | { kind: 'failed'; content: boolean; message: string };

/** How long the worker may take for its verdict after the main thread is done (it answers even when it fails). */
const PATIENCE_MS = 120_000;

/**
 * The worker's file beside this module's, in the same form: the TypeScript source (loaded through
 * tsx, as in the tests and the web shell) or the bundle's sibling (build/build-electron.mjs,
 * bin/caseload.mjs). Null when it is not there.
 */
function workerFile(): { file: string; ext: string } | null {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const ext = extname(here);
  const file = join(dirname(here), `image-worker${ext}`);
  return existsSync(file) ? { file, ext } : null;
}

/**
 * The worker's first code: loads its module - the CommonJS bundle with require (it may sit in the
 * app's asar archive), the ES module bundle with import(), the source after registering tsx -
 * and, should that fail, still answers: the main thread will be waiting for it.
 */
function bootstrap({ file, ext }: { file: string; ext: string }): string {
  const load =
    ext === '.cjs'
      ? `require(${JSON.stringify(file)});`
      : `${ext === '.ts' ? "(await import('tsx/esm/api')).register();" : ''}
  await import(${JSON.stringify(pathToFileURL(file).href)});`;
  return `const { workerData } = require('node:worker_threads');
(async () => {
  ${load}
})().catch((e) => {
  workerData.port.postMessage({ kind: 'failed', content: false, message: String((e && e.message) || e) });
  const ticks = new Int32Array(workerData.signal);
  Atomics.add(ticks, 0, 1);
  Atomics.notify(ticks, 0);
});`;
}

/**
 * Starts checking every row of `image` (a decrypted snapshot image) in a worker; null when there
 * is no worker file. `verdict` waits for the answer: the number of rows checked, or it throws
 * BadFile 'content' naming the first bad row - or null when the worker could not check (its
 * module did not load, the image did not open): then the caller checks in its own thread, so a
 * worker's trouble costs time, never a good snapshot. `stop` ends the worker (always call it).
 */
export function checkInWorker(
  image: string,
  nativeBinding: string | undefined,
): { verdict: () => number | null; stop: () => void } | null {
  const found = workerFile();
  if (!found) return null;
  const ticks = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const input: ImageWorkerInput = { image, nativeBinding, port: port2, signal: ticks.buffer as SharedArrayBuffer };
  const worker = new Worker(bootstrap(found), {
    eval: true,
    workerData: input,
    transferList: [port2],
  });
  let answer: ImageVerdict | null | undefined;
  return {
    verdict: () => {
      if (answer === undefined) {
        let waited: string;
        try {
          waited = Atomics.wait(ticks, 0, 0, PATIENCE_MS);
        } catch {
          // A thread that may not block (as a browser's main thread): no verdict, checked here.
          waited = 'not-allowed';
        }
        const got =
          waited === 'timed-out' ? undefined : (receiveMessageOnPort(port1) as { message: ImageVerdict } | undefined);
        answer = got ? got.message : null;
      }
      if (!answer || (answer.kind === 'failed' && !answer.content)) return null;
      if (answer.kind === 'failed') throw new BadFile('content', answer.message);
      return answer.rows;
    },
    stop: () => {
      port1.close();
      void worker.terminate();
    },
  };
}
