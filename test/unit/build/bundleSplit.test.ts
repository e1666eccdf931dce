import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { declaresModuleState, SHARED_STATELESS, splitProblems } from '../../../scripts/bundle-split.mjs';
import { repoRoot as root } from '../support/helpers';

/** A metafile with the two outputs of scripts/build.mjs, holding the given inputs. */
function metafile(extension: readonly string[], engine: readonly string[]) {
  const output = (inputs: readonly string[]) => ({
    bytes: 1,
    entryPoint: 'x',
    imports: [],
    exports: [],
    inputs: Object.fromEntries(inputs.map((file) => [file, { bytesInOutput: 1 }])),
  });
  return { inputs: {}, outputs: { 'dist/extension.js': output(extension), 'dist/engine.js': output(engine) } };
}

describe('the split between dist/extension.js and dist/engine.js', () => {
  test('a sound split has no problems', () => {
    const shared = [...SHARED_STATELESS];
    assert.deepEqual(splitProblems(metafile(['src/extension.ts', ...shared], ['src/engine/engine.ts', ...shared]), root), []);
  });

  test('a module with state in both bundles is reported', () => {
    // chooseRepository keeps the pending Source Control choice at module level: two copies would lose it.
    const problems = splitProblems(metafile(['src/engine/git/chooseRepository.ts'], ['src/engine/git/chooseRepository.ts']), root);
    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /chooseRepository\.ts is in both bundles/);
  });

  test('a library in the activation bundle is reported', () => {
    const problems = splitProblems(metafile(['node_modules/zod/v4/mini/index.js'], []), root);
    assert.match(problems[0] ?? '', /libraries belong to the engine/);
  });

  test('every module allowed in both bundles declares no module-level variable or class', () => {
    // splitProblems reads the sources; a stateful module on the list would be reported on every build.
    assert.deepEqual(
      splitProblems(metafile([], []), root).filter((line) => line.includes('SHARED_STATELESS')),
      [],
    );
  });

  test('module-level state is recognised; literal constants and functions are not state', () => {
    for (const stateful of [
      'let pending: Uri | undefined;',
      'export let count = 0;',
      'var x = 1;',
      'export class Store {}',
      'const cache = new Map<string, string>();',
      'export const schema = lazy(() => z.object({}));',
      'const names: readonly string[] = Object.values(TABLE);',
    ])
      assert.equal(declaresModuleState(`import x from 'y';\n${stateful}\n`), true, stateful);
    for (const stateless of [
      "export const PATH = '.github/x.json';",
      'export const LIMITS = { max: 3 } as const;',
      'export function read(): void {\n  let local = 1;\n}',
      '  const inner = new Map();',
    ])
      assert.equal(declaresModuleState(stateless), false, stateless);
  });
});
