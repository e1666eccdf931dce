import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_RELATED_CANDIDATES, acceptedRelated } from '../../../src/core/sources/acceptedRelated';
import { candidate } from './relatedFixtures';

const EXCLUDE = ['.env', '.env.*', '**/*.pem', 'secrets/**'];

describe('related code: screening and ranking', () => {
  test('what the code under review uses directly comes first, then types, then callers, in the order found', () => {
    const ranked = acceptedRelated(
      [
        candidate({ symbol: 'handler', reason: 'caller', usedAt: 'createOrder', startLine: 30, endLine: 31 }),
        candidate({ symbol: 'Order', reason: 'type', startLine: 1, endLine: 3 }),
        candidate({ symbol: 'findOrders', reason: 'definition' }),
        candidate({ symbol: 'insertOrder', reason: 'definition', startLine: 20, endLine: 22 }),
      ],
      EXCLUDE,
    );
    assert.deepEqual(
      ranked.map((one) => one.symbol),
      ['findOrders', 'insertOrder', 'Order', 'handler'],
    );
  });

  test('each symbol is sent once, at its best rank; callers at different places are kept apart', () => {
    const ranked = acceptedRelated(
      [
        candidate({ symbol: 'Order', reason: 'type' }),
        candidate({ symbol: 'Order', reason: 'definition' }),
        candidate({ symbol: 'findOrders' }),
        candidate({ symbol: 'findOrders', startLine: 40, endLine: 41 }),
        candidate({ symbol: '<module>', reason: 'caller', usedAt: 'createOrder', startLine: 50, endLine: 50 }),
        candidate({ symbol: '<module>', reason: 'caller', usedAt: 'createOrder', startLine: 55, endLine: 55 }),
      ],
      EXCLUDE,
    );
    assert.deepEqual(
      ranked.map((one) => [one.symbol, one.reason, one.startLine]),
      [
        ['Order', 'definition', 10],
        ['findOrders', 'definition', 10],
        ['<module>', 'caller', 50],
        ['<module>', 'caller', 55],
      ],
    );
  });

  test('a declaration in an excluded file, a binary file or at lines outside the file is not sent', () => {
    const ranked = acceptedRelated(
      [
        candidate({ label: 'secrets/keys.ts', matchPath: 'secrets/keys.ts', symbol: 'apiKey' }),
        candidate({ label: 'config/.env.local', matchPath: 'config/.env.local', symbol: 'DB_URL' }),
        candidate({ label: 'img/logo.ts', matchPath: 'img/logo.ts', symbol: 'logo', text: 'PNG\u0000\u0001' }),
        candidate({ symbol: 'backwards', startLine: 9, endLine: 3 }),
        candidate({ symbol: 'blank', text: '  \n \n' }),
        candidate({ symbol: 'findOrders' }),
      ],
      EXCLUDE,
    );
    assert.deepEqual(
      ranked.map((one) => one.symbol),
      ['findOrders'],
    );
  });

  test('a symbol found 10,000 times costs at most the cap of candidates', () => {
    const many = Array.from({ length: 10_000 }, (_, index) =>
      candidate({
        symbol: `handler${index}`,
        reason: 'caller',
        startLine: 1 + (index % 60),
        endLine: 1 + (index % 60),
        key: `file:///ws/src/f${index}.ts`,
      }),
    );
    const ranked = acceptedRelated(many, EXCLUDE);
    assert.equal(ranked.length, MAX_RELATED_CANDIDATES);
    assert.equal(ranked[0]?.symbol, 'handler0');
  });
});
