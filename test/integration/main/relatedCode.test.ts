import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask, askInAgentMode } from '../helpers/chat';
import { allText, lastRequest } from '../helpers/fake';
import { architectLogText } from '../helpers/log';
import { writeFile, withSetting } from '../helpers/workspace';

const REPOSITORY = [
  'export async function findOrders(term: string): Promise<string[]> {',
  '  const sql = "SELECT * FROM orders WHERE note LIKE \'%" + term + "%\'";',
  '  return [sql];',
  '}',
  '',
].join('\n');

const HANDLER = [
  "import { findOrders } from './ordersRepo';",
  '',
  'export async function searchHandler(query: { q?: string }): Promise<string[]> {',
  "  return findOrders(query.q ?? '');",
  '}',
  '',
].join('\n');

interface RelatedEntry {
  readonly path: string;
  readonly symbol: string;
  readonly reason: string;
}

/** A key with a real key's shape, made when the test runs: no credential-shaped text sits in the repository. */
function liveStripeKey(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let out = '';
  for (let index = 0; index < 24; index++) out += alphabet[(index * 7919 + 31) % alphabet.length];
  return `sk_${'live'}_${out}`;
}

/** The Architect log's request lines (timings and counts, never text), for a failure message. */
function requestTimings(): string {
  return architectLogText()
    .split('\n')
    .filter((line) => line.includes('timings:'))
    .slice(-3)
    .join('\n');
}

// The cases here are the cheap ones the text search finds without a language server: a relative import in
// the same folder. Each test first sends the request once without looking at it, as a person's first
// request on newly written files is: it loads the TypeScript project of those files, which on a busy host
// can take the whole related-code deadline. What the second request sends is what is asserted.
suite('related code', () => {
  const lm = useFakeModel();

  /**
   * A handler and the repository it imports, written for the test. Both are opened, as files that were in
   * the workspace before the request are known to the TypeScript server; a file it has never seen can
   * make it answer "no definition" faster than the text search finds one.
   */
  async function handlerAndRepository(folder: string, repository = REPOSITORY) {
    const repositoryUri = await writeFile(`${folder}/ordersRepo.ts`, repository);
    const handler = await writeFile(`${folder}/handler.ts`, HANDLER);
    await vscode.workspace.openTextDocument(repositoryUri);
    await vscode.workspace.openTextDocument(handler);
    return handler;
  }

  /** The first request on the handler, not looked at; the fake model's record starts after it. */
  async function warmUp(handler: vscode.Uri): Promise<void> {
    await ask('@architect /review', { attach: [handler] });
    lm.fake.reset();
  }

  for (const [mode, send] of [
    ['', ask],
    [' (Agent mode)', askInAgentMode],
  ] as const)
    test(`/review of a handler sends the definition it calls, labelled as related code, and lists it in metadata.related${mode}`, async () => {
      const folder = `src/related-a${mode ? '-agent' : ''}`;
      const handler = await handlerAndRepository(folder);
      await warmUp(handler);
      const result = await send('@architect /review', { attach: [handler] });
      assert.strictEqual(result.errorDetails, undefined);
      const related = (result.metadata?.['related'] ?? []) as RelatedEntry[];
      assert.ok(
        related.some((entry) => entry.path === `${folder}/ordersRepo.ts` && entry.symbol === 'findOrders' && entry.reason === 'definition'),
        `metadata.related: ${JSON.stringify(related)}\n${requestTimings()}`,
      );
      const piece = lastRequest(lm.fake).messages.find(
        (message) => message.text.includes('Related code') && message.text.includes('ordersRepo.ts'),
      );
      assert.ok(piece, 'no related-code message names ordersRepo.ts');
      assert.match(piece.text, /not under review/);
      assert.match(piece.text, /\d+ \| +const sql = "SELECT \* FROM orders/);
    });

  test('a secret inside a related declaration is redacted', async () => {
    const key = liveStripeKey();
    const repository = REPOSITORY.replace('  return [sql];', `  const paymentsKey = '${key}';\n  return [sql, paymentsKey];`);
    const handler = await handlerAndRepository('src/related-b', repository);
    await warmUp(handler);
    const result = await ask('@architect /review', { attach: [handler] });
    const text = allText(lastRequest(lm.fake));
    const related = (result.metadata?.['related'] ?? []) as RelatedEntry[];
    // Not vacuous: the declaration holding the key was sent, around the key.
    assert.ok(
      related.some((entry) => entry.path === 'src/related-b/ordersRepo.ts'),
      `no related code was sent\n${requestTimings()}`,
    );
    assert.match(text, /const paymentsKey = /, 'the declaration holding the key was not sent');
    assert.ok(!text.includes(key), 'the key reached the model');
  });

  test("a small model's budget: related code gets at most a quarter of it, after the code under review, and what did not fit is named", async () => {
    const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
    const body = (name: string) =>
      Array.from({ length: 30 }, (_, line) => `  const part${line} = "SELECT ${name}_column_${line} FROM orders WHERE note = " + term;`);
    const repository = names.map((name) =>
      [`export function ${name}Query(term: string): string {`, ...body(name), '  return part0;', '}', ''].join('\n'),
    );
    const queries = names.map((name) => `${name}Query`);
    await writeFile('src/related-e/ordersRepo.ts', repository.join('\n'));
    const handler = await writeFile(
      'src/related-e/handler.ts',
      `import { ${queries.join(', ')} } from './ordersRepo';\n\nexport function searchAll(term: string): string[] {\n  return [${queries.map((query) => `${query}(term)`).join(', ')}];\n}\n`,
    );
    await vscode.workspace.openTextDocument(handler);
    await warmUp(handler);
    // After the warm-up, whose reset of the fake puts its limit back to 128K.
    const limit = 8192;
    lm.fake.setMaxInputTokens(limit);
    lm.restoreLater(async () => lm.fake.setMaxInputTokens(128_000));
    const result = await ask('@architect /review', { attach: [handler] });
    const request = lastRequest(lm.fake);
    assert.ok(allText(request).includes('return [alphaQuery(term), bravoQuery(term)'), 'the code under review was not sent whole');
    const related = request.messages.filter((message) => message.text.startsWith('Related code')).map((message) => message.text);
    assert.ok(related.length > 0, `no related code was sent\n${requestTimings()}`);
    // The fake counts a token per four characters; a quarter of the code budget is less than a quarter of the input.
    const relatedTokens = Math.ceil(related.join('').length / 4);
    assert.ok(relatedTokens <= limit / 4, `related code took about ${relatedTokens} tokens of ${limit}`);
    const notes = (result.metadata?.['notes'] ?? []) as string[];
    assert.ok(
      notes.some((note) => note.startsWith("Related code left out to fit the model's input limit: ")),
      JSON.stringify(notes),
    );
  });

  test('architect.context.related false sends no related code', async () => {
    const handler = await handlerAndRepository('src/related-c');
    lm.restoreLater(await withSetting('architect.context.related', false));
    const result = await ask('@architect /review', { attach: [handler] });
    assert.ok(!allText(lastRequest(lm.fake)).includes('Related code'), 'related code was sent with the setting off');
    assert.ok(((result.metadata?.['related'] ?? []) as RelatedEntry[]).length === 0);
  });

  test('a declaration in an excluded file is not sent', async () => {
    const handler = await handlerAndRepository('src/related-d');
    const exclude = vscode.workspace.getConfiguration('architect').get<string[]>('exclude') ?? [];
    lm.restoreLater(await withSetting('architect.exclude', [...exclude, '**/ordersRepo.ts']));
    const result = await ask('@architect /review', { attach: [handler] });
    assert.ok(!allText(lastRequest(lm.fake)).includes('SELECT * FROM orders'), 'the excluded declaration reached the model');
    assert.ok(!((result.metadata?.['related'] ?? []) as RelatedEntry[]).some((entry) => entry.path.endsWith('ordersRepo.ts')));
  });
});
