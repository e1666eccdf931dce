import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { withinDeadline, type Cancellable } from '../../../src/core/withinDeadline';

class Token implements Cancellable {
  isCancellationRequested = false;
  listeners = new Set<() => void>();
  onCancellationRequested(listener: () => void) {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
  cancel() {
    this.isCancellationRequested = true;
    for (const listener of [...this.listeners]) listener();
  }
}

describe('work bounded by a deadline (the related-code gatherer)', () => {
  test('what the work resolves to in time is returned, and the listener is released', async () => {
    const token = new Token();
    assert.equal(await withinDeadline(Promise.resolve(7), 1_000, token), 7);
    assert.equal(token.listeners.size, 0);
  });

  test('work that never settles cannot hold the caller: nothing, once the deadline passed', async () => {
    const token = new Token();
    assert.equal(await withinDeadline(new Promise<number>(() => undefined), 5, token), undefined);
    assert.equal(token.listeners.size, 0);
  });

  test('work that fails ends as nothing, not as an error', async () => {
    assert.equal(await withinDeadline(Promise.reject(new Error('definition provider crashed')), 1_000, new Token()), undefined);
  });

  test('cancellation ends the wait at once, before the deadline', async () => {
    const token = new Token();
    const waiting = withinDeadline(new Promise<number>(() => undefined), 60_000, token);
    token.cancel();
    assert.equal(await waiting, undefined);
    const already = new Token();
    already.cancel();
    assert.equal(await withinDeadline(Promise.resolve(1), 60_000, already), undefined);
  });
});
