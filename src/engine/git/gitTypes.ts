/**
 * The few parts of the Git extension's API (`vscode.git`, `getAPI(1)`) that Architect uses, written from
 * its documented shape. Only types: the objects come from the Git extension at run time.
 */
import type { Event, Uri } from 'vscode';

/** The values of the Git extension's `Status` enum that matter here. */
export const GIT_STATUS_UNTRACKED = 7;

export interface GitChange {
  readonly uri: Uri;
  readonly originalUri: Uri;
  readonly renameUri: Uri | undefined;
  readonly status: number;
}

export interface GitBranch {
  readonly name?: string;
  readonly commit?: string;
}

export interface GitRepositoryState {
  readonly HEAD: GitBranch | undefined;
  readonly indexChanges: readonly GitChange[];
  readonly workingTreeChanges: readonly GitChange[];
  /** Only filled when the user keeps untracked files apart (`git.untrackedChanges: separate`). */
  readonly untrackedChanges?: readonly GitChange[];
}

export interface GitRepository {
  readonly rootUri: Uri;
  readonly state: GitRepositoryState;
  status(): Promise<void>;
  getCommit(ref: string): Promise<{ readonly hash: string }>;
  getMergeBase(ref1: string, ref2: string): Promise<string | undefined>;
  diffWith(ref: string, path: string): Promise<string>;
  diffIndexWithHEAD(path: string): Promise<string>;
  /** The text of a file (an absolute file-system path) at `ref`; '' is the index. */
  show(ref: string, path: string): Promise<string>;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  getRepository(uri: Uri): GitRepository | null;
  /** Opens the repository at this root (Source Control → Open Repository); null when there is none. */
  openRepository(root: Uri): Promise<GitRepository | null>;
}

export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}
