import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnswerStreamFilter } from '../../../src/core/answer/answerStreamFilter';
import { estimateMessagesTokens } from '../../../src/core/budget/budgetPolicy';
import { parseFindings } from '../../../src/core/findings/parseFindings';
import { parsePersona } from '../../../src/core/persona/parsePersona';
import { fenced } from '../../../src/core/prompt/fence';
import { findSecrets } from '../../../src/core/redact/findSecrets';
import { buildRequest } from '../../../src/core/request/buildRequest';
import { type SentPiece } from '../../../src/core/request/plan';
import { fileSource, shippedPersona } from '../support/helpers';

/** One seed for every property, printed so a failure can be replayed: FC_SEED=<seed> npm run test:unit. */
const SEED = Number(process.env['FC_SEED'] ?? 20261126);
const RUNS = Number(process.env['FC_RUNS'] ?? 5000);

async function property<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => boolean | Promise<boolean>,
  runs = RUNS,
): Promise<void> {
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => check(value)),
    { seed: SEED, numRuns: runs },
  );
  console.log(`  property "${name}": ${runs} inputs tried (seed ${SEED}, ${Date.now() - started} ms)`);
}

const source = { kind: 'workspace' as const, uri: 'file:///p.md', label: 'p.md' };

// Text with the characters that matter to the parsers: fences, YAML syntax, CRLF, BOM, invisible ones.
const nastyChar = fc.constantFrom(
  '`',
  '~',
  '-',
  ':',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '#',
  '&',
  '*',
  '!',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '\u202E',
  '\u200B',
  '\uFEFF',
  'a',
  'Z',
  '0',
  '|',
  '<',
  '>',
);
const nastyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.array(nastyChar, { maxLength: 300 }).map((chars) => chars.join('')),
);

const frontMatterValue = fc.oneof(
  fc.string({ maxLength: 90 }),
  fc.constantFrom(
    '',
    '~',
    'null',
    '[a, b]',
    '{x: 1}',
    '2024-01-01',
    '*anchor',
    '&a x',
    '|\n  block',
    '>\n  folded',
    '"unterminated',
    '- item',
    '!!binary aGVsbG8=',
    '!!js/function "function(){}"',
    '123',
    'true',
  ),
);
const personaFile = fc
  .record({
    open: fc.constantFrom('---', '---js', '---javascript', '---yaml', '--- ', '----', '', '\uFEFF---', '---coffee'),
    keys: fc.array(fc.tuple(fc.constantFrom('name', 'description', 'id', 'model', 'tools', 'color', 'other', 'name '), frontMatterValue), {
      maxLength: 6,
    }),
    close: fc.constantFrom('---', '', '--- extra', '...'),
    body: nastyText,
    newline: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ open, keys, close, body, newline }) => [open, ...keys.map(([key, value]) => `${key}: ${value}`), close, body].join(newline));

describe('properties of the pure core (fast-check)', () => {
  test('persona parser: no exception escapes, and a result is either a persona or problems', async () => {
    await property('persona parser', fc.oneof(personaFile, nastyText), (text) => {
      const result = parsePersona(text, 'p.md', source);
      if (result.ok) return result.persona.name.trim().length > 0 && result.persona.body.trim().length > 0;
      return result.problems.length > 0 && result.problems.every((problem) => problem.message.length > 0);
    });
  });

  test('fence builder: nothing inside a fence can close it', async () => {
    const withBackticks = fc
      .array(fc.oneof(fc.constantFrom('`', '``', '```', '````', '`````````', '\n', '   ', 'x', '~~~'), fc.string({ maxLength: 5 })), {
        maxLength: 60,
      })
      .map((parts) => parts.join(''));
    await property('fence builder', withBackticks, (text) => {
      const lines = fenced(text, 'ts').split('\n');
      const fence = (lines[0] ?? '').replace(/ts$/, '');
      const closing = new RegExp(`^ {0,3}\`{${fence.length},}\\s*$`);
      return lines.slice(1, -1).every((line) => !closing.test(line)) && lines.at(-1) === fence;
    });
  });

  const sentPieces = fc
    .array(
      fc.record({
        start: fc.integer({ min: 1, max: 500 }),
        length: fc.integer({ min: 0, max: 200 }),
        name: fc.constantFrom('src/a.ts', 'src/b.ts', 'lib/c.py'),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map((pieces): SentPiece[] =>
      pieces.map((piece, index) => ({
        key: `k${index}`,
        uri: `file:///ws/${piece.name}`,
        label: piece.name,
        matchPath: piece.name,
        startLine: piece.start,
        endLine: piece.start + piece.length,
        totalLines: 1000,
        complete: false,
      })),
    );
  const findingLike = fc.record(
    {
      line: fc.oneof(fc.integer({ min: -5, max: 800 }), fc.constantFrom('7', null, 1.5)),
      endLine: fc.oneof(fc.integer({ min: -5, max: 800 }), fc.constant(undefined)),
      file: fc.oneof(fc.constantFrom('src/a.ts', './src/b.ts', 'c.py', 'missing.ts', '', '../x'), fc.string({ maxLength: 20 })),
      severity: fc.oneof(fc.constantFrom('critical', 'HIGH', ' medium ', 'low', 'info', 'urgent'), fc.string({ maxLength: 8 })),
      title: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('')),
      rule: fc.oneof(fc.string({ maxLength: 50 }), fc.constant(undefined)),
    },
    { requiredKeys: [] },
  );
  const findingsBlock = fc.oneof(
    fc.array(findingLike, { maxLength: 12 }).map((items) => JSON.stringify(items)),
    fc.array(findingLike, { maxLength: 4 }).map((items) => `Here: ${JSON.stringify(items)},`),
    nastyText,
    fc.json(),
  );

  test('findings parser: never throws, and findings never point outside the attached lines', async () => {
    await property('findings parser', fc.tuple(findingsBlock, sentPieces), ([block, sent]) => {
      const parsed = parseFindings(block, sent);
      return parsed.findings.every(
        (finding) =>
          sent.includes(finding.piece) &&
          finding.line >= finding.piece.startLine &&
          finding.endLine <= finding.piece.endLine &&
          finding.line <= finding.endLine,
      );
    });
  });

  const secret = fc.oneof(
    fc.stringMatching(/^ghp_[A-Za-z0-9]{36}$/),
    fc.stringMatching(/^AKIA[A-Z2-7]{16}$/),
    fc.stringMatching(/^xoxb-[0-9]{10}-[0-9]{13}-[A-Za-z0-9]{24}$/),
    fc.stringMatching(/^sk_live_[0-9a-zA-Z]{24}$/),
    fc
      .tuple(fc.stringMatching(/^[a-z]{3,10}$/), fc.stringMatching(/^[A-Za-z0-9]{8,16}$/))
      .map(([user, password]) => `postgres://${user}:${password}@db.internal:5432/app`),
  );
  const codeWithSecrets = fc
    .tuple(
      fc.array(
        fc.tuple(
          fc.string({ maxLength: 40 }).map((text) => text.replace(/[A-Za-z0-9_]+$/, '')),
          secret,
        ),
        { minLength: 1, maxLength: 4 },
      ),
      fc.string({ maxLength: 40 }),
    )
    .map(([parts, tail]) => ({
      text: parts.map(([before, value]) => `${before} "${value}";\n`).join('') + tail,
      secrets: parts.map(([, value]) => value),
    }));

  test('redaction: no known secret pattern is left behind, and redacting again changes nothing', async () => {
    await property(
      'redaction',
      codeWithSecrets,
      async ({ text, secrets }) => {
        const once = await redactAll(text);
        if (secrets.some((value) => once.includes(value))) return false;
        const twice = await redactAll(once);
        return twice === once;
      },
      RUNS,
    );
  });

  test("budget: the prompt never exceeds the model's input limit", async () => {
    const persona = shippedPersona();
    const scenario = fc.record({
      maxInputTokens: fc.integer({ min: 3000, max: 200_000 }),
      lines: fc.integer({ min: 0, max: 3000 }),
      width: fc.integer({ min: 1, max: 400 }),
      selection: fc.option(fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 200 }))),
      history: fc.integer({ min: 0, max: 12 }),
      question: fc.string({ maxLength: 200 }),
      // Invisible characters render ten times longer (⟦U+200B⟧): the budget must hold anyway.
      hidden: fc.integer({ min: 0, max: 12 }),
    });
    await property(
      'budget',
      scenario,
      async ({ maxInputTokens, lines, width, selection, history, question, hidden }) => {
        const text = Array.from(
          { length: lines },
          (_, index) => `${index}:${'x'.repeat((index * 7919) % width)}${'\u200B'.repeat(index % 3 === 0 ? hidden : 0)}`,
        ).join('\n');
        const focus = selection ? { kind: 'selection' as const, startLine: selection[0], endLine: selection[0] + selection[1] } : undefined;
        const plan = await buildRequest({
          command: 'review',
          question,
          persona,
          context: [{ kind: 'attachments', sources: [fileSource('src/a.ts', text, focus)] }],
          history: Array.from({ length: history }, (_, index) => ({
            request: `q${index} ${'r'.repeat(300)}`,
            response: `a${index} ${'s'.repeat(900)}`,
          })),
          exclude: [],
          redactSecrets: true,
          maxInputTokens,
        });
        if (plan.tooLarge !== undefined || plan.answerWithoutModel !== undefined) return plan.messages.length === 0;
        const fits =
          estimateMessagesTokens(plan.messages.map((message) => message.text)) <= plan.budgetTokens && plan.budgetTokens < maxInputTokens;
        // The first selected line is always among what is sent.
        const first = focus ? Math.min(focus.startLine, Math.max(lines, 1)) : undefined;
        const piece = plan.sent[0];
        return fits && (first === undefined || (piece !== undefined && piece.startLine <= first && piece.endLine >= first));
      },
      RUNS,
    );
  });

  test('answer filter: the shown text and the findings block do not depend on how the stream is chunked', async () => {
    const answer = fc
      .array(
        fc.oneof(
          nastyText,
          fc.constantFrom(
            '```ts\nconst a = 1;\n```\n',
            '```architect-findings\n[]\n```\n',
            '![x](https://e.x/a.png)',
            '[y](command:z)',
            '\n',
          ),
        ),
        { maxLength: 8 },
      )
      .map((parts) => parts.join(''));
    const run = (chunks: readonly string[]) => {
      const filter = new AnswerStreamFilter();
      const shown = chunks.map((chunk) => filter.push(chunk)).join('');
      const end = filter.end();
      return { shown: shown + end.rest, block: end.findingsBlock };
    };
    await property(
      'answer filter chunking',
      fc.tuple(answer, fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 1, maxLength: 20 })),
      ([text, sizes]) => {
        const chunks: string[] = [];
        for (let at = 0, index = 0; at < text.length; index++) {
          const size = sizes[index % sizes.length] ?? 1;
          chunks.push(text.slice(at, at + size));
          at += size;
        }
        const whole = run([text]);
        const split = run(chunks);
        return whole.shown === split.shown && whole.block === split.block;
      },
    );
  });
});

async function redactAll(text: string): Promise<string> {
  const found = await findSecrets(text);
  let result = text;
  for (const range of [...found].reverse()) result = `${result.slice(0, range.start)}[REDACTED:${range.kind}]${result.slice(range.end)}`;
  assert.ok(found.every((range) => range.end <= text.length));
  return result;
}
