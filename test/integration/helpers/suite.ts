import { fakeLm, type FakeLm } from './fake';
import { closeAllEditors } from './workspace';

export interface SuiteWithFakeModel {
  /** The fake model fixture, ready from the suite's first hook on. */
  readonly fake: FakeLm;
  /** Undoes a change (a setting, say) after the current test, last change first. */
  restoreLater(restore: () => Promise<void>): void;
}

/**
 * The hooks every suite needs: the fake model activated once, reset before each test with the editors
 * closed, and what a test changed put back after it.
 */
export function useFakeModel(options: { readonly closeEditors?: boolean } = {}): SuiteWithFakeModel {
  let fake: FakeLm | undefined;
  const restores: Array<() => Promise<void>> = [];
  suiteSetup(async () => {
    fake = await fakeLm();
  });
  setup(async () => {
    fake?.reset();
    if (options.closeEditors !== false) await closeAllEditors();
  });
  teardown(async () => {
    for (let restore = restores.pop(); restore; restore = restores.pop()) await restore();
  });
  return {
    get fake(): FakeLm {
      if (!fake) throw new Error('the fake model is not ready: use it inside a test or hook');
      return fake;
    },
    restoreLater(restore) {
      restores.push(restore);
    },
  };
}
