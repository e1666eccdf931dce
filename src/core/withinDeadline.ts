/** The shape of a cancellation token that matters here (VS Code's `CancellationToken` has it). */
export interface Cancellable {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/**
 * What `work` resolves to, or `undefined` once `deadlineMs` passed, the token was cancelled or the work
 * failed, whichever comes first: work that never settles cannot hold its caller. The timer and the
 * cancellation listener are released either way, so nothing of it outlives the call.
 */
export function withinDeadline<T>(work: Promise<T>, deadlineMs: number, token: Cancellable): Promise<T | undefined> {
  if (token.isCancellationRequested) {
    work.catch(() => undefined);
    return Promise.resolve(undefined);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listener: { dispose(): void } | undefined;
  const stop = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, deadlineMs));
    listener = token.onCancellationRequested(() => resolve(undefined));
  });
  const settled = work.catch(() => undefined);
  return Promise.race([settled, stop]).finally(() => {
    clearTimeout(timer);
    listener?.dispose();
  });
}
