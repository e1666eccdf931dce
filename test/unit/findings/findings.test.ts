import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseFindings } from '../../../src/core/findings/parseFindings';
import { renderFindings } from '../../../src/core/findings/renderFindings';
import { type SentPiece } from '../../../src/core/request/plan';

const api: SentPiece = {
  key: 'k1',
  uri: 'file:///ws/src/api.ts',
  label: 'src/api.ts',
  matchPath: 'src/api.ts',
  startLine: 10,
  endLine: 40,
  totalLines: 200,
  complete: false,
};
const db: SentPiece = {
  key: 'k2',
  uri: 'file:///ws/src/db.ts',
  label: 'src/db.ts',
  matchPath: 'src/db.ts',
  startLine: 1,
  endLine: 20,
  totalLines: 20,
  complete: true,
};

describe('findings', () => {
  test('valid findings are placed on the piece they name, or the only one', () => {
    const parsed = parseFindings('[{"line": 12, "severity": "HIGH", "title": "No validation", "rule": "VAL-1"}]', [api]);
    assert.equal(parsed.findings.length, 1);
    assert.equal(parsed.findings[0]?.piece, api);
    assert.equal(parsed.findings[0]?.severity, 'high');
    assert.equal(parsed.findings[0]?.endLine, 12);
    const two = parseFindings(
      '[{"line": 3, "file": "./src/db.ts", "severity": "low", "title": "x"}, {"line": 11, "file": "api.ts", "severity": "info", "title": "y"}]',
      [api, db],
    );
    assert.deepEqual(
      two.findings.map((finding) => finding.piece.key),
      ['k2', 'k1'],
    );
  });

  test('R32: a missing block is not an error and changes nothing', () => {
    const parsed = parseFindings(undefined, [api]);
    assert.deepEqual(parsed, { blockFound: false, findings: [], dropped: [], unshown: 0 });
    assert.equal(renderFindings(parsed), '');
  });

  test('R32: a malformed block is reported in one line', () => {
    const parsed = parseFindings('this is not json', [api]);
    assert.equal(parsed.blockFound, false);
    assert.equal(renderFindings(parsed), '_1 finding was dropped: the findings block is not a JSON array._');
  });

  test('R32: invalid entries are dropped with a note; lines outside the attached lines are counted as not shown', () => {
    const parsed = parseFindings(
      JSON.stringify([
        { line: 5, severity: 'high', title: 'before the window' },
        { line: 39, endLine: 45, severity: 'high', title: 'runs past the window' },
        { line: 20, severity: 'urgent', title: 'bad severity' },
        { line: 0, severity: 'low', title: 'zero' },
        { line: 20, severity: 'low', title: 'other file', file: 'src/missing.ts' },
        { line: 20, severity: 'medium', title: 'good one' },
      ]),
      [api],
    );
    assert.deepEqual(
      parsed.findings.map((finding) => finding.title),
      ['good one'],
    );
    assert.deepEqual(parsed.dropped, ['#3: invalid "severity"', '#4: invalid "line"']);
    // Before the window, past it, and a file never attached: findings on code the model was not shown.
    assert.equal(parsed.unshown, 3);
  });

  test('trailing commas and prose around the array are tolerated', () => {
    assert.equal(parseFindings('Here you go: [{"line": 12, "severity": "low", "title": "x"},]', [api]).findings.length, 1);
  });

  test('without a file, findings need exactly one attached file', () => {
    assert.deepEqual(parseFindings('[{"line": 12, "severity": "low", "title": "x"}]', [api, db]).dropped, ['#1: no file named']);
  });

  test('the list is numbered by severity, one line per finding with its fix below, and its fields cannot load images', () => {
    const parsed = parseFindings(
      JSON.stringify([
        { line: 30, severity: 'low', title: 'a | b' },
        {
          line: 12,
          severity: 'critical',
          title: 'SQL injection ![x](https://evil.example/a.png)',
          rule: 'SEC-2',
          fix: 'Use [parameters](command:x)',
        },
      ]),
      [api],
    );
    const lines = renderFindings(parsed).split('\n');
    assert.equal(lines[0], '**Findings** (2, also in the Problems panel)');
    assert.equal(
      lines[2],
      '1. 🛑 critical · [src/api\\.ts:12](file:///ws/src/api.ts#L12) · SEC\\-2 · SQL injection *[x: image not loaded]* \\',
    );
    assert.match(lines[3] ?? '', /^ {3}Fix: Use /);
    assert.ok(!(lines[3] ?? '').includes('](command:'), lines[3]);
    assert.equal(lines[4], '2. 🔵 low · [src/api\\.ts:30](file:///ws/src/api.ts#L30) · a | b');
    assert.equal(lines.length, 5);
  });

  test('an empty array says there are none', () => {
    assert.equal(renderFindings(parseFindings('[]', [api])), '**Findings**: none.');
  });
});
