import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask } from '../helpers/chat';
import { allText, lastRequest } from '../helpers/fake';
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

// What related code is found, and within its deadline, is tested against the gatherer itself in the
// `related` suite; a request through the chat under the load of a full run can reach its deadline first, so
// here only what must never be sent is asserted.
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
