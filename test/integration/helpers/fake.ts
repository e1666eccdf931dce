import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Behaviour, ReceivedRequest } from '../../fixtures/fake-lm/src/extension';

export type { Behaviour, ReceivedRequest };

export interface FakeLm {
  readonly received: ReceivedRequest[];
  readonly state: { countTokensCalls: number; cancelledRequests: number; toolRoundsServed: number };
  behave(behaviour: Behaviour): void;
  reset(): void;
  setMaxInputTokens(value: number): void;
  setEnabled(value: boolean): void;
  writeVirtualFile(path: string, text: string): vscode.Uri;
}

export const FAKE_MODEL = { vendor: 'fakevendor', id: 'fake-1' } as const;

/** The fake language-model fixture, activated, with its models visible to the chat. */
export async function fakeLm(): Promise<FakeLm> {
  const extension = vscode.extensions.getExtension<FakeLm>('architect-tests.fake-lm');
  assert.ok(extension, 'the fake-lm fixture extension is not installed in this runtime');
  const api = await extension.activate();
  for (let attempt = 0; attempt < 80; attempt++) {
    if ((await vscode.lm.selectChatModels(FAKE_MODEL)).length > 0) return api;
    await sleep(250);
  }
  throw new Error('the fake model never showed up in vscode.lm.selectChatModels');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until the check passes (or throws its last failure after the timeout). */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== false && value !== undefined) return value as T;
    } catch (error) {
      lastError = error;
    }
    await sleep(100);
  }
  throw lastError instanceof Error ? lastError : new Error(`timed out waiting for ${what}`);
}

export function lastRequest(fake: FakeLm): ReceivedRequest {
  const request = fake.received.at(-1);
  assert.ok(request, 'the fake model received no request');
  return request;
}

export function allText(request: ReceivedRequest): string {
  return request.messages.map((message) => message.text).join('\n');
}
