import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGlob } from '../../../src/core/glob/globProgram';
import { runGlob } from '../../../src/core/glob/runGlob';
import { globMatches, globsCompiled } from '../../../src/core/glob/globList';
import { GLOB_LIMITS } from '../../../src/core/glob/globLimits';
import { appliesTo, parseInstructionFile } from '../../../src/core/instructions/applyTo';
import { chooseInstructions } from '../../../src/core/instructions/selectInstructions';
import { instructionsPart } from '../../../src/core/instructions/instructionsMessage';
import { type InstructionFile } from '../../../src/core/instructions/instructionFile';
import { DEFAULT_EXCLUDE, excludingPattern } from '../../../src/core/context/exclude';
import { findFilesInput, parseToolInput } from '../../../src/core/tools/toolSchemas';
import { buildChangesContext } from '../../../src/core/changes/changesContext';

/**
 * The bound every run must keep, by construction of the matcher: per character of the path, each
 * instruction is reached at most once and reads the character at most once.
 */
function bound(glob: string, path: string): number {
  return 2 * compileGlob(glob).instructions.length * (path.length + 1);
}

function steps(glob: string, path: string): number {
  return runGlob(compileGlob(glob), path).steps;
}

describe('the glob dialect (VS Code: *, **, ?, {a,b}, [...])', () => {
  const cases: Array<[string, string, boolean]> = [
    ['*.ts', 'a.ts', true],
    ['*.ts', 'src/a.ts', false],
    ['**/*.ts', 'src/a.ts', true],
    ['**/*.ts', 'a.ts', true],
    ['src/**', 'src', true],
    ['src/**', 'src/a/b.ts', true],
    ['src/**', 'srcx/a.ts', false],
    ['src/**/*.ts', 'src/a.ts', true],
    ['src/**/*.ts', 'src/a/b/c.ts', true],
    ['**', 'a/b/c', true],
    ['{a,b}.ts', 'b.ts', true],
    ['{a,b}.ts', 'c.ts', false],
    ['{src/{x,y},lib}/*.js', 'src/y/a.js', true],
    ['{a,}x', 'x', true],
    ['[abc].md', 'b.md', true],
    ['[a-c].md', 'B.md', true],
    ['[!a].md', 'a.md', false],
    ['[^a].md', 'b.md', true],
    ['a?c', 'abc', true],
    ['a?c', 'a/c', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['.ENV', '.env', true],
    ['*', '.hidden', true],
    ['a{b', 'a{b', true],
    ['[oops', '[oops', true],
    ['+(a)b', '+(a)b', true],
    ['+(a)b', 'ab', false],
  ];
  for (const [glob, path, expected] of cases) {
    test(`${JSON.stringify(glob)} ${expected ? 'matches' : 'does not match'} ${JSON.stringify(path)}`, () => {
      assert.equal(runGlob(compileGlob(glob), path).matched, expected);
    });
  }
});

describe('R43 bounded glob matching', () => {
  const backtracker = '*?'.repeat(10) + '#';

  test('R43: `*?`×10 + `#` against long paths costs at most 2 × instructions × (path length + 1) steps', () => {
    for (const length of [44, 440, 4400]) {
      const path = 'a'.repeat(length);
      const run = runGlob(compileGlob(backtracker), path);
      assert.equal(run.matched, false);
      assert.ok(run.steps <= bound(backtracker, path), `${run.steps} steps for ${length} characters`);
    }
    // Linear in the path: ten times the path, at most ten times the work (and a little).
    const short = steps(backtracker, 'a'.repeat(440));
    const long = steps(backtracker, 'a'.repeat(4400));
    assert.ok(long <= short * 10.5, `${short} → ${long}`);
  });

  test('R43: nested extglobs `+(+(a))b` are plain characters, and 1,000 such matches stay within the bound', () => {
    const globs = ['+(+(a))b', '*(*(*(a)))b', '@(a|a|a)*b', backtracker, '**/'.repeat(20) + 'x'];
    let total = 0;
    let allowed = 0;
    for (let round = 0; round < 200; round++) {
      for (const glob of globs) {
        const path = 'a'.repeat(100 + round) + '/' + 'a'.repeat(40);
        total += steps(glob, path);
        allowed += bound(glob, path);
      }
    }
    assert.ok(total <= allowed, `${total} steps for 1,000 matches, bound ${allowed}`);
    assert.equal(globMatches('+(+(a))b', 'aaab'), false);
  });

  test('R43: every glob built from the dialect runs within 2 × instructions × (path length + 1) steps', () => {
    const piece = fc.constantFrom('*', '**', '?', '/', 'a', '.', '{a,b}', '{', '}', ',', '[a-c]', '[!/]', '+(', ')', '\\');
    const path = fc.array(fc.constantFrom('a', 'b', '/', '.', '\n', 'c'), { maxLength: 80 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
        path,
        (glob, target) => {
          const run = runGlob(compileGlob(glob), target);
          return run.steps <= bound(glob, target);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('the literal check before the automaton never changes an answer', () => {
    const piece = fc.constantFrom('*', '**/', '?', '/', 'a', 'B', '.pem', '{a,b}', '[a-c]', '/**', 'x');
    const path = fc.array(fc.constantFrom('a', 'b', '/', '.', 'x', '.PEM', 'é'), { maxLength: 16 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
        path,
        (glob, target) => {
          const program = compileGlob(glob);
          return runGlob(program, target).matched === runGlob({ ...program, required: '', suffix: '' }, target).matched;
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('R43: a find_files pattern built to backtrack is refused before it reaches the search, with a reason the model can act on', () => {
    for (const pattern of [backtracker, '{a,{b,{c,d}}}/*', '*a*b*c*d*e*f*g*h*i']) {
      const parsed = parseToolInput(findFilesInput, { pattern });
      assert.equal(parsed.ok, false, pattern);
      assert.match(parsed.ok ? '' : parsed.error, /Invalid input for "pattern": a simpler glob/);
    }
    for (const pattern of ['src/**/*.ts', '**/*.{ts,tsx}', '**/test/**/*.spec.ts', '**/{src,lib}/**/*.{js,mjs,cjs}', '+(+(a))b']) {
      assert.equal(parseToolInput(findFilesInput, { pattern }).ok, true, pattern);
    }
  });

  test('R43: an exclusion pattern built to backtrack, or a nested extglob, is refused without compiling: it excludes every path', () => {
    const before = globsCompiled();
    for (let round = 0; round < 1000; round++) {
      assert.equal(excludingPattern(`src/${'a'.repeat(44)}${round % 7}`, [backtracker, '+(+(a))b']), backtracker);
    }
    assert.equal(globsCompiled() - before, 0);
  });
});

const aliasBomb = (aliases: number) =>
  [
    '---',
    `x: &g "src/${'{a,b}'.repeat(400)}*"`,
    `applyTo: [${Array.from({ length: aliases }, () => '*g').join(', ')}]`,
    '---',
    'Rules.',
  ].join('\n');

function scoped(label: string, text: string): InstructionFile {
  return { label, matchPath: label, kind: 'scoped', content: { kind: 'text', text }, attachedByChat: false };
}

describe('R42 bounded applyTo lists', () => {
  test('R42: a YAML alias bomb of 8,000 aliases to a 2 KB glob compiles at most one glob', () => {
    const parsed = parseInstructionFile(aliasBomb(8000));
    assert.equal(parsed.applyTo.kind, 'globs');
    const before = globsCompiled();
    assert.equal(appliesTo(parsed.applyTo, ['src/main.ts', 'lib/other.ts']), false);
    assert.ok(globsCompiled() - before <= 1);
  });

  test('R42: thousands of distinct globs keep only the first 64, and the note says how many were ignored', async () => {
    const globs = Array.from({ length: 5000 }, (_, index) => `gen/${index}/**`);
    const text = ['---', `applyTo: ${JSON.stringify(globs)}`, '---', 'Rules.'].join('\n');
    const parsed = parseInstructionFile(text);
    assert.ok(parsed.applyTo.kind === 'globs');
    assert.equal(parsed.applyTo.globs.length, GLOB_LIMITS.maxPerList);
    assert.equal(parsed.applyTo.ignored, 5000 - GLOB_LIMITS.maxPerList);
    const before = globsCompiled();
    appliesTo(parsed.applyTo, ['elsewhere/a.ts']);
    assert.ok(globsCompiled() - before <= GLOB_LIMITS.maxPerList);
    const choice = chooseInstructions([scoped('.github/instructions/many.instructions.md', text)], ['gen/3/a.ts']);
    assert.equal(choice.chosen.length, 1);
    const part = await instructionsPart(choice, { exclude: [], redactSecrets: false });
    assert.ok(part.notes.some((note) => note.includes('4936 applyTo globs were ignored')));
  });

  test('R42: one glob of 100 KB is refused, not compiled: the file applies to nothing and a note says so', async () => {
    const text = ['---', `applyTo: "src/${'*a'.repeat(50_000)}"`, '---', 'Rules.'].join('\n');
    const parsed = parseInstructionFile(text);
    assert.deepEqual(parsed.applyTo, {
      kind: 'globs',
      globs: [],
      ignored: 1,
      refused: [{ glob: `src/${'*a'.repeat(50_000)}`, refusal: 'too-long' }],
    });
    const before = globsCompiled();
    assert.equal(appliesTo(parsed.applyTo, ['src/a']), false);
    assert.equal(globsCompiled() - before, 0);
    const choice = chooseInstructions([scoped('.github/instructions/huge.instructions.md', text)], ['src/a']);
    const part = await instructionsPart(choice, { exclude: [], redactSecrets: false });
    assert.ok(
      part.notes.some((note) =>
        /huge\.instructions\.md: the applyTo glob "src\/\*a.*" was ignored: it is longer than 256 characters/.test(note),
      ),
    );
  });

  test('R42: the list is compiled lazily: a first glob that matches is the only one compiled', () => {
    const globs = ['lazy-first/**', ...Array.from({ length: 60 }, (_, index) => `lazy-rest-${index}/**`)];
    const before = globsCompiled();
    assert.equal(appliesTo({ kind: 'globs', globs }, ['lazy-first/a.ts']), true);
    assert.equal(globsCompiled() - before, 1);
  });
});

describe('R49 line breaks in paths', () => {
  test('R49: cfg U+2028 /.env, keys LF /server.pem, a CR /prod.tfstate are excluded by the default patterns', () => {
    for (const path of ['cfg\u2028/.env', 'keys\n/server.pem', 'a\r/prod.tfstate', 'x\u0085/y\u000b/id_rsa', 'k\n```\n.pem']) {
      assert.notEqual(excludingPattern(path, DEFAULT_EXCLUDE), undefined, JSON.stringify(path));
    }
  });

  test('R49: any line break in any folder name before an excluded name leaves it excluded', () => {
    const lineBreak = fc.constantFrom('\n', '\r', '\r\n', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029');
    const segment = fc
      .tuple(fc.stringMatching(/^[a-z]{0,5}$/), lineBreak, fc.stringMatching(/^[a-z]{0,5}$/))
      .map(([before, brk, after]) => before + brk + after);
    const excluded = fc.constantFrom('.env', 'server.pem', 'prod.tfstate', 'id_ed25519', '.aws/credentials', '.kube/config');
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 3 }), excluded, (folders, name) => {
        return excludingPattern(`${folders.join('/')}/${name}`, DEFAULT_EXCLUDE) !== undefined;
      }),
      { numRuns: 300 },
    );
  });

  test('R49: /changes leaves out a changed file behind a folder name with a line break, like the plain name', async () => {
    const files = ['keys\n/server.pem', 'cfg\u2028/.env', 'a\r/prod.tfstate'].map((path) => ({
      path,
      status: 'modified' as const,
      binary: false,
      added: 1,
      removed: 0,
      hunks: [{ oldStart: 1, oldLines: 0, newStart: 1, newLines: 1, lines: [{ kind: 'add' as const, newLine: 1, text: 'SECRET_LINE' }] }],
    }));
    const context = await buildChangesContext({ files, exclude: DEFAULT_EXCLUDE, redactSecrets: true, budgetChars: 10_000 });
    assert.deepEqual(context.pieces, []);
    assert.equal(context.notes.filter((note) => note.includes('matches the exclusion pattern')).length, 3);
  });

  test('R49: an applyTo glob matches a path with a line break in a folder name', () => {
    assert.equal(appliesTo({ kind: 'globs', globs: ['**/*.pem'] }, ['keys\n/server.pem']), true);
    assert.equal(appliesTo({ kind: 'globs', globs: ['src/**'] }, ['src/a\u2028b/c.ts']), true);
  });
});
