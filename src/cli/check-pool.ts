// A parallel `gongwen check`: the files are shared out, largest first, to the main thread and worker threads (the bundle
// itself, started again as a worker). Each thread reads its whole share before linting it, so it loads its segmenter
// once, for the words of its share. The results come back by file and are printed by the main thread exactly as a
// serial run prints them.

import fs from 'node:fs';
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkFiles, type CheckSettings, type FileResult, type FileTask } from './check-file';

const WORKER_TAG = 'gongwen-check-worker';

interface WorkerInput {
  tag: typeof WORKER_TAG;
  tasks: FileTask[];
  settings: CheckSettings;
}

interface WorkerMessage {
  result: FileResult;
}

/** Below this much text a run stays in one thread: a worker's start (~50 ms) would cost more than it saves. */
export const MIN_PARALLEL_BYTES = 512 * 1024;

/** How many threads check `files` files of `bytes` bytes with `--jobs` `jobs`: 1 = no workers. */
export function threadCount(files: number, bytes: number, jobs: number | undefined): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const limit = jobs ?? cores;
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

/** `count` shares of about equal size: each file, largest first, to the share that holds least so far. */
export function shareOut(tasks: readonly FileTask[], sizes: readonly number[], count: number): FileTask[][] {
  const shares: FileTask[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  const order = tasks.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  for (const i of order) {
    let least = 0;
    for (let s = 1; s < count; s++) if (load[s] < load[least]) least = s;
    shares[least].push(tasks[i]);
    // A file counts at least a little: a run of empty files is still spread.
    load[least] += sizes[i] + 1;
  }
  // Each share in the order the files were named: its batches then read neighbouring files together.
  for (const share of shares) share.sort((a, b) => a.index - b.index);
  return shares;
}

/**
 * Checks the files on `threads` threads, the main thread taking the first share. A worker that fails (it cannot
 * start, or dies) leaves its unfinished files to the main thread, so a run never loses a file to a thread.
 */
export async function checkInParallel(tasks: readonly FileTask[], sizes: readonly number[], settings: CheckSettings, threads: number): Promise<FileResult[]> {
  const shares = shareOut(tasks, sizes, threads);
  const results: FileResult[] = [];
  const finished = shares.slice(1).map((share) => runWorker(share, settings, (r) => (results[r.index] = r)));
  checkFiles(shares[0], settings, (r) => (results[r.index] = r));
  await Promise.all(finished);
  const left = tasks.filter((t) => !results[t.index]);
  if (left.length) checkFiles(left, settings, (r) => (results[r.index] = r));
  return tasks.map((t) => results[t.index]);
}

function runWorker(tasks: FileTask[], settings: CheckSettings, each: (r: FileResult) => void): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const input: WorkerInput = { tag: WORKER_TAG, tasks, settings };
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
  const { tasks, settings } = workerData as WorkerInput;
  checkFiles(tasks, settings, (result) => parentPort!.postMessage({ result } satisfies WorkerMessage));
}
