/**
 * The context-recall benchmark's extension-host side (bundled to out/bench/architect/bench-recall/index.js,
 * loaded as the suite entry: it exports run()). For each case it selects the code under review, sends
 * `@architect /review` through the real Chat view, and records what the model received (the text of every
 * message), the result's metadata and when the request reached the model: right after the TypeScript
 * server restarted with related code on (cold), then again with it on (warm) and with it off (the
 * baseline: what Architect sent before it gathered related code), those two in alternating order. The
 * gatherer is also timed alone, cold and warm. The recall itself is computed by bench/recall/measure.mjs from the received text.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { gatherRelated } from '../../src/engine/related/gatherRelated';

interface Case {
  readonly id: string;
  readonly file: string;
  readonly selection: readonly [number, number];
}

interface Input {
  readonly workspace: string;
  readonly cases: readonly Case[];
  readonly gatherRuns: number;
}

interface Sample {
  readonly id: string;
  readonly mode: 'baseline' | 'cold' | 'warm';
  readonly messages: readonly string[];
  readonly metadata: Record<string, unknown> | null;
  readonly receivedMs: number | null;
  readonly error?: string;
}

interface FakeLm {
  behave(behaviour: { reply?: (request: unknown) => readonly string[]; delayMs?: number }): void;
}

const FAKE_MODEL = { vendor: 'fakevendor', id: 'fake-1' };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function fakeLm(): Promise<FakeLm> {
  const api = await vscode.extensions.getExtension<FakeLm>('architect-tests.fake-lm')?.activate();
  if (!api) throw new Error('the fake-lm fixture is not installed in this runtime');
  for (let attempt = 0; attempt < 80 && (await vscode.lm.selectChatModels(FAKE_MODEL)).length === 0; attempt++) await sleep(250);
  return api;
}

/** The TypeScript server serves TypeScript and JavaScript; a restart makes the next request a cold one. */
async function restartLanguageServer(): Promise<void> {
  try {
    await vscode.commands.executeCommand('typescript.restartTsServer');
  } catch {
    // No TypeScript extension in this runtime: every case is a text-fallback case anyway.
  }
}

async function ask(fake: FakeLm, item: Case, uri: vscode.Uri, mode: Sample['mode']): Promise<Sample> {
  await vscode.commands.executeCommand('workbench.action.chat.newChat');
  await sleep(100);
  const seen: { messages: string[]; received?: number } = { messages: [] };
  fake.behave({
    reply: (request) => {
      seen.received ??= performance.now();
      seen.messages = (request as { messages: ReadonlyArray<{ text: string }> }).messages.map((message) => message.text);
      return ['No findings.\n\n```architect-findings\n[]\n```\n'];
    },
    delayMs: 0,
  });
  const [start, end] = item.selection;
  const started = performance.now();
  try {
    const result = await vscode.commands.executeCommand<{ metadata?: Record<string, unknown> } | undefined>('workbench.action.chat.open', {
      query: '@architect /review',
      isPartialQuery: false,
      mode: 'ask',
      modelSelector: FAKE_MODEL,
      attachFiles: [{ uri, range: { startLineNumber: start, startColumn: 1, endLineNumber: end, endColumn: 1000 } }],
      blockOnResponse: true,
    });
    return {
      id: item.id,
      mode,
      messages: seen.messages,
      metadata: result?.metadata ?? null,
      receivedMs: seen.received === undefined ? null : seen.received - started,
    };
  } catch (error) {
    return { id: item.id, mode, messages: [], metadata: null, receivedMs: null, error: String(error) };
  }
}

async function timeGathering(item: Case, uri: vscode.Uri): Promise<{ ms: number; via: string; candidates: number; detail: string }> {
  const source = new vscode.CancellationTokenSource();
  const started = performance.now();
  const gathered = await gatherRelated([{ uri, ranges: [{ startLine: item.selection[0], endLine: item.selection[1] }] }], {
    token: source.token,
    deadlineMs: 1500,
  });
  source.dispose();
  return {
    ms: performance.now() - started,
    via: gathered.stats.via,
    candidates: gathered.candidates.length,
    detail: gathered.stats.detail,
  };
}

async function setRelated(on: boolean): Promise<void> {
  await vscode.workspace.getConfiguration('architect').update('context.related', on, vscode.ConfigurationTarget.Workspace);
}

export async function run(): Promise<void> {
  const inputPath = process.env['BENCH_RECALL_INPUT'];
  const work = process.env['ARCHITECT_TEST_WORK'];
  if (!inputPath || !work) throw new Error('BENCH_RECALL_INPUT and ARCHITECT_TEST_WORK must be set');
  const input = JSON.parse(fs.readFileSync(inputPath, 'utf8')) as Input;
  const fake = await fakeLm();
  await vscode.extensions.getExtension('architect-tools.architect-chat')?.activate();
  const uriOf = (item: Case) => vscode.Uri.file(path.join(input.workspace, item.file));
  const samples: Sample[] = [];
  const gathering: Array<{ id: string; temperature: 'cold' | 'warm'; ms: number; via: string; candidates: number; detail: string }> = [];

  // Each case: the TypeScript server restarts, the first review goes (cold), then the second review (warm)
  // and the one without related code (baseline), in alternating order, so that both run while the
  // restarted server is still busy in the background: what they are compared on is what Architect adds.
  for (const [index, item] of input.cases.entries()) {
    await vscode.window.showTextDocument(uriOf(item));
    await restartLanguageServer();
    await setRelated(true);
    samples.push(await ask(fake, item, uriOf(item), 'cold'));
    const warm = async () => {
      await setRelated(true);
      samples.push(await ask(fake, item, uriOf(item), 'warm'));
    };
    const baseline = async () => {
      await setRelated(false);
      samples.push(await ask(fake, item, uriOf(item), 'baseline'));
    };
    for (const next of index % 2 === 0 ? [warm, baseline] : [baseline, warm]) await next();
  }
  await setRelated(true);
  for (const item of input.cases) {
    await restartLanguageServer();
    gathering.push({ id: item.id, temperature: 'cold', ...(await timeGathering(item, uriOf(item))) });
    for (let runIndex = 0; runIndex < input.gatherRuns; runIndex++)
      gathering.push({ id: item.id, temperature: 'warm', ...(await timeGathering(item, uriOf(item))) });
  }
  fs.writeFileSync(path.join(work, 'bench-recall.json'), JSON.stringify({ samples, gathering }, null, 2));
}
