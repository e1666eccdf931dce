/**
 * The benchmark's extension-host side (bundled to out/bench/e2e/index.js, loaded as the suite entry:
 * it exports run()). It sends the same request with a 100 KB attachment through the real Chat view to
 * `@architect /review` and to `@echo` (the floor), alternating, and records when the participant's
 * handler started, when the fake model received the request and when chat.open resolved (the last
 * chunk forwarded). Then `@architect /changes` of a working copy that adds the same 100 KB against
 * `@architect /review` of it. All clocks are performance.now() of this one extension-host process.
 * Results go to a JSON file that bench/run.mjs reads back.
 */
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as path from 'path';
import * as vscode from 'vscode';

interface Input {
  readonly file: string;
  readonly warmup: number;
  readonly runs: number;
  readonly longWarmup: number;
  readonly longRuns: number;
  readonly profiledRuns: number;
  /** Rounds of the hop experiment (each round: every variant once). */
  readonly hopRuns: number;
  /** The /changes series: warm-up rounds and measured rounds (each round: /changes and /review once). */
  readonly changesWarmup: number;
  readonly changesRuns: number;
  readonly reply: readonly string[];
  readonly longReply: readonly string[];
  readonly queries: { readonly architect: string; readonly echo: string; readonly changes: string };
}

interface EchoApi {
  readonly marks: { handlerStarted: number; sendCalled: number; requests: number };
  configure(extra: {
    tools?: vscode.LanguageModelChatTool[];
    padding?: string;
    progress?: boolean;
    replay?: { readonly messages: readonly string[]; readonly justification: string };
  }): void;
}

/**
 * What @echo adds in the hop experiment: Architect's four tools, Architect's extra text, both; or it
 * streams a note and its references before sending, as @architect does.
 */
type HopVariant = 'plain' | 'tools' | 'text' | 'tools+text' | 'progress' | 'replay';
const HOP_VARIANTS: readonly HopVariant[] = ['plain', 'tools', 'text', 'tools+text', 'progress', 'replay'];

/** One direct `model.sendRequest` from this host, outside any chat request. */
interface DirectSample {
  readonly tools: boolean;
  /** sendRequest called → its promise resolved (VS Code's round trip to the workbench and back). */
  readonly resolvedMs: number;
  /** sendRequest called → the provider received the request. */
  readonly receivedMs: number;
}

interface Marks {
  handlerStarted: number;
  sendCalled: number;
}

/** The file-system round trip under a request's own conditions: a stat and a readFile of the attachment started with the handler. */
interface InRequestProbe {
  enabled: boolean;
  readonly statMs: number[];
  readonly readFileMs: number[];
}

interface FakeLm {
  readonly state: { countTokensCalls: number };
  behave(behaviour: { reply?: (request: unknown) => readonly string[]; delayMs?: number }): void;
}

type Participant = 'architect' | 'echo';

/** In the /changes series: which command of Architect's a request was (/review attaches the file, /changes does not). */
type Command = 'changes' | 'review';

/** How one request differs from the usual: @echo's hop variant, or the command of the /changes series. */
interface Variation {
  readonly variant?: HopVariant;
  readonly command?: Command;
}

type Ask = (participant: Participant, reply: readonly string[], phase: Sample['phase'], how?: Variation) => Promise<Sample>;

interface Sample {
  readonly participant: Participant;
  readonly phase: 'warmup' | 'measure' | 'profile' | 'hop';
  /** In the hop phase: what @echo added to its request. */
  readonly variant?: HopVariant;
  /** In the /changes series. */
  readonly command?: Command;
  /** performance.now() just before chat.open. */
  readonly startedAt: number;
  /** From just before chat.open to the participant's handler starting (VS Code's part). */
  readonly handlerMs: number | null;
  /** From just before chat.open to the participant calling model.sendRequest (echo marks it itself). */
  readonly sendCalledMs: number | null;
  /** From just before chat.open to the fake model receiving the request. */
  readonly receivedMs: number | null;
  /** From just before chat.open to chat.open resolving (blockOnResponse: the answer is complete). */
  readonly totalMs: number;
  readonly countTokensCalls: number;
  /** What the model received: characters of all messages, and tools offered. */
  readonly requestChars: number | null;
  readonly requestTools: number | null;
  readonly outcome?: string;
  readonly error?: string;
}

const FAKE_MODEL = { vendor: 'fakevendor', id: 'fake-1' };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<void> {
  const inputPath = process.env['BENCH_E2E_INPUT'];
  const work = process.env['ARCHITECT_TEST_WORK'];
  if (!inputPath || !work) throw new Error('BENCH_E2E_INPUT and ARCHITECT_TEST_WORK must be set');
  const input = JSON.parse(fs.readFileSync(inputPath, 'utf8')) as Input;
  const outPath = path.join(work, 'bench-e2e.json');
  const uri = vscode.Uri.file(input.file);

  const fake = await fakeLm();
  const architect = vscode.extensions.getExtension('architect-tools.architect-chat');
  if (!architect) throw new Error('Architect is not loaded as the development extension');
  // This suite shares its `vscode` API object with Architect (the development extension, whose folder
  // it sits in): wrapping createChatParticipant before activation marks when Architect's handler starts,
  // without touching Architect. (VS Code freezes the model and workspace.fs objects, so when Architect
  // calls sendRequest comes from its own request log instead.)
  const architectMarks: Marks = { handlerStarted: 0, sendCalled: 0 };
  const inRequest: InRequestProbe = { enabled: false, statMs: [], readFileMs: [] };
  const handlerTimed = !architect.isActive;
  if (handlerTimed) {
    const chat = vscode.chat as { createChatParticipant: typeof vscode.chat.createChatParticipant };
    const create = chat.createChatParticipant.bind(vscode.chat);
    chat.createChatParticipant = (id, handler) =>
      create(id, (request, context, stream, token) => {
        architectMarks.handlerStarted = performance.now();
        if (inRequest.enabled) {
          const t0 = performance.now();
          void vscode.workspace.fs.stat(uri).then(() => inRequest.statMs.push(performance.now() - t0));
          void vscode.workspace.fs.readFile(uri).then(() => inRequest.readFileMs.push(performance.now() - t0));
        }
        return handler(request, context, stream, token);
      });
  }
  // Activation is timed on its own and kept out of the request timings (warm-up runs follow).
  const activationStarted = performance.now();
  await architect.activate();
  const activationMs = performance.now() - activationStarted;
  const echo = await vscode.extensions.getExtension<EchoApi>('architect-bench.echo-participant')?.activate();
  if (!echo) throw new Error('the echo-participant fixture is not installed in this runtime');
  const handlerMarks: Record<Participant, { handlerStarted: number; sendCalled: number }> = { architect: architectMarks, echo: echo.marks };

  const results: {
    activationMs: number;
    handlerTimed: boolean;
    short: Sample[];
    long: Sample[];
    replyChunks: number;
    longReplyChunks: number;
    fsProbe?: { statMs: number[]; readFileMs: number[] };
    fsInRequest?: { statMs: number[]; readFileMs: number[] };
    hop?: { paddingChars: number; toolSchemaChars: number; chat: Sample[]; direct: DirectSample[] };
    /** `/changes` and `/review` of the same code, alternating; or why the series stopped. */
    changes: Sample[];
    changesError?: string;
    /** The Git extension's status() and the diff /changes reads, timed alone from this host after the series. */
    gitProbe?: { statusMs: number[]; diffMs: number[] };
    /** performance.now() × 1000 + this = the CPU profile's clock (µs, monotonic). */
    hrOffsetUs?: number;
  } = {
    activationMs,
    handlerTimed,
    short: [],
    long: [],
    changes: [],
    replyChunks: input.reply.length,
    longReplyChunks: input.longReply.length,
  };
  const save = () => fs.writeFileSync(outPath, JSON.stringify(results, null, 2));

  /** What @architect's last measured request said, for @echo to send again in the hop experiment. */
  let lastArchitectMessages: readonly string[] = [];
  const ask: Ask = async (participant, reply, phase, how = {}) => {
    await vscode.commands.executeCommand('workbench.action.chat.newChat');
    // Let the new session's view settle, so its work does not land in the next measurement.
    await sleep(100);
    const marks: { received?: number; chars?: number; tools?: number } = {};
    fake.behave({
      reply: (request) => {
        marks.received ??= performance.now();
        const received = request as { messages: ReadonlyArray<{ text: string }>; tools: readonly string[] };
        marks.chars = received.messages.reduce((sum, message) => sum + message.text.length, 0);
        if (participant === 'architect' && phase === 'measure') lastArchitectMessages = received.messages.map((message) => message.text);
        marks.tools = received.tools.length;
        return reply;
      },
      delayMs: 0,
    });
    const countsBefore = fake.state.countTokensCalls;
    handlerMarks[participant].handlerStarted = 0;
    handlerMarks[participant].sendCalled = 0;
    const changes = how.command === 'changes';
    const started = performance.now();
    const result = await vscode.commands.executeCommand<
      { errorDetails?: { message: string }; metadata?: Record<string, unknown> } | undefined
    >('workbench.action.chat.open', {
      query: changes ? input.queries.changes : input.queries[participant],
      isPartialQuery: false,
      mode: 'ask',
      modelSelector: FAKE_MODEL,
      ...(changes ? {} : { attachFiles: [uri] }),
      blockOnResponse: true,
    });
    const totalMs = performance.now() - started;
    const outcome = result?.metadata?.['outcome'];
    const { handlerStarted, sendCalled } = handlerMarks[participant];
    return {
      participant,
      phase,
      ...how,
      startedAt: started,
      handlerMs: handlerStarted === 0 ? null : handlerStarted - started,
      sendCalledMs: sendCalled === 0 ? null : sendCalled - started,
      receivedMs: marks.received === undefined ? null : marks.received - started,
      totalMs,
      countTokensCalls: fake.state.countTokensCalls - countsBefore,
      requestChars: marks.chars ?? null,
      requestTools: marks.tools ?? null,
      ...(typeof outcome === 'string' ? { outcome } : {}),
      ...(result?.errorDetails ? { error: result.errorDetails.message } : {}),
    };
  };

  /** Warm-up for both, then measured runs alternating which one goes first (fair to both). */
  const series = async (into: Sample[], reply: readonly string[], warmup: number, runs: number) => {
    for (let i = 0; i < warmup; i++) {
      into.push(await ask('architect', reply, 'warmup'));
      into.push(await ask('echo', reply, 'warmup'));
    }
    for (let i = 0; i < runs; i++) {
      const order: Participant[] = i % 2 === 0 ? ['architect', 'echo'] : ['echo', 'architect'];
      for (const participant of order) into.push(await ask(participant, reply, 'measure'));
      save();
    }
  };

  await series(results.short, input.reply, input.warmup, input.runs);
  await series(results.long, input.longReply, input.longWarmup, input.longRuns);
  save();
  results.hop = await hopExperiment(architect, echo, fake, input, results.short, ask, lastArchitectMessages);
  save();

  // A CPU profile of this extension host over a few more @architect requests: where our part goes.
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  for (let i = 0; i < input.profiledRuns; i++) results.short.push(await ask('architect', input.reply, 'profile'));
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };

  // A few more, unprofiled, each with a stat and a readFile of the attachment started with the handler:
  // what a file-system round trip costs while the workbench is busy with a request.
  inRequest.enabled = true;
  for (let i = 0; i < input.profiledRuns; i++) results.short.push(await ask('architect', input.reply, 'profile'));
  inRequest.enabled = false;
  results.fsInRequest = { statMs: inRequest.statMs, readFileMs: inRequest.readFileMs };
  session.disconnect();
  fs.writeFileSync(path.join(work, 'architect-requests.cpuprofile'), JSON.stringify(profile));
  results.hrOffsetUs = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;

  // What reading the attachment costs here, the way Architect reads it (vscode.workspace.fs).
  const probe = { statMs: [] as number[], readFileMs: [] as number[] };
  for (let i = 0; i < 10; i++) {
    let t0 = performance.now();
    await vscode.workspace.fs.stat(uri);
    probe.statMs.push(performance.now() - t0);
    t0 = performance.now();
    await vscode.workspace.fs.readFile(uri);
    probe.readFileMs.push(performance.now() - t0);
  }
  results.fsProbe = probe;
  save();
  try {
    const repository = await gitRepositoryOpen();
    await changesSeries(input, ask, results.changes, save);
    results.gitProbe = await gitProbe(repository);
  } catch (error) {
    results.changesError = error instanceof Error ? error.message : String(error);
    save();
    console.log(`bench e2e: the /changes series stopped: ${results.changesError}`);
    throw error;
  }
  save();
  await vscode.commands.executeCommand('workbench.action.chat.newChat');
  console.log(`bench e2e: ${results.short.length + results.long.length + results.changes.length} requests done`);
  console.log('1 passed, 0 failed');
}

/**
 * What VS Code's hop from `sendRequest` to the provider costs for what Architect adds to a request, each
 * part alone: @echo sends its usual request, with Architect's four tool definitions, with as much more
 * text as Architect sends, or both; or exactly what @architect last sent (its messages, tools and
 * justification), which tells what the request costs from what Architect's own host is doing
 * (rounds rotate the order). Then the same with direct `sendRequest`
 * calls from this host outside any chat request, to tell the cost of the tools themselves from the
 * workbench being busy with the chat request.
 */
async function hopExperiment(
  architect: vscode.Extension<unknown>,
  echo: EchoApi,
  fake: FakeLm,
  input: Input,
  short: readonly Sample[],
  ask: Ask,
  architectMessages: readonly string[],
) {
  const names = (
    (architect.packageJSON as { contributes?: { languageModelTools?: { name: string }[] } }).contributes?.languageModelTools ?? []
  ).map((tool) => tool.name);
  const tools = vscode.lm.tools
    .filter((tool) => names.includes(tool.name))
    .map((tool) => ({ name: tool.name, description: tool.description, ...(tool.inputSchema ? { inputSchema: tool.inputSchema } : {}) }));
  const chars = (participant: Participant) =>
    middle(short.filter((x) => x.participant === participant && x.phase === 'measure').map((x) => x.requestChars ?? 0));
  const text = fs.readFileSync(input.file, 'utf8');
  const padding = text.repeat(2).slice(0, Math.max(0, chars('architect') - chars('echo')));
  const chat: Sample[] = [];
  for (let round = 0; round < input.hopRuns; round++) {
    for (let i = 0; i < HOP_VARIANTS.length; i++) {
      const variant = HOP_VARIANTS[(round + i) % HOP_VARIANTS.length] ?? 'plain';
      echo.configure({
        ...(variant.includes('tools') ? { tools } : {}),
        ...(variant.includes('text') ? { padding } : {}),
        progress: variant === 'progress',
        ...(variant === 'replay'
          ? {
              tools,
              replay: {
                messages: architectMessages,
                justification: 'Architect reviews and designs APIs with this model.',
              },
            }
          : {}),
      });
      chat.push(await ask('echo', input.reply, 'hop', { variant }));
    }
  }
  echo.configure({});

  const [model] = await vscode.lm.selectChatModels(FAKE_MODEL);
  const direct: DirectSample[] = [];
  if (model) {
    const messages = [vscode.LanguageModelChatMessage.User(text + padding), vscode.LanguageModelChatMessage.User('Review this.')];
    for (let i = 0; i < input.hopRuns * 2 + 2; i++) {
      const withTools = i % 2 === 0;
      let received = 0;
      fake.behave({ reply: () => ((received ||= performance.now()), ['ok']), delayMs: 0 });
      const source = new vscode.CancellationTokenSource();
      const t0 = performance.now();
      const response = await model.sendRequest(messages, withTools ? { tools } : {}, source.token);
      const resolved = performance.now();
      for await (const chunk of response.text) void chunk;
      source.dispose();
      // The first two are warm-up.
      if (i >= 2) direct.push({ tools: withTools, resolvedMs: resolved - t0, receivedMs: received - t0 });
    }
  }
  return { paddingChars: padding.length, toolSchemaChars: JSON.stringify(tools).length, chat, direct };
}

/**
 * `/changes` against `/review` of the same code: the repository has the attached file committed empty
 * and its working copy holds the 100 KB, so `/changes` sends all of it as added lines where `/review`
 * attaches it. Warm-up for both, then measured rounds alternating which goes first. A `/changes` that
 * did not send the diff to the model stops the series: its time would mean nothing.
 */
async function changesSeries(input: Input, ask: Ask, into: Sample[], save: () => void): Promise<void> {
  const fileChars = fs.readFileSync(input.file, 'utf8').length;
  const one = async (command: Command, phase: Sample['phase']) => {
    const sample = await ask('architect', input.reply, phase, { command });
    into.push(sample);
    if (command === 'changes') checkSentTheDiff(sample, fileChars);
  };
  for (let i = 0; i < input.changesWarmup; i++) {
    await one('changes', 'warmup');
    await one('review', 'warmup');
  }
  for (let i = 0; i < input.changesRuns; i++) {
    const order: Command[] = i % 2 === 0 ? ['changes', 'review'] : ['review', 'changes'];
    for (const command of order) await one(command, 'measure');
    save();
  }
}

/** The two calls of the Git extension's API that /changes waits for. */
interface GitRepository {
  status(): Promise<void>;
  diffWith(ref: string, path: string): Promise<string>;
}

/** The Git extension scans the workspace at startup: wait until it has opened the repository. */
async function gitRepositoryOpen(): Promise<GitRepository> {
  const git = vscode.extensions.getExtension<{ getAPI(version: 1): { readonly repositories: readonly GitRepository[] } }>('vscode.git');
  if (!git) throw new Error('the Git extension is not in this runtime');
  const api = (git.isActive ? git.exports : await git.activate()).getAPI(1);
  for (let attempt = 0; attempt < 120; attempt++) {
    const [repository] = api.repositories;
    if (repository) return repository;
    await sleep(250);
  }
  throw new Error('the Git extension never opened the workspace repository (git.enabled off, or git missing?)');
}

/** What /changes waits for in the Git extension, each call alone and awaited: status(), and the diff of the working copy. */
async function gitProbe(repository: GitRepository): Promise<{ statusMs: number[]; diffMs: number[] }> {
  const probe = { statusMs: [] as number[], diffMs: [] as number[] };
  for (let i = 0; i < 10; i++) {
    let t0 = performance.now();
    await repository.status();
    probe.statusMs.push(performance.now() - t0);
    t0 = performance.now();
    await repository.diffWith('HEAD', '.');
    probe.diffMs.push(performance.now() - t0);
  }
  return probe;
}

/** The model must have received the whole diff: about the file's size (each line with its "+"), plus the prompt. */
function checkSentTheDiff(sample: Sample, fileChars: number): void {
  const chars = sample.requestChars ?? 0;
  const problem =
    sample.error !== undefined
      ? `it failed: ${sample.error}`
      : sample.receivedMs === null
        ? `the model never received it (outcome ${sample.outcome ?? 'none'})`
        : sample.outcome !== 'ok'
          ? `its outcome was ${sample.outcome ?? 'none'}`
          : chars < fileChars * 0.95 || chars > fileChars * 1.5
            ? `the model received ${chars} characters where the changed file has ${fileChars}`
            : undefined;
  if (problem !== undefined) throw new Error(`@architect /changes did not send the diff: ${problem}`);
}

function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The fake language-model fixture, activated, with its model visible to the chat. */
async function fakeLm(): Promise<FakeLm> {
  const extension = vscode.extensions.getExtension<FakeLm>('architect-tests.fake-lm');
  if (!extension) throw new Error('the fake-lm fixture extension is not installed in this runtime');
  const api = await extension.activate();
  for (let attempt = 0; attempt < 80; attempt++) {
    if ((await vscode.lm.selectChatModels(FAKE_MODEL)).length > 0) return api;
    await sleep(250);
  }
  throw new Error('the fake model never showed up in vscode.lm.selectChatModels');
}
