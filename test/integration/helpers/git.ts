import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as vscode from 'vscode';
import { eventually } from './fake';

/**
 * Runs git to SET UP a test repository. Only tests do this: the product reads repositories through the
 * Git extension and never starts a git process.
 */
export function git(folder: vscode.Uri, ...args: string[]): string {
  const result = tryGit(folder, ...args);
  assert.strictEqual(result.status, 0, `git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Runs git where failing is expected (a merge that conflicts). */
export function tryGit(folder: vscode.Uri, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync('git', ['-c', 'user.name=Architect Tests', '-c', 'user.email=tests@example.com', ...args], {
    cwd: folder.fsPath,
    encoding: 'utf8',
  });
}

interface TestGitRepository {
  readonly rootUri: vscode.Uri;
  status(): Promise<void>;
}

interface TestGitApi {
  readonly repositories: readonly TestGitRepository[];
  openRepository(root: vscode.Uri): Promise<TestGitRepository | null>;
}

/** The Git extension's API, once it has opened the repositories at these roots. */
export async function gitRepositories(...roots: vscode.Uri[]): Promise<TestGitApi> {
  const extension = vscode.extensions.getExtension<{ getAPI(version: 1): TestGitApi }>('vscode.git');
  assert.ok(extension, 'the Git extension is not there');
  const api = (await extension.activate()).getAPI(1);
  await eventually(
    () => roots.every((root) => api.repositories.some((repository) => repository.rootUri.toString() === root.toString())),
    30_000,
    'the Git extension to open the test repositories',
  );
  return api;
}

/** Back to a clean `main` with nothing changed, whatever the last test did. */
export async function resetRepository(api: TestGitApi, root: vscode.Uri): Promise<void> {
  git(root, 'checkout', '-q', '-f', 'main');
  git(root, 'reset', '-q', '--hard', 'main');
  git(root, 'clean', '-q', '-f', '-d');
  await api.repositories.find((repository) => repository.rootUri.toString() === root.toString())?.status();
}
