import * as vscode from 'vscode';
import { LanguageServerGatherer } from './languageFeatures';
import { type ExecuteCommand, type GatherContext, type GatheredSink, type ReviewedCode } from './relatedWork';
import { RelatedFiles, type RelatedProbe } from './relatedFiles';
import { TextGatherer } from './textFallback';

/**
 * One run of both gatherers over the code under review, which requests watch. A request does not wait
 * for every language-server call: once the text search is done, something was found and the job is
 * `softMs` old, what arrived so far is what goes (see `watchJob`). The job itself goes on until its own
 * deadline, so that a cached job ends complete and the next review of the same code gets all of it.
 */
export class RelatedJob {
  readonly started = Date.now();
  readonly sink: GatheredSink = { byServer: [], byText: [], decided: new Set() };
  readonly files: RelatedFiles;
  readonly timings = new CommandTimings();
  textDoneAt: number | undefined;
  doneAt: number | undefined;
  /**
   * Settled before its deadline and not cancelled, every answer in the sink, and worth keeping: a job
   * whose language server decided nothing after slow answers met a server that was loading or
   * restarting (its pending requests end empty), so a later review asks again.
   */
  complete = false;
  readonly settled: Promise<void>;
  /** `Date.now()` after which the job stops: nothing it finds later is waited for. */
  readonly deadline: number;
  readonly #source = new vscode.CancellationTokenSource();
  #listeners: Array<() => void> = [];

  constructor(codes: readonly ReviewedCode[], setup: JobSetup) {
    this.files = new RelatedFiles(setup.exclude, setup);
    this.deadline = this.started + setup.deadlineMs;
    const context: GatherContext = {
      files: this.files,
      execute: this.timings.wrap(setup.execute),
      deadline: this.deadline,
      token: this.#source.token,
      exclude: setup.exclude,
    };
    const server = new LanguageServerGatherer(context, this.sink);
    const text = new TextGatherer(context, this.sink);
    const textDone = Promise.all(codes.map((code) => text.gather(code).catch(() => undefined))).then(() => {
      this.textDoneAt = Date.now();
      this.#changed();
    });
    const serverDone = Promise.all(codes.map((code) => server.gather(code).catch(() => undefined)));
    this.settled = Promise.all([textDone, serverDone]).then(() => {
      this.doneAt = Date.now();
      const settledInTime = !this.#source.token.isCancellationRequested && this.doneAt < context.deadline;
      this.complete = settledInTime && (this.sink.decided.size > 0 || this.timings.slowest(DEFINITIONS) <= SLOW_EMPTY_MS);
      this.#changed();
    });
  }

  get done(): boolean {
    return this.doneAt !== undefined;
  }

  get cancelled(): boolean {
    return this.#source.token.isCancellationRequested;
  }

  /**
   * Finished and not complete, yet its text search ran to the end in time: what it found is still what
   * the text says, only the language servers' part is missing (they were loading). A later review may
   * send it at once while a new gathering asks the servers again.
   */
  get textComplete(): boolean {
    return this.done && !this.cancelled && this.textDoneAt !== undefined && this.textDoneAt < this.deadline;
  }

  /**
   * Finished and worth sending to a later review of the same code: complete, or with what its text
   * search found (with nothing found, the next review waits for the language servers as a new one would).
   */
  get reusable(): boolean {
    return this.complete || (this.textComplete && this.found);
  }

  /** Whether anything was found yet, by either way. */
  get found(): boolean {
    return this.sink.byServer.length > 0 || this.sink.byText.length > 0;
  }

  /** Stops the work still pending: no new request to a language server, no new file read. */
  cancel(): void {
    this.#source.cancel();
    this.#changed();
  }

  /** Resolves at the next change of state (text search done, all done, cancelled) or after `ms`. */
  nextChange(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#listeners.push(done);
    });
  }

  /** For the debug log: when the text search and the whole job ended, and the language-server calls. */
  describe(): string {
    const at = (time: number | undefined) => (time === undefined ? 'pending' : `${time - this.started} ms`);
    return `text ${at(this.textDoneAt)}, all ${at(this.doneAt)}; ${this.timings.describe()}`;
  }

  #changed(): void {
    const listeners = this.#listeners;
    this.#listeners = [];
    for (const listener of listeners) listener();
  }
}

export interface JobSetup extends RelatedProbe {
  readonly exclude: readonly string[];
  readonly execute: ExecuteCommand;
  /** How long the job may run, from its start. */
  readonly deadlineMs: number;
}

export interface WatchLimits {
  readonly token: vscode.CancellationToken;
  /** `Date.now()` after which the request goes with what arrived, whatever is pending. */
  readonly hardDeadline: number;
  /** Age of the job after which, once the text search is done and something was found, nothing more is awaited. */
  readonly softMs: number;
}

const DEFINITIONS = 'vscode.executeDefinitionProvider';
/** A definition answer slower than this, with nothing decided, is a server loading or restarting: its emptiness is not kept. */
const SLOW_EMPTY_MS = 100;

/** How often a watcher looks again whether something was found, while only language servers are pending. */
const RECHECK_MS = 50;

/** Resolves when the request may go: the job is done or cancelled, the hard deadline passed, or there is enough. */
export async function watchJob(job: RelatedJob, limits: WatchLimits): Promise<void> {
  // A cancelled request stops the job it watches (a finished one has nothing left to stop).
  const stop = () => {
    if (!job.done) job.cancel();
  };
  if (limits.token.isCancellationRequested) stop();
  const cancelled = limits.token.onCancellationRequested(stop);
  try {
    for (;;) {
      const now = Date.now();
      if (job.done || job.cancelled || limits.token.isCancellationRequested || now >= limits.hardDeadline) return;
      const softAt = job.started + limits.softMs;
      // Past the soft wait, the language servers are waited for only while nothing was found.
      if (job.textDoneAt !== undefined && now >= softAt && job.found) return;
      const wake = now < softAt ? softAt : now + RECHECK_MS;
      await job.nextChange(Math.min(wake, limits.hardDeadline) - now);
    }
  } finally {
    cancelled.dispose();
  }
}

/** Per command: how many calls, the slowest answer, how many are still pending. */
export class CommandTimings {
  readonly #byCommand = new Map<string, { calls: number; pending: number; slowest: number }>();

  wrap(execute: ExecuteCommand): ExecuteCommand {
    return <T>(command: string, ...args: unknown[]): Thenable<T> => {
      const entry = this.#byCommand.get(command) ?? { calls: 0, pending: 0, slowest: 0 };
      this.#byCommand.set(command, entry);
      entry.calls += 1;
      entry.pending += 1;
      const started = Date.now();
      const settle = () => {
        entry.pending -= 1;
        entry.slowest = Math.max(entry.slowest, Date.now() - started);
      };
      let pending: Promise<T>;
      try {
        pending = Promise.resolve(execute<T>(command, ...args));
      } catch (error) {
        settle();
        throw error;
      }
      pending.then(settle, settle);
      return pending;
    };
  }

  slowest(command: string): number {
    return this.#byCommand.get(command)?.slowest ?? 0;
  }

  describe(): string {
    return [...this.#byCommand]
      .map(
        ([command, entry]) =>
          `${command.replace(/^vscode\.execute|Provider$/g, '')} ${entry.calls}×, slowest ${entry.slowest} ms, ${entry.pending} pending`,
      )
      .join('; ');
  }
}
