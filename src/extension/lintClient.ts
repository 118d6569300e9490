import * as vscode from 'vscode';
import { fork, type ChildProcess } from 'node:child_process';
import { fixAll, lint, type GongwenConfig, type Problem, type SourceFormat } from '../core';
import type { LintRequest, LintResponse } from './lintProcess';

/** After this many crashes in a session, lint in the host without native segmentation. */
const MAX_CRASHES = 3;

type Result = Problem[] | string | undefined;

interface Job {
  key: string;
  request: Omit<LintRequest, 'id'>;
  resolve: (result: Result) => void;
}

/**
 * Lints in one long-lived child process (started on first need). Per document only the newest request waits:
 * a newer version replaces a queued older one, whose caller gets `undefined` (stale). If the child keeps
 * crashing, linting moves into the host with the built-in segmenter, and says so in the log.
 */
export class LintClient implements vscode.Disposable {
  private child: ChildProcess | undefined;
  private running: (Job & { id: number }) | undefined;
  private readonly queue = new Map<string, Job>();
  private nextId = 1;
  private crashes = 0;
  /** What the lint process said (which word segmenter it loaded, and why): kept for the tests and the log. */
  readonly messages: string[] = [];

  constructor(
    private readonly script: string,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Problems for a document version, or undefined when a newer request for the same key superseded it. */
  lint(key: string, text: string, format: SourceFormat, config: GongwenConfig, filePath: string | undefined): Promise<Problem[] | undefined> {
    return this.submit(key, { text, format, config, filePath }) as Promise<Problem[] | undefined>;
  }

  /** The text after every safe fix (re-linted until stable), or undefined when superseded. */
  fixAll(key: string, text: string, format: SourceFormat, config: GongwenConfig, filePath: string | undefined): Promise<string | undefined> {
    return this.submit(`${key}#fix`, { text, format, config, filePath, fixAll: true }) as Promise<string | undefined>;
  }

  private submit(key: string, request: Omit<LintRequest, 'id'>): Promise<Result> {
    return new Promise((resolve) => {
      this.queue.get(key)?.resolve(undefined);
      this.queue.set(key, { key, request, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || !this.queue.size) return;
    const [key, job] = this.queue.entries().next().value as [string, Job];
    this.queue.delete(key);
    if (this.crashes >= MAX_CRASHES) {
      const options = { ...job.request, config: { ...job.request.config, segmenter: 'intl' as const } };
      job.resolve(job.request.fixAll ? fixAll(job.request.text, options).output : lint(job.request.text, options));
      this.pump();
      return;
    }
    const child = this.ensureChild();
    this.running = { ...job, id: this.nextId++ };
    child.send({ id: this.running.id, ...job.request } satisfies LintRequest);
  }

  private ensureChild(): ChildProcess {
    if (this.child) return this.child;
    // ELECTRON_RUN_AS_NODE makes desktop VS Code's Electron binary behave as Node for the child.
    const child = fork(this.script, [], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.on('data', (d: Buffer) => this.log.warn(`lint process: ${d.toString().trimEnd()}`));
    child.on('message', (m: LintResponse) => this.onMessage(m));
    child.on('exit', (code, signal) => this.onExit(child, code, signal));
    this.child = child;
    return child;
  }

  private onMessage(m: LintResponse): void {
    if ('log' in m) {
      this.log.info(m.log);
      this.messages.push(m.log);
      return;
    }
    const job = this.running;
    if (!job || job.id !== m.id) return;
    this.running = undefined;
    if ('error' in m) {
      this.log.error(`lint failed: ${m.error}`);
      job.resolve(job.request.fixAll ? undefined : []);
    } else job.resolve('output' in m ? m.output : m.problems);
    this.pump();
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    this.child = undefined;
    if (this.disposed) return;
    this.crashes++;
    this.log.error(
      `lint process ended (code ${code}, signal ${signal}); ${this.crashes < MAX_CRASHES ? 'restarting on the next request' : 'linting in the editor without native word segmentation from now on'}`,
    );
    const job = this.running;
    this.running = undefined;
    if (job) this.queue.set(job.key, this.queue.get(job.key) ?? job);
    this.pump();
  }

  private disposed = false;

  dispose(): void {
    this.disposed = true;
    this.child?.kill();
    for (const job of this.queue.values()) job.resolve(undefined);
    this.queue.clear();
  }
}
