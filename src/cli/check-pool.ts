// A parallel `gongwen check`: the main thread and worker threads (the bundle itself, started again as a worker) take
// the files one by one from a shared counter. Each thread prepares its segmenter once, for the words of the whole run.
// The results come back by file and are printed by the main thread exactly as a serial run prints them.

import fs from 'node:fs';
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkFiles, type CheckSettings, type FileResult, type FileTask } from './check-file';

const WORKER_TAG = 'gongwen-check-worker';

interface WorkerInput {
  tag: typeof WORKER_TAG;
  tasks: readonly FileTask[];
  settings: CheckSettings;
  /** One Int32: the number of the next file to check, taken by every thread with Atomics.add. */
  next: SharedArrayBuffer;
}

interface WorkerMessage {
  result: FileResult;
}

/** Below this much text a run stays in one thread: a worker's start (~50 ms) would cost more than it saves. */
export const MIN_PARALLEL_BYTES = 512 * 1024;

/**
 * How many threads check `files` files of `bytes` bytes with `--jobs` `jobs`: 1 = no workers. By default one per core
 * but one: a one-shot check runs mostly before V8 has optimised it, and V8 compiles and collects garbage on threads of
 * its own, which a spare core keeps busy (measured on two cores: one thread 0.68 s for 200 reports, two 0.82 s; one
 * with V8's own threads off, 1.1 s).
 */
export function threadCount(files: number, bytes: number, jobs: number | undefined): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const limit = jobs ?? cores - 1;
  if (limit < 2 || files < 2 || bytes < MIN_PARALLEL_BYTES || !canStartWorkers()) return 1;
  return Math.min(limit, files);
}

/** Workers run this very script: only a bundle can be started so (the sources need tsx). */
function canStartWorkers(): boolean {
  return __filename.endsWith('.js');
}

/** Sizes of the files (0 for one that cannot be stat'ed: it will fail on reading, quickly). */
export function fileSizes(tasks: readonly FileTask[]): number[] {
  return tasks.map((t) => {
    try {
      return fs.statSync(t.path).size;
    } catch {
      return 0;
    }
  });
}

/**
 * Checks the files on `threads` threads: the main thread and `threads - 1` workers take the next file from one shared
 * counter, so the threads finish together however late a worker starts. A worker that fails (it cannot start, or
 * dies) leaves its unfinished files to the main thread, so a run never loses a file to a thread.
 */
export async function checkInParallel(tasks: readonly FileTask[], settings: CheckSettings, threads: number): Promise<FileResult[]> {
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const results: FileResult[] = [];
  const finished = Array.from({ length: threads - 1 }, () => runWorker({ tag: WORKER_TAG, tasks, settings, next }, (r) => (results[r.index] = r)));
  checkFiles(
    tasks,
    settings,
    (r) => (results[r.index] = r),
    () => Atomics.add(counter, 0, 1),
  );
  await Promise.all(finished);
  const left = tasks.filter((t) => !results[t.index]);
  if (left.length) checkFiles(left, settings, (r) => (results[r.index] = r));
  return tasks.map((t) => results[t.index]);
}

function runWorker(input: WorkerInput, each: (r: FileResult) => void): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(__filename, { workerData: input, stdout: true, stderr: true });
    } catch {
      resolve();
      return;
    }
    // Nothing of a worker's own output is ours to print: a run's output is the results.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (m: WorkerMessage) => each(m.result));
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
}

/** Whether this thread was started as a check worker. */
export function isCheckWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInput> | null)?.tag === WORKER_TAG;
}

/** A worker's whole life: check its share, sending each file's result as it is done. */
export function runCheckWorker(): void {
  const { tasks, settings, next } = workerData as WorkerInput;
  const counter = new Int32Array(next);
  checkFiles(
    tasks,
    settings,
    (result) => parentPort!.postMessage({ result } satisfies WorkerMessage),
    () => Atomics.add(counter, 0, 1),
  );
}
