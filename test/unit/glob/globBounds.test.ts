import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GLOB_LIMITS, MAX_STEPS_PER_CHECK } from '../../../src/core/glob/globLimits';
import { globRefusal } from '../../../src/core/glob/globRefusal';
import { stepBudget } from '../../../src/core/glob/runGlob';
import { globMatches, globsCompiled } from '../../../src/core/glob/globList';
import { DEFAULT_EXCLUDE, excludingPattern, exclusionOf, unusableExclusion } from '../../../src/core/context/exclude';
import { exclusionReason } from '../../../src/core/context/exclusionReason';
import { applyToVerdict, parseInstructionFile } from '../../../src/core/instructions/applyTo';
import { chooseInstructions } from '../../../src/core/instructions/selectInstructions';
import { instructionsPart } from '../../../src/core/instructions/instructionsMessage';
import { type InstructionFile } from '../../../src/core/instructions/instructionFile';
import { findFilesInput, parseToolInput } from '../../../src/core/tools/toolSchemas';

/** A glob within every limit, built to keep many states alive: a star, then a long run the path repeats. */
const hostileGlob = fc
  .tuple(
    fc.array(fc.constantFrom('*', '?', '[a-b]', '{a,aa}', 'a', '/'), { minLength: 1, maxLength: 12 }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([pieces, tag]) => {
    const head = pieces.join('');
    return (head + 'a'.repeat(GLOB_LIMITS.maxLength)).slice(0, GLOB_LIMITS.maxLength - 4) + `#${tag}`;
  })
  .filter((glob) => globRefusal(glob) === undefined);

const longPath = fc
  .tuple(fc.integer({ min: 1000, max: 4000 }), fc.integer({ min: 0, max: 40 }))
  .map(([length, slashes]) => Array.from({ length }, (_, at) => (slashes > 0 && at % (length / slashes) < 1 ? '/' : 'a')).join('') + '#1');

function scoped(label: string, text: string): InstructionFile {
  return { label, matchPath: label, kind: 'scoped', content: { kind: 'text', text }, attachedByChat: false };
}

describe('R43 a budget of steps for one check of a path against a list', () => {
  test('R43: 64 hostile globs of 256 characters against paths of up to 4,000 characters spend at most MAX_STEPS_PER_CHECK per check', () => {
    fc.assert(
      fc.property(fc.uniqueArray(hostileGlob, { minLength: 1, maxLength: GLOB_LIMITS.maxPerList }), longPath, (globs, path) => {
        const budget = stepBudget();
        exclusionOf(path, globs, budget);
        const applyBudgets: Array<ReturnType<typeof stepBudget>> = [];
        applyToVerdict({ kind: 'globs', globs }, [path], () => {
          const made = stepBudget();
          applyBudgets.push(made);
          return made;
        });
        return budget.spent <= MAX_STEPS_PER_CHECK && applyBudgets.every((made) => made.spent <= MAX_STEPS_PER_CHECK);
      }),
      { numRuns: 40 },
    );
  });

  test('R43: the red-team list (64 globs × 256 characters, 3 paths of 4,000) fails closed for exclusion within the bound', () => {
    const globs = Array.from({ length: 64 }, (_, index) => `*${'a'.repeat(250)}${index}`);
    let spent = 0;
    for (let round = 0; round < 3; round++) {
      const budget = stepBudget();
      const exclusion = exclusionOf(`${'a'.repeat(4000)}${round}`, globs, budget);
      assert.equal(exclusion?.cause, 'too-costly');
      assert.ok(budget.spent <= MAX_STEPS_PER_CHECK, `${budget.spent} steps`);
      spent += budget.spent;
    }
    assert.ok(spent <= 3 * MAX_STEPS_PER_CHECK);
    const note = exclusionReason({ pattern: globs[0] ?? '', cause: 'too-costly' });
    assert.match(note, /took more than 20,000 steps .* so it is treated as excluded/);
  });

  test('R43: 1,000 hostile checks spend at most 1,000 × MAX_STEPS_PER_CHECK steps (about 21 million: well under a second here)', () => {
    const globs = ['*?'.repeat(4) + '#', `*${'a'.repeat(200)}b`, '**/*a*a*a*a*a*a*b'];
    let spent = 0;
    for (let round = 0; round < 1000; round++) {
      const budget = stepBudget();
      exclusionOf(`${'a'.repeat(400 + (round % 50))}/x`, globs, budget);
      spent += budget.spent;
    }
    assert.ok(spent <= 1000 * MAX_STEPS_PER_CHECK, `${spent} steps`);
  });

  test('R43: a list compiles each of its patterns once, however many paths and however often the shared cache is flushed', () => {
    const exclude = Array.from({ length: 10 }, (_, index) => `**/secret-${index}/*.txt`);
    const before = globsCompiled();
    for (let round = 0; round < 20; round++) {
      for (let other = 0; other < GLOB_LIMITS.cacheSize + 10; other++) globMatches(`flush-${round}-${other}/**`, 'x');
      exclusionOf(`src/secret-9/${round}.txt`, exclude);
    }
    assert.equal(globsCompiled() - before, 20 * (GLOB_LIMITS.cacheSize + 10) + exclude.length);
  });

  test('R43: an applyTo check that runs out of steps does not apply, and the answer says why', async () => {
    const globs = Array.from({ length: 64 }, (_, index) => `*${'a'.repeat(250)}${index}`);
    const text = ['---', `applyTo: ${JSON.stringify(globs)}`, '---', 'Rules.'].join('\n');
    const path = `${'a'.repeat(4000)}0`;
    assert.equal(applyToVerdict(parseInstructionFile(text).applyTo, [path]), 'too-costly');
    const choice = chooseInstructions([scoped('.github/instructions/slow.instructions.md', text)], [path]);
    assert.equal(choice.chosen.length, 0);
    const part = await instructionsPart(choice, { exclude: [], redactSecrets: false });
    assert.ok(part.notes.some((note) => note.includes('slow.instructions.md was not used: matching its applyTo globs')));
  });

  test('R43: the default exclusion list is accepted, and checking an ordinary long path uses a small part of the budget', () => {
    assert.deepEqual(
      DEFAULT_EXCLUDE.filter((pattern) => globRefusal(pattern) !== undefined),
      [],
    );
    const budget = stepBudget();
    assert.equal(exclusionOf(`${'src/feature/'.repeat(20)}handler.ts`, DEFAULT_EXCLUDE, budget), undefined);
    assert.ok(budget.spent < GLOB_LIMITS.stepsPerCheck / 4, `${budget.spent} steps`);
  });
});

describe('R43 patterns that would silently match nothing are refused visibly', () => {
  const extglob = fc
    .tuple(fc.stringMatching(/^[a-z*./]{0,8}$/), fc.constantFrom('@(', '!(', '+(', '*(', '?('), fc.stringMatching(/^[a-z|]{1,8}$/))
    .map(([head, mark, body]) => `${head}${mark}${body})`);
  const anyPath = fc.stringMatching(/^[a-z]{1,8}(\/[a-z.]{1,8}){0,3}$/);

  test('R43: an extglob in architect.exclude excludes every file, and the reason names the pattern and the syntax', () => {
    fc.assert(
      fc.property(extglob, anyPath, (pattern, path) => {
        const exclusion = exclusionOf(path, ['**/*.pem', pattern]);
        return exclusion?.cause === 'refused' && exclusion.pattern === pattern && excludingPattern(path, [pattern]) === pattern;
      }),
      { numRuns: 300 },
    );
    const exclusion = exclusionOf('src/app.ts', ['*.@(pem|key)']);
    assert.ok(exclusion !== undefined);
    assert.match(exclusionReason(exclusion), /"\*\.@\(pem\|key\)" cannot be used: extglob syntax .* every file is treated as excluded/);
  });

  test('R43: a leading ! and an escaped parenthesis: the first is refused, the second is an ordinary character', () => {
    assert.equal(exclusionOf('src/app.ts', ['!src/keep.ts'])?.cause, 'refused');
    assert.equal(unusableExclusion(['**/*.pem', '!src/keep.ts'])?.pattern, '!src/keep.ts');
    assert.equal(unusableExclusion(DEFAULT_EXCLUDE), undefined);
    assert.match(exclusionReason({ pattern: '!x', cause: 'refused', refusal: 'negation' }), /leading ! \(negation\) is not supported/);
    assert.equal(exclusionOf('src/app.ts', ['copy\\(1\\).txt']), undefined);
    assert.equal(exclusionOf('copy(1).txt', ['copy\\(1\\).txt'])?.cause, 'matches');
  });

  test('R42: an exclusion pattern over a limit excludes every file instead of nothing; the name in the reason is inert', () => {
    const long = `secrets/${'x'.repeat(GLOB_LIMITS.maxLength)}\u2028`;
    assert.equal(exclusionOf('src/app.ts', [long])?.cause, 'refused');
    assert.equal(exclusionOf('src/app.ts', ['*a*b*c*d*e*f*g*h*i'])?.cause, 'refused');
    const reason = exclusionReason({ pattern: 'a\u2028b', cause: 'refused', refusal: 'too-long' });
    assert.ok(!reason.includes('\u2028'), reason);
    assert.match(reason, /longer than 256 characters/);
  });

  test('R42: architect.exclude of more patterns than the limit excludes every file, with the reason', () => {
    const patterns = Array.from({ length: GLOB_LIMITS.maxExcludePatterns + 1 }, (_, index) => `never-${index}.txt`);
    const exclusion = exclusionOf('src/app.ts', patterns);
    assert.equal(exclusion?.cause, 'too-many');
    assert.match(exclusionReason(exclusion ?? { pattern: '', cause: 'too-many' }), /more than 128 patterns/);
    assert.equal(exclusionOf('src/app.ts', patterns.slice(0, GLOB_LIMITS.maxExcludePatterns)), undefined);
  });

  test('R43: an extglob or ! glob in applyTo is skipped with a note that names it; the file still applies by its other globs', async () => {
    const text = ['---', 'applyTo: ["**/*.@(ts|js)", "!src/**", "src/**/*.py"]', '---', 'Rules.'].join('\n');
    const parsed = parseInstructionFile(text);
    assert.ok(parsed.applyTo.kind === 'globs');
    assert.deepEqual(parsed.applyTo.globs, ['src/**/*.py']);
    const choice = chooseInstructions([scoped('.github/instructions/ext.instructions.md', text)], ['src/a.py']);
    assert.equal(choice.chosen.length, 1);
    const part = await instructionsPart(choice, { exclude: [], redactSecrets: false });
    assert.ok(part.notes.some((note) => note.includes('the applyTo glob "**/*.@(ts|js)" was ignored: extglob syntax')));
    assert.ok(part.notes.some((note) => note.includes('the applyTo glob "!src/**" was ignored: a leading !')));
  });
});

describe('R42 one set of limits', () => {
  test('R42: a find_files pattern is held to the same length and wildcard limits', () => {
    assert.equal(parseToolInput(findFilesInput, { pattern: `src/${'a'.repeat(GLOB_LIMITS.maxLength)}` }).ok, false);
    assert.equal(parseToolInput(findFilesInput, { pattern: `src/${'a'.repeat(GLOB_LIMITS.maxLength - 10)}` }).ok, true);
  });

  test('R42: scoped instruction files beyond the limit are not considered, and a note says how many', async () => {
    const files = Array.from({ length: GLOB_LIMITS.maxScopedInstructionFiles + 5 }, (_, index) =>
      scoped(`.github/instructions/f${String(index).padStart(3, '0')}.instructions.md`, '---\napplyTo: "**/*.ts"\n---\nRule.'),
    );
    const choice = chooseInstructions(files, ['src/a.ts']);
    assert.equal(choice.chosen.length, GLOB_LIMITS.maxScopedInstructionFiles);
    assert.equal(choice.scopedLeftOut, 5);
    const part = await instructionsPart(choice, { exclude: [], redactSecrets: false });
    assert.ok(part.notes.some((note) => note.includes('5 scoped instruction files were not considered (at most 64 are read)')));
  });
});
