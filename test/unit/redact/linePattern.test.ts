import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { credentialRules } from '../../../src/core/redact/credentialRules';
import { tokenRules } from '../../../src/core/redact/extraRules';
import { type LinePattern, matchesOf } from '../../../src/core/redact/linePattern';

const LINE_PATTERNS: LinePattern[] = [...tokenRules, ...credentialRules].flatMap((rule) =>
  rule.patterns.filter((pattern): pattern is LinePattern => !(pattern instanceof RegExp)),
);

/** Offsets in the whole text, the match and its secret: what a rule reports. */
function found(matches: Iterable<{ match: RegExpMatchArray; offset: number }>): string[] {
  return [...matches].map(({ match, offset }) => {
    const secret = match.indices?.groups?.['secret'];
    return `${offset + (match.index ?? 0)} ${match[0]} ${secret ? `${offset + secret[0]}:${match.groups?.['secret']}` : ''}`;
  });
}

function wholeText(text: string, pattern: LinePattern): string[] {
  return found([...text.matchAll(pattern.pattern)].map((match) => ({ match, offset: 0 })));
}

// Pieces of the lines the patterns look for, and of the lines around them, including the other line
// terminators of multiline mode (`\r`, U+2028), which a line pattern does not split at.
const PIECES = [
  'password = ',
  'db.passwd: ',
  '"hunter2hunter2"',
  "'s3cret'",
  'redis://user:',
  'pa55@host',
  'db:5432:app:user:',
  `${'A'.repeat(76)}AZDO`,
  'password',
  'PassWd',
  'db.pwd',
  '_password',
  ' = ',
  '=',
  ': ',
  ':',
  '"',
  "'",
  'hunter2hunter2',
  's3cret',
  '${X}',
  'string',
  ' ',
  '\t',
  '\n',
  '\n',
  '\r',
  '\r\n',
  '\u2028',
  'redis://',
  'amqp://',
  'https://',
  'user',
  '@host',
  '/path',
  ':5432:',
  ':*:',
  'db',
  '#',
  'A'.repeat(76),
  'AZDO',
  'abcd',
  '.',
  '-',
  'secret',
  'client-secret',
  '${X:',
  ':-',
  '}',
  '("password", "',
  '")',
  `${['AK', 'IA'].join('')}${'Q'.repeat(16)}`,
  'Ab1/'.repeat(10),
];

describe('line patterns', () => {
  test('the rules have line patterns, and each finds some secret', () => {
    assert.ok(LINE_PATTERNS.length >= 5);
    const text = [
      'password = "hunter2hunter2"',
      'db.password=s3cret-value',
      'redis://user:pa55word@cache',
      'amqp://user:pa/ss@queue',
      'db:5432:app:user:s3cret',
      `${'A'.repeat(76)}AZDOabcd`,
      'db.password=${DB_PW:s3cret}',
      'client-secret: s3cret-value',
      '"secret": "s3cret-value"',
      'SECRET=${S:-s3cret}',
      'os.getenv("DB_PASSWORD", "s3cret-value")',
      'os.getenv("API_SECRET", "s3cret-value")',
      `${'Ab1/'.repeat(10)},${['AK', 'IA'].join('')}${'Q'.repeat(16)}`,
    ].join('\n');
    for (const pattern of LINE_PATTERNS) assert.ok(wholeText(text, pattern).length > 0, String(pattern.pattern));
  });

  test('property: searching only the lines with the needle finds what searching the whole text finds', () => {
    const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, (sample) => {
        for (const pattern of LINE_PATTERNS) assert.deepEqual(found(matchesOf(sample, pattern)), wholeText(sample, pattern));
      }),
      { numRuns: 5000 },
    );
  });
});
